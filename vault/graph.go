package vault

import (
	"cmp"
	"slices"
	"strings"
)

// Graph is the neighbourhood of one note: the note, what it links to and what links to it,
// and, one step further, their links and backlinks. It is a plain value the UI can lay out
// and draw on any goroutine.
type Graph struct {
	// Nodes are the centre first, then the nodes one link away, then those two links away;
	// within a ring the most connected first.
	Nodes []GraphNode
	// Edges are the links between the nodes shown, each pair once in each direction, in
	// order of From then To.
	Edges []GraphEdge
	// More[d] is how many nodes d links away were left out to keep to the limit; More[0]
	// is always 0. It has one entry per ring asked for.
	More []int
}

// GraphNode is one note, or one name that links point at but no note has, in a Graph.
type GraphNode struct {
	// Path is the note's vault-relative path; for an unresolved name it is the name.
	Path string
	// Title is the note's title, or the unresolved name in its most used spelling.
	Title string
	// Distance is the number of links between the node and the centre.
	Distance int
	// Parent is the index in Graph.Nodes of the node one ring further in that this one was
	// reached from: the first in that ring's order it is linked with. -1 for the centre.
	Parent int
	// Unresolved is true for a name no note has yet.
	Unresolved bool
	// Links is the number of distinct notes and names the note links to; Backlinks the
	// number of distinct notes linking to it. Both count the whole vault, not only the
	// nodes shown.
	Links, Backlinks int
}

// GraphEdge is a link between two nodes of a Graph.
type GraphEdge struct {
	// From links to To; both are indexes in Graph.Nodes.
	From, To int
}

// Neighbourhood returns the graph around the note at path (or around an unresolved name,
// when no note has that path): the notes and names it links to and the notes linking to
// it, then (depth 2) their links and backlinks, and so on. Attachments and links of a note
// to itself are left out.
//
// When a ring has more than limit nodes (limit > 0), the most connected are kept: those with
// the most links to and from the rings further in, then the most linked in the whole
// vault, then by title; Graph.More says how many were left out. A ring grows only from
// the nodes kept in the ring before it, so every node shown has its path to the centre
// shown too. An unknown path gives an empty Graph.
func (ix *Index) Neighbourhood(path string, depth, limit int) Graph {
	centre, ok := ix.graphCentre(path)
	if !ok {
		return Graph{}
	}
	depth = max(0, min(depth, 16))
	g := Graph{More: make([]int, depth+1)}
	at := map[string]int{centre: 0} // node key → index in g.Nodes
	keys := []string{centre}        // index in g.Nodes → node key
	g.Nodes = append(g.Nodes, ix.graphNode(centre, 0, -1))
	ring := []int{0}
	type candidate struct {
		key    string
		parent int
		// score is the number of links with nodes further in, each node and direction
		// once; degree the links and backlinks in the whole vault.
		score, degree int
		sortName      string
	}
	type link struct {
		key  string
		from int
		out  bool
	}
	for d := 1; d <= depth && len(ring) > 0; d++ {
		var cands []*candidate
		byKey := map[string]*candidate{}
		counted := map[link]bool{}
		for _, from := range ring {
			ix.graphNeighbours(keys[from], func(key string, out bool) {
				if _, shown := at[key]; shown || counted[link{key, from, out}] {
					return
				}
				counted[link{key, from, out}] = true
				c := byKey[key]
				if c == nil {
					c = &candidate{key: key, parent: from}
					byKey[key] = c
					cands = append(cands, c)
				}
				c.score++
			})
		}
		for _, c := range cands {
			c.degree = ix.graphDegree(c.key)
			if en := ix.notes.get(c.key); en != nil {
				c.sortName = en.note.Title
			} else {
				c.sortName = strings.TrimPrefix(c.key, unresolvedPrefix)
			}
		}
		slices.SortFunc(cands, func(a, b *candidate) int {
			return cmp.Or(b.score-a.score, b.degree-a.degree, compareNatural(a.sortName, b.sortName), strings.Compare(a.key, b.key))
		})
		if limit > 0 && len(cands) > limit {
			g.More[d] = len(cands) - limit
			cands = cands[:limit]
		}
		ring = ring[:0]
		for _, c := range cands {
			at[c.key] = len(g.Nodes)
			keys = append(keys, c.key)
			ring = append(ring, len(g.Nodes))
			g.Nodes = append(g.Nodes, ix.graphNode(c.key, d, c.parent))
		}
	}
	// The edges: every link of every note shown that points at another node shown.
	type pair struct{ from, to int }
	seen := map[pair]bool{}
	for i, n := range g.Nodes {
		if n.Unresolved {
			continue
		}
		en := ix.notes.get(n.Path)
		for k, l := range en.note.Links {
			key := ix.graphTarget(en, n.Path, k, l)
			j, ok := at[key]
			if key == "" || !ok || j == i || seen[pair{i, j}] {
				continue
			}
			seen[pair{i, j}] = true
			g.Edges = append(g.Edges, GraphEdge{From: i, To: j})
		}
	}
	slices.SortFunc(g.Edges, func(a, b GraphEdge) int { return cmp.Or(a.From-b.From, a.To-b.To) })
	return g
}

