package widgets

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// PageTree shows the notes of a vault as a tree of folders, with a filter box above it.
// Each folder lists its subfolders first, then its notes by title, both in natural order
// ("Episode 2" before "Episode 10"), and shows how many notes it holds.
//
// The tree reads only the in-memory index: its order is worked out once per SetIndex, so
// scrolling through a folder of thousands of notes only looks names up. Call its methods on
// the UI goroutine.
type PageTree struct {
	widget.BaseWidget

	// OnSelected is called with the path of a note the user picked, by tapping it, with the
	// keyboard, or with Enter in the filter box. It is not called by Select.
	OnSelected func(path string)

	filter  *treeFilter
	clear   *pageTreeClear
	tree    *keyTree // the whole vault
	found   *keyTree // the notes that match the filter
	nothing *widget.Label

	model *pageTreeModel
	// attachments is set while the tree shows the vault's other files too.
	attachments bool
	matches     map[string]*pageTreeFolder // the filtered tree; nil without filter or matches
	terms       []string                   // the filter, lower case, split at spaces
	selected    string
	// quiet is above zero while the widget selects on its own account, so that the trees'
	// selection callbacks do not report it as the user's choice.
	quiet int
	// reveal is a note to scroll to as soon as the tree has a size.
	reveal string
}

// NewPageTree returns an empty page tree; SetIndex fills it.
func NewPageTree() *PageTree {
	p := &PageTree{model: newPageTreeModel(nil, false), attachments: true}
	p.filter = &treeFilter{tree: p}
	p.filter.ExtendBaseWidget(p.filter)
	p.filter.SetPlaceHolder("Filter notes")
	p.filter.OnChanged = p.filterChanged
	p.filter.OnSubmitted = func(string) { p.pickFirstMatch() }
	p.clear = newPageTreeClear(func() { p.SetFilter("") })
	p.clear.Hide()
	p.filter.ActionItem = p.clear

	p.tree = p.newTree(func(uid string) *pageTreeFolder { return p.model.folders[uid] })
	p.found = p.newTree(func(uid string) *pageTreeFolder { return p.matches[uid] })
	p.found.Hide()
	p.nothing = widget.NewLabel("")
	p.nothing.Alignment = fyne.TextAlignCenter
	p.nothing.Wrapping = fyne.TextWrapWord
	p.nothing.Importance = widget.LowImportance
	p.nothing.Hide()
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (p *PageTree) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(p.filter, nil, nil, nil,
		container.NewStack(p.tree, p.found, p.nothing)))
}

// Resize sets the widget's size, then scrolls to a note that Select could not scroll to
// while the tree had no size yet.
func (p *PageTree) Resize(size fyne.Size) {
	p.BaseWidget.Resize(size)
	if p.reveal != "" && p.tree.Size().Height > 0 {
		// A window is often laid out at its minimum size first: keep revealing until the
		// tree is tall enough to show the note with some rows around it.
		if p.scrollWithContext(p.tree, p.reveal) {
			p.reveal = ""
		}
	}
}

// SetIndex shows a new snapshot of the vault. Open folders stay open, the selected note stays
// selected and the filter stays applied wherever that still makes sense.
func (p *PageTree) SetIndex(ix *vault.Index) {
	p.model = newPageTreeModel(ix, p.attachments)
	if p.selected != "" && !p.model.has(p.selected) {
		p.quiet++
		p.selected = ""
		p.tree.UnselectAll()
		p.found.UnselectAll()
		p.quiet--
	}
	p.tree.Refresh()
	if len(p.terms) > 0 {
		p.applyFilter(false)
	}
}

// ShowAttachments shows the vault's files that are not notes (images, PDFs, recordings) in
// the tree, after the notes of their folder, or hides them.
func (p *PageTree) ShowAttachments(on bool) {
	if on == p.attachments {
		return
	}
	p.attachments = on
	p.SetIndex(p.model.ix)
}

// AttachmentsShown reports whether the tree shows the vault's other files.
func (p *PageTree) AttachmentsShown() bool { return p.attachments }

// Select selects the note at path and reveals it: its folders open and the tree scrolls to
// it. An empty or unknown path clears the selection. OnSelected is not called, so an app
// can call Select whenever a note opens, however it was opened.
func (p *PageTree) Select(path string) {
	p.quiet++
	defer func() { p.quiet-- }()
	if path == "" || pageTreeIsFolder(path) || !p.model.has(path) {
		p.selected = ""
		p.tree.UnselectAll()
		p.found.UnselectAll()
		return
	}
	p.selected = path
	p.revealIn(p.tree, path)
	if p.matched(path) {
		p.revealIn(p.found, path)
	} else {
		p.found.UnselectAll()
	}
}

