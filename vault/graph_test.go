package vault_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"vaultview/vault"
)

// graphVault: centre links a (which links back), b twice, a missing name, an image and
// itself; c links the centre; a links x, x links y; d links the missing name too.
var graphVault = map[string]string{
	"centre.md": "---\ntitle: The Centre\n---\n[[a]] [[b]] [[b|again]] [[Missing]] ![[pic.png]] [[centre]] [[#Top]]\n# Top\n",
	"a.md":      "[[centre]] [[x]]\n",
	"b.md":      "[[a]]\n",
	"c.md":      "[[centre]]\n",
	"d.md":      "[[missing]] [[Missing]]\n",
	"x.md":      "[[y]]\n",
	"y.md":      "end\n",
	"pic.png":   "png",
}

// graphText writes a graph compactly: "path(distance,parent)" per node, then the edges by
// path, then More.
func graphText(g vault.Graph) string {
	var b strings.Builder
	for _, n := range g.Nodes {
		mark := ""
		if n.Unresolved {
			mark = "?"
		}
		fmt.Fprintf(&b, "%s%s(%d,%d) ", mark, n.Path, n.Distance, n.Parent)
	}
	b.WriteString("|")
	for _, e := range g.Edges {
		fmt.Fprintf(&b, " %s>%s", g.Nodes[e.From].Path, g.Nodes[e.To].Path)
	}
	fmt.Fprintf(&b, " | more %v", g.More)
	return b.String()
}

