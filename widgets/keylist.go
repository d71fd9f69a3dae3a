package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's List and Tree answer only Space, Up and Down (and the tree Left and Right). A reader
// expects more of a list that has the keyboard, and expects it the same in every list of the
// window: keyList and keyTree add Return and the keypad's Enter (acting as Space does),
// Page Up / Page Down, Home and End. They embed the toolkit's widget, so that a tap on a row
// focuses them (the toolkit focuses the widget it was extended with), not the inner list.

var (
	_ fyne.Focusable = (*keyList)(nil)
	_ fyne.Focusable = (*keyTree)(nil)
)

// keyList is a widget.List that takes a reader's keys.
type keyList struct {
	widget.List
	// highlight is the row the keyboard is on (the toolkit keeps its own copy private).
	highlight widget.ListItemID
	// rowHeight is the height of a fresh row, to count the rows of a page.
	rowHeight float32
	// keysTo, when set, takes the keyboard instead of the list: a picker's list (the quick
	// switcher's, search's) is driven from its query box, and the focus that Tab or a
	// click gives the list goes back there, so Enter opens the row the box has chosen.
	keysTo fyne.Focusable
}

// newKeyList is widget.NewList for a list that takes a reader's keys.
func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.OnHighlighted = func(id widget.ListItemID) { l.highlight = id }
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained implements fyne.Focusable.
func (l *keyList) FocusGained() {
	if l.keysTo != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
			c.Focus(l.keysTo)
			return
		}
	}
	l.List.FocusGained()
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	if l.keysTo != nil {
		l.keysTo.TypedKey(e)
		return
	}
	n := l.Length()
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.activate()
	case fyne.KeyPageDown:
		l.moveTo(l.highlight+l.pageRows(), n)
	case fyne.KeyPageUp:
		l.moveTo(l.highlight-l.pageRows(), n)
	case fyne.KeyHome:
		l.moveTo(0, n)
	case fyne.KeyEnd:
		l.moveTo(n-1, n)
	default:
		l.List.TypedKey(e)
	}
}

// activate selects the highlighted row, even when it is selected already: the lists use
// selection as "act on this row", and a second Enter on the same row must act again.
func (l *keyList) activate() {
	n := l.Length()
	if n == 0 {
		return
	}
	id := min(max(l.highlight, 0), n-1)
	l.Unselect(id)
	l.Select(id)
}

func (l *keyList) moveTo(id, n int) {
	if n == 0 {
		return
	}
	id = min(max(id, 0), n-1)
	if id != l.highlight {
		l.RefreshItem(l.highlight)
	}
	l.Highlight(id)
}

// pageRows is how many rows one page of the list shows (at least one).
func (l *keyList) pageRows() int {
	if l.rowHeight == 0 && l.CreateItem != nil {
		l.rowHeight = l.CreateItem().MinSize().Height + theme.Padding()
	}
	return rowsInPage(l.Size().Height, l.rowHeight)
}

// rowsInPage is how far Page Up and Page Down move in a list of rows of rowHeight shown
// height high: a screen less one row, and at least one row.
func rowsInPage(height, rowHeight float32) int {
	if rowHeight <= 0 {
		return 1
	}
	return max(1, int(height/rowHeight)-1)
}

// keyTree is a widget.Tree that takes a reader's keys.
type keyTree struct {
	widget.Tree
	highlight widget.TreeNodeID
	rowHeight float32
}

// extendKeyTree finishes a keyTree whose fields are set.
func extendKeyTree(t *keyTree) *keyTree {
	t.OnHighlighted = func(uid widget.TreeNodeID) { t.highlight = uid }
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey implements fyne.Focusable.
func (t *keyTree) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.activate()
	case fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyHome, fyne.KeyEnd:
		rows := t.visibleRows()
		if len(rows) == 0 {
			return
		}
		at := 0
		for i, uid := range rows {
			if uid == t.highlight {
				at = i
			}
		}
		switch e.Name {
		case fyne.KeyPageDown:
			at += t.pageRows()
		case fyne.KeyPageUp:
			at -= t.pageRows()
		case fyne.KeyHome:
			at = 0
		case fyne.KeyEnd:
			at = len(rows) - 1
		}
		t.Highlight(rows[min(max(at, 0), len(rows)-1)])
	default:
		t.Tree.TypedKey(e)
	}
}

// activate selects the highlighted node as Space does, and again when it is selected.
func (t *keyTree) activate() {
	if t.highlight == "" {
		return
	}
	t.Unselect(t.highlight)
	t.Select(t.highlight)
}

// visibleRows lists the nodes on show, top to bottom: the children of every open branch.
func (t *keyTree) visibleRows() []widget.TreeNodeID {
	var rows []widget.TreeNodeID
	var walk func(uid widget.TreeNodeID)
	walk = func(uid widget.TreeNodeID) {
		if t.ChildUIDs == nil {
			return
		}
		for _, c := range t.ChildUIDs(uid) {
			rows = append(rows, c)
			if t.IsBranch != nil && t.IsBranch(c) && t.IsBranchOpen(c) {
				walk(c)
			}
		}
	}
	walk(t.Root)
	return rows
}

func (t *keyTree) pageRows() int {
	if t.rowHeight == 0 && t.CreateNode != nil {
		t.rowHeight = t.CreateNode(false).MinSize().Height + theme.Padding()
	}
	return rowsInPage(t.Size().Height, t.rowHeight)
}