// Selected returns the path of the selected note, or "".
func (p *PageTree) Selected() string { return p.selected }

// SetFilter sets the text of the filter box: only notes whose title or path contains every
// word of it are shown, with the folders that hold them opened. "" shows the whole vault.
func (p *PageTree) SetFilter(text string) {
	p.filter.SetText(text)
}

func (p *PageTree) newTree(folder func(uid string) *pageTreeFolder) *keyTree {
	t := &keyTree{Tree: widget.Tree{
		ChildUIDs: func(uid string) []string {
			if f := folder(uid); f != nil {
				return f.kids
			}
			return nil
		},
		IsBranch:       pageTreeIsFolder,
		HideSeparators: true,
	}}
	t.CreateNode = func(branch bool) fyne.CanvasObject {
		if branch {
			return newPageTreeFolderRow(t)
		}
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateNode = func(uid string, branch bool, o fyne.CanvasObject) {
		if branch {
			o.(*pageTreeFolderRow).set(uid, folder(uid))
			return
		}
		o.(*widget.Label).SetText(p.title(uid))
	}
	t.OnSelected = func(uid string) { p.picked(t, uid) }
	return extendKeyTree(t)
}

func (p *PageTree) title(uid string) string {
	if p.model.ix != nil {
		if n := p.model.ix.Note(uid); n != nil && n.Title != "" {
			return plainDisplayText(n.Title)
		}
	}
	if !strings.HasSuffix(uid, ".md") {
		return plainDisplayText(path.Base(uid)) // an attachment, with its extension
	}
	return plainDisplayText(strings.TrimSuffix(path.Base(uid), ".md"))
}

// picked handles a selection made in one of the trees.
func (p *PageTree) picked(t *keyTree, uid string) {
	if pageTreeIsFolder(uid) {
		// A folder is selected only from the keyboard (a tap on its row toggles it): open or
		// close it instead, and drop the selection so that the next key press works again.
		p.quiet++
		t.Unselect(uid)
		p.quiet--
		if uid != "" {
			t.ToggleBranch(uid)
		}
		return
	}
	if p.quiet > 0 {
		return
	}
	p.selected, p.reveal = uid, ""
	if t == p.found {
		// Keep the whole-vault tree in step, so that clearing the filter shows the note.
		p.quiet++
		p.revealIn(p.tree, uid)
		p.quiet--
	}
	if f := p.OnSelected; f != nil {
		f(uid)
	}
}

// revealIn opens the folders above the note uid in t, selects it and scrolls to it.
func (p *PageTree) revealIn(t *keyTree, uid string) {
	var up []string
	for a := pageTreeParent(uid); a != ""; a = pageTreeParent(a) {
		up = append(up, a)
	}
	for _, a := range slices.Backward(up) {
		if !t.IsBranchOpen(a) {
			t.OpenBranch(a)
		}
	}
	t.Select(uid)
	if t == p.tree {
		p.reveal = uid
	}
	if t.Size().Height > 0 && p.scrollWithContext(t, uid) && t == p.tree {
		p.reveal = ""
	}
}

// scrollWithContext scrolls t so that the node uid is on screen with a few rows above and
// below it: a note revealed at the very edge of the tree would hide the folder it is in.
// A node that is already well in view does not move. It reports whether the tree was tall
// enough to give the node some context.
func (p *PageTree) scrollWithContext(t *keyTree, uid string) bool {
	folders := p.model.folders
	if t == p.found {
		folders = p.matches
	}
	var rows []string
	var walk func(string)
	walk = func(folder string) {
		f := folders[folder]
		if f == nil {
			return
		}
		for _, kid := range f.kids {
			rows = append(rows, kid)
			if pageTreeIsFolder(kid) && t.IsBranchOpen(kid) {
				walk(kid)
			}
		}
	}
	walk("")
	at := slices.Index(rows, uid)
	if at < 0 {
		t.ScrollTo(uid)
		return true
	}
	th := p.Theme()
	rowHeight := widget.NewLabel("").MinSize().Height + th.Size(theme.SizeNamePadding)
	visible := int(t.Size().Height / rowHeight)
	k := visible / 4
	t.ScrollTo(rows[min(at+k, len(rows)-1)])
	t.ScrollTo(rows[max(at-k, 0)])
	// Show the note's folder too when it fits on the screen with the note.
	if parent := slices.Index(rows[:at], pageTreeParent(uid)); parent >= 0 && at-parent < visible-1 {
		t.ScrollTo(rows[parent])
	}
	t.ScrollTo(uid)
	return k > 0
}

// matched reports whether the note at uid is among the filter's matches.
func (p *PageTree) matched(uid string) bool {
	f := p.matches[pageTreeParent(uid)]
	return f != nil && slices.Contains(f.kids[f.nsub:], uid)
}

func (p *PageTree) filterChanged(text string) {
	if text == "" {
		p.clear.Hide()
	} else {
		p.clear.Show()
	}
	terms := strings.Fields(strings.ToLower(text))
	if slices.Equal(terms, p.terms) {
		return
	}
	p.terms = terms
	p.applyFilter(true)
}

// applyFilter shows the notes matching p.terms, or the whole vault when there are none.
func (p *PageTree) applyFilter(toTop bool) {
	if len(p.terms) == 0 {
		p.matches = nil
		p.found.Hide()
		p.nothing.Hide()
		if !p.tree.Visible() {
			p.tree.Show()
			if p.selected != "" {
				p.tree.ScrollTo(p.selected)
			}
		}
		return
	}
	p.matches = p.model.filter(p.terms)
	p.tree.Hide()
	if p.matches == nil {
		p.found.Hide()
		p.nothing.SetText("No notes match “" + strings.Join(p.terms, " ") + "”")
		p.nothing.Show()
		return
	}
	p.nothing.Hide()
	p.quiet++
	p.found.UnselectAll()
	p.quiet--
	p.found.OpenAllBranches()
	p.found.Show()
	if toTop {
		p.found.ScrollToTop()
	}
}

// pickFirstMatch picks the first note the filter shows, as if the user had tapped it.
func (p *PageTree) pickFirstMatch() {
	if p.matches == nil {
		return
	}
	uid := ""
	for uid == "" || pageTreeIsFolder(uid) {
		f := p.matches[uid]
		if f == nil || len(f.kids) == 0 {
			return
		}
		uid = f.kids[0]
	}
	p.found.Select(uid)
}

// pageTreeFolderRow is the row of a folder: its name and, dimmed, how many notes it holds.
// Tapping it opens or closes the folder rather than selecting it.
type pageTreeFolderRow struct {
	widget.BaseWidget
	tree        *keyTree
	uid         string
	text        *widget.RichText
	name, count *widget.TextSegment
}

func newPageTreeFolderRow(t *keyTree) *pageTreeFolderRow {
	r := &pageTreeFolderRow{
		tree:  t,
		name:  &widget.TextSegment{Style: widget.RichTextStyleInline},
		count: &widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}},
	}
	r.text = widget.NewRichText(r.name, r.count)
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *pageTreeFolderRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.text)
}

