package mermaid

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestKind(t *testing.T) {
	for src, want := range map[string]string{
		"flowchart LR\nA-->B":             "flowchart",
		"%% a comment\n\ngraph TD\nA":     "graph",
		"sequenceDiagram\nAlice->>Bob: x": "sequenceDiagram",
		"  \n":                            "",
	} {
		if got := Kind(src); got != want {
			t.Errorf("Kind(%q) = %q, want %q", src, got, want)
		}
	}
}

// summary writes a chart as text: direction, nodes (id:shape:label, * for a link), edges.
func summary(f *Flowchart) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dir %d;", f.Dir)
	for _, n := range f.Nodes {
		link := ""
		if n.Link {
			link = "*"
		}
		fmt.Fprintf(&b, " %s:%d:%q%s", n.ID, n.Shape, n.Label, link)
	}
	b.WriteString(";")
	for _, e := range f.Edges {
		arrow := "-"
		if e.Arrow {
			arrow = ">"
		}
		fmt.Fprintf(&b, " %s%d%s%s", f.Nodes[e.From].ID, e.Line, arrow, f.Nodes[e.To].ID)
		if e.Label != "" {
			fmt.Fprintf(&b, "(%s)", e.Label)
		}
	}
	return b.String()
}

func TestParseFlowchart(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"directions and chains", "flowchart LR\nA --> B --> C", `dir 2; A:0:"A" B:0:"B" C:0:"C"; A0>B B0>C`},
		{"graph TD, semicolons", "graph TD;A-->B;B---C", `dir 0; A:0:"A" B:0:"B" C:0:"C"; A0>B B0-C`},
		{"bottom up, right left", "flowchart BT\nx-->y", `dir 1; x:0:"x" y:0:"y"; x0>y`},
		{"shapes", "flowchart TD\na[Rect] --> b(Round) --> c([Stadium]) --> d[[Sub]] --> e[(Db)] --> f((Circle)) --> g>Flag] --> h{Choice} --> i{{Hex}}",
			`dir 0; a:0:"Rect" b:1:"Round" c:2:"Stadium" d:3:"Sub" e:4:"Db" f:5:"Circle" g:6:"Flag" h:7:"Choice" i:8:"Hex"; a0>b b0>c c0>d d0>e e0>f f0>g g0>h h0>i`},
		{"edge kinds and texts", "flowchart TD\nA -.-> B\nB ==> C\nC -->|yes| D\nD -- no --> E\nE -. maybe .-> F\nF == sure ==> G\nG --- H",
			`dir 0; A:0:"A" B:0:"B" C:0:"C" D:0:"D" E:0:"E" F:0:"F" G:0:"G" H:0:"H"; A1>B B2>C C0>D(yes) D0>E(no) E1>F(maybe) F2>G(sure) G0-H`},
		{"a node is labelled once and referred to after", "flowchart TD\nA[Start here] --> B\nB --> A", `dir 0; A:0:"Start here" B:0:"B"; A0>B B0>A`},
		{"quoted labels, line breaks, comments", "flowchart TD\nA[\"Hello, world\"] --> B[one<br>two] %% a remark", `dir 0; A:0:"Hello, world" B:0:"one\ntwo"; A0>B`},
		{"internal links", "flowchart LR\nA[Moon Phases] --> B[Tides]\nclass A,B internal-link;\nC:::internal-link", `dir 2; A:0:"Moon Phases"* B:0:"Tides"* C:0:"C"*; A0>B`},
		{"skipped statements", "graph TD\nsubgraph one\nA-->B\nend\nstyle A fill:#f9f\nclassDef x fill:#fff\nclick A callback", `dir 0; A:0:"A" B:0:"B"; A0>B`},
		{"ids with dashes", "flowchart TD\nnode-1 --> node-2", `dir 0; node-1:0:"node-1" node-2:0:"node-2"; node-10>node-2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFlowchart(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(f); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseFlowchart_Errors(t *testing.T) {
	tests := []struct {
		src  string
		line int
	}{
		{"", 1},
		{"sequenceDiagram\nA->>B: hi", 1},
		{"flowchart XY\nA-->B", 1},
		{"flowchart TD\nA-->B\nC[unclosed --> D", 3},
		{"flowchart TD\nA-->|no end B", 2},
		{"flowchart TD\nA --> ", 2},
	}
	for _, tt := range tests {
		_, err := ParseFlowchart(tt.src)
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line {
			t.Errorf("%q: err = %v, want one on line %d", tt.src, err, tt.line)
		}
	}
}

func TestParseFlowchart_Bounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	for i := range maxNodes + 1 {
		fmt.Fprintf(&b, "n%d --> n%d\n", i, i+1)
	}
	if _, err := ParseFlowchart(b.String()); err == nil {
		t.Error("a chart of too many nodes was read")
	}
}

// measure sizes a label as a line of text per line, half a unit a letter.
func measure(label string) (float64, float64) {
	w := 0.0
	lines := strings.Split(label, "\n")
	for _, l := range lines {
		w = max(w, float64(len([]rune(l)))*0.5)
	}
	return w, float64(len(lines))
}

// TestLayout: every edge goes down a rank (across, for LR) except those closing a cycle, no
// two boxes overlap, everything is inside the chart, and edges end on their boxes.
func TestLayout(t *testing.T) {
	for _, src := range []string{
		"flowchart TD\nA-->B\nA-->C\nB-->D\nC-->D\nD-->A",
		"flowchart LR\nA-->B-->C\nA-->C",
		"flowchart BT\nA-->B",
		"flowchart RL\nA-->B",
		"flowchart TD\nA((A long circle label))-->B{Rhombus}-->C{{Hexagon}}\nB-->D>Flag]\nE",
	} {
		f, err := ParseFlowchart(src)
		if err != nil {
			t.Fatal(err)
		}
		l := f.Layout(measure)
		for i, a := range l.Boxes {
			if a.X-a.W/2 < -1e-9 || a.Y-a.H/2 < -1e-9 || a.X+a.W/2 > l.W+1e-9 || a.Y+a.H/2 > l.H+1e-9 {
				t.Errorf("%q: box %d %+v outside the chart %gx%g", src, i, a, l.W, l.H)
			}
			for j, b := range l.Boxes[i+1:] {
				if abs(a.X-b.X) < (a.W+b.W)/2 && abs(a.Y-b.Y) < (a.H+b.H)/2 {
					t.Errorf("%q: boxes %d and %d overlap", src, i, i+1+j)
				}
			}
		}
		for k, e := range f.Edges {
			a, b := l.Boxes[e.From], l.Boxes[e.To]
			var d float64
			switch f.Dir {
			case TopDown:
				d = b.Y - a.Y
			case BottomUp:
				d = a.Y - b.Y
			case LeftRight:
				d = b.X - a.X
			case RightLeft:
				d = a.X - b.X
			}
			closing := f.Nodes[e.To].ID == "A" && f.Nodes[e.From].ID == "D"
			if d <= 0 && !closing {
				t.Errorf("%q: edge %s->%s does not go the chart's way", src, f.Nodes[e.From].ID, f.Nodes[e.To].ID)
			}
			for end, box := range []Box{a, b} {
				p := l.Edges[k][end]
				onX := abs(abs(p.X-box.X)-box.W/2) < 1e-6 && abs(p.Y-box.Y) <= box.H/2+1e-6
				onY := abs(abs(p.Y-box.Y)-box.H/2) < 1e-6 && abs(p.X-box.X) <= box.W/2+1e-6
				if !onX && !onY {
					t.Errorf("%q: edge %d ends at %+v, not on box %+v", src, k, p, box)
				}
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// BenchmarkLayout lays out a 200-node chart (issue #15: ≤ 200 ms).
func BenchmarkLayout(b *testing.B) {
	var src strings.Builder
	src.WriteString("flowchart TD\n")
	for i := 1; i < 200; i++ {
		fmt.Fprintf(&src, "n%d[Step %d] --> n%d[Step %d]\n", i/3, i/3, i, i)
	}
	for b.Loop() {
		f, err := ParseFlowchart(src.String())
		if err != nil {
			b.Fatal(err)
		}
		f.Layout(measure)
	}
}

func TestParseFlowchart_EdgesBounded(t *testing.T) {
	src := "flowchart TD\n" + strings.Repeat("A-->B\n", maxEdges+1)
	if _, err := ParseFlowchart(src); err == nil {
		t.Error("a chart of too many edges was read")
	}
}

// FuzzDiagrams reads arbitrary text as a flowchart and as a sequence diagram: each is
// refused with a line in range or laid out with every box and point finite.
func FuzzDiagrams(f *testing.F) {
	f.Add("flowchart LR\nA[Start] --> B{Choice}\nB -->|yes| C((Done))\nB -. no .-> A\nclass C internal-link")
	f.Add("graph TD;A-->B;B---C;C==>A")
	f.Add("sequenceDiagram\nautonumber\nparticipant A as Alice\nA->>B: hi\nB-->>A: yo\nNote over A,B: both\nA-xA: self")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		finite := func(xs ...float64) {
			for _, x := range xs {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("a layout value is %v", x)
				}
			}
		}
		check := func(err error) bool {
			if err == nil {
				return true
			}
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Line > lines {
				t.Fatalf("error %v: want one with a line in 1..%d", err, lines)
			}
			return false
		}
		if c, err := ParseFlowchart(src); check(err) {
			l := c.Layout(measure)
			finite(l.W, l.H)
			for _, b := range l.Boxes {
				finite(b.X, b.Y, b.W, b.H)
			}
			for _, e := range l.Edges {
				finite(e[0].X, e[0].Y, e[1].X, e[1].Y)
			}
		}
		if s, err := ParseSequence(src); check(err) {
			l := s.Layout(measure)
			finite(l.W, l.H, l.BottomY)
			for _, y := range l.Rows {
				finite(y)
			}
		}
	})
}
