package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteHeader is the part of a NoteView above the scrolled body: the title, a Watch video
// button when the note has a video, the folder, tags and aliases, the other properties and,
// when something could not be shown as written, the first problem.
type noteHeader struct {
	widget.BaseWidget
	view     *NoteView
	title    *widget.RichText
	watch    *widget.Button
	folder   *widget.Icon
	meta     *widget.RichText
	props    *widget.RichText
	problems *widget.RichText
}

func newNoteHeader(v *NoteView) *noteHeader {
	h := &noteHeader{view: v}
	h.ExtendBaseWidget(h)
	wrap := func() *widget.RichText {
		rt := widget.NewRichText()
		rt.Wrapping = fyne.TextWrapWord
		return rt
	}
	h.title, h.meta, h.props, h.problems = wrap(), wrap(), wrap(), wrap()
	h.watch = widget.NewButtonWithIcon("Watch video", theme.MediaPlayIcon(), func() {
		if n := h.view.note; n != nil {
			n.act.openVideo(n.header.videoURL)
		}
	})
	h.watch.Importance = widget.HighImportance
	h.folder = widget.NewIcon(theme.FolderIcon())
	h.set(nil)
	return h
}

// set shows the header of r.
func (h *noteHeader) set(r *RenderedNote) {
	title := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameHeadingText, ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Bold: true}}
	if r == nil {
		title.ColorName = theme.ColorNamePlaceHolder
		h.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: title, Text: "No note open"}}
		h.meta.Segments, h.props.Segments, h.problems.Segments = nil, nil, nil
		h.watch.Hide()
		h.folder.Hide()
	} else {
		d := r.header
		h.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: title, Text: d.title}}
		h.meta.Segments = d.meta
		h.props.Segments = d.props
		h.problems.Segments = nil
		if d.problems != "" {
			st := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNameWarning}
			h.problems.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: st, Text: "⚠ " + d.problems}}
		}
		if d.videoURL != "" {
			h.watch.Show()
		} else {
			h.watch.Hide()
		}
		if d.folder {
			h.folder.Show()
		} else {
			h.folder.Hide()
		}
	}
	for _, rt := range []*widget.RichText{h.title, h.meta, h.props, h.problems} {
		if rt.Size().Width > 0 {
			rt.Refresh()
		}
	}
}

// CreateRenderer implements fyne.Widget.
func (h *noteHeader) CreateRenderer() fyne.WidgetRenderer {
	return &noteHeaderRenderer{h: h}
}

type noteHeaderRenderer struct {
	h      *noteHeader
	height float32
}

func (r *noteHeaderRenderer) Destroy() {}

func (r *noteHeaderRenderer) Objects() []fyne.CanvasObject {
	h := r.h
	return []fyne.CanvasObject{h.title, h.watch, h.folder, h.meta, h.props, h.problems}
}

// Layout stacks the parts in the same centred column as the note's text.
func (r *noteHeaderRenderer) Layout(size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	h := r.h
	pad := h.Theme().Size(theme.SizeNamePadding)
	inner := h.Theme().Size(theme.SizeNameInnerPadding)
	column := max(min(size.Width-6*pad, maxColumn), minFitWidth)
	x := max((size.Width-column)/2, 0)
	y := pad
	place := func(rt *widget.RichText, left, w float32) float32 {
		if len(rt.Segments) == 0 {
			rt.Hide()
			return 0
		}
		rt.Show()
		ht := fitWidth(rt, w)
		rt.Move(fyne.NewPos(left, y))
		return ht
	}
	y += place(h.title, x, column) - inner/2
	row := float32(0)
	left := x
	if h.watch.Visible() {
		bs := h.watch.MinSize()
		h.watch.Resize(bs)
		h.watch.Move(fyne.NewPos(x+inner, y+inner/2))
		row = bs.Height + inner
		left += bs.Width + inner
	}
	icon := float32(0)
	if h.folder.Visible() {
		icon = h.Theme().Size(theme.SizeNameInlineIcon)
		left += pad
	}
	if mh := place(h.meta, left+icon, column-(left+icon-x)); mh > 0 {
		top := y
		if row > mh {
			top = y + (row-mh)/2
			h.meta.Move(fyne.NewPos(left+icon, top))
		}
		if icon > 0 {
			// Centred on the first line of the meta text.
			line := fyne.MeasureText("M", h.Theme().Size(theme.SizeNameText), fyne.TextStyle{}).Height
			h.folder.Resize(fyne.NewSquareSize(icon))
			h.folder.Move(fyne.NewPos(left+inner/2, top+inner+(line-icon)/2))
		}
		row = max(row, mh)
	}
	y += row
	y += place(h.props, x, column)
	y += place(h.problems, x, column)
	r.height = y + pad
}

func (r *noteHeaderRenderer) MinSize() fyne.Size {
	if r.height == 0 {
		return fyne.NewSize(0, r.h.title.MinSize().Height)
	}
	return fyne.NewSize(0, r.height)
}

func (r *noteHeaderRenderer) Refresh() {
	r.Layout(r.h.Size())
}
