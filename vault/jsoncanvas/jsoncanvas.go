// Package jsoncanvas reads the boards of Obsidian's Canvas, the open JSON Canvas 1.0 format
// (`.canvas` files): nodes (text, a file of the vault, a web link, a group) placed on an
// unbounded plane, and edges between their sides. It reads only; what it cannot use it
// reports, with the line, and leaves out: the rest of the board still shows (docs/FORMAT.md
// §8).
package jsoncanvas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// MaxSize is the largest canvas file read: a board is a few hundred kilobytes even with
// thousands of cards.
const MaxSize = 32 << 20

// MaxNodes and MaxEdges bound what one board shows.
const (
	MaxNodes = 100_000
	MaxEdges = 200_000
)

// maxCoord bounds a coordinate or a size: beyond it the board is not one people drew.
const maxCoord = 1e7

// Node is one card of a board.
type Node struct {
	ID   string
	Type string // "text", "file", "link" or "group"
	// X, Y, Width and Height place it, in the board's pixels, Y down.
	X, Y, Width, Height float64
	// Color is the colour it asks for (see Color), "" for none.
	Color string
	// Text is a text card's Markdown; File and Subpath the vault file a file card shows
	// (and the #heading or #^block in it); URL a link card's address; Label a group's.
	Text, File, Subpath, URL, Label string
}

// Edge joins two nodes.
type Edge struct {
	ID, FromNode, ToNode string
	// FromSide and ToSide are "top", "right", "bottom", "left" or "" (the nearest).
	FromSide, ToSide string
	// FromArrow and ToArrow say whether an end has an arrowhead (by default only the
	// "to" end has).
	FromArrow, ToArrow bool
	Color, Label       string
}

// Board is a whole canvas: its nodes in drawing order (groups first, so cards lie on them)
// and its edges.
type Board struct {
	Nodes []Node
	Edges []Edge
}

// Problem is something of the file that could not be used, with its 1-based line.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Message) }

type rawNode struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	X        *float64 `json:"x"`
	Y        *float64 `json:"y"`
	Width    *float64 `json:"width"`
	Height   *float64 `json:"height"`
	Color    string   `json:"color"`
	Text     string   `json:"text"`
	File     string   `json:"file"`
	Subpath  string   `json:"subpath"`
	URL      string   `json:"url"`
	Label    string   `json:"label"`
	FromNode string   `json:"fromNode"`
	ToNode   string   `json:"toNode"`
	FromSide string   `json:"fromSide"`
	ToSide   string   `json:"toSide"`
	FromEnd  string   `json:"fromEnd"`
	ToEnd    string   `json:"toEnd"`
}

