package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A timestamp chip is a rounded pill on the text line, "▶ 18:28", that opens the note's video
// at that second. It is monospace so that its placeholder (see chip_overlay.go) has exactly
// the width of the pill whatever the font: every character is one cell.

// chipPlaceholderColor draws a chip's placeholder text; the pill covers it entirely.
const chipPlaceholderColor = theme.ColorNameBackground

// chipNoVideo ends the label of a chip whose note has no video.
const chipNoVideo = " · no video"

// addChip appends a timestamp chip showing clock. rawURL is the video address from
// vault.VideoURL, "" when the note has no (valid) video: the chip then says so and opens
// nothing.
func addChip(f *noteFlow, clock, rawURL string, size fyne.ThemeSizeName, act *noteActions) {
	label := "▶ " + clock
	if rawURL == "" {
		label += chipNoVideo
	}
	ph := &widget.TextSegment{
		Style: widget.RichTextStyle{Inline: true, SizeName: size, ColorName: chipPlaceholderColor, TextStyle: chipStyle},
		Text:  "_" + strings.ReplaceAll(label, " ", "_") + "_",
	}
	f.add(ph)
	f.add(&chipSegment{placeholder: ph, label: label, clock: clock, url: rawURL, size: size, act: act})
	f.trail(widget.RichTextStyle{Inline: true, SizeName: size, ColorName: theme.ColorNameForeground})
}

// chipStyle is the text style of chips.
var chipStyle = fyne.TextStyle{Monospace: true}

// chipSegment is a timestamp chip inside rich text: the pill over its placeholder.
type chipSegment struct {
	placeholder *widget.TextSegment
	label       string
	clock       string // the time alone, for Copy timestamp
	url         string
	size        fyne.ThemeSizeName
	act         *noteActions
}

// plain is the chip as plain text.
func (s *chipSegment) plain() string { return s.label }

// Inline implements widget.RichTextSegment.
func (s *chipSegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment; the placeholder carries the chip's width.
func (s *chipSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (s *chipSegment) Visual() fyne.CanvasObject {
	return newOverlay(s.placeholder.Text, chipStyle, s.size, newChipPill(s))
}

// Update implements widget.RichTextSegment.
func (s *chipSegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*overlayLayout)
	l.text, l.size = s.placeholder.Text, s.size
	p := c.Objects[1].(*chipPill)
	p.seg = s
	p.Refresh()
}

// Select implements widget.RichTextSegment.
func (s *chipSegment) Select(_, _ fyne.Position) {}

// SelectedText implements widget.RichTextSegment.
func (s *chipSegment) SelectedText() string { return "" }

// Unselect implements widget.RichTextSegment.
func (s *chipSegment) Unselect() {}

// chipPill draws a chip and opens its video when tapped.
type chipPill struct {
	widget.BaseWidget
	seg     *chipSegment
	hovered bool
}

func newChipPill(s *chipSegment) *chipPill {
	p := &chipPill{seg: s}
	p.ExtendBaseWidget(p)
	return p
}

// URL is the video address the chip opens, "" when its note has no video.
func (p *chipPill) URL() string { return p.seg.url }

// Tapped implements fyne.Tappable.
func (p *chipPill) Tapped(*fyne.PointEvent) {
	if p.seg.url != "" {
		p.seg.act.openVideo(p.seg.url)
	}
}

// TappedSecondary implements fyne.SecondaryTappable: a right-click offers to copy the link
// at this time, or the time itself.
func (p *chipPill) TappedSecondary(e *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(p.menu(fyne.CurrentApp().Clipboard()), c, e.AbsolutePosition)
}

// menu is the chip's right-click menu.
func (p *chipPill) menu(clip fyne.Clipboard) *fyne.Menu {
	copyLink := fyne.NewMenuItem("Copy link at this time", func() { clip.SetContent(p.seg.url) })
	copyLink.Disabled = p.seg.url == ""
	copyTime := fyne.NewMenuItem("Copy timestamp", func() { clip.SetContent(p.seg.clock) })
	return fyne.NewMenu("", copyLink, copyTime)
}

// Cursor implements desktop.Cursorable.
func (p *chipPill) Cursor() desktop.Cursor {
	if p.seg.url == "" {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn implements desktop.Hoverable.
func (p *chipPill) MouseIn(*desktop.MouseEvent) { p.setHovered(p.seg.url != "") }

// MouseMoved implements desktop.Hoverable.
func (p *chipPill) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (p *chipPill) MouseOut() { p.setHovered(false) }

func (p *chipPill) setHovered(h bool) {
	if p.hovered != h {
		p.hovered = h
		p.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (p *chipPill) CreateRenderer() fyne.WidgetRenderer {
	r := &chipPillRenderer{pill: p, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText(p.seg.label, color.Black)}
	r.text.TextStyle = chipStyle
	r.Refresh()
	return r
}

type chipPillRenderer struct {
	pill *chipPill
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipPillRenderer) Destroy() {}

func (r *chipPillRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text}
}

func (r *chipPillRenderer) MinSize() fyne.Size {
	size := theme.SizeForWidget(r.pill.seg.size, r.pill)
	return fyne.MeasureText(r.pill.seg.placeholder.Text, size, chipStyle)
}

// Layout puts the label one cell in from the left, where the placeholder's first letter
// after its leading "_" is: the label's letters sit exactly on the placeholder's.
func (r *chipPillRenderer) Layout(size fyne.Size) {
	r.bg.Move(fyne.NewPos(0, 0))
	r.bg.Resize(size)
	r.bg.CornerRadius = size.Height / 2
	cell := fyne.MeasureText("_", r.text.TextSize, chipStyle).Width
	r.text.Move(fyne.NewPos(cell, 0))
	r.text.Resize(fyne.NewSize(size.Width-cell, size.Height))
}

func (r *chipPillRenderer) Refresh() {
	p := r.pill
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	ink := th.Color(theme.ColorNamePrimary, v)
	tint := float32(0.16)
	if p.hovered {
		tint = 0.3
	}
	if p.seg.url == "" {
		ink = th.Color(theme.ColorNameDisabled, v)
		tint = 0.1
	}
	r.bg.FillColor = blend(bg, ink, tint)
	r.bg.StrokeColor = blend(bg, ink, tint+0.2)
	r.bg.StrokeWidth = 1
	r.text.Text = p.seg.label
	r.text.Color = ink
	r.text.TextSize = th.Size(p.seg.size)
	r.Layout(p.Size())
	r.bg.Refresh()
	r.text.Refresh()
}

// blend mixes t of colour b into a (t from 0 to 1); the result is opaque when a is.
func blend(a, b color.Color, t float32) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bgr, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 {
		return uint8((float32(x)*(1-t) + float32(y)*t) / 257)
	}
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bgr), B: mix(ab, bb), A: uint8(aa / 257)}
}
