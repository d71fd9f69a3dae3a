package widgets

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// NoteView shows one rendered note: a header (title, Watch video, folder, tags, properties)
// above the note's body in a vertical scroll. Make the RenderedNote off the UI goroutine
// with RenderNote and hand it to ShowNote on the UI goroutine.
//
// Nothing in a note ever opens anything by itself: links call OnOpenLink or OnOpenUnresolved,
// and web links and timestamp chips call OnOpenURL, only ever with an http, https or mailto
// address.
//
// Resting the pointer on a link to a note for half a second shows a preview of that note (its
// title and first paragraphs), read through the LoadNote of the RenderInput the shown note was
// rendered with; a link to a note not written yet says so, with RenderInput.NotesLinkingTo's
// count. Web links are not previewed.
//
// A click on the note's text gives it the keyboard focus: the arrows, Page Up and Page Down,
// Space, Home and End (and Ctrl+Home, Ctrl+End) scroll it (noteview_keys.go).
type NoteView struct {
	widget.BaseWidget

	// OnOpenLink is called when a link to a file of the vault is tapped: path is
	// vault-relative, fragment is the heading or ^block after `#` ("" for none). A link to
	// a heading of the note itself has the note's own path.
	OnOpenLink func(path, fragment string)
	// OnOpenFile is called when the card of an embedded attachment (a PDF, a recording) is
	// tapped, with its vault-relative path: the app opens it with the system's application,
	// if its kind is one that may be.
	OnOpenFile func(path string)
	// OnOpenUnresolved is called when a link to a note that does not exist is tapped, with
	// the name it points at.
	OnOpenUnresolved func(name string)
	// OnOpenURL is called when a web link, a timestamp chip or Watch video is tapped. The app
	// typically passes it to fyne.App.OpenURL.
	OnOpenURL func(u *url.URL)
	// OnScrolled is called after the note scrolls, with TopOffset.
	OnScrolled func(topOffset int)
	// OnOpenTag is called when one of the note's tags in its header is tapped, with the tag
	// without `#`.
	OnOpenTag func(tag string)

	note    *RenderedNote
	header  *noteHeader
	body    *pageBody
	preview *previewer
	match   *shownMatch
	find    *noteFind
	sel     *noteSelection
	// focused is set while the note has the keyboard focus (noteview_keys.go), shift while
	// Shift is held down in it.
	focused, shift bool
}

// NewNoteView returns an empty NoteView.
func NewNoteView() *NoteView {
	v := &NoteView{}
	v.ExtendBaseWidget(v)
	measureMonoDigit() // for RenderNote, off this goroutine
	v.body = newPageBody()
	v.preview = newPreviewer(v)
	v.body.scrolled = func() {
		if ph := &v.body.play; ph.row >= 0 && !ph.scrolling {
			ph.unfollowed = true // the reader scrolled: the playhead stops scrolling
		}
		v.preview.hide() // its link moved away from under it
		if v.OnScrolled != nil {
			v.OnScrolled(v.TopOffset())
		}
	}
	v.header = newNoteHeader(v)
	v.find = &noteFind{current: -1, marks: &shownMatch{}, marked: map[int]bool{}}
	v.find.bar = newFindBar(v)
	v.sel = &noteSelection{words: map[int]*wordRow{}}
	v.body.view = v
	v.body.beforeRow = func(i int) {
		v.findMarkRow(i)
		v.selectRow(i) // over the find bar's marks, never under them
	}
	return v
}

// Note returns the note shown, or nil.
func (v *NoteView) Note() *RenderedNote { return v.note }

// ShowNote shows r (nil shows nothing). Showing the note that is already shown (the same
// path, say after the file changed) keeps the place the reader scrolled to.
func (v *NoteView) ShowNote(r *RenderedNote) {
	keep := v.note != nil && r != nil && v.note.Note.Path == r.Note.Path
	v.preview.hide()
	v.uncutRows()
	v.sel.anchor, v.sel.focus = selPos{}, selPos{}
	v.clearMatch()
	v.clearFindMarks()
	if v.note != nil && v.note != r {
		v.note.act.view = nil
	}
	v.note = r
	if r != nil {
		r.act.view = v
	}
	if !keep {
		v.body.play = playhead{row: -1, mark: v.body.play.mark}
	}
	v.header.set(r)
	v.body.play.scrolling = true // the view's own scroll, not the reader's
	v.body.setNote(r, keep)
	v.body.play.scrolling = false
	v.findAgain()
	v.Refresh()
}

