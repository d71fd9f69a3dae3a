package widgets

import (
	"math"
	"slices"

	"vaultview/vault"
)

// The local graph is laid out in rings: the open note in the middle, the notes one link
// away on a circle around it, those two links away on an outer circle, each next to the
// note it was reached from. Positions are worked out once per graph, off the UI goroutine,
// in a unit square (-1…1 on both axes); the widget scales them to its size, so a resize
// only multiplies.

// graphSpot is one thing drawn in the local graph: a node of the graph, or the "+N more"
// stand-in for the nodes of a ring that were left out.
type graphSpot struct {
	// X and Y are in -1…1; the centre is at 0, 0.
	X, Y float64
	// Node is the index in vault.Graph.Nodes, -1 for a "+N more" spot.
	Node int
	// Ring is the distance from the centre.
	Ring int
	// More is the number of nodes the spot stands for when Node is -1.
	More int
}

// graphPlan is a graph and where its spots go. Spots [0, len(Graph.Nodes)) are the nodes,
// in the same order; "+N more" spots follow.
type graphPlan struct {
	Graph vault.Graph
	Spots []graphSpot
}

// graphRadii are the radii of the rings for a graph of one ring and of two.
var graphRadii = [][]float64{{0}, {0, 0.8}, {0, 0.44, 0.9}}

// graphStagger is how far every other spot of a crowded ring moves in and out, so that
// neighbours on the ring are further apart.
const graphStagger = 0.08

// graphCrowded is the number of spots from which a ring is staggered.
const graphCrowded = 20

// graphMoreSlots is how many dots' room the "+N more" pill takes on its ring.
const graphMoreSlots = 6

// layoutGraph places the spots of g. It depends on g alone, so the same graph is drawn the
// same way every time.
func layoutGraph(g vault.Graph) graphPlan {
	p := graphPlan{Graph: g}
	if len(g.Nodes) == 0 {
		return p
	}
	rings := graphRingCount(g)
	radii := graphRadii[min(rings, len(graphRadii)-1)]
	p.Spots = make([]graphSpot, len(g.Nodes))
	for i, n := range g.Nodes {
		p.Spots[i] = graphSpot{Node: i, Ring: n.Distance}
	}
	// angle[i] is where node i sits on its ring, for its children to sit near.
	angle := make([]float64, len(g.Nodes))
	for d := 1; d <= rings; d++ {
		ring := p.ringSpots(d, angle)
		if len(ring) == 0 {
			continue
		}
		p.placeRing(ring, d, rings, radii[min(d, len(radii)-1)], angle)
	}
	return p
}

// graphRingCount is the number of rings around the centre: the farthest node's distance, or
// a farther ring of "+N more" alone.
func graphRingCount(g vault.Graph) int {
	rings := 0
	for _, n := range g.Nodes {
		rings = max(rings, n.Distance)
	}
	for d := range g.More {
		if g.More[d] > 0 {
			rings = max(rings, d)
		}
	}
	return rings
}

// ringSpots are the spots of ring d in drawing order: an outer ring's next to their parents,
// whose places are in angle, and the ring's "+N more", which it adds to p.Spots.
func (p *graphPlan) ringSpots(d int, angle []float64) []int {
	g := p.Graph
	var ring []int
	for i, n := range g.Nodes {
		if n.Distance == d {
			ring = append(ring, i)
		}
	}
	if d > 1 {
		// Next to their parents: in the order of the parents around the ring before.
		slices.SortStableFunc(ring, func(a, b int) int {
			pa, pb := angle[g.Nodes[a].Parent], angle[g.Nodes[b].Parent]
			switch {
			case pa < pb:
				return -1
			case pa > pb:
				return 1
			}
			return 0
		})
	}
	if d < len(g.More) && g.More[d] > 0 {
		// "+N more" goes last; on the first ring, which starts at the top, halfway
		// round: at the bottom.
		p.Spots = append(p.Spots, graphSpot{Node: -1, Ring: d, More: g.More[d]})
		at := len(ring)
		if d == 1 {
			at = (len(ring) + 1) / 2
		}
		ring = slices.Insert(ring, at, len(p.Spots)-1)
	}
	return ring
}

// placeRing places the spots of ring d (of rings) on a circle of the given radius, a crowded
// ring staggered, and notes in angle where each node went.
func (p *graphPlan) placeRing(ring []int, d, rings int, radius float64, angle []float64) {
	g := p.Graph
	// Each spot takes a slot of the ring; "+N more" takes graphMoreSlots, as its
	// label is wide. mid[k] is the middle of spot k's slot, in slots.
	mid := make([]float64, len(ring))
	total := 0.0
	for k, i := range ring {
		w := 1.0
		if p.Spots[i].Node < 0 {
			w = graphMoreSlots
		}
		mid[k] = total + w/2
		total += w
	}
	step := 2 * math.Pi / total
	// Ring 1 starts at the top; an outer ring turns to put its spots as near their
	// parents as it can.
	base := -math.Pi/2 - mid[0]*step
	if d > 1 {
		base = graphBestTurn(ring, mid, step, func(i int) (float64, bool) {
			if s := p.Spots[i]; s.Node >= 0 {
				return angle[g.Nodes[s.Node].Parent], true
			}
			return 0, false
		})
	}
	crowded := len(ring) >= graphCrowded
	for k, i := range ring {
		a := base + mid[k]*step
		r := radius
		switch {
		case !crowded || p.Spots[i].Node < 0:
		case d == rings:
			// The outer ring staggers inwards only, to stay inside the square.
			if k%2 == 1 {
				r -= graphStagger
			}
		case k%2 == 1:
			r += graphStagger / 2
		default:
			r -= graphStagger / 2
		}
		p.Spots[i].X, p.Spots[i].Y = r*math.Cos(a), r*math.Sin(a)
		if s := p.Spots[i]; s.Node >= 0 {
			angle[s.Node] = graphNormAngle(a)
		}
	}
}

// graphBestTurn returns the turn of a ring, whose spot k sits at turn+mid[k]*step, that
// puts its spots closest to where they want to be: the circular mean of the differences.
func graphBestTurn(ring []int, mid []float64, step float64, want func(int) (float64, bool)) float64 {
	var sx, sy float64
	for k, i := range ring {
		if a, ok := want(i); ok {
			d := a - mid[k]*step
			sx += math.Cos(d)
			sy += math.Sin(d)
		}
	}
	if sx == 0 && sy == 0 {
		return -math.Pi / 2
	}
	return math.Atan2(sy, sx)
}

// graphNormAngle brings an angle into [-π, π), so that angles compare as positions on
// the circle starting from the left.
func graphNormAngle(a float64) float64 {
	a = math.Mod(a+math.Pi, 2*math.Pi)
	if a < 0 {
		a += 2 * math.Pi
	}
	return a - math.Pi
}
