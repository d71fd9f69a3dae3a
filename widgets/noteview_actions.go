package widgets

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteActions is what the links, chips and folds of a rendered note do. RenderNote makes the
// segments before any view exists, so they call through this late-bound value; ShowNote
// points it at the view showing the note (and away from it when another note is shown).
// It is only used on the UI goroutine.
type noteActions struct {
	view *NoteView
	// footnoteTexts are the footnotes' texts, by number, for the preview of a reference.
	footnoteTexts map[int]string
	// footnotes maps a footnote's number to its row; footnoteRefs to the row of its first
	// reference.
	footnotes, footnoteRefs map[int]int
	// nested is set when a row holds a box inside rich text (a callout in a list item): a
	// fold then has to refresh that rich text too.
	nested bool
	// preview is what the previews of the note's links are made from; nil until the first
	// link is rendered.
	preview *previewInput
	// elsewhere is where links go when the note is shown outside a NoteView (a text card of
	// a board): view is nil then.
	elsewhere *linkHandlers
}

// linkHandlers open what a link points at: a note (or an attachment) of the vault, or an
// address outside it.
type linkHandlers struct {
	openNote func(path, fragment string)
	openURL  func(u *url.URL)
}

// keepPreviewInput keeps what previews of links need from in, once per rendered note.
func (a *noteActions) keepPreviewInput(in *RenderInput) {
	if a.preview == nil && in != nil {
		a.preview = &previewInput{resolve: in.Resolve, loadNote: in.LoadNote, videoURL: in.VideoURL, linking: in.NotesLinkingTo}
	}
}

// hoverLink is called when the pointer comes onto a word (anchor) of link l, at the
// absolute position at: the view previews the link if the pointer stays.
func (a *noteActions) hoverLink(l *linkRef, anchor fyne.CanvasObject, at fyne.Position) {
	v := a.view
	if v == nil {
		return
	}
	if l.footnote != 0 {
		n, text := l.footnote, a.footnoteTexts[l.footnote]
		v.preview.enter(l, anchor, at, func() previewContent { return footnotePreview(n, text) }, l.open)
		return
	}
	if a.preview == nil {
		return
	}
	in := *a.preview
	var build func() previewContent
	switch {
	case !l.resolved():
		name := l.name
		build = func() previewContent { return missingPreview(in, name) }
	case in.loadNote != nil && isNotePath(l.path):
		p, fragment := l.path, l.fragment
		build = func() previewContent { return notePreview(in, p, fragment) }
	default:
		return // an attachment, or notes cannot be read here
	}
	v.preview.enter(l, anchor, at, build, l.open)
}

// leaveLink is called when the pointer leaves a word of link l.
func (a *noteActions) leaveLink(l *linkRef) {
	if v := a.view; v != nil {
		v.preview.leave(l)
	}
}

func (a *noteActions) openLink(path, fragment string) {
	if v := a.view; v != nil && v.OnOpenLink != nil {
		v.OnOpenLink(path, fragment)
	} else if e := a.elsewhere; v == nil && e != nil && e.openNote != nil {
		e.openNote(path, fragment)
	}
}

func (a *noteActions) openFile(path string) {
	if v := a.view; v != nil && v.OnOpenFile != nil {
		v.OnOpenFile(path)
	} else if e := a.elsewhere; v == nil && e != nil && e.openNote != nil {
		e.openNote(path, "")
	}
}

func (a *noteActions) openTag(tag string) {
	if v := a.view; v != nil && v.OnOpenTag != nil {
		v.OnOpenTag(tag)
	}
}

func (a *noteActions) openUnresolved(name string) {
	if v := a.view; v != nil && v.OnOpenUnresolved != nil {
		v.OnOpenUnresolved(name)
	}
}

// openURL hands u to OnOpenURL, and only when it is an http, https or mailto address: a note
// can never make the app open anything else.
func (a *noteActions) openURL(u *url.URL) {
	if u == nil || !allowedURL(u) {
		return
	}
	if v := a.view; v != nil && v.OnOpenURL != nil {
		v.OnOpenURL(u)
	} else if e := a.elsewhere; v == nil && e != nil && e.openURL != nil {
		e.openURL(u)
	}
}

// openVideo opens a video address made by vault.VideoURL.
func (a *noteActions) openVideo(raw string) {
	if u, err := url.Parse(raw); err == nil && raw != "" {
		a.openURL(u)
	}
}

func (a *noteActions) scrollToRow(row int) {
	if v := a.view; v != nil {
		v.body.showRow(row)
	}
}

// relayout measures the shown rows again after a callout was folded or unfolded.
func (a *noteActions) relayout() {
	if v := a.view; v != nil {
		v.body.remeasure()
	}
}

// imageWidth is the widest an image may be shown: the width of the text column.
func (a *noteActions) imageWidth() float32 {
	if v := a.view; v != nil && v.body.column > 0 {
		return v.body.column - 2*v.body.Theme().Size(theme.SizeNameInnerPadding)
	}
	return 640
}

// minFitWidth is the narrowest text is ever laid out at: Fyne wraps text laid out narrower
// than a word at every letter, which is slow and useless.
const minFitWidth = 80

// fitWidth gives o the width w and the height it then needs, and returns that height.
func fitWidth(o fyne.CanvasObject, w float32) float32 {
	w = max(w, minFitWidth)
	if rt, ok := o.(*widget.RichText); ok {
		if rt.Size().Width != w {
			// RichText wraps again only when resized; its height does not matter to it.
			rt.Resize(fyne.NewSize(w, max(rt.Size().Height, 1)))
		}
		h := rt.MinSize().Height
		if rt.Size().Height != h {
			// A height change alone needs no new wrap: skip RichText.Resize's refresh.
			rt.BaseWidget.Resize(fyne.NewSize(w, h))
		}
		return h
	}
	if o.Size().Width != w {
		o.Resize(fyne.NewSize(w, o.Size().Height))
	}
	h := o.MinSize().Height
	o.Resize(fyne.NewSize(w, h))
	return h
}

// newBlockObject makes the widget that shows a block.
func newBlockObject(b *noteBlock, act *noteActions) fyne.CanvasObject {
	if b.kind == flowBlock {
		rt := widget.NewRichText(b.segs...)
		rt.Wrapping = fyne.TextWrapWord
		return rt
	}
	return newBlockBox(b, act)
}

// blockSegment puts a box (a callout, quote or embed inside a list item) into rich text.
type blockSegment struct {
	unselectable
	block *noteBlock
	act   *noteActions
}

// Inline implements widget.RichTextSegment.
func (s *blockSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment.
func (s *blockSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment. The box is given a width at once: RichText asks
// a block for its height before it lays it out.
func (s *blockSegment) Visual() fyne.CanvasObject {
	s.act.nested = true
	o := newBlockObject(s.block, s.act)
	fitWidth(o, s.act.imageWidth()-40)
	return o
}

// Update implements widget.RichTextSegment.
func (s *blockSegment) Update(fyne.CanvasObject) {}
