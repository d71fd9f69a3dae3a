package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// blockBox draws the blocks that hold other blocks: a callout (tinted box with a coloured
// bar, an icon, a title and a fold toggle), a block quote (a grey bar) and an embedded note
// (a framed block titled with a link to the note). Its children are made only when shown,
// so a folded callout costs one header.
type blockBox struct {
	widget.BaseWidget
	block  *noteBlock
	act    *noteActions
	header *boxHeader // nil for quotes
	body   []fyne.CanvasObject
	made   bool
	remark *widget.RichText // why an embed shows nothing, or not everything
}

func newBlockBox(b *noteBlock, act *noteActions) *blockBox {
	box := &blockBox{block: b, act: act}
	box.ExtendBaseWidget(box)
	if b.kind != quoteBlock {
		box.header = newBoxHeader(box)
	}
	if b.kind == embedBlock && b.embed.problem != "" {
		st := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
		box.remark = widget.NewRichText(&widget.TextSegment{Style: st, Text: b.embed.problem})
		box.remark.Wrapping = fyne.TextWrapWord
	}
	return box
}

// folded reports whether only the header shows.
func (b *blockBox) folded() bool {
	return b.block.kind == calloutBlock && b.block.callout.folded
}

// children returns the body's widgets, made on first use.
func (b *blockBox) children() []fyne.CanvasObject {
	if !b.made {
		b.made = true
		for _, c := range b.block.children {
			b.body = append(b.body, newBlockObject(c, b.act))
		}
	}
	return b.body
}

// toggle folds or unfolds a foldable callout.
func (b *blockBox) toggle() {
	st := b.block.callout
	st.folded = !st.folded
	b.Refresh()
	b.act.relayout()
}

// CreateRenderer implements fyne.Widget.
func (b *blockBox) CreateRenderer() fyne.WidgetRenderer {
	r := &blockBoxRenderer{box: b, bg: canvas.NewRectangle(color.Transparent), bar: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type blockBoxRenderer struct {
	box     *blockBox
	bg, bar *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *blockBoxRenderer) Destroy() {}

func (r *blockBoxRenderer) Objects() []fyne.CanvasObject { return r.objects }

// insets returns the box's padding: the left one includes the bar.
func (r *blockBoxRenderer) insets() (left, right, top, bottom, bar float32) {
	th := r.box.Theme()
	pad := th.Size(theme.SizeNamePadding)
	bar = pad * 0.75
	switch r.box.block.kind {
	case quoteBlock:
		return bar + pad, 0, 0, 0, bar
	case embedBlock:
		return bar + pad, pad, pad / 2, pad / 2, bar
	}
	return bar + pad, pad, pad / 2, pad, bar
}

func (r *blockBoxRenderer) Layout(size fyne.Size) {
	if size.Width <= 0 {
		return // not placed yet: text laid out at no width would wrap at every letter
	}
	left, right, top, _, bar := r.insets()
	r.bg.Resize(size)
	r.bar.Move(fyne.NewPos(0, 0))
	r.bar.Resize(fyne.NewSize(bar, size.Height))
	w := max(size.Width-left-right, minFitWidth)
	y := top
	if h := r.box.header; h != nil {
		hh := fitWidth(h, w)
		h.Move(fyne.NewPos(left, y))
		y += hh
	}
	if r.box.folded() {
		return
	}
	for _, c := range r.box.children() {
		ch := fitWidth(c, w)
		c.Move(fyne.NewPos(left, y))
		y += ch
	}
	if m := r.box.remark; m != nil {
		fitWidth(m, w)
		m.Move(fyne.NewPos(left, y))
	}
}

func (r *blockBoxRenderer) MinSize() fyne.Size {
	left, right, top, bottom, _ := r.insets()
	h := top + bottom
	w := float32(0)
	add := func(o fyne.CanvasObject) {
		m := o.MinSize()
		h += m.Height
		w = max(w, m.Width)
	}
	if r.box.header != nil {
		add(r.box.header)
	}
	if !r.box.folded() {
		for _, c := range r.box.children() {
			add(c)
		}
		if r.box.remark != nil {
			add(r.box.remark)
		}
	}
	return fyne.NewSize(w+left+right, h)
}

func (r *blockBoxRenderer) Refresh() {
	b := r.box
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	r.bg.StrokeWidth = 0
	r.bg.CornerRadius = 0
	switch b.block.kind {
	case calloutBlock:
		c := th.Color(b.block.callout.family.colorName(), v)
		r.bg.FillColor = blend(bg, c, 0.09)
		r.bar.FillColor = c
		r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	case quoteBlock:
		r.bg.FillColor = color.Transparent
		r.bar.FillColor = th.Color(theme.ColorNamePlaceHolder, v)
	case embedBlock:
		r.bg.FillColor = blend(bg, th.Color(theme.ColorNameForeground, v), 0.03)
		r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
		r.bg.StrokeWidth = 1
		r.bar.FillColor = th.Color(theme.ColorNamePrimary, v)
	}
	// Children are not refreshed here: a theme change refreshes every widget of the window,
	// and a fold only changes which children are shown.
	objs := []fyne.CanvasObject{r.bg, r.bar}
	if b.header != nil {
		b.header.Refresh()
		objs = append(objs, b.header)
	}
	if !b.folded() {
		objs = append(objs, b.children()...)
		if b.remark != nil {
			objs = append(objs, b.remark)
		}
	}
	r.objects = objs
	r.bg.Refresh()
	r.bar.Refresh()
	r.Layout(b.Size())
}

// boxHeader is the title line of a callout or an embed; tapping a foldable callout's header
// folds or unfolds it.
type boxHeader struct {
	widget.BaseWidget
	box     *blockBox
	icon    *canvas.Image
	title   *widget.RichText
	chevron *widget.Icon
}

func newBoxHeader(box *blockBox) *boxHeader {
	h := &boxHeader{box: box}
	h.ExtendBaseWidget(h)
	b := box.block
	var segs []widget.RichTextSegment
	switch b.kind {
	case calloutBlock:
		st := b.callout
		h.icon = canvas.NewImageFromResource(theme.NewColoredResource(st.family.icon(), st.family.colorName()))
		segs = st.title
		if segs == nil {
			segs = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: calloutDefaultTitle(st.typeName)}}
		}
		if st.foldable {
			h.chevron = widget.NewIcon(nil)
		}
	case embedBlock:
		e := b.embed
		h.icon = canvas.NewImageFromResource(theme.NewColoredResource(theme.FileTextIcon(), theme.ColorNamePrimary))
		act := box.act
		segs = []widget.RichTextSegment{&widget.HyperlinkSegment{Text: e.title, TextStyle: fyne.TextStyle{Bold: true}, OnTapped: func() { act.openLink(e.path, e.fragment) }}}
		if e.fragment != "" {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}, Text: " › " + e.fragment})
		}
	}
	h.icon.FillMode = canvas.ImageFillContain
	h.title = widget.NewRichText(segs...)
	h.title.Wrapping = fyne.TextWrapWord
	return h
}