// Tapped opens or closes the folder.
func (r *pageTreeFolderRow) Tapped(*fyne.PointEvent) {
	if r.uid != "" {
		r.tree.ToggleBranch(r.uid)
	}
}

func (r *pageTreeFolderRow) set(uid string, f *pageTreeFolder) {
	r.uid = uid
	if f == nil {
		r.name.Text, r.count.Text = "", ""
	} else {
		r.name.Text, r.count.Text = f.name, "  ("+strconv.Itoa(f.count)+")"
	}
	r.text.Refresh()
}

// treeFilter is the filter box. Escape empties it, and in an empty box gives the keyboard
// back to the window, as in a desktop app's other fields: left focused, the box also kept
// its cursor blinking, which costs a window drawn in software a tenth of a core.
type treeFilter struct {
	widget.Entry
	tree *PageTree
}

// TypedKey implements fyne.Focusable.
func (e *treeFilter) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		e.Entry.TypedKey(ev)
		return
	}
	if e.Text != "" {
		e.tree.SetFilter("")
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Unfocus()
	}
}

// pageTreeClear is the small ✕ at the end of the filter box that empties it.
type pageTreeClear struct {
	widget.BaseWidget
	onTapped func()
}

func newPageTreeClear(onTapped func()) *pageTreeClear {
	c := &pageTreeClear{onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *pageTreeClear) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(widget.NewIcon(theme.ContentClearIcon()))
}

// Cursor shows that the icon can be clicked.
func (c *pageTreeClear) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Tapped empties the filter.
func (c *pageTreeClear) Tapped(*fyne.PointEvent) { c.onTapped() }
