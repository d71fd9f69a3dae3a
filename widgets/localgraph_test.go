package widgets_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// graphVault: hub links a, b and a name no note has; a links back and on to far; c links
// the hub; far's title is long.
var graphVault = map[string]string{
	"hub.md":  "---\ntitle: The hub\n---\n[[a]] [[b]] [[Nowhere]]\n",
	"a.md":    "---\ntitle: Alpha\n---\n[[hub]] [[far]]\n",
	"b.md":    "---\ntitle: Beta\n---\nnothing\n",
	"c.md":    "---\ntitle: Gamma\n---\n[[hub]]\n",
	"far.md":  "---\ntitle: A far away note with a title much too long to show whole\n---\n",
	"lone.md": "no links\n",
}

// graphWindow shows a local graph in a test window; its work runs at once.
func graphWindow(t *testing.T) (*widgets.LocalGraph, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	g := widgets.NewLocalGraph()
	widgets.SetLocalGraphAsync(g, func(f func()) { f() })
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(360, 420))
	return g, w
}

// graphPaths lists the nodes of the graph shown: path and distance.
func graphPaths(g *widgets.LocalGraph) []string {
	var out []string
	for _, n := range g.Graph().Nodes {
		out = append(out, fmt.Sprintf("%s@%d", n.Path, n.Distance))
	}
	return out
}

func tapDot(t *testing.T, g *widgets.LocalGraph, c fyne.Canvas, path string) {
	t.Helper()
	at, ok := widgets.LocalGraphDot(g, path)
	if !ok {
		t.Fatalf("no dot for %s; graph %v", path, graphPaths(g))
	}
	test.TapCanvas(c, at)
}

// tapDepth taps the choice of the depth toggle whose text is depth. (Its text object is
// wider than the choice: tap its start.)
func tapDepth(t *testing.T, c fyne.Canvas, depth string) {
	t.Helper()
	var at *fyne.Position
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == depth && at == nil {
			p := abs.Add(fyne.NewPos(4, txt.Size().Height/2))
			at = &p
		}
	})
	if at == nil {
		t.Fatalf("no depth %s to tap; rows %q", depth, shownRows(c))
	}
	test.TapCanvas(c, *at)
}

func TestLocalGraph_CentreAndNeighbours(t *testing.T) {
	g, w := graphWindow(t)
	g.SetNote(pageTreeIndex(t, graphVault), "hub.md")
	// a links back: first; then by links in the vault, then by title.
	want := []string{"hub.md@0", "a.md@1", "b.md@1", "c.md@1", "Nowhere@1"}
	if got := graphPaths(g); !slices.Equal(got, want) {
		t.Errorf("nodes %v, want %v", got, want)
	}
	rows := shownRows(w.Canvas())
	for _, s := range []string{"Depth", "4 notes", "The hub", "Alpha", "Beta", "Gamma", "Nowhere"} {
		if !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, s) }) {
			t.Errorf("%q is not shown; rows %q", s, rows)
		}
	}
	test.AssertImageMatches(t, "graph/hub.png", w.Canvas().Capture())
}

func TestLocalGraph_TapOpensNotesAndNames(t *testing.T) {
	g, w := graphWindow(t)
	c := w.Canvas()
	var notes, names []string
	g.OnOpen = func(p string) { notes = append(notes, p) }
	g.OnOpenUnresolved = func(n string) { names = append(names, n) }
	g.SetNote(pageTreeIndex(t, graphVault), "hub.md")

	tapDot(t, g, c, "b.md")
	tapDot(t, g, c, "Nowhere")
	tapDot(t, g, c, "c.md")
	test.TapCanvas(c, fyne.NewPos(6, 410)) // a corner with nothing in it
	if !slices.Equal(notes, []string{"b.md", "c.md"}) || !slices.Equal(names, []string{"Nowhere"}) {
		t.Errorf("opened notes %v and names %v; want [b.md c.md] and [Nowhere]", notes, names)
	}
}

func TestLocalGraph_Depth2AddsSecondRing(t *testing.T) {
	g, w := graphWindow(t)
	c := w.Canvas()
	g.SetNote(pageTreeIndex(t, graphVault), "b.md")
	if got, want := graphPaths(g), []string{"b.md@0", "hub.md@1"}; !slices.Equal(got, want) {
		t.Fatalf("depth 1: %v, want %v", got, want)
	}
	tapDepth(t, c, "2")
	if g.Depth() != 2 {
		t.Fatalf("depth %d after tapping 2", g.Depth())
	}
	want := []string{"b.md@0", "hub.md@1", "a.md@2", "c.md@2", "Nowhere@2"}
	if got := graphPaths(g); !slices.Equal(got, want) {
		t.Errorf("depth 2: %v, want %v", got, want)
	}
	var opened string
	g.OnOpen = func(p string) { opened = p }
	tapDot(t, g, c, "a.md")
	if opened != "a.md" {
		t.Errorf("tapping a second-ring dot opened %q", opened)
	}
	tapDepth(t, c, "1")
	if got := graphPaths(g); len(got) != 2 {
		t.Errorf("back at depth 1: %v", got)
	}
}

