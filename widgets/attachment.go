package widgets

import (
	"fmt"
	"image/color"
	"path"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// An embedded attachment that is neither a note nor an image (`![[talk.pdf]]`,
// `![[interview.m4a]]`) shows as a card: its name, its kind and size. A click hands it to the
// system's application when its kind may be (vault.AttachmentKind); otherwise the card says
// why it is not opened.

// attachmentSegment is the card of an embedded attachment.
type attachmentSegment struct {
	unselectable
	path string
	size int64 // -1 when unknown
	act  *noteActions
}

// Inline implements widget.RichTextSegment: a card is a block.
func (s *attachmentSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment.
func (s *attachmentSegment) Textual() string { return "[attachment: " + path.Base(s.path) + "]" }

// Visual implements widget.RichTextSegment.
func (s *attachmentSegment) Visual() fyne.CanvasObject { return newAttachmentCard(s) }

// Update implements widget.RichTextSegment.
func (s *attachmentSegment) Update(o fyne.CanvasObject) {
	if c, ok := o.(*attachmentCard); ok && c.seg != s {
		c.seg = s
		c.Refresh()
	}
}

// detail is the card's second line: kind and size, or why it is not opened.
func (s *attachmentSegment) detail() string {
	kind, ok := vault.AttachmentKind(s.path)
	d := kind
	if s.size >= 0 {
		d += " · " + humanSize(s.size)
	}
	if !ok && !inWindow(s.path) {
		d += " · not opened from here"
	}
	return d
}

// humanSize writes a file size as people read it: "812 bytes", "1.2 MB".
func humanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000_000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	case n < 1000_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1000_000)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1000_000_000)
}

// attachmentIcon is the theme's icon for a kind of file.
func attachmentIcon(p string) fyne.Resource {
	switch kind, _ := vault.AttachmentKind(p); kind {
	case "audio":
		return theme.FileAudioIcon()
	case "video":
		return theme.FileVideoIcon()
	case "image":
		return theme.FileImageIcon()
	case "text", "table", "data":
		return theme.FileTextIcon()
	case "PDF document", "e-book", "document", "spreadsheet", "presentation":
		return theme.DocumentIcon()
	}
	return theme.FileIcon()
}

// attachmentCard draws the card and opens the file when tapped.
type attachmentCard struct {
	widget.BaseWidget
	seg *attachmentSegment
}

func newAttachmentCard(s *attachmentSegment) *attachmentCard {
	c := &attachmentCard{seg: s}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped implements fyne.Tappable: a board or a base opens in the window; any other file
// the app opens outside, or says why it does not.
func (c *attachmentCard) Tapped(*fyne.PointEvent) {
	if inWindow(c.seg.path) {
		c.seg.act.openLink(c.seg.path, "")
		return
	}
	c.seg.act.openFile(c.seg.path)
}

// inWindow reports whether the window itself shows the file: a Canvas board, a base.
func inWindow(p string) bool {
	kind, _ := vault.AttachmentKind(p)
	return kind == "canvas" || kind == "base"
}

// Cursor implements desktop.Cursorable.
func (c *attachmentCard) Cursor() desktop.Cursor {
	if _, ok := vault.AttachmentKind(c.seg.path); ok || inWindow(c.seg.path) {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer implements fyne.Widget.
func (c *attachmentCard) CreateRenderer() fyne.WidgetRenderer {
	r := &attachmentCardRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), icon: canvas.NewImageFromResource(nil),
		name: canvas.NewText("", color.Black), detail: canvas.NewText("", color.Black)}
	r.name.TextStyle.Bold = true
	r.icon.FillMode = canvas.ImageFillContain
	r.Refresh()
	return r
}

type attachmentCardRenderer struct {
	c            *attachmentCard
	bg           *canvas.Rectangle
	icon         *canvas.Image
	name, detail *canvas.Text
}

func (r *attachmentCardRenderer) Destroy() {}

func (r *attachmentCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.name, r.detail}
}

func (r *attachmentCardRenderer) metrics() (pad, icon float32) {
	return theme.SizeForWidget(theme.SizeNameInnerPadding, r.c), 2 * theme.SizeForWidget(theme.SizeNameInlineIcon, r.c)
}

func (r *attachmentCardRenderer) MinSize() fyne.Size {
	pad, icon := r.metrics()
	n, d := r.name.MinSize(), r.detail.MinSize()
	return fyne.NewSize(pad*3+icon+max(n.Width, d.Width), max(icon, n.Height+d.Height)+2*pad)
}

// Layout keeps the card as wide as its text (up to the column), the icon left of it.
func (r *attachmentCardRenderer) Layout(size fyne.Size) {
	pad, icon := r.metrics()
	m := r.MinSize()
	w := min(m.Width, size.Width)
	r.bg.Resize(fyne.NewSize(w, size.Height))
	r.icon.Resize(fyne.NewSquareSize(icon))
	r.icon.Move(fyne.NewPos(pad, (size.Height-icon)/2))
	n, d := r.name.MinSize(), r.detail.MinSize()
	top := (size.Height - n.Height - d.Height) / 2
	r.name.Move(fyne.NewPos(2*pad+icon, top))
	r.name.Resize(n)
	r.detail.Move(fyne.NewPos(2*pad+icon, top+n.Height))
	r.detail.Resize(d)
}

func (r *attachmentCardRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.icon.Resource = theme.NewThemedResource(attachmentIcon(c.seg.path))
	r.name.Text = path.Base(c.seg.path)
	r.name.TextSize = th.Size(theme.SizeNameText)
	r.name.Color = th.Color(theme.ColorNameForeground, v)
	r.detail.Text = c.seg.detail()
	r.detail.TextSize = th.Size(theme.SizeNameCaptionText)
	r.detail.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.bg.Refresh()
	r.icon.Refresh()
	r.name.Refresh()
	r.detail.Refresh()
	r.Layout(c.Size())
}
