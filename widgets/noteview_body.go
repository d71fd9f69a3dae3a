package widgets

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxColumn is the widest the text column grows: long lines are hard to read.
const maxColumn = 820

// pageBody is the scrolled content of a NoteView: the rows of a rendered note in a centred
// column. Only the rows near the viewport have widgets; the others are estimated (see
// noteview_estimate.go), so a 1 MB note shows as fast as a short one.
type pageBody struct {
	widget.BaseWidget
	scroll *container.Scroll
	note   *RenderedNote

	heights []float32
	ys      []float32 // ys[i] is the top of row i; ys[len(rows)] the end of the last
	live    map[int]fyne.CanvasObject
	objects []fyne.CanvasObject

	width, column float32
	metrics       *estimateMetrics
	metricsSize   float32 // text size the metrics were taken at
	syncing       bool
	// scrolled, when set, is called after every scroll, the reader's and the program's
	// (scrollToRow): the panels that follow the reading position follow both.
	scrolled func()
	// beforeRow, when set, is called before row i gets its widget (the find bar marks it).
	beforeRow func(i int)
	// view, when set, is the NoteView the body belongs to: it handles the pointer's presses
	// and drags, which select (noteview_select.go).
	view *NoteView
	// play is the passage marked as playing (noteview_play.go).
	play playhead
}

func newPageBody() *pageBody {
	b := &pageBody{live: map[int]fyne.CanvasObject{}, play: playhead{row: -1}}
	b.ExtendBaseWidget(b)
	b.scroll = container.NewVScroll(b)
	b.scroll.OnScrolled = func(fyne.Position) {
		b.sync()
		if b.scrolled != nil {
			b.scrolled()
		}
	}
	return b
}

// rows returns the blocks shown.
func (b *pageBody) rows() []*noteBlock {
	if b.note == nil {
		return nil
	}
	return b.note.rows
}

// spacing is the theme's padding, the unit of the gaps between rows.
func (b *pageBody) spacing() float32 {
	return b.Theme().Size(theme.SizeNamePadding)
}

// gapBefore is the space above row i, beyond the rows' own padding.
func (b *pageBody) gapBefore(i int) float32 {
	rows := b.rows()
	pad := b.spacing()
	if i == 0 {
		return 2 * pad
	}
	switch {
	case rows[i].continued:
		// The rest of a paragraph: no gap, no padding between its parts.
		return -2 * b.Theme().Size(theme.SizeNameInnerPadding)
	case rows[i].heading > 0 && rows[i].heading <= 2:
		return 4 * pad
	case rows[i].heading > 0:
		return 2 * pad
	case rows[i].kind != flowBlock || rows[i-1].kind != flowBlock:
		return 2 * pad
	}
	return 0
}

// inset is how far row i sits inside the text column on each side: boxes line up with the
// text of the rows around them, not with the rows' padding.
func (b *pageBody) inset(i int) float32 {
	if b.rows()[i].kind == flowBlock {
		return 0
	}
	return b.Theme().Size(theme.SizeNameInnerPadding)
}

// layoutRows computes every row's top from the heights.
func (b *pageBody) layoutRows() {
	rows := b.rows()
	if cap(b.ys) < len(rows)+1 {
		b.ys = make([]float32, len(rows)+1)
	}
	b.ys = b.ys[:len(rows)+1]
	y := float32(0)
	for i := range rows {
		y += b.gapBefore(i)
		b.ys[i] = y
		y += b.heights[i]
	}
	b.ys[len(rows)] = y + 8*b.spacing()
}

// total is the height of the whole note.
func (b *pageBody) total() float32 {
	if len(b.ys) == 0 {
		return 0
	}
	return b.ys[len(b.ys)-1]
}

// rowAt is the row at height y.
func (b *pageBody) rowAt(y float32) int {
	n := len(b.rows())
	if n == 0 {
		return 0
	}
	i := sort.Search(n, func(i int) bool { return b.ys[i+1] > y })
	return min(i, n-1)
}

