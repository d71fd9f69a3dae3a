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

// timeChip is a stand-alone timestamp chip, "▶ 18:28", for lists (the timeline, topic
// mentions): a click opens the video at that second, a right-click offers to copy the link
// or the time, and hovering shows the full time and the video id (Fyne has no tooltips, so
// the chip shows a small pop-up of its own).
type timeChip struct {
	widget.BaseWidget

	clock   string
	seconds int
	videoID string
	// url is what the chip opens; nil when the note has no (valid) video.
	url    *url.URL
	onOpen func(*url.URL)

	hovered bool
	tip     *widget.PopUp
}

func newTimeChip() *timeChip {
	c := &timeChip{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows a time; u is nil when there is no video to open.
func (c *timeChip) set(seconds int, videoID string, u *url.URL, onOpen func(*url.URL)) {
	c.clock, c.seconds, c.videoID, c.url, c.onOpen = vault.Clock(seconds), seconds, videoID, u, onOpen
	c.hideTip()
	c.Refresh()
}

func (c *timeChip) label() string {
	if c.url == nil {
		return "▶ " + c.clock + chipNoVideo
	}
	return "▶ " + c.clock
}

// Tapped implements fyne.Tappable.
func (c *timeChip) Tapped(*fyne.PointEvent) {
	if c.url != nil && c.onOpen != nil {
		c.onOpen(c.url)
	}
}

// TappedSecondary implements fyne.SecondaryTappable: the copy menu.
func (c *timeChip) TappedSecondary(e *fyne.PointEvent) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.hideTip()
	widget.ShowPopUpMenuAtPosition(c.menu(), cv, e.AbsolutePosition)
}

// menu is the chip's context menu.
func (c *timeChip) menu() *fyne.Menu {
	link := fyne.NewMenuItem("Copy link at this time", func() {
		if c.url != nil {
			fyne.CurrentApp().Clipboard().SetContent(c.url.String())
		}
	})
	link.Disabled = c.url == nil
	stamp := fyne.NewMenuItem("Copy timestamp", func() {
		fyne.CurrentApp().Clipboard().SetContent(c.clock)
	})
	return fyne.NewMenu("", link, stamp)
}

// tipText is what hovering shows: the full time, the second and the video.
func (c *timeChip) tipText() string {
	h, m, s := c.seconds/3600, c.seconds%3600/60, c.seconds%60
	if c.videoID == "" || c.url == nil {
		return fmt.Sprintf("%d:%02d:%02d · no video", h, m, s)
	}
	return fmt.Sprintf("%d:%02d:%02d (%d s) · video %s", h, m, s, c.seconds, c.videoID)
}

// Cursor implements desktop.Cursorable.
func (c *timeChip) Cursor() desktop.Cursor {
	if c.url == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn implements desktop.Hoverable.
func (c *timeChip) MouseIn(*desktop.MouseEvent) {
	c.hovered = true
	c.Refresh()
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.tip = widget.NewPopUp(widget.NewLabel(c.tipText()), cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	c.tip.ShowAtPosition(pos.AddXY(0, c.Size().Height))
}

// MouseMoved implements desktop.Hoverable.
func (c *timeChip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (c *timeChip) MouseOut() {
	c.hovered = false
	c.hideTip()
	c.Refresh()
}

func (c *timeChip) hideTip() {
	if c.tip != nil {
		c.tip.Hide()
		c.tip = nil
	}
}

// CreateRenderer implements fyne.Widget.
func (c *timeChip) CreateRenderer() fyne.WidgetRenderer {
	r := &timeChipRenderer{chip: c, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
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

func (r *timeChipRenderer) MinSize() fyne.Size {
	t := fyne.MeasureText(r.text.Text, r.text.TextSize, chipStyle)
	p := r.pad()
	return fyne.NewSize(t.Width+4*p, t.Height+p)
}

// Layout centres the pill vertically at its natural height, whatever the row's height.
func (r *timeChipRenderer) Layout(size fyne.Size) {
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
	if c.hovered && c.url != nil {
		tint = 0.3
	}
	if c.url == nil {
		ink = th.Color(theme.ColorNameDisabled, v)
		tint = 0.1
	}
	r.bg.FillColor = blend(bg, ink, tint)
	r.bg.StrokeColor = blend(bg, ink, tint+0.2)
	r.bg.StrokeWidth = 1
	r.text.Text = c.label()
	r.text.Color = ink
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.Layout(c.Size())
	r.bg.Refresh()
	r.text.Refresh()
}