// TestLocalGraph_ChannelNoteIsCapped: a note linking 500 others shows a ring of at most
// 48 and a "+N more" dot that opens nothing.
func TestLocalGraph_ChannelNoteIsCapped(t *testing.T) {
	files := map[string]string{}
	var body strings.Builder
	for i := range 500 {
		fmt.Fprintf(&body, "- [[ep%03d]]\n", i)
		files[fmt.Sprintf("ep%03d.md", i)] = "an episode\n"
	}
	files["channel.md"] = body.String()
	g, w := graphWindow(t)
	c := w.Canvas()
	opened := 0
	g.OnOpen = func(string) { opened++ }
	g.SetNote(pageTreeIndex(t, files), "channel.md")
	gr := g.Graph()
	if len(gr.Nodes) != 49 || gr.More[1] != 452 {
		t.Fatalf("%d nodes, %d more; want 49 and 452", len(gr.Nodes), gr.More[1])
	}
	rows := shownRows(c)
	for _, s := range []string{"+452 more", "48 notes, 452 more"} {
		if !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, s) }) {
			t.Errorf("%q is not shown; rows %q", s, rows)
		}
	}
	tapDot(t, g, c, "+N more")
	if opened != 0 {
		t.Errorf("tapping +N more opened a note")
	}
	test.AssertImageMatches(t, "graph/channel.png", c.Capture())
}

func TestLocalGraph_HoverShowsWholeTitle(t *testing.T) {
	g, w := graphWindow(t)
	c := w.Canvas()
	g.SetNote(pageTreeIndex(t, graphVault), "a.md")
	title := "A far away note with a title much too long to show whole"
	if slices.Contains(shownRows(c), title) {
		t.Fatalf("the long title is shown whole before hovering: %q", shownRows(c))
	}
	at, ok := widgets.LocalGraphDot(g, "far.md")
	if !ok {
		t.Fatal("no dot for far.md")
	}
	test.MoveMouse(c, at)
	if !slices.ContainsFunc(shownRows(c), func(r string) bool { return strings.Contains(r, title) }) {
		t.Errorf("hovering far.md does not show its title; rows %q", shownRows(c))
	}
	test.MoveMouse(c, fyne.NewPos(2, 2))
	if slices.ContainsFunc(shownRows(c), func(r string) bool { return strings.Contains(r, title) }) {
		t.Errorf("the title stays after the pointer left")
	}
}

func TestLocalGraph_EmptyStates(t *testing.T) {
	g, w := graphWindow(t)
	c := w.Canvas()
	assertRows(t, c, "Depth 1 2", "No note open")
	ix := pageTreeIndex(t, graphVault)
	g.SetNote(ix, "lone.md")
	if got := graphPaths(g); !slices.Equal(got, []string{"lone.md@0"}) {
		t.Errorf("lone note: %v", got)
	}
	if !slices.ContainsFunc(shownRows(c), func(r string) bool { return strings.Contains(r, "No links to or from this note yet") }) {
		t.Errorf("no empty message for a lone note; rows %q", shownRows(c))
	}
	g.SetNote(ix, "gone.md")
	if len(g.Graph().Nodes) != 0 {
		t.Errorf("unknown note shows %v", graphPaths(g))
	}
	assertRows(t, c, "Depth 1 2", "No graph for this page")
	g.SetNote(nil, "")
	assertRows(t, c, "Depth 1 2", "No note open")
}

// TestLocalGraph_ResizeScalesWithoutWork: a resize moves the dots in proportion and works
// nothing out again.
func TestLocalGraph_ResizeScalesWithoutWork(t *testing.T) {
	test.NewTempApp(t)
	g := widgets.NewLocalGraph()
	runs := 0
	widgets.SetLocalGraphAsync(g, func(f func()) { runs++; f() })
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(360, 420))
	g.SetNote(pageTreeIndex(t, graphVault), "hub.md")
	centre, _ := widgets.LocalGraphDot(g, "hub.md")
	a, _ := widgets.LocalGraphDot(g, "a.md")
	w.Resize(fyne.NewSize(720, 840))
	centre2, _ := widgets.LocalGraphDot(g, "hub.md")
	a2, _ := widgets.LocalGraphDot(g, "a.md")
	if runs != 1 {
		t.Errorf("the graph was worked out %d times, want once", runs)
	}
	d1 := math.Hypot(float64(a.X-centre.X), float64(a.Y-centre.Y))
	d2 := math.Hypot(float64(a2.X-centre2.X), float64(a2.Y-centre2.Y))
	if d2 < 1.8*d1 {
		t.Errorf("doubling the size took a.md from %.0f to %.0f from the centre", d1, d2)
	}
}

