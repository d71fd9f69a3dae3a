package widgets

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// localGraphRing is how many nodes a ring shows before the rest become "+N more": about
// what a side panel can draw with room between the dots. With two rings the inner one is
// smaller, so each ring gets fewer.
func localGraphRing(depth int) int {
	if depth > 1 {
		return 30
	}
	return 48
}

// LocalGraph draws the open note with the notes it links to and the notes linking to it
// (depth 1), optionally one step further (depth 2), as dots and lines. Tapping a dot opens
// its note; hovering one shows its whole title. A note linked with hundreds of others shows
// the most connected of them and a "+N more" dot for the rest.
//
// The graph is worked out and laid out off the UI goroutine; a resize only scales it. Call
// its methods on the UI goroutine.
type LocalGraph struct {
	widget.BaseWidget

	// OnOpen is called with the path of a note whose dot was tapped; OnOpenUnresolved with
	// the name of a note not written yet.
	OnOpen           func(path string)
	OnOpenUnresolved func(name string)

	depth   *widget.RadioGroup
	summary *widget.RichText
	view    *graphView
	empty   *widget.Label

	ix    *vault.Index
	path  string
	level int
	// generation counts the requests for a graph: a result that arrives after a newer
	// request is dropped.
	generation int
	// async runs the work of a request; tests replace it to decide when that happens.
	async func(func())
}

// NewLocalGraph returns an empty local graph at depth 1.
func NewLocalGraph() *LocalGraph {
	g := &LocalGraph{level: 1, async: func(f func()) { go f() }}
	g.view = newGraphView(g.open)
	g.summary = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignTrailing, ColorName: theme.ColorNamePlaceHolder}})
	g.summary.Truncation = fyne.TextTruncateEllipsis
	g.depth = widget.NewRadioGroup([]string{"1", "2"}, func(s string) {
		if s != "" {
			g.SetDepth(int(s[0] - '0'))
		}
	})
	g.depth.Horizontal = true
	g.depth.Required = true // a choice cannot be tapped away
	g.depth.SetSelected("1")
	g.empty = widget.NewLabel("No note open")
	g.empty.Alignment = fyne.TextAlignCenter
	g.empty.Importance = widget.LowImportance
	g.empty.Wrapping = fyne.TextWrapWord
	g.ExtendBaseWidget(g)
	return g
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (g *LocalGraph) CreateRenderer() fyne.WidgetRenderer {
	depth := widget.NewLabel("Depth")
	bar := container.NewBorder(nil, nil, container.NewHBox(depth, g.depth), nil, g.summary)
	return widget.NewSimpleRenderer(container.NewBorder(bar, nil, nil, nil,
		container.NewStack(g.view, container.NewCenter(g.empty))))
}

// SetNote shows the neighbourhood of the note at path in snapshot ix ("" or nil: none).
// The graph appears when it has been worked out; until then the previous one stays.
func (g *LocalGraph) SetNote(ix *vault.Index, path string) {
	if ix == g.ix && path == g.path {
		return
	}
	g.ix, g.path = ix, path
	g.request()
}

// SetDepth shows the notes up to depth links away: 1 or 2.
func (g *LocalGraph) SetDepth(depth int) {
	depth = max(1, min(depth, 2))
	if depth == g.level {
		return
	}
	g.level = depth
	g.depth.SetSelected(fmt.Sprint(depth))
	g.request()
}

// Depth is the number of links away the graph reaches, 1 or 2.
func (g *LocalGraph) Depth() int { return g.level }

// Graph returns the graph shown (the centre first), or an empty one.
func (g *LocalGraph) Graph() vault.Graph {
	if g.view.plan == nil {
		return vault.Graph{}
	}
	return g.view.plan.Graph
}

