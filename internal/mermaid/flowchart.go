// Package mermaid reads the Mermaid diagrams notes hold in ```mermaid blocks and lays out the
// kinds Vaultview draws (issue #15, item 5): flowcharts (`flowchart` and `graph`, every
// direction, the common node shapes, edges solid, dotted and thick, with or without arrows
// and labels) and sequence diagrams (participants, messages of every arrow, notes). It has
// no GUI: the note view draws the layouts it returns. Other kinds are named by Kind, so the
// view can say which is not drawn yet.
package mermaid

import (
	"fmt"
	"strings"
)

// Kind is the diagram's kind: the first word of its first line that is not a comment
// ("flowchart", "graph", "sequenceDiagram", …), "" for an empty block.
func Kind(src string) string {
	for line := range strings.SplitSeq(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "%%") {
			continue
		}
		if f := strings.Fields(line); len(f) > 0 {
			return f[0]
		}
	}
	return ""
}

// Direction is the way a flowchart's edges point.
type Direction int

// The directions: top to bottom (TB and TD), bottom to top, left to right, right to left.
const (
	TopDown Direction = iota
	BottomUp
	LeftRight
	RightLeft
)

// Shape is a node's outline.
type Shape int

// The shapes, as Mermaid writes them around the label.
const (
	Rect       Shape = iota // [text]
	Round                   // (text)
	Stadium                 // ([text])
	Subroutine              // [[text]]
	Cylinder                // [(text)]
	Circle                  // ((text))
	Asymmetric              // >text]
	Rhombus                 // {text}
	Hexagon                 // {{text}}
)

// Node is a box of the chart.
type Node struct {
	ID, Label string
	Shape     Shape
	// Link is set when the node is of class internal-link, as Obsidian marks a node whose
	// text names a note: tapping it opens that note.
	Link bool
}

// Line is how an edge is drawn.
type Line int

// The edge lines: --> solid, -.-> dotted, ==> thick.
const (
	Solid Line = iota
	Dotted
	Thick
)

// Edge joins two nodes (indexes into Flowchart.Nodes).
type Edge struct {
	From, To int
	Label    string
	Line     Line
	// Arrow says the edge ends in an arrowhead (-->), not a plain line (---).
	Arrow bool
}

// Flowchart is a parsed flowchart.
type Flowchart struct {
	Dir   Direction
	Nodes []Node
	Edges []Edge
}

