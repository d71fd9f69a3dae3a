package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// chipRow is one row of the timeline or the topic mentions: a timestamp chip and its
// sentence, or a heading in their place (the mentions' video titles). The chip opens the
// video; a tap elsewhere on a row that is no heading calls onTap. tint, when set, is the
// row's background (the timeline's selection and the entry in view).
type chipRow struct {
	widget.BaseWidget
	id       int
	chip     *timeChip
	sentence *widget.RichText
	heading  *widget.Label
	onTap    func(id int)
	tint     func(id int) color.Color
}

func newChipRow(onTap func(id int), tint func(id int) color.Color) *chipRow {
	r := &chipRow{id: -1, chip: newTimeChip(), sentence: widget.NewRichText(), heading: widget.NewLabel(""),
		onTap: onTap, tint: tint}
	r.sentence.Truncation = fyne.TextTruncateEllipsis
	r.heading.TextStyle = fyne.TextStyle{Bold: true}
	r.heading.Truncation = fyne.TextTruncateEllipsis
	r.heading.Hide()
	r.ExtendBaseWidget(r)
	return r
}

// showSentence sets the row to row id, a chip and its sentence; the caller sets the chip.
func (r *chipRow) showSentence(id int, segs ...widget.RichTextSegment) {
	r.id = id
	r.heading.Hide()
	r.chip.Show()
	r.sentence.Show()
	r.sentence.Segments = segs
	r.sentence.Refresh()
	r.Refresh()
}

// showHeading sets the row to row id, a heading.
func (r *chipRow) showHeading(id int, text string) {
	r.id = id
	r.heading.SetText(text)
	r.heading.Show()
	r.chip.Hide()
	r.sentence.Hide()
	r.Refresh()
}

func (r *chipRow) isHeading() bool { return r.heading.Visible() }

// Tapped implements fyne.Tappable.
func (r *chipRow) Tapped(*fyne.PointEvent) {
	if r.id >= 0 && !r.isHeading() && r.onTap != nil {
		r.onTap(r.id)
	}
}

// Cursor implements desktop.Cursorable: a hand over the rows a tap acts on.
func (r *chipRow) Cursor() desktop.Cursor {
	if r.isHeading() {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer implements fyne.Widget.
func (r *chipRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &chipRowRenderer{row: r, bg: canvas.NewRectangle(color.Transparent),
		box: container.NewStack(r.heading, container.NewBorder(nil, nil, r.chip, nil, r.sentence))}
	rr.Refresh()
	return rr
}

type chipRowRenderer struct {
	row *chipRow
	bg  *canvas.Rectangle
	box *fyne.Container
}

func (r *chipRowRenderer) Destroy()                     {}
func (r *chipRowRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.box} }
func (r *chipRowRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *chipRowRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.box.Resize(s)
}

func (r *chipRowRenderer) Refresh() {
	var fill color.Color = color.Transparent
	if r.row.tint != nil && r.row.id >= 0 {
		fill = r.row.tint(r.row.id)
	}
	r.bg.FillColor = fill
	r.bg.Refresh()
	r.box.Refresh()
}