// setNote shows r from its top, or, when keep is set, at the row that was at the top.
func (b *pageBody) setNote(r *RenderedNote, keep bool) {
	anchor, delta := 0, float32(0)
	if keep && b.note != nil {
		anchor, delta = b.anchor()
	}
	b.note = r
	b.live = map[int]fyne.CanvasObject{}
	b.objects = nil
	b.estimateAll()
	if !keep {
		anchor, delta = 0, -b.spacing()*2
	}
	b.scrollToRow(min(anchor, max(len(b.rows())-1, 0)), delta)
}

// anchor is the row at the top of the view and how far into it the view starts.
func (b *pageBody) anchor() (int, float32) {
	top := b.scroll.Offset.Y
	i := b.rowAt(top)
	if i >= len(b.ys) {
		return 0, 0
	}
	return i, top - b.ys[i]
}

// estimateAll forgets every measured height and estimates them at the current width.
func (b *pageBody) estimateAll() {
	rows := b.rows()
	b.heights = make([]float32, len(rows))
	if b.column > 0 {
		m := b.ensureMetrics()
		for i, r := range rows {
			b.heights[i] = m.block(r, b.column-2*b.inset(i))
		}
	}
	b.layoutRows()
}

func (b *pageBody) ensureMetrics() *estimateMetrics {
	th := b.Theme()
	if size := th.Size(theme.SizeNameText); b.metrics == nil || size != b.metricsSize {
		b.metrics, b.metricsSize = newEstimateMetrics(th), size
	}
	return b.metrics
}

// setWidth lays the note out for a new width, keeping the row at the top of the view.
func (b *pageBody) setWidth(w float32) {
	anchor, delta := b.anchor()
	if old := b.heights; anchor < len(old) && old[anchor] > 0 {
		delta /= old[anchor]
	} else {
		delta = 0
	}
	b.width = w
	pad := b.spacing()
	b.column = min(w-6*pad, maxColumn)
	b.live = map[int]fyne.CanvasObject{}
	b.objects = nil
	b.estimateAll()
	if anchor < len(b.heights) {
		b.scroll.Offset.Y = b.ys[anchor] + delta*b.heights[anchor]
	}
	b.sync()
}

// Resize implements fyne.CanvasObject: a new width wraps the text again, and the body is
// always as tall as its rows.
func (b *pageBody) Resize(s fyne.Size) {
	if s.Width != b.width && s.Width > 0 {
		b.setWidth(s.Width)
	}
	s.Height = max(s.Height, b.total())
	b.BaseWidget.Resize(s)
}

// MinSize implements fyne.Widget.
func (b *pageBody) MinSize() fyne.Size {
	return fyne.NewSize(0, b.total())
}

// viewHeight is the height of the viewport.
func (b *pageBody) viewHeight() float32 {
	if h := b.scroll.Size().Height; h > 0 {
		return h
	}
	return 800
}

// sync makes sure the rows in and near the viewport have widgets and measured heights,
// dropping those far away. When rows above the viewport turn out taller or shorter than
// estimated, the view moves with the row at its top so nothing jumps.
func (b *pageBody) sync() {
	rows := b.rows()
	if len(rows) == 0 || b.column < minFitWidth || b.syncing {
		b.place()
		return
	}
	b.syncing = true
	defer func() { b.syncing = false }()

	view := b.viewHeight()
	top := max(b.scroll.Offset.Y, 0)
	anchor := b.rowAt(top)
	delta := top - b.ys[anchor]
	margin := max(view/2, 300)
	for range 16 {
		lo, hi := b.rowAt(max(top-margin, 0)), b.rowAt(top+view+margin)
		changed := false
		for i := lo; i <= hi; i++ {
			if _, ok := b.live[i]; ok {
				continue
			}
			if b.beforeRow != nil {
				b.beforeRow(i)
			}
			o := newBlockObject(rows[i], b.note.act)
			b.live[i] = o
			if h := fitWidth(o, b.column-2*b.inset(i)); h != b.heights[i] {
				b.heights[i] = h
				changed = true
			}
		}
		if !changed {
			break
		}
		b.layoutRows()
		top = max(b.ys[anchor]+delta, 0)
	}
	keepLo, keepHi := b.rowAt(max(top-2*view-margin, 0)), b.rowAt(top+3*view+margin)
	for i := range b.live {
		if i < keepLo || i > keepHi {
			delete(b.live, i)
		}
	}
	b.scroll.Offset.Y = min(top, max(b.total()-view, 0))
	b.place()
}