// request works out the graph of the current note and depth off the UI goroutine.
func (g *LocalGraph) request() {
	g.generation++
	if g.ix == nil || g.path == "" {
		g.show(nil)
		return
	}
	generation, ix, path, depth := g.generation, g.ix, g.path, g.level
	g.async(func() {
		plan := layoutGraph(ix.Neighbourhood(path, depth, localGraphRing(depth)))
		uiDo(func() {
			if g.generation == generation {
				g.show(&plan)
			}
		})
	})
}

// show puts a laid-out graph on screen; nil clears it.
func (g *LocalGraph) show(plan *graphPlan) {
	if plan != nil && len(plan.Graph.Nodes) == 0 {
		plan = nil
	}
	g.view.setPlan(plan)
	g.summary.Segments[0].(*widget.TextSegment).Text = localGraphSummary(plan)
	g.summary.Refresh()
	switch {
	case plan == nil:
		g.empty.SetText("No note open")
		if g.ix != nil && g.path != "" {
			g.empty.SetText("No graph for this page")
		}
		g.empty.Show()
	case len(plan.Graph.Nodes) == 1:
		g.empty.SetText("No links to or from this note yet")
		g.empty.Show()
	default:
		g.empty.Hide()
	}
}

// localGraphSummary is the line above the graph: "24 notes", "48 notes, 460 more".
func localGraphSummary(plan *graphPlan) string {
	if plan == nil {
		return ""
	}
	shown, more := len(plan.Graph.Nodes)-1, 0
	for _, m := range plan.Graph.More {
		more += m
	}
	s := Count(shown, "note")
	if more > 0 {
		s += ", " + searchNumber(more) + " more"
	}
	return s
}

// open does what a tap on a spot means.
func (g *LocalGraph) open(s graphSpot) {
	if s.Node < 0 || g.view.plan == nil {
		return
	}
	n := g.view.plan.Graph.Nodes[s.Node]
	switch {
	case n.Unresolved && g.OnOpenUnresolved != nil:
		g.OnOpenUnresolved(n.Path)
	case !n.Unresolved && g.OnOpen != nil:
		g.OnOpen(n.Path)
	}
}

// graphView draws a laid-out graph and finds the dot under the pointer.
type graphView struct {
	widget.BaseWidget
	plan    *graphPlan
	hovered int // index in plan.Spots, -1 for none
	onTap   func(graphSpot)

	// at, radius and hit are where each spot is drawn and where it answers the pointer,
	// set by the renderer's Layout.
	at     []fyne.Position
	radius []float32
	hit    []graphBox
}

// graphBox is a rectangle of the graph view.
type graphBox struct{ x0, y0, x1, y1 float32 }

func (b graphBox) overlaps(o graphBox) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

func (b graphBox) has(p fyne.Position) bool {
	return b.x0 <= p.X && p.X <= b.x1 && b.y0 <= p.Y && p.Y <= b.y1
}

func newGraphView(onTap func(graphSpot)) *graphView {
	v := &graphView{hovered: -1, onTap: onTap}
	v.ExtendBaseWidget(v)
	return v
}

func (v *graphView) setPlan(p *graphPlan) {
	v.plan, v.hovered = p, -1
	v.at, v.radius, v.hit = nil, nil, nil
	v.Refresh()
}