// graphCentre is the key of the node a Neighbourhood is about.
func (ix *Index) graphCentre(path string) (string, bool) {
	if ix.notes.get(path) != nil {
		return path, true
	}
	if path == "" {
		return "", false
	}
	key := unresolvedPrefix + unresolvedKey(path)
	return key, len(ix.backlinks.get(key)) > 0
}

// graphTarget is the node key the k-th link of the note en (at path p) points at: a note
// path or an unresolved name; "" for attachments and for links to the note itself.
func (ix *Index) graphTarget(en *entry, p string, k int, l Link) string {
	to := en.resolved[k]
	switch {
	case to == p:
		return ""
	case to == "":
		return unresolvedPrefix + unresolvedKey(l.Target)
	case ix.notes.get(to) == nil:
		return "" // an attachment
	}
	return to
}

// graphNeighbours calls f with the key of every node linked with key, once per link: out
// is true for the links of key, false for its backlinks.
func (ix *Index) graphNeighbours(key string, f func(key string, out bool)) {
	if en := ix.notes.get(key); en != nil {
		for k, l := range en.note.Links {
			if to := ix.graphTarget(en, key, k, l); to != "" {
				f(to, true)
			}
		}
	}
	for _, r := range ix.backlinks.get(key) {
		if r.source != key {
			f(r.source, false)
		}
	}
}

// graphDegree is how much a node is linked with in the whole vault: its links and
// backlinks, counted as written.
func (ix *Index) graphDegree(key string) int {
	n := len(ix.backlinks.get(key))
	if en := ix.notes.get(key); en != nil {
		n += len(en.note.Links)
	}
	return n
}

// graphTitle is what a node is called on screen.
func (ix *Index) graphTitle(key string) string {
	if en := ix.notes.get(key); en != nil {
		return en.note.Title
	}
	// An unresolved name: the spelling most of its links use.
	spell := map[string]int{}
	best := ""
	for _, r := range ix.backlinks.get(key) {
		en := ix.notes.get(r.source)
		if en == nil || r.link >= len(en.note.Links) {
			continue
		}
		sp := splitTarget(en.note.Links[r.link].Target)
		if i := strings.LastIndexByte(sp, '/'); i >= 0 {
			sp = sp[i+1:]
		}
		spell[sp]++
		if best == "" || spell[sp] > spell[best] || spell[sp] == spell[best] && sp < best {
			best = sp
		}
	}
	if best == "" {
		best = strings.TrimPrefix(key, unresolvedPrefix)
	}
	return best
}

// graphNode describes the node key.
func (ix *Index) graphNode(key string, distance, parent int) GraphNode {
	n := GraphNode{Distance: distance, Parent: parent, Title: ix.graphTitle(key)}
	sources := map[string]bool{}
	for _, r := range ix.backlinks.get(key) {
		if r.source != key {
			sources[r.source] = true
		}
	}
	n.Backlinks = len(sources)
	en := ix.notes.get(key)
	if en == nil {
		n.Path, n.Unresolved = n.Title, true
		return n
	}
	n.Path = key
	targets := map[string]bool{}
	for k, l := range en.note.Links {
		if to := ix.graphTarget(en, key, k, l); to != "" {
			targets[to] = true
		}
	}
	n.Links = len(targets)
	return n
}
