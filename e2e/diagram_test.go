package e2e

import (
	"image"
	"strings"
	"testing"
)

// chooseTheme chooses View › Theme › theme ("Dark" or "Light") from the menu, and waits for
// the note's page to take its colour.
func (a *App) chooseTheme(p panes, theme string) {
	a.t.Helper()
	a.ClickText(image.Rect(0, 0, 400, 30), "View")
	a.ClickText(image.Rectangle{}, "Theme")
	a.chooseMenuItem(theme)
	a.Wait("a "+theme+" page", func() bool {
		r, _, _, _ := a.Shot("").At(p.noteArea().Min.X+5, p.noteArea().Max.Y-5).RGBA()
		return (r>>8 > 200) == (theme == "Light")
	})
}

// TestDiagram_FlowchartDrawnAndItsLinkOpens: a mermaid flowchart is drawn in the real window
// (its labels read on screen, in both themes, shots kept for review), a click on a node of
// class internal-link opens the note it names, and a sequence diagram is drawn with its
// participants, messages and note (issue #15, item 5).
func TestDiagram_FlowchartDrawnAndItsLinkOpens(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Chart.md":        "# Chart\n\nHow a visit goes:\n\n```mermaid\nflowchart TD\n    A[Arrive] --> B{Tide high?}\n    B -->|yes| C[Harbour Walk]\n    B -. no .-> D((Wait))\n    class C internal-link\n```\n",
		"Harbour Walk.md": "# Harbour Walk\n\nAlong the quay.\n",
		"Signals.md":      "# Signals\n\n```mermaid\nsequenceDiagram\n    participant K as Keeper\n    K->>Ship: Lamp lit\n    Ship-->>K: Horn twice\n    Note over K,Ship: every dusk\n```\n",
	})
	a := Start(t, dir, "Chart.md")
	a.WaitTitle("Chart")
	a.WaitText(image.Rectangle{}, "How a visit goes")
	p := a.waitPanes()
	for _, theme := range []string{"Dark", "Light"} {
		a.chooseTheme(p, theme)
		a.Shot("diagram-" + strings.ToLower(theme) + ".png")
	}
	// Dark on light, the labels in their boxes are read well enough.
	a.WaitText(p.noteArea(), "Arrive")
	a.WaitText(p.noteArea(), "high?")
	// The link node's label is drawn in the link colour, which OCR, reading the brightest
	// channel, does not see on a light ground: click the middle of the link-blue pixels of
	// the note (the boxes' outlines are a paler blue).
	img := a.Shot("")
	area := p.noteArea()
	var sx, sy, n int
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			r, _, b, _ := img.At(x, y).RGBA()
			if int(b>>8)-int(r>>8) > 190 {
				sx, sy, n = sx+x, sy+y, n+1
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d pixels of the link colour in the note", n)
	}
	a.Click(sx/n, sy/n)
	a.WaitTitle("Harbour Walk")

	// A sequence diagram: its participants, messages and note on screen.
	a.Key("ctrl+o")
	a.Type("signals")
	a.Key("Return")
	a.WaitTitle("Signals")
	for _, text := range []string{"Keeper", "Lamp lit", "Horn twice", "every dusk"} {
		a.WaitText(p.noteArea(), text)
	}
	a.Shot("diagram-sequence-light.png")
}