// ScrollToHeading scrolls the heading with this anchor (vault.Heading.Anchor) or text to
// the top of the view, as `[[note#Heading]]` asks. It reports whether the note has it.
func (v *NoteView) ScrollToHeading(heading string) bool {
	if v.note == nil {
		return false
	}
	want := vault.NormalizeName(heading)
	for _, pass := range []func(h renderedHeading) bool{
		func(h renderedHeading) bool { return h.anchor != "" && h.anchor == heading },
		func(h renderedHeading) bool {
			return strings.EqualFold(strings.TrimSpace(h.text), strings.TrimSpace(heading))
		},
		func(h renderedHeading) bool { return want != "" && vault.NormalizeName(h.text) == want },
	} {
		for _, h := range v.note.headings {
			if pass(h) {
				v.body.showRow(h.row)
				return true
			}
		}
	}
	return false
}

// ScrollToOffset scrolls the block holding the byte offset (into the note's file, as in
// vault.Link.Offset) to the top of the view, for a backlink; an offset in the frontmatter
// scrolls to the top. It reports whether the offset is in the note.
func (v *NoteView) ScrollToOffset(offset int) bool {
	if v.note == nil || offset < 0 {
		return false
	}
	if offset < v.note.Note.BodyOffset {
		v.body.scrollToRow(0, -v.body.gapBefore(0)) // in the frontmatter: the header shows it
		return true
	}
	row := v.rowAt(offset)
	if row < 0 {
		return false
	}
	v.body.showRow(row)
	return true
}

// TopOffset is the byte offset in the note's file of the first row in view (-1 with no
// note), so panels can follow the reading position.
func (v *NoteView) TopOffset() int {
	if v.note == nil {
		return -1
	}
	for i := v.body.rowAt(v.body.scroll.Offset.Y); i < len(v.note.rows); i++ {
		if o := v.note.rows[i].offset; o >= 0 {
			return o
		}
	}
	return -1
}

// ScrollOffset is how far down the note is scrolled, for the app's history.
func (v *NoteView) ScrollOffset() float32 { return v.body.scroll.Offset.Y }

// SetScrollOffset scrolls the note to an offset ScrollOffset returned.
func (v *NoteView) SetScrollOffset(y float32) {
	i := v.body.rowAt(y)
	if i < len(v.body.ys) {
		v.body.scrollToRow(i, y-v.body.ys[i])
	}
}

// CreateRenderer implements fyne.Widget.
func (v *NoteView) CreateRenderer() fyne.WidgetRenderer {
	r := &noteViewRenderer{v: v, line: canvas.NewRectangle(v.Theme().Color(theme.ColorNameSeparator, fyne.CurrentApp().Settings().ThemeVariant()))}
	return r
}

type noteViewRenderer struct {
	v    *NoteView
	line *canvas.Rectangle
}

func (r *noteViewRenderer) Destroy() {}

func (r *noteViewRenderer) Objects() []fyne.CanvasObject {
	if r.v.find.open {
		return []fyne.CanvasObject{r.v.header, r.line, r.v.body.scroll, r.v.find.bar, r.v.preview.layer}
	}
	return []fyne.CanvasObject{r.v.header, r.line, r.v.body.scroll, r.v.preview.layer}
}

func (r *noteViewRenderer) Layout(size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	h := fitWidth(r.v.header, size.Width)
	r.v.header.Move(fyne.NewPos(0, 0))
	sep := r.v.Theme().Size(theme.SizeNameSeparatorThickness)
	r.line.Move(fyne.NewPos(0, h))
	r.line.Resize(fyne.NewSize(size.Width, sep))
	r.v.body.scroll.Move(fyne.NewPos(0, h+sep))
	r.v.body.scroll.Resize(fyne.NewSize(size.Width, max(size.Height-h-sep, 0)))
	if bar := r.v.find.bar; r.v.find.open {
		// Over the top right of the text, clear of the scroll bar.
		pad := r.v.Theme().Size(theme.SizeNamePadding)
		bs := bar.MinSize()
		bar.Resize(bs)
		bar.Move(fyne.NewPos(max(size.Width-bs.Width-2*pad-r.v.Theme().Size(theme.SizeNameScrollBar), 0), h+sep+pad))
	}
	r.v.preview.layer.Resize(size)
}

func (r *noteViewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(200, r.v.header.MinSize().Height+100)
}

func (r *noteViewRenderer) Refresh() {
	v := r.v
	line := theme.ColorNameSeparator
	if v.focused {
		line = theme.ColorNameFocus
	}
	r.line.FillColor = v.Theme().Color(line, fyne.CurrentApp().Settings().ThemeVariant())
	r.line.Refresh()
	v.header.Refresh()
	if v.find.open {
		v.find.bar.Refresh()
	}
	r.Layout(v.Size())
}
