package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sortHeader is a table column's header: its name, with ▲ or ▼ on the column sorted by
// (the table's update sets the text); a click sorts by the column.
type sortHeader struct {
	widget.BaseWidget
	col  int
	text *canvas.Text
	tap  func(col int)
	// sortable says whether a column sorts; nil: every one does.
	sortable func(col int) bool
}

func newSortHeader(tap func(col int)) *sortHeader {
	h := &sortHeader{text: canvas.NewText("", theme.Color(theme.ColorNameForeground)), tap: tap}
	h.text.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	return h
}

func (h *sortHeader) sorts() bool { return h.sortable == nil || h.sortable(h.col) }

// Tapped implements fyne.Tappable.
func (h *sortHeader) Tapped(*fyne.PointEvent) {
	if h.sorts() {
		h.tap(h.col)
	}
}

// Cursor implements desktop.Cursorable.
func (h *sortHeader) Cursor() desktop.Cursor {
	if h.sorts() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer implements fyne.Widget.
func (h *sortHeader) CreateRenderer() fyne.WidgetRenderer {
	r := &sortHeaderRenderer{h: h}
	r.Refresh()
	return r
}

type sortHeaderRenderer struct{ h *sortHeader }

func (r *sortHeaderRenderer) Destroy()                     {}
func (r *sortHeaderRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.h.text} }

func (r *sortHeaderRenderer) Layout(size fyne.Size) {
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, r.h)
	m := r.h.text.MinSize()
	r.h.text.Move(fyne.NewPos(pad, (size.Height-m.Height)/2))
	r.h.text.Resize(m)
}

func (r *sortHeaderRenderer) MinSize() fyne.Size {
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, r.h)
	m := r.h.text.MinSize()
	return fyne.NewSize(m.Width+2*pad, m.Height+2*pad)
}

func (r *sortHeaderRenderer) Refresh() {
	h := r.h
	th := h.Theme()
	h.text.Color = th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	h.text.TextSize = th.Size(theme.SizeNameText)
	h.text.Refresh()
	r.Layout(h.Size())
}