// Parse reads a canvas file. A file that is not a JSON object is an error (with its line);
// nodes and edges that cannot be used are left out and reported as problems.
func Parse(data []byte) (*Board, []Problem, error) {
	if len(data) > MaxSize {
		return nil, nil, fmt.Errorf("the file is %d MB: boards over %d MB are not read", len(data)>>20, MaxSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, errors.New("the file is empty")
	}
	nodes, edges, err := lists(data)
	if err != nil {
		return nil, nil, err
	}
	b := &Board{}
	var problems []Problem
	ids := map[string]bool{}
	var groups, cards []Node
	for i, el := range nodes {
		m, line := el.raw, el.line
		if len(groups)+len(cards) >= MaxNodes {
			problems = append(problems, Problem{line, fmt.Sprintf("only the first %d nodes are shown", MaxNodes)})
			break
		}
		var n rawNode
		if err := json.Unmarshal(m, &n); err != nil {
			problems = append(problems, Problem{line, fmt.Sprintf("node %d is not an object", i+1)})
			continue
		}
		node, why := n.node()
		if why == "" && ids[node.ID] {
			why = fmt.Sprintf("a second node with the id %q", node.ID)
		}
		if why != "" {
			problems = append(problems, Problem{line, why})
			continue
		}
		ids[node.ID] = true
		if node.Type == "group" {
			groups = append(groups, node)
		} else {
			cards = append(cards, node)
		}
	}
	b.Nodes = append(groups, cards...)
	for i, el := range edges {
		m, line := el.raw, el.line
		if len(b.Edges) >= MaxEdges {
			problems = append(problems, Problem{line, fmt.Sprintf("only the first %d edges are shown", MaxEdges)})
			break
		}
		var e rawNode
		if err := json.Unmarshal(m, &e); err != nil {
			problems = append(problems, Problem{line, fmt.Sprintf("edge %d is not an object", i+1)})
			continue
		}
		if !ids[e.FromNode] || !ids[e.ToNode] {
			problems = append(problems, Problem{line, fmt.Sprintf("edge %q joins a node the board does not have", e.ID)})
			continue
		}
		b.Edges = append(b.Edges, Edge{ID: e.ID, FromNode: e.FromNode, ToNode: e.ToNode,
			FromSide: side(e.FromSide), ToSide: side(e.ToSide),
			FromArrow: e.FromEnd == "arrow", ToArrow: e.ToEnd != "none",
			Color: e.Color, Label: e.Label})
	}
	return b, problems, nil
}

// node checks a node; why says what is wrong with it ("" when nothing).
func (n *rawNode) node() (Node, string) {
	if n.ID == "" {
		return Node{}, "a node without an id"
	}
	switch n.Type {
	case "text", "file", "link", "group":
	case "":
		return Node{}, fmt.Sprintf("node %q has no type", n.ID)
	default:
		return Node{}, fmt.Sprintf("node %q is of a type not shown yet: %q", n.ID, n.Type)
	}
	for _, v := range []*float64{n.X, n.Y, n.Width, n.Height} {
		if v == nil || math.IsNaN(*v) || math.Abs(*v) > maxCoord {
			return Node{}, fmt.Sprintf("node %q has no usable place or size", n.ID)
		}
	}
	if *n.Width <= 0 || *n.Height <= 0 {
		return Node{}, fmt.Sprintf("node %q has no area", n.ID)
	}
	return Node{ID: n.ID, Type: n.Type, X: *n.X, Y: *n.Y, Width: *n.Width, Height: *n.Height,
		Color: n.Color, Text: n.Text, File: n.File, Subpath: n.Subpath, URL: n.URL, Label: n.Label}, ""
}

func side(s string) string {
	switch s {
	case "top", "right", "bottom", "left":
		return s
	}
	return ""
}

// presets are the six colours a canvas names by number, as Obsidian draws them.
var presets = [...]color.NRGBA{
	{0xe9, 0x31, 0x47, 0xff}, // 1 red
	{0xec, 0x75, 0x00, 0xff}, // 2 orange
	{0xe0, 0xac, 0x00, 0xff}, // 3 yellow
	{0x08, 0xb9, 0x4e, 0xff}, // 4 green
	{0x00, 0xbf, 0xbc, 0xff}, // 5 cyan
	{0x78, 0x52, 0xee, 0xff}, // 6 purple
}

// Color is the colour a node or edge asks for: one of the six presets ("1" to "6") or
// "#rrggbb"; ok is false for none or one not understood.
func Color(c string) (color.NRGBA, bool) {
	if len(c) == 1 && c[0] >= '1' && c[0] <= '6' {
		return presets[c[0]-'1'], true
	}
	if len(c) == 7 && c[0] == '#' {
		v, err := strconv.ParseUint(c[1:], 16, 32)
		if err == nil {
			return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}, true
		}
	}
	return color.NRGBA{}, false
}

// Bounds is the rectangle holding every node: x, y of its top left, width and height.
func (b *Board) Bounds() (x, y, w, h float64) {
	if len(b.Nodes) == 0 {
		return 0, 0, 0, 0
	}
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for _, n := range b.Nodes {
		x0, y0 = min(x0, n.X), min(y0, n.Y)
		x1, y1 = max(x1, n.X+n.Width), max(y1, n.Y+n.Height)
	}
	return x0, y0, x1 - x0, y1 - y0
}

// jsonError says where the JSON went wrong.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: not JSON: %v", lineAt(data, syn.Offset), syn)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %s should be %s", lineAt(data, typ.Offset), strings.TrimPrefix(typ.Field, "."), typ.Type)
	}
	return fmt.Errorf("not a canvas: %v", err)
}

func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// element is one node or edge as written, and the line it starts on.
type element struct {
	raw  json.RawMessage
	line int
}

// lists reads the file's "nodes" and "edges", each element with its line; other keys are
// skipped.
func lists(data []byte) (nodes, edges []element, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(err error) ([]element, []element, error) { return nil, nil, jsonError(data, err) }
	// where is the line of what the decoder reads next, past the comma and spaces before it.
	// The decoder only moves on, so the lines are counted from where the last call left off:
	// counting from the top each time made a board of 10,000 cards on one line take 0.6 s.
	seen, line := 0, 1
	where := func() int {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		if off >= seen {
			line += bytes.Count(data[seen:off], []byte("\n"))
			seen = off
			return line
		}
		return lineAt(data, int64(off))
	}
	if t, err := dec.Token(); err != nil {
		return fail(err)
	} else if t != json.Delim('{') {
		return nil, nil, fmt.Errorf("line %d: not a canvas: the file is not a JSON object", where())
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := t.(string)
		if key != "nodes" && key != "edges" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail(err)
			}
			continue
		}
		line := where()
		t, err = dec.Token()
		if err != nil {
			return fail(err)
		}
		if t == nil {
			continue // null: none
		}
		if t != json.Delim('[') {
			return nil, nil, fmt.Errorf("line %d: %q should be a list", line, key)
		}
		for dec.More() {
			el := element{line: where()}
			if err := dec.Decode(&el.raw); err != nil {
				return fail(err)
			}
			if key == "nodes" {
				nodes = append(nodes, el)
			} else {
				edges = append(edges, el)
			}
		}
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	return nodes, edges, nil
}