// place puts the live rows where they belong and makes the body as tall as the note.
func (b *pageBody) place() {
	idx := make([]int, 0, len(b.live))
	for i := range b.live {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	b.objects = b.objects[:0]
	x := max((b.width-b.column)/2, 0)
	if m := b.playMark(x); m != nil {
		b.objects = append(b.objects, m) // under the rows
	}
	for _, i := range idx {
		o := b.live[i]
		o.Move(fyne.NewPos(x+b.inset(i), b.ys[i]))
		b.objects = append(b.objects, o)
	}
	if s := b.Size(); s.Width > 0 {
		if want := max(b.total(), b.viewHeight()); s.Height != want {
			b.BaseWidget.Resize(fyne.NewSize(s.Width, want))
		}
	}
	canvas.Refresh(b)
}

// scrollToRow scrolls so that row i starts delta below the top of the view.
func (b *pageBody) scrollToRow(i int, delta float32) {
	if b.scrolled != nil {
		defer b.scrolled()
	}
	if i < 0 || i >= len(b.rows()) {
		b.scroll.Offset.Y = 0
		b.sync()
		b.scroll.Refresh()
		return
	}
	b.scroll.Offset.Y = max(b.ys[i]+delta, 0)
	b.sync()
	// Rows above the target were measured by sync; put the target back at the top.
	b.scroll.Offset.Y = max(min(b.ys[i]+delta, b.total()-b.viewHeight()), 0)
	b.sync()
	b.scroll.Refresh()
}

// showRow scrolls row i to the top of the view, with the space above it.
func (b *pageBody) showRow(i int) {
	if i < 0 || i >= len(b.rows()) {
		return
	}
	b.scrollToRow(i, -b.gapBefore(i))
}

// remeasure measures the live rows again, after a fold changed their height.
func (b *pageBody) remeasure() {
	if b.note == nil {
		return
	}
	anchor, delta := b.anchor()
	for i, o := range b.live {
		if b.note.act.nested {
			o.Refresh()
		}
		b.heights[i] = fitWidth(o, b.column-2*b.inset(i))
	}
	b.layoutRows()
	b.scroll.Offset.Y = b.ys[anchor] + delta
	b.sync()
	b.scroll.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *pageBody) CreateRenderer() fyne.WidgetRenderer {
	return &pageBodyRenderer{b: b}
}

type pageBodyRenderer struct{ b *pageBody }

func (r *pageBodyRenderer) Destroy() {}

func (r *pageBodyRenderer) Objects() []fyne.CanvasObject { return r.b.objects }

func (r *pageBodyRenderer) Layout(fyne.Size) {}

func (r *pageBodyRenderer) MinSize() fyne.Size { return r.b.MinSize() }

// Refresh re-measures everything when the theme's text size changed; otherwise the rows
// refresh themselves (a theme change refreshes every widget of the window).
func (r *pageBodyRenderer) Refresh() {
	b := r.b
	if b.metrics != nil && b.Theme().Size(theme.SizeNameText) != b.metricsSize {
		w := b.width
		b.width = 0
		b.setWidth(w)
		b.scroll.Refresh()
	}
}
