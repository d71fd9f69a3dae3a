package jsoncanvas

import (
	"strings"
	"testing"
)

const board = `{
  "nodes": [
    {"id": "t1", "type": "text", "x": 0, "y": 0, "width": 250, "height": 60, "text": "# Tides\nTwo a day.", "color": "4"},
    {"id": "g1", "type": "group", "x": -20, "y": -40, "width": 600, "height": 300, "label": "Sea"},
    {"id": "f1", "type": "file", "x": 300, "y": 0, "width": 250, "height": 120, "file": "tour/moon_phases.md", "subpath": "#New moon"},
    {"id": "l1", "type": "link", "x": 0, "y": 150, "width": 250, "height": 60, "url": "https://example.org", "color": "#00ff80"},
    {"id": "bad", "type": "text", "x": 0, "y": 0, "width": 0, "height": 10},
    {"id": "t1", "type": "text", "x": 1, "y": 1, "width": 1, "height": 1},
    {"id": "w", "type": "widget", "x": 1, "y": 1, "width": 1, "height": 1}
  ],
  "edges": [
    {"id": "e1", "fromNode": "t1", "fromSide": "right", "toNode": "f1", "toSide": "left", "label": "pulls", "color": "1"},
    {"id": "e2", "fromNode": "t1", "toNode": "l1", "fromEnd": "arrow", "toEnd": "none"},
    {"id": "e3", "fromNode": "t1", "toNode": "gone"}
  ]
}`

func TestParse_NodesEdgesAndWhatIsLeftOut(t *testing.T) {
	b, problems, err := Parse([]byte(board))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range b.Nodes {
		ids = append(ids, n.ID)
	}
	if strings.Join(ids, " ") != "g1 t1 f1 l1" {
		t.Errorf("nodes %v, want the group first, then the cards in order, the bad ones left out", ids)
	}
	if f := b.Nodes[2]; f.File != "tour/moon_phases.md" || f.Subpath != "#New moon" || f.Width != 250 {
		t.Errorf("file node %+v", f)
	}
	if len(b.Edges) != 2 || b.Edges[0].Label != "pulls" || !b.Edges[0].ToArrow || b.Edges[0].FromArrow ||
		b.Edges[0].FromSide != "right" || !b.Edges[1].FromArrow || b.Edges[1].ToArrow {
		t.Errorf("edges %+v", b.Edges)
	}
	want := []string{
		`line 7: node "bad" has no area`,
		`line 8: a second node with the id "t1"`,
		`line 9: node "w" is of a type not shown yet: "widget"`,
		`line 14: edge "e3" joins a node the board does not have`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if x, y, w, h := b.Bounds(); x != -20 || y != -40 || w != 600 || h != 300 {
		t.Errorf("bounds %v %v %v %v", x, y, w, h)
	}
}

func TestParse_BadFilesSayWhereAndWhy(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"{\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}", "line 3: not JSON"},
		{"[1, 2]", "line 1: not a canvas"},
		{"{\"nodes\": {\"id\": \"a\"}}", `line 1: "nodes" should be a list`},
		{" \n", "the file is empty"},
		{strings.Repeat(" ", MaxSize+1), "are not read"},
	} {
		_, _, err := Parse([]byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.40q: %v, want %q", c.src, err, c.want)
		}
	}
	if b, _, err := Parse([]byte(`{"nodes": null, "edges": []}`)); err != nil || len(b.Nodes) != 0 {
		t.Errorf("an empty board: %v %v", b, err)
	}
}

func TestColor_PresetsAndHex(t *testing.T) {
	if c, ok := Color("1"); !ok || c.R != 0xe9 {
		t.Errorf("preset 1: %v %v", c, ok)
	}
	if c, ok := Color("#00ff80"); !ok || c.G != 0xff || c.B != 0x80 {
		t.Errorf("hex: %v %v", c, ok)
	}
	for _, bad := range []string{"", "7", "#12345", "#zzzzzz", "red"} {
		if _, ok := Color(bad); ok {
			t.Errorf("%q taken as a colour", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(board))
	f.Add([]byte(`{"nodes":[{"id":"a","type":"text","x":1e308,"y":0,"width":1,"height":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, _, err := Parse(data)
		if err != nil {
			return
		}
		for _, n := range b.Nodes {
			if n.Width <= 0 || n.Height <= 0 || n.ID == "" {
				t.Fatalf("node kept: %+v", n)
			}
		}
		ids := map[string]bool{}
		for _, n := range b.Nodes {
			ids[n.ID] = true
		}
		for _, e := range b.Edges {
			if !ids[e.FromNode] || !ids[e.ToNode] {
				t.Fatalf("edge to nothing kept: %+v", e)
			}
		}
	})
}
