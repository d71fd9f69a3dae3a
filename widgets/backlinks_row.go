package widgets

import (
	"image/color"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// backlinksContextLines is how many lines of its sentence a mention shows. A mention's height
// does not depend on the panel's width, which keeps the list cheap to lay out whatever its
// length: it has this many lines, or one when its sentence is short (backlinksShortContext).
const backlinksContextLines = 2

// backlinksShortContext is the longest sentence, in characters, that gets a one-line row: it
// fits on one line in any panel wide enough to read (some 40 characters); a panel narrower
// still ends it with "…".
const backlinksShortContext = 36

type backlinksRowKind uint8

const (
	backlinksSectionRow backlinksRowKind = iota // "Linked mentions", "Unlinked mentions"
	backlinksSourceRow                          // the title of a note the mentions come from
	backlinksMentionRow                         // one mention: chip and context
	backlinksMessageRow                         // "Searching…", "—", "No notes link here"
)

// backlinksRowData is what one row of the panel shows.
type backlinksRowData struct {
	kind backlinksRowKind
	// text is the section's title or the message.
	text string
	// count is the number of mentions of a section, shown when counted.
	count   int
	counted bool
	// open and unlinked describe a section.
	open, unlinked bool
	source         *vault.Note
	mention        *vault.Backlink
}

// backlinksRow is a row of the backlinks list; one kind of widget shows every kind of row, so
// that the list can reuse rows freely.
type backlinksRow struct {
	widget.BaseWidget
	panel *Backlinks
	id    int
	data  backlinksRowData
	chip  *timeChip
	// previewKey is what the pointer on the row previews, nil when it is not on the row.
	previewKey any
}

func newBacklinksRow(panel *Backlinks) *backlinksRow {
	r := &backlinksRow{panel: panel, data: backlinksRowData{kind: backlinksMessageRow}}
	r.chip = newTimeChip()
	r.ExtendBaseWidget(r)
	return r
}

func (r *backlinksRow) set(id int, d *backlinksRowData) {
	if r.id != id && r.panel.preview.anchor == r {
		r.panel.preview.hide() // the list scrolled: the row shows another mention now
	}
	r.id, r.data = id, *d
	r.Refresh()
}

// MouseIn starts the wait for a preview of what the row stands for.
func (r *backlinksRow) MouseIn(e *desktop.MouseEvent) {
	r.previewKey = r.panel.hoverRow(r, e.AbsolutePosition)
}

// MouseMoved implements desktop.Hoverable.
func (r *backlinksRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut lets the preview close.
func (r *backlinksRow) MouseOut() {
	if r.previewKey != nil {
		r.panel.preview.leave(r.previewKey)
		r.previewKey = nil
	}
}

// Tapped opens what the row stands for, or folds its section.
func (r *backlinksRow) Tapped(*fyne.PointEvent) { r.panel.activate(r.id) }

// Cursor shows a hand over the rows that do something.
func (r *backlinksRow) Cursor() desktop.Cursor {
	if r.data.kind == backlinksMessageRow {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *backlinksRow) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(nil)
	icon.Hide()
	return &backlinksRowRenderer{row: r, icon: icon}
}

type backlinksRowRenderer struct {
	row     *backlinksRow
	icon    *widget.Icon
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *backlinksRowRenderer) Destroy() {}

func (r *backlinksRowRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *backlinksRowRenderer) MinSize() fyne.Size {
	th := r.row.Theme()
	pad := th.Size(theme.SizeNamePadding)
	return fyne.NewSize(pad*10, backlinksLineHeight(th)*backlinksContextLines+pad*2)
}

// backlinksMentionHeight is the height of the row of m, given the height of a line and the
// padding: backlinksContextLines lines, or one for a short sentence (counting the chip as
// ten characters).
func backlinksMentionHeight(m *vault.Backlink, line, pad float32) float32 {
	n := utf8.RuneCountInString(m.Link.Context)
	if m.Timestamp != nil && m.Timestamp.Valid && m.Source != nil && vault.ValidVideoID(m.Source.VideoID) {
		n += 10
	}
	if n <= backlinksShortContext {
		return line + pad*2
	}
	return line*backlinksContextLines + pad*2
}

// backlinksHeadingHeight is the height of a section or source row: one line of text with
// room above it, which parts the groups of mentions.
func backlinksHeadingHeight(line, pad float32) float32 {
	return line*1.6 + pad*2
}

// backlinksLineHeight is the height of a line of text in th.
func backlinksLineHeight(th fyne.Theme) float32 {
	return fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
}

func (r *backlinksRowRenderer) Layout(size fyne.Size) { r.layout(size) }

func (r *backlinksRowRenderer) Refresh() {
	r.layout(r.row.Size())
	canvas.Refresh(r.row)
}

// layout places the row's pieces for its kind and size and colours them from the theme.
func (r *backlinksRowRenderer) layout(size fyne.Size) {
	th := r.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	textSize := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNamePadding)
	inner := th.Size(theme.SizeNameInnerPadding)
	fg := th.Color(theme.ColorNameForeground, v)
	dim := th.Color(theme.ColorNamePlaceHolder, v)
	measure := func(s string, bold bool) float32 {
		return fyne.MeasureText(s, textSize, fyne.TextStyle{Bold: bold}).Width
	}
	lineH := fyne.MeasureText("Mg", textSize, fyne.TextStyle{}).Height
	bottom := size.Height - pad - lineH // the top of the last line

	used := 0
	put := func(x, y float32, s string, bold bool, c color.Color) float32 {
		if used == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", c))
		}
		t := r.texts[used]
		used++
		t.Text, t.Color, t.TextSize = s, c, textSize
		t.TextStyle = fyne.TextStyle{Bold: bold}
		w := measure(s, bold)
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, lineH))
		return w
	}

	r.icon.Hide()
	r.row.chip.Hide()
	d := &r.row.data
	switch d.kind {
	case backlinksSectionRow:
		iconSize := th.Size(theme.SizeNameInlineIcon)
		res := theme.MenuExpandIcon()
		if d.open {
			res = theme.MenuDropDownIcon()
		}
		r.icon.SetResource(res)
		r.icon.Move(fyne.NewPos(pad, bottom+(lineH-iconSize)/2))
		r.icon.Resize(fyne.NewSquareSize(iconSize))
		r.icon.Show()
		x := pad + iconSize + pad
		x += put(x, bottom, d.text, true, fg)
		if d.counted {
			put(x, bottom, "  "+strconv.Itoa(d.count), false, dim)
		}
	case backlinksSourceRow:
		avail := size.Width - 2*inner
		folder := ""
		if dir := path.Dir(d.source.Path); dir != "." {
			folder = "  " + plainDisplayText(path.Base(dir))
		}
		fw := measure(folder, false)
		title := plainDisplayText(d.source.Title)
		if fw > avail/2 || strings.TrimSpace(folder) == title {
			folder, fw = "", 0
		}
		x := inner
		for _, line := range backlinksFit([]backlinksRun{{title, false}}, avail-fw, 1, measure) {
			for _, run := range line {
				x += put(x, bottom, run.text, false, th.Color(theme.ColorNameHyperlink, v))
			}
		}
		if folder != "" {
			put(x, bottom, folder, false, dim)
		}
	case backlinksMentionRow:
		x := 2 * inner
		if u := backlinksVideo(d.mention, r.row.panel.VideoURL); u != nil {
			c := r.row.chip
			secs := int(d.mention.Timestamp.Seconds)
			c.set(secs, u, r.row.panel.openVideo, chipTip(secs, d.mention.Source.VideoID, true))
			cs := c.MinSize()
			c.Resize(cs)
			c.Move(fyne.NewPos(x, pad+(lineH-cs.Height)/2))
			c.Show()
			x += cs.Width + pad*2
		}
		avail := size.Width - x - inner
		l := d.mention.Link
		lines := max(1, int((size.Height-2*pad)/lineH+0.25))
		for i, line := range backlinksContextLayout(l.Context, int(l.ContextStart), int(l.ContextEnd), avail, lines, measure) {
			lx := x
			for _, run := range line {
				lx += put(lx, pad+float32(i)*lineH, run.text, run.bold, fg)
			}
		}
	case backlinksMessageRow:
		put(2*inner, pad, d.text, false, dim)
	}

	for _, t := range r.texts[used:] {
		t.Text = ""
	}
	r.objects = append(r.objects[:0], r.icon, r.row.chip)
	for _, t := range r.texts[:used] {
		r.objects = append(r.objects, t)
	}
}