// spotAt is the spot drawn at pos, the nearest when several are close; -1 if none.
func (v *graphView) spotAt(pos fyne.Position) int {
	best, bestD := -1, float32(math.MaxFloat32)
	for i, h := range v.hit {
		if !h.has(pos) {
			continue
		}
		dx, dy := pos.X-v.at[i].X, pos.Y-v.at[i].Y
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// Tapped opens the note of the dot tapped.
func (v *graphView) Tapped(e *fyne.PointEvent) {
	if i := v.spotAt(e.Position); i >= 0 && v.onTap != nil {
		v.onTap(v.plan.Spots[i])
	}
}

// Cursor shows a hand over a dot that opens something.
func (v *graphView) Cursor() desktop.Cursor {
	if v.hovered >= 0 && v.plan != nil && v.plan.Spots[v.hovered].Node >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (v *graphView) MouseIn(e *desktop.MouseEvent) { v.hover(v.spotAt(e.Position)) }

// MouseMoved implements desktop.Hoverable.
func (v *graphView) MouseMoved(e *desktop.MouseEvent) { v.hover(v.spotAt(e.Position)) }

// MouseOut implements desktop.Hoverable.
func (v *graphView) MouseOut() { v.hover(-1) }

func (v *graphView) hover(i int) {
	if i != v.hovered {
		v.hovered = i
		v.Refresh()
	}
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (v *graphView) CreateRenderer() fyne.WidgetRenderer {
	r := &graphRenderer{view: v, short: map[graphShortKey]graphShort{}}
	r.tipBox = canvas.NewRectangle(color.Transparent)
	r.tip = canvas.NewText("", color.Black)
	r.Refresh()
	return r
}

type graphRenderer struct {
	view  *graphView
	built *graphPlan
	lines []*canvas.Line
	// hot are the lines again, drawn over the labels while their link's dot is hovered.
	hot  []*canvas.Line
	dots []*canvas.Circle
	// plates lie under the labels, so that lines do not cross the letters; the plate of a
	// "+N more" spot is its pill.
	plates []*canvas.Rectangle
	names  []*canvas.Text
	// tip is the whole title of the hovered dot, on tipBox.
	tipBox  *canvas.Rectangle
	tip     *canvas.Text
	objects []fyne.CanvasObject
	// short remembers shortened titles and their sizes: measuring text is the costly part
	// of a layout, and hovering lays the graph out again.
	short map[graphShortKey]graphShort
}

type graphShortKey struct {
	text  string
	width float32
	size  float32
	bold  bool
}

type graphShort struct {
	text string
	size fyne.Size
}

func (r *graphRenderer) Destroy() {}

func (r *graphRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *graphRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 120) }

// build makes the canvas objects of a new plan.
func (r *graphRenderer) build() {
	p := r.view.plan
	r.built = p
	r.lines, r.hot, r.dots, r.plates, r.names = nil, nil, nil, nil, nil
	r.objects = r.objects[:0]
	if p != nil {
		for range p.Graph.Edges {
			l := canvas.NewLine(color.Transparent)
			r.lines = append(r.lines, l)
			r.objects = append(r.objects, l)
		}
		for range p.Spots {
			c := canvas.NewCircle(color.Transparent)
			r.dots = append(r.dots, c)
			r.objects = append(r.objects, c)
		}
		for range p.Spots {
			b := canvas.NewRectangle(color.Transparent)
			t := canvas.NewText("", color.Transparent)
			r.plates, r.names = append(r.plates, b), append(r.names, t)
			r.objects = append(r.objects, b, t)
		}
		for range p.Graph.Edges {
			l := canvas.NewLine(color.Transparent)
			l.Hide()
			r.hot = append(r.hot, l)
			r.objects = append(r.objects, l)
		}
	}
	r.objects = append(r.objects, r.tipBox, r.tip)
}

// Refresh colours everything from the theme and lays it out again.
func (r *graphRenderer) Refresh() {
	v := r.view
	if r.built != v.plan || r.objects == nil {
		r.build()
	}
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, variant) }
	if p := v.plan; p != nil {
		hovered := -2 // the hovered node
		if v.hovered >= 0 {
			hovered = p.Spots[v.hovered].Node
		}
		hot := map[int]bool{} // the hovered node's neighbours
		// Lines in the placeholder grey, see-through so that crossings show; links that
		// do not touch the centre fainter.
		line, faint := graphAlpha(col(theme.ColorNamePlaceHolder), 0x70), graphAlpha(col(theme.ColorNamePlaceHolder), 0x38)
		for i, e := range p.Graph.Edges {
			l := r.lines[i]
			l.StrokeColor, l.StrokeWidth = line, 1
			if e.From != 0 && e.To != 0 {
				l.StrokeColor = faint
			}
			h := r.hot[i]
			h.Hidden = e.From != hovered && e.To != hovered
			if !h.Hidden {
				h.StrokeColor, h.StrokeWidth = col(theme.ColorNamePrimary), 2
				hot[e.From], hot[e.To] = true, true
			}
		}
		plate := graphAlpha(col(theme.ColorNameBackground), 0xd8)
		for i, s := range p.Spots {
			d, t, b := r.dots[i], r.names[i], r.plates[i]
			d.StrokeWidth, d.StrokeColor = 0, color.Transparent
			d.Hidden = false
			b.FillColor, b.StrokeColor, b.StrokeWidth = plate, color.Transparent, 0
			b.CornerRadius = th.Size(theme.SizeNameInputRadius)
			t.TextSize = th.Size(theme.SizeNameCaptionText)
			t.TextStyle = fyne.TextStyle{}
			t.Color = col(theme.ColorNameForeground)
			switch {
			case s.Node < 0: // "+N more": a pill instead of a dot
				d.Hidden = true
				b.FillColor = col(theme.ColorNameBackground)
				b.StrokeColor, b.StrokeWidth = col(theme.ColorNamePlaceHolder), 1
				t.Color = col(theme.ColorNamePlaceHolder)
				if i == v.hovered {
					b.StrokeColor = col(theme.ColorNamePrimary)
				}
			case s.Node == 0:
				d.FillColor = col(theme.ColorNamePrimary)
				t.TextSize = th.Size(theme.SizeNameText)
				t.TextStyle.Bold = true
			case p.Graph.Nodes[s.Node].Unresolved:
				d.FillColor = col(theme.ColorNameBackground)
				d.StrokeColor, d.StrokeWidth = col(theme.ColorNamePlaceHolder), 1.5
				t.Color = col(theme.ColorNamePlaceHolder)
			case s.Ring > 1:
				d.FillColor = col(theme.ColorNamePlaceHolder)
				t.Color = col(theme.ColorNamePlaceHolder)
			default:
				d.FillColor = col(theme.ColorNameForeground)
			}
			if s.Node >= 0 && (s.Node == hovered || hot[s.Node]) {
				if d.StrokeWidth > 0 {
					d.StrokeColor = col(theme.ColorNamePrimary)
				} else {
					d.FillColor = col(theme.ColorNamePrimary)
				}
			}
		}
	}
	r.tipBox.FillColor = col(theme.ColorNameOverlayBackground)
	r.tipBox.StrokeColor = col(theme.ColorNamePrimary)
	r.tipBox.StrokeWidth = 1
	r.tipBox.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.tip.Color = col(theme.ColorNameForeground)
	r.tip.TextSize = th.Size(theme.SizeNameCaptionText)
	r.Layout(v.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// Layout scales the plan to size, then labels as many dots as fit without covering
// another label or dot. A label goes outside its ring where there is room, else inside,
// below or above its dot; hovering a dot shows its title in any case.
func (r *graphRenderer) Layout(size fyne.Size) {
	v := r.view
	p := v.plan
	r.tipBox.Hide()
	r.tip.Hide()
	if p == nil || size.Width <= 0 || size.Height <= 0 {
		v.at, v.radius, v.hit = nil, nil, nil
		return
	}
	taken := r.placeDots(p, size)
	r.placeLabels(p, size, taken)
	r.placeTip(p, size)
}

// graphScale returns the half-width and half-height of the unit circle of the plan in a view of
// size: room for the outer dots and a line of text above and below them.
func graphScale(size fyne.Size, pad, caption float32) (rx, ry float32) {
	lineH := fyne.MeasureText("Ag", caption, fyne.TextStyle{}).Height
	rx = size.Width/2 - pad - 8
	ry = size.Height/2 - pad - 8 - lineH
	rx, ry = min(rx, ry*1.6), min(ry, rx*1.25)
	rx, ry = max(rx, 10), max(ry, 10)
	return rx, ry
}

// placeDots scales the plan to size: every dot, the box a tap on it hits, and the lines
// between them. It returns the boxes of the dots, which no label may cover.
func (r *graphRenderer) placeDots(p *graphPlan, size fyne.Size) (taken []graphBox) {
	v := r.view
	th := v.Theme()
	rx, ry := graphScale(size, th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameCaptionText))
	cx, cy := size.Width/2, size.Height/2

	n := len(p.Spots)
	v.at, v.radius, v.hit = make([]fyne.Position, n), make([]float32, n), make([]graphBox, n)
	for i, s := range p.Spots {
		a := fyne.NewPos(cx+float32(s.X)*rx, cy+float32(s.Y)*ry)
		rad := graphDotRadius(p, s)
		v.at[i], v.radius[i] = a, rad
		d := r.dots[i]
		d.Position1, d.Position2 = a.SubtractXY(rad, rad), a.AddXY(rad, rad)
		reach := max(rad+4, 9)
		v.hit[i] = graphBox{a.X - reach, a.Y - reach, a.X + reach, a.Y + reach}
		if s.Node >= 0 {
			taken = append(taken, graphBox{a.X - rad - 1, a.Y - rad - 1, a.X + rad + 1, a.Y + rad + 1})
		}
	}
	for i, e := range p.Graph.Edges {
		r.lines[i].Position1, r.lines[i].Position2 = v.at[e.From], v.at[e.To]
		r.hot[i].Position1, r.hot[i].Position2 = v.at[e.From], v.at[e.To]
	}
	return taken
}

// placeLabels labels the placed dots in graphLabelOrder, each where it covers nothing in
// taken nor a label placed before it; a label that finds no room is hidden.
func (r *graphRenderer) placeLabels(p *graphPlan, size fyne.Size, taken []graphBox) {
	v := r.view
	th := v.Theme()
	pad := th.Size(theme.SizeNamePadding)
	caption := th.Size(theme.SizeNameCaptionText)
	inside := func(b graphBox) bool { return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= size.Width && b.y1 <= size.Height }
	free := func(b graphBox) bool {
		if !inside(b) {
			return false
		}
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	crowd := map[int]int{} // the number of spots on each ring
	inner := size.Width    // the distance from the centre to the nearest dot around it
	for i, s := range p.Spots {
		crowd[s.Ring]++
		if s.Ring > 0 {
			dx, dy := v.at[i].X-v.at[0].X, v.at[i].Y-v.at[0].Y
			inner = min(inner, float32(math.Hypot(float64(dx), float64(dy))))
		}
	}
	for _, i := range graphLabelOrder(p) {
		s, t, plate := p.Spots[i], r.names[i], r.plates[i]
		width := graphLabelWidth(s, crowd[s.Ring] > graphCrowded, inner)
		if s.Node == 0 {
			t.TextSize = th.Size(theme.SizeNameText)
			if width < 160 {
				t.TextSize = caption // a tight first ring: a smaller title shows more of it
			}
		}
		width = min(width, size.Width-4*pad)
		var ts fyne.Size
		t.Text, ts = r.shorten(graphSpotTitle(p, s), width, t.TextSize, t.TextStyle.Bold)
		at, ok := r.labelBox(p, i, ts, size, free)
		if !ok {
			t.Hide()
			plate.Hide()
			continue
		}
		t.Show()
		t.Move(fyne.NewPos(at.x0+(at.x1-at.x0-ts.Width)/2, at.y0+(at.y1-at.y0-ts.Height)/2))
		t.Resize(ts)
		if s.Node >= 0 {
			at = graphBox{at.x0 - 2, at.y0, at.x1 + 2, at.y1}
		}
		plate.Show()
		plate.Move(fyne.NewPos(at.x0, at.y0))
		plate.Resize(fyne.NewSize(at.x1-at.x0, at.y1-at.y0))
		taken = append(taken, at)
	}
}

// graphLabelWidth is the widest the label of s may be before the room of the view is
// counted. Labels may be wider on a ring with few dots; the centre's as wide as fits inside
// the first ring (inner away), so that it covers none of its dots.
func graphLabelWidth(s graphSpot, crowded bool, inner float32) float32 {
	width := float32(100)
	switch {
	case s.Node == 0:
		width = max(2*(inner-12), 100)
	case s.Ring > 1:
		width = 90
	}
	if s.Node != 0 && !crowded {
		width += 40
	}
	return width
}

// labelBox is where the label of spot i, of size ts, goes: a "+N more" pill on the ring
// itself, the centre's title under its dot, any other label in the first of
// graphLabelPlaces that is free. It reports false when there is no room, and for the
// hovered spot, whose title the tip shows.
func (r *graphRenderer) labelBox(p *graphPlan, i int, ts, size fyne.Size, free func(graphBox) bool) (graphBox, bool) {
	v := r.view
	s := p.Spots[i]
	a, rad := v.at[i], v.radius[i]
	switch {
	case s.Node < 0: // the pill, on the ring itself
		pad := v.Theme().Size(theme.SizeNamePadding)
		w, h := ts.Width+2*pad, ts.Height+2
		at := graphBox{a.X - w/2, a.Y - h/2, a.X + w/2, a.Y + h/2}
		v.hit[i] = at
		r.plates[i].CornerRadius = h / 2
		return at, true
	case s.Node == 0: // the centre: always, under its dot
		x := min(max(a.X-ts.Width/2, 0), size.Width-ts.Width)
		return graphBox{x, a.Y + rad + 2, x + ts.Width, a.Y + rad + 2 + ts.Height}, true
	}
	if i == v.hovered {
		return graphBox{}, false
	}
	for _, c := range graphLabelPlaces(a, fyne.NewPos(size.Width/2, size.Height/2), rad, ts, size.Width) {
		if free(c) {
			return c, true
		}
	}
	return graphBox{}, false
}

// placeTip shows the whole title of the hovered spot in a box under it, or above it when
// there is no room below.
func (r *graphRenderer) placeTip(p *graphPlan, size fyne.Size) {
	v := r.view
	i := v.hovered
	if i < 0 || i >= len(p.Spots) {
		return
	}
	pad := v.Theme().Size(theme.SizeNamePadding)
	var ts fyne.Size
	r.tip.Text, ts = r.shorten(graphTipText(p, p.Spots[i]), size.Width-4*pad, r.tip.TextSize, false)
	bw, bh := ts.Width+2*pad, ts.Height+pad
	x := min(max(v.at[i].X-bw/2, 0), size.Width-bw)
	y := v.at[i].Y + v.radius[i] + 3
	if p.Spots[i].Node < 0 {
		y = v.hit[i].y1 + 3
	}
	if y+bh > size.Height {
		y = v.at[i].Y - v.radius[i] - 3 - bh
		if p.Spots[i].Node < 0 {
			y = v.hit[i].y0 - 3 - bh
		}
	}
	r.tipBox.Move(fyne.NewPos(x, y))
	r.tipBox.Resize(fyne.NewSize(bw, bh))
	r.tip.Move(fyne.NewPos(x+pad, y+pad/2))
	r.tip.Resize(ts)
	r.tipBox.Show()
	r.tip.Show()
}

// graphLabelPlaces are the places tried, in order, for the label of size ts of the dot at a
// with radius rad in a view width wide: outwards from the centre c, inwards, below and
// above.
func graphLabelPlaces(a, c fyne.Position, rad float32, ts fyne.Size, width float32) []graphBox {
	dx, dy := a.X-c.X, a.Y-c.Y
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 {
		l = 1
	}
	ux, uy := dx/l, dy/l
	gap := rad + 3
	side := func(ux, uy float32) graphBox {
		var x, y float32
		switch {
		case ux > 0.5:
			x, y = a.X+gap, a.Y-ts.Height/2
		case ux < -0.5:
			x, y = a.X-gap-ts.Width, a.Y-ts.Height/2
		case uy > 0:
			x, y = a.X-ts.Width/2, a.Y+rad+1
		default:
			x, y = a.X-ts.Width/2, a.Y-rad-1-ts.Height
		}
		return graphBox{x, y, x + ts.Width, y + ts.Height}
	}
	// Below and above, moved sideways as far as needed to stay in the view.
	x := min(max(a.X-ts.Width/2, 0), width-ts.Width)
	below := graphBox{x, a.Y + rad + 1, x + ts.Width, a.Y + rad + 1 + ts.Height}
	above := graphBox{x, a.Y - rad - 1 - ts.Height, x + ts.Width, a.Y - rad - 1}
	return []graphBox{side(ux, uy), side(-ux, -uy), below, above}
}

// shorten returns text, cut with "…" to fit width, and its size.
func (r *graphRenderer) shorten(text string, width, size float32, bold bool) (string, fyne.Size) {
	k := graphShortKey{text, width, size, bold}
	if s, ok := r.short[k]; ok {
		return s.text, s.size
	}
	style := fyne.TextStyle{Bold: bold}
	s := graphShort{text, fyne.MeasureText(text, size, style)}
	if s.size.Width > width {
		// The longest prefix that fits with the ellipsis, by bisection over runes.
		runes := []rune(text)
		cut := func(n int) string { return strings.TrimRight(string(runes[:n]), " ") + "…" }
		lo, hi := 0, len(runes)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fyne.MeasureText(cut(mid), size, style).Width <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		s.text = cut(lo)
		s.size = fyne.MeasureText(s.text, size, style)
	}
	if len(r.short) > 4096 {
		clear(r.short)
	}
	r.short[k] = s
	return s.text, s.size
}

// graphLabelOrder is the order in which spots get their labels: the centre, "+N more",
// then ring by ring, each in the graph's order (most connected first).
func graphLabelOrder(p *graphPlan) []int {
	order := make([]int, 0, len(p.Spots))
	for i, s := range p.Spots {
		if s.Node <= 0 {
			order = append(order, i)
		}
	}
	var rest []int
	for i, s := range p.Spots {
		if s.Node > 0 {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(rest, func(a, b int) int { return p.Spots[a].Ring - p.Spots[b].Ring })
	return append(order, rest...)
}

// graphDotRadius is the size of a dot: the centre largest, the others by how linked the
// note is.
func graphDotRadius(p *graphPlan, s graphSpot) float32 {
	switch {
	case s.Node < 0:
		return 0 // drawn as a pill
	case s.Node == 0:
		return 9
	}
	n := p.Graph.Nodes[s.Node]
	return float32(min(7.5, 3.5+math.Log2(1+float64(n.Backlinks))*0.7))
}

// graphSpotTitle is the label of a spot.
func graphSpotTitle(p *graphPlan, s graphSpot) string {
	if s.Node < 0 {
		return fmt.Sprintf("+%d more", s.More)
	}
	return plainDisplayText(p.Graph.Nodes[s.Node].Title)
}

// graphTipText is what hovering a spot shows.
func graphTipText(p *graphPlan, s graphSpot) string {
	if s.Node < 0 {
		ring := "linked"
		if s.Ring > 1 {
			ring = fmt.Sprintf("%d links away", s.Ring)
		}
		return fmt.Sprintf("%s more %s %s, not shown", searchNumber(s.More), plural(s.More, "note"), ring)
	}
	n := p.Graph.Nodes[s.Node]
	if n.Unresolved {
		return plainDisplayText(n.Title) + " (not written yet)"
	}
	return plainDisplayText(n.Title)
}

// graphAlpha is c with its opacity scaled by a/255.
func graphAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}