// Error is a line of a diagram that cannot be read.
type Error struct {
	Line int // 1-based, in the diagram's block
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// maxNodes and maxEdges bound a chart: past them a diagram is refused rather than laid out
// and drawn for long (a note of a million `A-->B` lines has two nodes).
const (
	maxNodes = 2000
	maxEdges = 5000
)

// ParseFlowchart reads a flowchart (a `flowchart` or `graph` block). Statements are one a
// line or separated by `;`; `%%` starts a comment; `subgraph`, `end`, `style`, `classDef`,
// `linkStyle` and `click` lines are skipped (their nodes still drawn); `class A,B name`
// gives classes, of which internal-link is the one that matters here.
func ParseFlowchart(src string) (*Flowchart, error) {
	p := &parser{f: &Flowchart{}, ids: map[string]int{}}
	header := true
	for n, raw := range strings.Split(src, "\n") {
		line := raw
		if i := strings.Index(line, "%%"); i >= 0 {
			line = line[:i]
		}
		for stmt := range strings.SplitSeq(line, ";") {
			stmt = strings.TrimSpace(stmt)
			if stmt == "" {
				continue
			}
			if header {
				header = false
				if err := p.header(stmt); err != nil {
					return nil, &Error{Line: n + 1, Msg: err.Error()}
				}
				continue
			}
			if err := p.statement(stmt); err != nil {
				return nil, &Error{Line: n + 1, Msg: err.Error()}
			}
			if len(p.f.Nodes) > maxNodes || len(p.f.Edges) > maxEdges {
				return nil, &Error{Line: n + 1, Msg: fmt.Sprintf("more than %d nodes or %d edges", maxNodes, maxEdges)}
			}
		}
	}
	if header {
		return nil, &Error{Line: 1, Msg: "empty diagram"}
	}
	return p.f, nil
}

type parser struct {
	f   *Flowchart
	ids map[string]int
}

func (p *parser) header(stmt string) error {
	f := strings.Fields(stmt)
	if f[0] != "flowchart" && f[0] != "graph" {
		return fmt.Errorf("%q is not a flowchart", f[0])
	}
	if len(f) < 2 {
		return nil // TB
	}
	switch strings.ToUpper(f[1]) {
	case "TB", "TD":
		p.f.Dir = TopDown
	case "BT":
		p.f.Dir = BottomUp
	case "LR":
		p.f.Dir = LeftRight
	case "RL":
		p.f.Dir = RightLeft
	default:
		return fmt.Errorf("unknown direction %q", f[1])
	}
	return nil
}

func (p *parser) statement(stmt string) error {
	word, rest, _ := strings.Cut(stmt, " ")
	switch word {
	case "subgraph", "end", "style", "classDef", "linkStyle", "click", "direction":
		return nil
	case "class":
		f := strings.Fields(rest)
		if len(f) != 2 {
			return fmt.Errorf("class wants nodes and a class name")
		}
		if f[1] == "internal-link" {
			for id := range strings.SplitSeq(f[0], ",") {
				if i, ok := p.ids[strings.TrimSpace(id)]; ok {
					p.f.Nodes[i].Link = true
				}
			}
		}
		return nil
	}
	// A chain: node (edge node)*.
	s := &scanner{s: stmt}
	from, err := p.node(s)
	if err != nil {
		return err
	}
	for {
		s.spaces()
		if s.done() {
			return nil
		}
		e, err := s.edge()
		if err != nil {
			return err
		}
		to, err := p.node(s)
		if err != nil {
			return err
		}
		e.From, e.To = from, to
		p.f.Edges = append(p.f.Edges, e)
		from = to
	}
}

// node reads a node reference (an id, then maybe a shape with its label, then maybe
// `:::class`) and returns its index, adding it on first sight.
func (p *parser) node(s *scanner) (int, error) {
	s.spaces()
	id := s.ident()
	if id == "" {
		return 0, fmt.Errorf("a node id is wanted at %q", s.rest())
	}
	label, shape, hasShape, err := s.shape()
	if err != nil {
		return 0, err
	}
	link := false
	if strings.HasPrefix(s.rest(), ":::") {
		s.i += 3
		link = s.ident() == "internal-link"
	}
	i, ok := p.ids[id]
	if !ok {
		i = len(p.f.Nodes)
		p.ids[id] = i
		p.f.Nodes = append(p.f.Nodes, Node{ID: id, Label: id})
	}
	if hasShape {
		p.f.Nodes[i].Label, p.f.Nodes[i].Shape = label, shape
	}
	if link {
		p.f.Nodes[i].Link = true
	}
	return i, nil
}

// scanner reads one statement.
type scanner struct {
	s string
	i int
}

func (s *scanner) done() bool   { return s.i >= len(s.s) }
func (s *scanner) rest() string { return s.s[s.i:] }

func (s *scanner) spaces() {
	for s.i < len(s.s) && (s.s[s.i] == ' ' || s.s[s.i] == '\t') {
		s.i++
	}
}

// ident reads a node id: letters, digits, _ and non-ASCII.
func (s *scanner) ident() string {
	start := s.i
	for s.i < len(s.s) {
		c := s.s[s.i]
		if c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 {
			s.i++
			continue
		}
		// A lone - inside an id (node-1), but never the start of an edge.
		if c == '-' && s.i+1 < len(s.s) && s.s[s.i+1] != '-' && s.s[s.i+1] != '.' && s.s[s.i+1] != '>' && s.i > start {
			s.i++
			continue
		}
		break
	}
	return s.s[start:s.i]
}

// shapes are the openers and closers, longest first so that `((` wins over `(`.
var shapes = []struct {
	open, close string
	shape       Shape
}{
	{"([", "])", Stadium}, {"[[", "]]", Subroutine}, {"[(", ")]", Cylinder}, {"((", "))", Circle},
	{"{{", "}}", Hexagon}, {"[", "]", Rect}, {"(", ")", Round}, {">", "]", Asymmetric}, {"{", "}", Rhombus},
}

func (s *scanner) shape() (label string, shape Shape, ok bool, err error) {
	r := s.rest()
	for _, sh := range shapes {
		if !strings.HasPrefix(r, sh.open) {
			continue
		}
		if sh.open == ">" && strings.HasPrefix(r, ">") && s.i > 0 && s.s[s.i-1] == '-' {
			return "", 0, false, nil // an arrow's head, not a shape
		}
		body := r[len(sh.open):]
		end := strings.Index(body, sh.close)
		if end < 0 {
			return "", 0, false, fmt.Errorf("%q has no closing %q", r, sh.close)
		}
		s.i += len(sh.open) + end + len(sh.close)
		return unquote(body[:end]), sh.shape, true, nil
	}
	return "", 0, false, nil
}

// unquote takes the quotes off a quoted label and turns <br> into a line break.
func unquote(l string) string {
	l = strings.TrimSpace(l)
	if len(l) >= 2 && l[0] == '"' && l[len(l)-1] == '"' {
		l = l[1 : len(l)-1]
	}
	for _, br := range []string{"<br/>", "<br>", "<br />"} {
		l = strings.ReplaceAll(l, br, "\n")
	}
	return l
}

// edge reads an edge: its line, a run of - . = (-- solid, -. dotted, == thick), its end (>
// an arrow; o and x, Mermaid's circle and cross ends, drawn as arrows here), and its text,
// written inside the line (`-- text -->`) or after it (`-->|text|`).
func (s *scanner) edge() (Edge, error) {
	var e Edge
	r := s.rest()
	switch {
	case strings.HasPrefix(r, "-."):
		e.Line = Dotted
	case strings.HasPrefix(r, "=="):
		e.Line = Thick
	case strings.HasPrefix(r, "--"):
		e.Line = Solid
	default:
		return e, fmt.Errorf("an edge is wanted at %q", r)
	}
	j := 0
	for j < len(r) && strings.IndexByte("-.=", r[j]) >= 0 {
		j++
	}
	end := func(k int) int { // the arrow end at r[k], if any; returns where the edge ends
		if k < len(r) && (r[k] == '>' || (r[k] == 'o' || r[k] == 'x') && (k+1 == len(r) || r[k+1] == ' ')) {
			e.Arrow = true
			return k + 1
		}
		return k
	}
	if j == 2 && j < len(r) && r[j] == ' ' {
		// `-- text -->`: the text runs to the line that closes it.
		closer := map[Line]string{Solid: "--", Dotted: ".-", Thick: "=="}[e.Line]
		k := strings.Index(r[j:], closer)
		if k < 0 {
			return e, fmt.Errorf("an edge's text has no end: %q", r)
		}
		e.Label = strings.TrimSpace(r[j : j+k])
		k += j
		for k < len(r) && strings.IndexByte("-.=", r[k]) >= 0 {
			k++
		}
		s.i += end(k)
		return e, nil
	}
	s.i += end(j)
	if rest := s.rest(); strings.HasPrefix(rest, "|") {
		k := strings.Index(rest[1:], "|")
		if k < 0 {
			return e, fmt.Errorf("an edge's text has no closing |")
		}
		e.Label = unquote(rest[1 : 1+k])
		s.i += k + 2
	}
	return e, nil
}
