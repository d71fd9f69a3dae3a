package widgets

import (
	"fyne.io/fyne/v2"

	"vaultview/vault"
)

// SetLocalGraphAsync replaces how a LocalGraph works out its graphs, so that tests decide
// when the work runs and when its result arrives.
func SetLocalGraphAsync(g *LocalGraph, run func(func())) { g.async = run }

// LocalGraphDot returns where the dot of the node at path (or "+N more" for the "+N more"
// dot of ring 1) is drawn, relative to the canvas.
func LocalGraphDot(g *LocalGraph, path string) (fyne.Position, bool) {
	v := g.view
	if v.plan == nil {
		return fyne.Position{}, false
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	for i, s := range v.plan.Spots {
		if i >= len(v.at) {
			break
		}
		if s.Node >= 0 && v.plan.Graph.Nodes[s.Node].Path == path || s.Node < 0 && path == "+N more" && s.Ring == 1 {
			return origin.Add(v.at[i]), true
		}
	}
	return fyne.Position{}, false
}

// LocalGraphLayout returns the positions layoutGraph gives the spots of g, with the
// number of nodes each "+N more" spot stands for (0 for nodes).
func LocalGraphLayout(g vault.Graph) (x, y []float64, more []int) {
	p := layoutGraph(g)
	for _, s := range p.Spots {
		x, y, more = append(x, s.X), append(y, s.Y), append(more, s.More)
	}
	return x, y, more
}
