package widgets

import (
	"fmt"
	"image/color"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// timeChip is a timestamp chip, "▶ 18:28": a rounded pill that opens the note's video at
// that second. One widget draws every chip: in the note's text (over its placeholder, see
// an overlayChip) and on its own in the backlinks, the timeline and the topic mentions. A click
// opens the video, a right-click offers to copy the link or the time, and the pointer on it
// tints it and, when it has a tip, shows that (Fyne has no tooltips, so the chip shows a
// small pop-up of its own).
type timeChip struct {
	widget.BaseWidget

	clock string // the time alone, 18:28, for Copy timestamp
	// url is what the chip opens, "" when its note has no (valid) video.
	url  string
	open func(string)
	size fyne.ThemeSizeName
	// placeholder is the text a chip in the note's text lies on, and gives it its size; ""
	// for a chip of its own, sized to its label.
	placeholder string
	// tip is what resting the pointer on the chip shows, "" for nothing.
	tip string

	hovered bool
	popup   *widget.PopUp
}

func newTimeChip() *timeChip {
	c := &timeChip{size: theme.SizeNameText}
	c.ExtendBaseWidget(c)
	return c
}

// set shows a chip of its own: the time and the address it opens, nil when there is no
// video; onOpen is called with u on a click.
func (c *timeChip) set(seconds int, u *url.URL, onOpen func(*url.URL), tip string) {
	raw := ""
	if u != nil {
		raw = u.String()
	}
	c.open = func(string) {
		if onOpen != nil && u != nil {
			onOpen(u)
		}
	}
	clock := vault.Clock(seconds)
	if c.clock == clock && c.url == raw && c.tip == tip {
		return
	}
	c.clock, c.url, c.tip = clock, raw, tip
	c.hidePopup()
	c.Refresh()
}

// chipTip is the tip of a chip in a list: the full time, the second and the video.
func chipTip(seconds int, videoID string, hasVideo bool) string {
	h, m, s := seconds/3600, seconds%3600/60, seconds%60
	if videoID == "" || !hasVideo {
		return fmt.Sprintf("%d:%02d:%02d · no video", h, m, s)
	}
	return fmt.Sprintf("%d:%02d:%02d (%d s) · video %s", h, m, s, seconds, videoID)
}

// label is what the chip shows.
func (c *timeChip) label() string { return chipLabel(c.clock, c.url != "") }

// chipLabel is the text of a chip showing clock: "▶ 18:28", or "▶ 18:28 · no video".
func chipLabel(clock string, hasVideo bool) string {
	if !hasVideo {
		return "▶ " + clock + chipNoVideo
	}
	return "▶ " + clock
}

// URL is the video address the chip opens, "" when its note has no video.
func (c *timeChip) URL() string { return c.url }

// Tapped implements fyne.Tappable.
func (c *timeChip) Tapped(*fyne.PointEvent) {
	if c.url != "" && c.open != nil {
		c.open(c.url)
	}
}

// TappedSecondary implements fyne.SecondaryTappable: a right-click offers to copy the link
// at this time, or the time itself.
func (c *timeChip) TappedSecondary(e *fyne.PointEvent) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.hidePopup()
	widget.ShowPopUpMenuAtPosition(c.menu(fyne.CurrentApp().Clipboard()), cv, e.AbsolutePosition)
}

// menu is the chip's right-click menu.
func (c *timeChip) menu(clip fyne.Clipboard) *fyne.Menu {
	url, clock := c.url, c.clock
	copyLink := fyne.NewMenuItem("Copy link at this time", func() { clip.SetContent(url) })
	copyLink.Disabled = url == ""
	copyTime := fyne.NewMenuItem("Copy timestamp", func() { clip.SetContent(clock) })
	return fyne.NewMenu("", copyLink, copyTime)
}

// Cursor implements desktop.Cursorable.
func (c *timeChip) Cursor() desktop.Cursor {
	if c.url == "" {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn implements desktop.Hoverable: a chip that opens something is tinted, and the tip
// shows.
func (c *timeChip) MouseIn(*desktop.MouseEvent) {
	c.setHovered(c.url != "")
	if c.tip == "" {
		return
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.hidePopup()
	c.popup = widget.NewPopUp(widget.NewLabel(c.tip), cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	c.popup.ShowAtPosition(pos.AddXY(0, c.Size().Height))
}

// MouseMoved implements desktop.Hoverable.
func (c *timeChip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (c *timeChip) MouseOut() {
	c.hidePopup()
	c.setHovered(false)
}

func (c *timeChip) setHovered(h bool) {
	if c.hovered != h {
		c.hovered = h
		c.Refresh()
	}
}

func (c *timeChip) hidePopup() {
	if c.popup != nil {
		c.popup.Hide()
		c.popup = nil
	}
}

// chipStyle is the text style of chips.
var chipStyle = fyne.TextStyle{Monospace: true}

// CreateRenderer implements fyne.Widget.
func (c *timeChip) CreateRenderer() fyne.WidgetRenderer {
	r := &timeChipRenderer{chip: c, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText(c.label(), color.Black)}
	r.text.TextStyle = chipStyle
	r.Refresh()
	return r
}

type timeChipRenderer struct {
	chip *timeChip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *timeChipRenderer) Destroy() {}

func (r *timeChipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *timeChipRenderer) pad() float32 { return r.chip.Theme().Size(theme.SizeNameInnerPadding) / 2 }

// MinSize is the placeholder's size in the text; on its own, the label's with room around.
func (r *timeChipRenderer) MinSize() fyne.Size {
	c := r.chip
	size := theme.SizeForWidget(c.size, c)
	if c.placeholder != "" {
		return fyne.MeasureText(c.placeholder, size, chipStyle)
	}
	t := fyne.MeasureText(c.label(), size, chipStyle)
	p := r.pad()
	return fyne.NewSize(t.Width+4*p, t.Height+p)
}

// Layout fills a chip in the text, its label one cell in from the left, where the
// placeholder's first letter after its leading "_" is: the label's letters sit exactly on
// the placeholder's. A chip of its own is centred vertically at its natural height, whatever
// its row's height.
func (r *timeChipRenderer) Layout(size fyne.Size) {
	if r.chip.placeholder != "" {
		r.bg.Move(fyne.NewPos(0, 0))
		r.bg.Resize(size)
		r.bg.CornerRadius = size.Height / 2
		cell := fyne.MeasureText("_", r.text.TextSize, chipStyle).Width
		r.text.Move(fyne.NewPos(cell, 0))
		r.text.Resize(fyne.NewSize(size.Width-cell, size.Height))
		return
	}
	m := r.MinSize()
	y := max(0, (size.Height-m.Height)/2)
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(size.Width, m.Height))
	r.bg.CornerRadius = m.Height / 2
	p := r.pad()
	r.text.Move(fyne.NewPos(2*p, y+p/2))
	r.text.Resize(fyne.NewSize(size.Width-4*p, m.Height-p))
}

func (r *timeChipRenderer) Refresh() {
	c := r.chip
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	ink := th.Color(theme.ColorNamePrimary, v)
	tint := float32(0.16)
	if c.hovered {
		tint = 0.3
	}
	if c.url == "" {
		ink = th.Color(theme.ColorNameDisabled, v)
		tint = 0.1
	}
	r.bg.FillColor = blend(bg, ink, tint)
	r.bg.StrokeColor = blend(bg, ink, tint+0.2)
	r.bg.StrokeWidth = 1
	r.text.Text = c.label()
	r.text.Color = ink
	r.text.TextSize = th.Size(c.size)
	r.Layout(c.Size())
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
