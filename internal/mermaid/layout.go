package mermaid

import (
	"math"
	"slices"
)

// Point is a place on the chart, in the units measure gives sizes in.
type Point struct{ X, Y float64 }

// Box is a node's place: its centre and its size.
type Box struct{ X, Y, W, H float64 }

// Layout is where everything of a flowchart goes.
type Layout struct {
	// Boxes are the nodes', by index; Edges the edges' ends, from and to, on the boxes'
	// outlines; Labels where the edges' texts are centred.
	Boxes  []Box
	Edges  [][2]Point
	Labels []Point
	// W and H are the size of the whole chart, which starts at 0, 0.
	W, H float64
}

// Gaps between ranks and between the nodes of a rank, in units of the line height.
const (
	rankGap = 2.0
	nodeGap = 1.2
)

// Layout places the chart in layers, as Mermaid does: every node a rank below the nodes it
// comes from (a cycle is broken where it closes), the nodes of a rank ordered to cross few
// edges, the ranks centred on each other. measure gives a label's width and height, in any
// unit (the view passes lines of text); the boxes get room around their labels, after their
// shapes.
func (f *Flowchart) Layout(measure func(label string) (w, h float64)) *Layout {
	n := len(f.Nodes)
	l := &Layout{Boxes: make([]Box, n), Edges: make([][2]Point, len(f.Edges)), Labels: make([]Point, len(f.Edges))}
	if n == 0 {
		return l
	}
	across := f.Dir == LeftRight || f.Dir == RightLeft
	for i, nd := range f.Nodes {
		w, h := measure(nd.Label)
		w, h = w+2, h+1 // padding around the label
		switch nd.Shape {
		case Circle:
			d := math.Max(w, h)
			w, h = d, d
		case Rhombus:
			w, h = w*1.25+h/2, h*1.6
		case Hexagon:
			w += h
		case Stadium, Asymmetric:
			w += h / 2
		}
		if across { // laid out top-down, then turned
			w, h = h, w
		}
		l.Boxes[i] = Box{W: w, H: h}
	}
	rank := f.ranks()
	layers := f.order(rank)

	// Each rank's height, and its nodes side by side, the ranks centred.
	width := 0.0
	rowW := make([]float64, len(layers))
	for r, layer := range layers {
		for k, i := range layer {
			if k > 0 {
				rowW[r] += nodeGap
			}
			rowW[r] += l.Boxes[i].W
		}
		width = max(width, rowW[r])
	}
	y := 0.0
	for r, layer := range layers {
		rowH := 0.0
		for _, i := range layer {
			rowH = max(rowH, l.Boxes[i].H)
		}
		x := (width - rowW[r]) / 2
		for _, i := range layer {
			b := &l.Boxes[i]
			b.X, b.Y = x+b.W/2, y+rowH/2
			x += b.W + nodeGap
		}
		y += rowH + rankGap
	}
	l.W, l.H = width, y-rankGap

	// Turn and flip for the direction.
	for i := range l.Boxes {
		b := &l.Boxes[i]
		if across {
			b.X, b.Y, b.W, b.H = b.Y, b.X, b.H, b.W
		}
		switch f.Dir {
		case BottomUp:
			b.Y = l.H - b.Y
		case RightLeft:
			b.X = l.H - b.X
		}
	}
	if across {
		l.W, l.H = l.H, l.W
	}
	for k, e := range f.Edges {
		a, b := l.Boxes[e.From], l.Boxes[e.To]
		l.Edges[k] = [2]Point{a.edge(Point{b.X, b.Y}), b.edge(Point{a.X, a.Y})}
		l.Labels[k] = Point{(l.Edges[k][0].X + l.Edges[k][1].X) / 2, (l.Edges[k][0].Y + l.Edges[k][1].Y) / 2}
	}
	return l
}

// edge is where the line from the box's centre towards p leaves the box.
func (b Box) edge(p Point) Point {
	dx, dy := p.X-b.X, p.Y-b.Y
	if dx == 0 && dy == 0 {
		return Point{b.X, b.Y}
	}
	// The smaller scale at which the line meets a side.
	t := math.Inf(1)
	if dx != 0 {
		t = math.Min(t, b.W/2/math.Abs(dx))
	}
	if dy != 0 {
		t = math.Min(t, b.H/2/math.Abs(dy))
	}
	return Point{b.X + dx*t, b.Y + dy*t}
}

// ranks gives each node its layer: one below the deepest node an edge comes from. Edges
// that close a cycle (found by a depth-first walk in the nodes' order) are left out.
func (f *Flowchart) ranks() []int {
	n := len(f.Nodes)
	out := make([][]int, n)
	for k, e := range f.Edges {
		out[e.From] = append(out[e.From], k)
	}
	back := make([]bool, len(f.Edges))
	state := make([]byte, n) // 0 new, 1 on the walk, 2 done
	var walk func(v int)
	// An explicit stack would do as well; charts are small (maxNodes).
	walk = func(v int) {
		state[v] = 1
		for _, k := range out[v] {
			w := f.Edges[k].To
			switch state[w] {
			case 0:
				walk(w)
			case 1:
				back[k] = true
			}
		}
		state[v] = 2
	}
	for v := range n {
		if state[v] == 0 {
			walk(v)
		}
	}
	indeg := make([]int, n)
	for k, e := range f.Edges {
		if !back[k] && e.From != e.To {
			indeg[e.To]++
		}
	}
	rank := make([]int, n)
	queue := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, k := range out[v] {
			e := f.Edges[k]
			if back[k] || e.From == e.To {
				continue
			}
			rank[e.To] = max(rank[e.To], rank[v]+1)
			if indeg[e.To]--; indeg[e.To] == 0 {
				queue = append(queue, e.To)
			}
		}
	}
	return rank
}

// order lists the nodes of each rank, left to right: first as they were written, then
// sweeping down and up the ranks a few times, each node placed at the mean position of its
// neighbours in the rank before, which uncrosses most edges.
func (f *Flowchart) order(rank []int) [][]int {
	depth := slices.Max(rank) + 1
	layers := make([][]int, depth)
	for v, r := range rank {
		layers[r] = append(layers[r], v)
	}
	pos := make([]float64, len(rank))
	place := func() {
		for _, layer := range layers {
			for k, v := range layer {
				pos[v] = float64(k) / float64(max(len(layer), 1))
			}
		}
	}
	place()
	neighbours := make([][]int, len(rank))
	for _, e := range f.Edges {
		neighbours[e.From] = append(neighbours[e.From], e.To)
		neighbours[e.To] = append(neighbours[e.To], e.From)
	}
	bary := make([]float64, len(rank))
	for sweep := range 4 {
		down := sweep%2 == 0
		for step := 1; step < depth; step++ {
			r := step
			if !down {
				r = depth - 1 - step
			}
			from := r - 1
			if !down {
				from = r + 1
			}
			for _, v := range layers[r] {
				sum, n := 0.0, 0
				for _, w := range neighbours[v] {
					if rank[w] == from {
						sum += pos[w]
						n++
					}
				}
				if n > 0 {
					bary[v] = sum / float64(n)
				} else {
					bary[v] = pos[v]
				}
			}
			slices.SortStableFunc(layers[r], func(a, b int) int {
				switch {
				case bary[a] < bary[b]:
					return -1
				case bary[a] > bary[b]:
					return 1
				}
				return 0
			})
			place()
		}
	}
	return layers
}