// Tapped implements fyne.Tappable.
func (h *boxHeader) Tapped(*fyne.PointEvent) {
	if h.chevron != nil {
		h.box.toggle()
	}
}

// Cursor implements desktop.Cursorable.
func (h *boxHeader) Cursor() desktop.Cursor {
	if h.chevron != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer implements fyne.Widget.
func (h *boxHeader) CreateRenderer() fyne.WidgetRenderer {
	r := &boxHeaderRenderer{h: h}
	r.Refresh()
	return r
}

type boxHeaderRenderer struct {
	h *boxHeader
}

func (r *boxHeaderRenderer) Destroy() {}

func (r *boxHeaderRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.h.icon, r.h.title}
	if r.h.chevron != nil {
		objs = append(objs, r.h.chevron)
	}
	return objs
}

// metrics returns the icon size, the inner padding of rich text and the gap after the icon.
func (r *boxHeaderRenderer) metrics() (icon, inner, gap float32) {
	th := r.h.Theme()
	return th.Size(theme.SizeNameInlineIcon), th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNamePadding)
}

func (r *boxHeaderRenderer) Layout(size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	icon, inner, gap := r.metrics()
	th := r.h.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Height
	iconY := inner + (line-icon)/2
	r.h.icon.Move(fyne.NewPos(inner, iconY))
	r.h.icon.Resize(fyne.NewSquareSize(icon))
	x := icon + gap
	right := float32(0)
	if c := r.h.chevron; c != nil {
		right = icon + gap
		c.Move(fyne.NewPos(size.Width-icon-gap, iconY))
		c.Resize(fyne.NewSquareSize(icon))
	}
	w := max(size.Width-x-right, minFitWidth)
	fitWidth(r.h.title, w)
	r.h.title.Move(fyne.NewPos(x, 0))
}

func (r *boxHeaderRenderer) MinSize() fyne.Size {
	icon, inner, gap := r.metrics()
	m := r.h.title.MinSize()
	w := m.Width + icon + gap
	if r.h.chevron != nil {
		w += icon + gap
	}
	return fyne.NewSize(w, max(m.Height, icon+2*inner))
}

func (r *boxHeaderRenderer) Refresh() {
	if c := r.h.chevron; c != nil {
		if r.h.box.folded() {
			c.SetResource(theme.MenuExpandIcon())
		} else {
			c.SetResource(theme.MenuDropDownIcon())
		}
	}
	r.h.icon.Refresh()
	r.Layout(r.h.Size())
}
