package widgets

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/internal/mermaid"
)

// Mermaid blocks (issue #15, item 5): flowcharts and sequence diagrams are parsed and laid
// out while the note renders, off the UI goroutine (internal/mermaid), and drawn here in the
// theme's colours; a flowchart node of class internal-link opens the note its text names.
// Other kinds of diagram, and a diagram that cannot be read, show their source as code with
// a line saying why.

// diagramChars is the width of a label's letter in line heights, for the layout made before
// anything is measured: generous, so that labels fit their boxes.
const diagramChars = 0.42

// mermaidBlock is the segment of a ```mermaid block of source text.
func (r *noteRenderer) mermaidBlock(text string) widget.RichTextSegment {
	kind := mermaid.Kind(text)
	if kind == "sequenceDiagram" {
		seq, err := mermaid.ParseSequence(text)
		if err != nil {
			seg := newCodeSegment("mermaid", text)
			seg.note = "not drawn: " + err.Error()
			return seg
		}
		return &diagramSegment{seq: seq, seqLayout: seq.Layout(measureLabel), source: text}
	}
	if kind != "flowchart" && kind != "graph" {
		seg := newCodeSegment("mermaid", text)
		seg.note = kind + " diagrams are not drawn yet"
		if kind == "" {
			seg.note = "an empty diagram"
		}
		return seg
	}
	chart, err := mermaid.ParseFlowchart(text)
	if err != nil {
		seg := newCodeSegment("mermaid", text)
		seg.note = "not drawn: " + err.Error()
		return seg
	}
	s := &diagramSegment{chart: chart, layout: chart.Layout(measureLabel), source: text}
	for i, n := range chart.Nodes {
		if n.Link {
			name := strings.ReplaceAll(n.Label, "\n", " ")
			s.links = append(s.links, diagramLink{node: i, ref: &linkRef{path: r.resolve(name), name: name, act: r.act}})
		}
	}
	return s
}

// measureLabel sizes a label for a layout, in line heights, before anything is measured.
func measureLabel(label string) (float64, float64) {
	w := 0
	lines := strings.Split(label, "\n")
	for _, l := range lines {
		w = max(w, utf8.RuneCountInString(l))
	}
	return float64(w) * diagramChars, float64(len(lines))
}

// diagramSegment is a drawn diagram in a note: a flowchart (chart) or a sequence diagram
// (seq).
type diagramSegment struct {
	unselectable
	chart     *mermaid.Flowchart
	layout    *mermaid.Layout
	seq       *mermaid.Sequence
	seqLayout *mermaid.SequenceLayout
	source    string
	links     []diagramLink
}

// height is the diagram's height in line heights.
func (s *diagramSegment) height() float64 {
	if s.seq != nil {
		return s.seqLayout.H
	}
	return s.layout.H
}

// size is the number of things drawn, for the render limit's cost.
func (s *diagramSegment) size() int {
	if s.seq != nil {
		return len(s.seq.Steps) + len(s.seq.Participants)
	}
	return len(s.chart.Nodes)
}

// diagramLink is a node that opens a note.
type diagramLink struct {
	node int
	ref  *linkRef
}

