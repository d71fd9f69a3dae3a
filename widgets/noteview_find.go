package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Find in note (issue #15, item 2): ShowFind opens a bar over the top right of the note; what
// is typed in it is found in the note's text as the note shows it (without regard to case
// or accents, any run of white space matching any other, as ShowMatch compares), counted
// ("3 of 17") and marked, the current occurrence in a stronger colour and scrolled into
// view. Enter and F3 go to the next, Shift+Enter and Shift+F3 to the previous, Escape closes.
//
// Counting reads the plain text of every row; marking rewrites a row's segments (as ShowMatch
// does) only when the row gets its widget (pageBody.beforeRow), so a 1 MB note with thousands
// of occurrences marks only the few rows in view.

// noteFind is the state of the find bar: the query, every occurrence in the note in order,
// which one is current, and the marks made so far.
type noteFind struct {
	bar   *findBar
	open  bool
	query string
	hits  []findHit
	// rowHits gives the occurrences of a row, as [first, end) in hits.
	rowHits map[int][2]int
	current int // index in hits; -1 for none
	marks   *shownMatch
	marked  map[int]bool
}

// findHit is one occurrence: its row, where it starts in the row's plain text, and its marks
// once the row is marked.
type findHit struct {
	row, start int
	segs       []*matchSegment
}

// ShowFind opens the find bar (or, open already, selects its text so that typing replaces
// it) and returns the entry, for the caller to give the keyboard focus to.
func (v *NoteView) ShowFind() fyne.Focusable {
	f := v.find
	if !f.open {
		v.ClearMatch()
		f.open = true
		v.Refresh()
	}
	f.bar.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	return f.bar.entry
}

// HideFind closes the find bar and takes its marks away; the keyboard goes back to the note.
func (v *NoteView) HideFind() {
	f := v.find
	if !f.open {
		return
	}
	f.open = false
	v.clearFindMarks()
	v.body.sync()
	v.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// FindOpen reports whether the find bar is open.
func (v *NoteView) FindOpen() bool { return v.find.open }

// FindStatus is what the find bar says of the occurrences: "3 of 17", "No matches", or ""
// with nothing to find.
func (v *NoteView) FindStatus() string { return v.find.bar.count.Text }

// FindNext makes the next occurrence current (after the last, the first) and scrolls to it.
func (v *NoteView) FindNext() { v.findStep(1) }

// FindPrevious makes the previous occurrence current (before the first, the last).
func (v *NoteView) FindPrevious() { v.findStep(-1) }

func (v *NoteView) findStep(d int) {
	f := v.find
	if !f.open || len(f.hits) == 0 {
		return
	}
	v.setCurrent((f.current + d + len(f.hits)) % len(f.hits))
	v.findReveal()
}

// findQuery finds query in the note afresh, as it is typed. The current occurrence is the
// first at or after the top of the view, so finding does not jump away from what is read.
func (v *NoteView) findQuery(query string) {
	f := v.find
	v.clearFindMarks()
	f.query, f.rowHits = query, map[int][2]int{}
	if v.note != nil && trimSpace(query) != "" {
		for i, row := range v.note.rows {
			found, _ := (*shownMatch)(nil).mark(row, query)
			if len(found) == 0 {
				continue
			}
			f.rowHits[i] = [2]int{len(f.hits), len(f.hits) + len(found)}
			for _, o := range found {
				f.hits = append(f.hits, findHit{row: i, start: o.start})
			}
		}
	}
	if len(f.hits) > 0 {
		top := v.body.rowAt(max(v.body.scroll.Offset.Y, 0))
		f.current = 0
		for k, h := range f.hits {
			if h.row >= top {
				f.current = k
				break
			}
		}
	}
	for i := range f.rowHits {
		delete(v.body.live, i) // made again, marked, by sync
	}
	v.body.sync()
	f.bar.setCount(f.current, len(f.hits), query)
	if f.current >= 0 {
		v.findReveal()
	}
}

// findMarkRow marks the occurrences in row i before its widget is made.
func (v *NoteView) findMarkRow(i int) {
	f := v.find
	r, ok := f.rowHits[i]
	if !f.open || !ok || f.marked[i] {
		return
	}
	found, _ := f.marks.mark(v.note.rows[i], f.query)
	f.marked[i] = true
	for k := range found {
		if h := r[0] + k; h < r[1] {
			f.hits[h].segs = found[k].segs
			for _, s := range found[k].segs {
				s.current = h == f.current
			}
		}
	}
}

// setCurrent makes occurrence k current, redrawing the rows of the old and the new one.
func (v *NoteView) setCurrent(k int) {
	f := v.find
	for _, h := range []int{f.current, k} {
		if h < 0 || h >= len(f.hits) {
			continue
		}
		for _, s := range f.hits[h].segs {
			s.current = h == k
		}
		delete(v.body.live, f.hits[h].row)
	}
	f.current = k
	v.body.sync()
	f.bar.setCount(k, len(f.hits), f.query)
}

// findReveal scrolls the current occurrence into view, a third of the way down when it has
// to move (clear of the bar, which covers the top of the view): its row first when the row
// is not in view, then the mark itself, which may be far down a long row or under the bar.
func (v *NoteView) findReveal() {
	f := v.find
	if f.current < 0 {
		return
	}
	b := v.body
	row := f.hits[f.current].row
	top, view := b.scroll.Offset.Y, b.viewHeight()
	if _, live := b.live[row]; !live || b.ys[row] >= top+view || b.ys[row+1] <= top {
		b.scrollToRow(row, -view/3)
	}
	if segs := f.hits[f.current].segs; len(segs) > 0 {
		v.revealMatch(row, segs[0], f.bar.MinSize().Height+v.Theme().Size(theme.SizeNamePadding))
	}
}

// clearFindMarks puts back the segments the find bar marked and forgets the occurrences.
func (v *NoteView) clearFindMarks() {
	f := v.find
	v.uncutRows() // rows are cut into words over the marks: put back first
	f.hits, f.rowHits, f.current = nil, nil, -1
	for i := len(f.marks.undo) - 1; i >= 0; i-- {
		u := f.marks.undo[i]
		if u.title {
			u.block.callout.title = u.segs
		} else {
			u.block.segs = u.segs
		}
	}
	for i := range f.marked {
		delete(v.body.live, i)
	}
	f.marks = &shownMatch{}
	f.marked = map[int]bool{}
}

// findAgain finds the query again in a note just shown (another note, or the same one
// changed on disk), when the bar is open.
func (v *NoteView) findAgain() {
	f := v.find
	if f.open {
		v.findQuery(f.query)
	}
}

// findBar is the bar itself: the entry, the count, previous, next and close.
type findBar struct {
	widget.BaseWidget
	entry             *findEntry
	count             *canvas.Text
	prev, next, close *iconButton
	bg                *canvas.Rectangle
}

func newFindBar(v *NoteView) *findBar {
	b := &findBar{
		count: canvas.NewText("", color.Black),
		prev:  newIconButton(theme.MoveUpIcon(), v.FindPrevious),
		next:  newIconButton(theme.MoveDownIcon(), v.FindNext),
		close: newIconButton(theme.CancelIcon(), v.HideFind),
		bg:    canvas.NewRectangle(color.Transparent),
	}
	b.entry = newFindEntry(v)
	b.ExtendBaseWidget(b)
	return b
}

// setCount shows "k+1 of n", or that nothing matches.
func (b *findBar) setCount(k, n int, query string) {
	switch {
	case trimSpace(query) == "":
		b.count.Text = ""
	case n == 0:
		b.count.Text = "No matches"
	default:
		b.count.Text = fmt.Sprintf("%d of %d", k+1, n)
	}
	b.Refresh()
}

// findBarEntryWidth is how wide the entry is: room for a phrase.
const findBarEntryWidth = 220

func (b *findBar) CreateRenderer() fyne.WidgetRenderer {
	r := &findBarRenderer{b: b}
	r.Refresh()
	return r
}

type findBarRenderer struct{ b *findBar }

func (r *findBarRenderer) Destroy() {}

func (r *findBarRenderer) Objects() []fyne.CanvasObject {
	b := r.b
	return []fyne.CanvasObject{b.bg, b.entry, b.count, b.prev, b.next, b.close}
}

// countWidth is the room kept for the count, so that the bar does not change width as it
// changes: "No matches" or "999 of 999".
func (r *findBarRenderer) countWidth() float32 {
	b := r.b
	return max(fyne.MeasureText("No matches", b.count.TextSize, b.count.TextStyle).Width,
		fyne.MeasureText("9999 of 9999", b.count.TextSize, b.count.TextStyle).Width)
}

func (r *findBarRenderer) MinSize() fyne.Size {
	b := r.b
	pad := theme.SizeForWidget(theme.SizeNamePadding, b)
	icon := theme.SizeForWidget(theme.SizeNameInlineIcon, b)
	h := b.entry.MinSize().Height
	return fyne.NewSize(pad+findBarEntryWidth+2*pad+r.countWidth()+3*(icon+pad)+pad, h+2*pad)
}

func (r *findBarRenderer) Layout(size fyne.Size) {
	b := r.b
	pad := theme.SizeForWidget(theme.SizeNamePadding, b)
	icon := theme.SizeForWidget(theme.SizeNameInlineIcon, b)
	b.bg.Resize(size)
	h := b.entry.MinSize().Height
	b.entry.Move(fyne.NewPos(pad, pad))
	b.entry.Resize(fyne.NewSize(findBarEntryWidth, h))
	x := pad + findBarEntryWidth + 2*pad
	c := b.count.MinSize()
	b.count.Move(fyne.NewPos(x, pad+(h-c.Height)/2))
	b.count.Resize(c)
	x += r.countWidth()
	for _, btn := range []*iconButton{b.prev, b.next, b.close} {
		btn.Move(fyne.NewPos(x, pad+(h-icon)/2))
		btn.Resize(fyne.NewSquareSize(icon))
		x += icon + pad
	}
}

func (r *findBarRenderer) Refresh() {
	b := r.b
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	b.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	b.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	b.bg.StrokeWidth = 1
	b.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	b.count.TextSize = th.Size(theme.SizeNameText)
	b.count.Color = th.Color(theme.ColorNameForeground, v)
	if b.count.Text == "No matches" {
		b.count.Color = th.Color(theme.ColorNameError, v)
	}
	b.bg.Refresh()
	b.count.Refresh()
	r.Layout(b.Size())
}

// findEntry is the find bar's entry: typing finds; Enter and F3 go to the next occurrence,
// with Shift to the previous; Escape closes the bar.
type findEntry struct {
	widget.Entry
	v     *NoteView
	shift bool
}

func newFindEntry(v *NoteView) *findEntry {
	e := &findEntry{v: v}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Find in note")
	e.OnChanged = v.findQuery
	return e
}

// KeyDown implements desktop.Keyable, to know whether Shift is held: Fyne makes no
// shortcut of Shift with Enter or F3.
func (e *findEntry) KeyDown(k *fyne.KeyEvent) {
	if isShift(k.Name) {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (e *findEntry) KeyUp(k *fyne.KeyEvent) {
	if isShift(k.Name) {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusLost implements fyne.Focusable: a Shift released elsewhere is not seen here.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey implements fyne.Focusable.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF3:
		if e.shift {
			e.v.FindPrevious()
		} else {
			e.v.FindNext()
		}
	case fyne.KeyEscape:
		e.v.HideFind()
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+F again selects what was typed (the
// window's own shortcuts, its menu's, never reach a focused widget).
func (e *findEntry) TypedShortcut(s fyne.Shortcut) {
	if k, ok := s.(*desktop.CustomShortcut); ok && k.KeyName == fyne.KeyF && k.Modifier == fyne.KeyModifierShortcutDefault {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	e.Entry.TypedShortcut(s)
}