// TestLocalGraph_LateGraphIsDropped: a graph that arrives after a newer one was asked for
// is not shown.
func TestLocalGraph_LateGraphIsDropped(t *testing.T) {
	test.NewTempApp(t)
	g := widgets.NewLocalGraph()
	var queue []func()
	widgets.SetLocalGraphAsync(g, func(f func()) { queue = append(queue, f) })
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(300, 300))
	ix := pageTreeIndex(t, graphVault)
	g.SetNote(ix, "hub.md")
	g.SetNote(ix, "b.md")
	if len(queue) != 2 {
		t.Fatalf("%d graphs asked for, want 2", len(queue))
	}
	queue[1]()
	queue[0]()
	if got := graphPaths(g); len(got) == 0 || got[0] != "b.md@0" {
		t.Errorf("shows %v, want the graph of b.md", got)
	}
}

// TestLocalGraph_WorksOffTheUIGoroutine lays the graph out on its own goroutine, as in the
// app (run with -race).
func TestLocalGraph_WorksOffTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	g := widgets.NewLocalGraph()
	done := make(chan struct{}, 2)
	widgets.SetLocalGraphAsync(g, func(f func()) {
		go func() {
			f()
			done <- struct{}{}
		}()
	})
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(300, 300))
	g.SetNote(pageTreeIndex(t, graphVault), "hub.md")
	<-done
	if got := graphPaths(g); len(got) != 5 {
		t.Errorf("graph %v, want 5 nodes", got)
	}
}

// TestGraphLayout_Deterministic: the same graph is laid out the same way, from two loads
// of the vault; the centre is in the middle, every spot inside the square, the rings at
// their distance.
func TestGraphLayout_Deterministic(t *testing.T) {
	files := map[string]string{}
	var body strings.Builder
	for i := range 120 {
		fmt.Fprintf(&body, "[[n%d]] ", i)
		files[fmt.Sprintf("n%d.md", i)] = fmt.Sprintf("[[n%d]] [[n%d]]\n", (i+1)%120, (i*7)%120)
	}
	files["centre.md"] = body.String()
	graph := func() vault.Graph { return pageTreeIndex(t, files).Neighbourhood("centre.md", 2, 30) }
	x1, y1, m1 := widgets.LocalGraphLayout(graph())
	x2, y2, m2 := widgets.LocalGraphLayout(graph())
	if !slices.Equal(x1, x2) || !slices.Equal(y1, y2) || !slices.Equal(m1, m2) {
		t.Fatal("two layouts of the same graph differ")
	}
	g := graph()
	if x1[0] != 0 || y1[0] != 0 {
		t.Errorf("the centre is at %v,%v", x1[0], y1[0])
	}
	if len(x1) != len(g.Nodes)+2 || m1[len(m1)-2]+m1[len(m1)-1] != g.More[1]+g.More[2] {
		t.Errorf("%d spots for %d nodes and more %v; +N more spots %v", len(x1), len(g.Nodes), g.More, m1[len(g.Nodes):])
	}
	for i := range x1 {
		r := math.Hypot(x1[i], y1[i])
		if r > 1 {
			t.Errorf("spot %d is outside the square: %v,%v", i, x1[i], y1[i])
		}
		if i < len(g.Nodes) && i > 0 {
			ring1 := r < 0.6
			if ring1 != (g.Nodes[i].Distance == 1) {
				t.Errorf("spot %d (distance %d) at radius %.2f", i, g.Nodes[i].Distance, r)
			}
		}
	}
}

// TestLocalGraph_Keyboard: focused, the graph highlights the centre; Down steps to the next
// dot in ring order, Up back (wrapping past the centre to the last), Space or Enter opens.
func TestLocalGraph_Keyboard(t *testing.T) {
	g, w := graphWindow(t)
	var notes, names []string
	g.OnOpen = func(p string) { notes = append(notes, p) }
	g.OnOpenUnresolved = func(n string) { names = append(names, n) }
	g.SetNote(pageTreeIndex(t, graphVault), "hub.md") // hub, a, b, c, Nowhere
	c := w.Canvas()
	c.Focus(g.FocusTarget())
	key := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeySpace)
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	key(fyne.KeyReturn)
	key(fyne.KeyUp)
	key(fyne.KeyUp)
	key(fyne.KeyUp)
	key(fyne.KeySpace)
	if !slices.Equal(notes, []string{"hub.md", "b.md"}) || !slices.Equal(names, []string{"Nowhere"}) {
		t.Errorf("opened notes %v and names %v; want [hub.md b.md] and [Nowhere]", notes, names)
	}
}