// Inline implements widget.RichTextSegment.
func (s *diagramSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment: the diagram's source, as a copy of the note
// would give it.
func (s *diagramSegment) Textual() string { return s.source }

// Visual implements widget.RichTextSegment.
func (s *diagramSegment) Visual() fyne.CanvasObject {
	d := &diagramView{seg: s}
	d.ExtendBaseWidget(d)
	return container.NewHScroll(d)
}

// Update implements widget.RichTextSegment.
func (s *diagramSegment) Update(fyne.CanvasObject) {}

// diagramView draws a flowchart's layout, a line height to its unit.
type diagramView struct {
	widget.BaseWidget
	seg *diagramSegment
}

func (d *diagramView) CreateRenderer() fyne.WidgetRenderer {
	return newDrawnRenderer(d, func() ([]fyne.CanvasObject, fyne.Size) {
		r := &diagramDrawing{d: d}
		r.draw()
		return r.objects, r.min
	})
}

// diagramDrawing is one drawing of a diagram: the objects it is made of, and its size.
type diagramDrawing struct {
	d       *diagramView
	objects []fyne.CanvasObject
	min     fyne.Size
}

// draw draws the whole diagram in the theme's present colours and sizes.
func (r *diagramDrawing) draw() {
	d := r.d
	th := d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	bg := th.Color(theme.ColorNameBackground, v)
	fill := blend(bg, th.Color(theme.ColorNamePrimary, v), 0.12)
	stroke := blend(bg, th.Color(theme.ColorNamePrimary, v), 0.8)
	link := th.Color(theme.ColorNameHyperlink, v)
	size := th.Size(theme.SizeNameText)
	unit := float64(fyne.MeasureText("M", size, fyne.TextStyle{}).Height)
	pad := float64(th.Size(theme.SizeNamePadding))
	at := func(x, y float64) fyne.Position { return fyne.NewPos(float32(pad+x*unit), float32(pad+y*unit)) }
	line := func(a, b fyne.Position, c color.Color, w float32) {
		ln := canvas.NewLine(c)
		ln.StrokeWidth = w
		ln.Position1, ln.Position2 = a, b
		r.objects = append(r.objects, ln)
	}
	if d.seg.seq != nil {
		r.sequence(at, line, unit, pad, size, fg, bg, fill, stroke, th.Color(theme.ColorNameWarning, v))
		return
	}
	l, chart := d.seg.layout, d.seg.chart

	// Edges first, under the nodes.
	for k, e := range chart.Edges {
		a, b := l.Edges[k][0], l.Edges[k][1]
		p1, p2 := at(a.X, a.Y), at(b.X, b.Y)
		width := float32(1.2)
		if e.Line == mermaid.Thick {
			width = 3
		}
		if e.Line == mermaid.Dotted {
			dashes(p1, p2, 5, func(a, b fyne.Position) { line(a, b, fg, width) })
		} else {
			line(p1, p2, fg, width)
		}
		if e.Arrow {
			arrowhead(p1, p2, float32(unit*0.45), func(a, b fyne.Position) { line(a, b, fg, width) })
		}
	}
	linked := map[int]bool{}
	for _, lk := range d.seg.links {
		linked[lk.node] = true
	}
	for i, n := range chart.Nodes {
		b := l.Boxes[i]
		tl, br := at(b.X-b.W/2, b.Y-b.H/2), at(b.X+b.W/2, b.Y+b.H/2)
		r.shape(n.Shape, tl, br, fill, stroke, line)
		textColor := fg
		if linked[i] {
			textColor = link
		}
		lines := strings.Split(n.Label, "\n")
		for k, s := range lines {
			t := canvas.NewText(s, textColor)
			t.TextSize = size
			ts := t.MinSize()
			y := b.Y - float64(len(lines))/2 + float64(k) + 0.5
			c := at(b.X, y)
			t.Move(fyne.NewPos(c.X-ts.Width/2, c.Y-ts.Height/2))
			t.Resize(ts)
			r.objects = append(r.objects, t)
		}
	}
	for k, e := range chart.Edges {
		if e.Label == "" {
			continue
		}
		t := canvas.NewText(e.Label, fg)
		t.TextSize = th.Size(theme.SizeNameCaptionText)
		ts := t.MinSize()
		c := at(l.Labels[k].X, l.Labels[k].Y)
		back := canvas.NewRectangle(bg)
		back.Move(fyne.NewPos(c.X-ts.Width/2-2, c.Y-ts.Height/2))
		back.Resize(fyne.NewSize(ts.Width+4, ts.Height))
		t.Move(fyne.NewPos(c.X-ts.Width/2, c.Y-ts.Height/2))
		t.Resize(ts)
		r.objects = append(r.objects, back, t)
	}
	// Tappable areas over the nodes that open notes, last so they are on top.
	for _, lk := range d.seg.links {
		b := l.Boxes[lk.node]
		n := &diagramNode{ref: lk.ref}
		n.ExtendBaseWidget(n)
		n.Move(at(b.X-b.W/2, b.Y-b.H/2))
		n.Resize(fyne.NewSize(float32(b.W*unit), float32(b.H*unit)))
		r.objects = append(r.objects, n)
	}
	r.min = fyne.NewSize(float32(l.W*unit+2*pad), float32(l.H*unit+2*pad))
}

// text draws s centred on c, in a box of bg when bg is not nil.
func (r *diagramDrawing) text(s string, c fyne.Position, size float32, col, bg color.Color) {
	t := canvas.NewText(s, col)
	t.TextSize = size
	ts := t.MinSize()
	if bg != nil {
		back := canvas.NewRectangle(bg)
		back.Move(fyne.NewPos(c.X-ts.Width/2-2, c.Y-ts.Height/2))
		back.Resize(fyne.NewSize(ts.Width+4, ts.Height))
		r.objects = append(r.objects, back)
	}
	t.Move(fyne.NewPos(c.X-ts.Width/2, c.Y-ts.Height/2))
	t.Resize(ts)
	r.objects = append(r.objects, t)
}

// sequence draws a sequence diagram: the participants' boxes at the top and the bottom,
// their lifelines, then the messages (a text above each line) and notes in order.
func (r *diagramDrawing) sequence(at func(x, y float64) fyne.Position, line func(a, b fyne.Position, c color.Color, w float32),
	unit, pad float64, size float32, fg, bg, fill, stroke, warning color.Color) {
	s, l := r.d.seg.seq, r.d.seg.seqLayout
	box := func(b mermaid.Box, f, st color.Color) {
		rc := canvas.NewRectangle(f)
		rc.StrokeColor, rc.StrokeWidth = st, 1.2
		rc.Move(at(b.X-b.W/2, b.Y-b.H/2))
		rc.Resize(fyne.NewSize(float32(b.W*unit), float32(b.H*unit)))
		r.objects = append(r.objects, rc)
	}
	for i, p := range s.Participants {
		b := l.Boxes[i]
		dashes(at(b.X, b.Y+b.H/2), at(b.X, l.BottomY-b.H/2), 4, func(a, c fyne.Position) { line(a, c, stroke, 1) })
		for _, y := range []float64{b.Y, l.BottomY} {
			b.Y = y
			box(b, fill, stroke)
			r.text(p.Label, at(b.X, y), size, fg, nil)
		}
	}
	number := 0
	for k, st := range s.Steps {
		y := l.Rows[k]
		if st.Kind == mermaid.Note {
			nb := l.Notes[k]
			box(nb, blend(bg, warning, 0.18), blend(bg, warning, 0.7))
			r.text(st.Text, at(nb.X, nb.Y), size, fg, nil)
			continue
		}
		text := st.Text
		if s.Numbered {
			number++
			text = fmt.Sprintf("%d. %s", number, text)
		}
		a, b := l.Columns[st.From], l.Columns[st.To]
		draw := func(p, q fyne.Position) {
			if st.Dotted {
				dashes(p, q, 5, func(p, q fyne.Position) { line(p, q, fg, 1.2) })
			} else {
				line(p, q, fg, 1.2)
			}
		}
		end := at(b, y)
		from := at(a, y)
		if a == b { // to itself: out, down and back
			out, down := at(a+1.5, y), at(a+1.5, y+1)
			end = at(a, y+1)
			draw(from, out)
			draw(out, down)
			draw(down, end)
			from = down
			r.text(text, at(a+1.5+float64(len([]rune(text)))*diagramChars/2+0.3, y-0.5), size, fg, nil)
		} else {
			draw(from, end)
			r.text(text, at((a+b)/2, y-0.6), size, fg, nil)
		}
		switch {
		case st.Cross:
			k := float32(unit * 0.25)
			line(fyne.NewPos(end.X-k, end.Y-k), fyne.NewPos(end.X+k, end.Y+k), fg, 1.2)
			line(fyne.NewPos(end.X-k, end.Y+k), fyne.NewPos(end.X+k, end.Y-k), fg, 1.2)
		case st.Head:
			arrowhead(from, end, float32(unit*0.45), func(p, q fyne.Position) { line(p, q, fg, 1.2) })
		}
	}
	r.min = fyne.NewSize(float32(l.W*unit+2*pad), float32(l.H*unit+2*pad))
}

// shape draws a node's outline between its corners tl and br.
func (r *diagramDrawing) shape(s mermaid.Shape, tl, br fyne.Position, fill, stroke color.Color, line func(a, b fyne.Position, c color.Color, w float32)) {
	w, h := br.X-tl.X, br.Y-tl.Y
	rect := func(radius float32) {
		rc := canvas.NewRectangle(fill)
		rc.StrokeColor, rc.StrokeWidth, rc.CornerRadius = stroke, 1.2, radius
		rc.Move(tl)
		rc.Resize(fyne.NewSize(w, h))
		r.objects = append(r.objects, rc)
	}
	poly := func(pts ...fyne.Position) {
		for i := range pts {
			line(pts[i], pts[(i+1)%len(pts)], stroke, 1.2)
		}
	}
	mid := fyne.NewPos(tl.X+w/2, tl.Y+h/2)
	switch s {
	case mermaid.Round:
		rect(h / 4)
	case mermaid.Stadium, mermaid.Cylinder:
		rect(h / 2)
	case mermaid.Circle:
		c := canvas.NewCircle(fill)
		c.StrokeColor, c.StrokeWidth = stroke, 1.2
		c.Move(tl)
		c.Resize(fyne.NewSize(w, h))
		r.objects = append(r.objects, c)
	case mermaid.Rhombus:
		poly(fyne.NewPos(mid.X, tl.Y), fyne.NewPos(br.X, mid.Y), fyne.NewPos(mid.X, br.Y), fyne.NewPos(tl.X, mid.Y))
	case mermaid.Hexagon:
		k := h / 2
		poly(fyne.NewPos(tl.X+k, tl.Y), fyne.NewPos(br.X-k, tl.Y), fyne.NewPos(br.X, mid.Y), fyne.NewPos(br.X-k, br.Y), fyne.NewPos(tl.X+k, br.Y), fyne.NewPos(tl.X, mid.Y))
	case mermaid.Asymmetric:
		k := h / 2
		poly(tl, fyne.NewPos(br.X, tl.Y), br, fyne.NewPos(tl.X, br.Y), fyne.NewPos(tl.X+k, mid.Y))
	case mermaid.Subroutine:
		rect(0)
		k := float32(6)
		line(fyne.NewPos(tl.X+k, tl.Y), fyne.NewPos(tl.X+k, br.Y), stroke, 1.2)
		line(fyne.NewPos(br.X-k, tl.Y), fyne.NewPos(br.X-k, br.Y), stroke, 1.2)
	default:
		rect(0)
	}
}

// dashes cuts the line a–b into dashes of about n pixels with gaps as long.
func dashes(a, b fyne.Position, n float32, draw func(a, b fyne.Position)) {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length == 0 {
		return
	}
	for s := float32(0); s < length; s += 2 * n {
		e := min(s+n, length)
		draw(fyne.NewPos(a.X+dx*s/length, a.Y+dy*s/length), fyne.NewPos(a.X+dx*e/length, a.Y+dy*e/length))
	}
}

// arrowhead draws the two strokes of an arrow's head at b, for a line from a, size long.
func arrowhead(a, b fyne.Position, size float32, draw func(a, b fyne.Position)) {
	angle := math.Atan2(float64(b.Y-a.Y), float64(b.X-a.X))
	for _, side := range []float64{-0.45, 0.45} {
		t := angle + math.Pi + side
		draw(b, fyne.NewPos(b.X+size*float32(math.Cos(t)), b.Y+size*float32(math.Sin(t))))
	}
}

// diagramNode is the tappable area over a node that opens a note.
type diagramNode struct {
	widget.BaseWidget
	ref *linkRef
}

// Tapped opens the node's note.
func (n *diagramNode) Tapped(*fyne.PointEvent) { n.ref.open() }

// Cursor implements desktop.Cursorable: a hand, as over any link.
func (n *diagramNode) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (n *diagramNode) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