func TestNeighbourhood_Rings(t *testing.T) {
	ix := loadMap(t, graphVault).Index()
	cases := []struct {
		name         string
		path         string
		depth, limit int
		want         string
	}{
		{
			name: "depth 1: the mutual link first, then by links in the vault",
			path: "centre.md", depth: 1,
			want: "centre.md(0,-1) a.md(1,0) b.md(1,0) ?Missing(1,0) c.md(1,0) " +
				"| centre.md>a.md centre.md>b.md centre.md>Missing a.md>centre.md b.md>a.md c.md>centre.md | more [0 0]",
		},
		{
			// d and x are as connected and as linked: by title.
			name: "depth 2 adds what the first ring links with",
			path: "centre.md", depth: 2,
			want: "centre.md(0,-1) a.md(1,0) b.md(1,0) ?Missing(1,0) c.md(1,0) d.md(2,3) x.md(2,1) " +
				"| centre.md>a.md centre.md>b.md centre.md>Missing a.md>centre.md a.md>x.md b.md>a.md c.md>centre.md d.md>Missing | more [0 0 0]",
		},
		{
			name: "capped rings say how many were left out",
			path: "centre.md", depth: 2, limit: 2,
			want: "centre.md(0,-1) a.md(1,0) b.md(1,0) x.md(2,1) " +
				"| centre.md>a.md centre.md>b.md a.md>centre.md a.md>x.md b.md>a.md | more [0 2 0]",
		},
		{
			name: "an unresolved name as the centre",
			path: "missing", depth: 1,
			want: "?Missing(0,-1) centre.md(1,0) d.md(1,0) | centre.md>Missing d.md>Missing | more [0 0]",
		},
		{
			name: "depth 0 is the note alone",
			path: "y.md", depth: 0,
			want: "y.md(0,-1) | | more [0]",
		},
		{
			name: "a negative depth too",
			path: "y.md", depth: -3,
			want: "y.md(0,-1) | | more [0]",
		},
		{
			name: "a note without links",
			path: "y.md", depth: 2,
			want: "y.md(0,-1) x.md(1,0) a.md(2,1) | x.md>y.md a.md>x.md | more [0 0 0]",
		},
		{name: "unknown path", path: "nowhere.md", depth: 1, want: "| | more []"},
		{name: "empty path", path: "", depth: 1, want: "| | more []"},
		{name: "an attachment is not a centre", path: "pic.png", depth: 1, want: "| | more []"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := graphText(ix.Neighbourhood(c.path, c.depth, c.limit)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestNeighbourhood_NodeFacts(t *testing.T) {
	ix := loadMap(t, graphVault).Index()
	g := ix.Neighbourhood("centre.md", 1, 0)
	want := []vault.GraphNode{
		{Path: "centre.md", Title: "The Centre", Distance: 0, Parent: -1, Links: 3, Backlinks: 2},
		{Path: "a.md", Title: "a", Distance: 1, Parent: 0, Links: 2, Backlinks: 2},
		{Path: "b.md", Title: "b", Distance: 1, Parent: 0, Links: 1, Backlinks: 1},
		{Path: "Missing", Title: "Missing", Distance: 1, Parent: 0, Unresolved: true, Backlinks: 2},
		{Path: "c.md", Title: "c", Distance: 1, Parent: 0, Links: 1, Backlinks: 0},
	}
	if !reflect.DeepEqual(g.Nodes, want) {
		t.Errorf("nodes\n got %+v\nwant %+v", g.Nodes, want)
	}
}

// TestNeighbourhood_ChannelNote is the big case: a note linking 500 others, some of which
// link back. The limit keeps the ring small, the notes linking back first.
func TestNeighbourhood_ChannelNote(t *testing.T) {
	files := map[string]string{}
	var body strings.Builder
	for i := range 500 {
		fmt.Fprintf(&body, "- [[n%03d]]\n", i)
		files[fmt.Sprintf("n%03d.md", i)] = "episode\n"
	}
	for i := 490; i < 500; i++ {
		files[fmt.Sprintf("n%03d.md", i)] = "back to [[channel]]\n"
	}
	// n100 is linked from elsewhere: the most linked after those linking back.
	files["other.md"] = "[[n100]]\n"
	files["channel.md"] = body.String()
	ix := loadMap(t, files).Index()

	g := ix.Neighbourhood("channel.md", 1, 40)
	if len(g.Nodes) != 41 || g.More[1] != 460 {
		t.Fatalf("%d nodes, %d more; want 41 and 460", len(g.Nodes), g.More[1])
	}
	var first []string
	for _, n := range g.Nodes[1:12] {
		first = append(first, n.Path)
	}
	want := []string{"n490.md", "n491.md", "n492.md", "n493.md", "n494.md", "n495.md", "n496.md", "n497.md", "n498.md", "n499.md", "n100.md"}
	if !slices.Equal(first, want) {
		t.Errorf("first of the ring: %v, want %v", first, want)
	}
	if got := ix.Neighbourhood("channel.md", 1, 40); !reflect.DeepEqual(got, g) {
		t.Error("two calls on one snapshot differ")
	}
	if g := ix.Neighbourhood("channel.md", 1, 0); len(g.Nodes) != 501 || g.More[1] != 0 {
		t.Errorf("without a limit: %d nodes, %d more; want 501 and 0", len(g.Nodes), g.More[1])
	}
	// Every edge of a capped graph is between nodes shown, once.
	seen := map[vault.GraphEdge]bool{}
	for _, e := range ix.Neighbourhood("channel.md", 2, 40).Edges {
		if seen[e] || e.From == e.To {
			t.Errorf("edge %v repeated or a loop", e)
		}
		seen[e] = true
	}
}

// BenchmarkNeighbourhood measures the graph of the most linked note of the 20,000-note
// vault, at depth 1 and 2, 48 nodes a ring, as the Local graph panel asks for it.
func BenchmarkNeighbourhood(b *testing.B) {
	ix := loadBenchIndex(b)
	best, most := "", 0
	for _, p := range ix.Paths() {
		if n := len(ix.Backlinks(p)) + len(ix.Links(p)); n > most {
			best, most = p, n
		}
	}
	for _, depth := range []int{1, 2} {
		b.Run(fmt.Sprintf("depth%d", depth), func(b *testing.B) {
			g := ix.Neighbourhood(best, depth, 48)
			b.Logf("%s: %d links and backlinks; %d nodes, %d edges, more %v", best, most, len(g.Nodes), len(g.Edges), g.More)
			for b.Loop() {
				ix.Neighbourhood(best, depth, 48)
			}
		})
	}
}
