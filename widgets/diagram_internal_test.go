package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
)

// diagramNote renders a note of one mermaid block and returns its segment.
func diagramNote(t *testing.T, block string) (*RenderedNote, fyneSegment) {
	t.Helper()
	src := "# Chart\n\n```mermaid\n" + block + "\n```\n"
	r := RenderNote(RenderInput{Source: []byte(src), Note: vault.ParseNote("chart.md", []byte(src))})
	for _, row := range r.rows {
		for _, s := range row.segs {
			switch s.(type) {
			case *diagramSegment, *codeSegment:
				return r, s
			}
		}
	}
	t.Fatal("no diagram or code segment rendered")
	return nil, nil
}

type fyneSegment = interface{ Textual() string }

func TestMermaid_FlowchartIsDrawnOthersShowTheirSource(t *testing.T) {
	test.NewTempApp(t)
	_, seg := diagramNote(t, "flowchart TD\nA[Start] --> B{Choice}\nB -->|yes| C[Done]")
	d, ok := seg.(*diagramSegment)
	if !ok {
		t.Fatalf("a flowchart rendered as %T", seg)
	}
	if len(d.chart.Nodes) != 3 || len(d.chart.Edges) != 2 {
		t.Errorf("%d nodes and %d edges drawn", len(d.chart.Nodes), len(d.chart.Edges))
	}
	if !strings.Contains(d.Textual(), "B -->|yes| C[Done]") {
		t.Errorf("its text is not its source: %q", d.Textual())
	}

	for _, tc := range []struct{ block, note string }{
		{"classDiagram\nclass Animal", "classDiagram diagrams are not drawn yet"},
		{"sequenceDiagram\nAlice->>Bob Hello", "not drawn: line 2: "},
		{"flowchart TD\nA --> B\nC[never closed --> D", "not drawn: line 3: "},
	} {
		_, seg := diagramNote(t, tc.block)
		c, ok := seg.(*codeSegment)
		if !ok {
			t.Fatalf("%q rendered as %T, want its source as code", tc.block, seg)
		}
		if !strings.HasPrefix(c.note, tc.note) || c.whole != tc.block {
			t.Errorf("%q: note %q, text %q", tc.block, c.note, c.whole)
		}
	}
}

// TestMermaid_DrawingAndLinks: every node's label is drawn, an internal-link node in the
// link colour and tappable: the tap opens the note its text names.
func TestMermaid_DrawingAndLinks(t *testing.T) {
	test.NewTempApp(t)
	r, seg := diagramNote(t, "flowchart LR\nA[Moon Phases] --> B[Tides]\nB -.-> C((end))\nclass A internal-link")
	v := NewNoteView()
	var opened []string
	v.OnOpenUnresolved = func(name string) { opened = append(opened, name) }
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(900, 600))
	v.ShowNote(r)
	d := &diagramView{seg: seg.(*diagramSegment)}
	d.ExtendBaseWidget(d)
	rr := test.TempWidgetRenderer(t, d)
	labels := map[string]bool{}
	var nodes []*diagramNode
	for _, o := range rr.Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			labels[o.Text] = true
		case *diagramNode:
			nodes = append(nodes, o)
		}
	}
	for _, l := range []string{"Moon Phases", "Tides", "end"} {
		if !labels[l] {
			t.Errorf("%q is not drawn", l)
		}
	}
	if len(nodes) != 1 {
		t.Fatalf("%d tappable nodes, want the one internal link", len(nodes))
	}
	r.act.view = v
	test.Tap(nodes[0])
	if len(opened) != 1 || opened[0] != "Moon Phases" {
		t.Errorf("the tap opened %q, want Moon Phases (a note not written: its page)", opened)
	}
	if rr.MinSize().Width <= rr.MinSize().Height {
		t.Errorf("a left-to-right chart of three is %v: not wider than tall", rr.MinSize())
	}
}

// TestMermaid_SequenceDiagramIsDrawn: participants (twice, top and bottom), numbered messages
// and notes are all drawn.
func TestMermaid_SequenceDiagramIsDrawn(t *testing.T) {
	test.NewTempApp(t)
	_, seg := diagramNote(t, "sequenceDiagram\nautonumber\nparticipant K as Keeper\nK->>Ship: Light on\nShip-->>K: Seen\nNote over K,Ship: at dusk\nShip->>Ship: anchor")
	d, ok := seg.(*diagramSegment)
	if !ok || d.seq == nil {
		t.Fatalf("a sequence diagram rendered as %T", seg)
	}
	v := &diagramView{seg: d}
	v.ExtendBaseWidget(v)
	rr := test.TempWidgetRenderer(t, v)
	count := map[string]int{}
	for _, o := range rr.Objects() {
		if txt, ok := o.(*canvas.Text); ok {
			count[txt.Text]++
		}
	}
	for text, want := range map[string]int{"Keeper": 2, "Ship": 2, "1. Light on": 1, "2. Seen": 1, "at dusk": 1, "3. anchor": 1} {
		if count[text] != want {
			t.Errorf("%q drawn %d times, want %d (drawn: %v)", text, count[text], want, count)
		}
	}
	if m := rr.MinSize(); m.Height <= m.Width/2 {
		t.Errorf("a diagram of four steps is only %v", m)
	}
}
