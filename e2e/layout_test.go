package e2e

import (
	"fmt"
	"testing"
)

// TestLayout_PanesHoldStillAndTheChosenPaneIsNamed: opening a note with a wide table and a
// long code line moves neither divider; at three side panel widths, from the narrowest up,
// the header names the pane chosen from the keyboard; the widths the user dragged are
// there again at the next start.
func TestLayout_PanesHoldStillAndTheChosenPaneIsNamed(t *testing.T) {
	dir := readingVault(t)
	config := t.TempDir()
	a := StartWithConfig(t, config, dir, "Home")
	a.WaitTitle("Home")
	before := a.waitPanes()
	for _, note := range []struct{ typed, title string }{{"wide", "Wide Ledger"}, {"alph", "Alpha"}, {"home", "Home"}} {
		a.Key("ctrl+o")
		a.Type(note.typed)
		a.Key("Return")
		a.WaitTitle(note.title)
		a.WaitText(a.waitPanes().noteArea(), note.title)
		after := a.waitPanes()
		if after.treeEdge != before.treeEdge || after.sideAt != before.sideAt {
			a.Shot("layout-moved.png")
			t.Fatalf("opening %s moved the dividers from %d, %d to %d, %d", note.title, before.treeEdge, before.sideAt, after.treeEdge, after.sideAt)
		}
	}

	a.Key("ctrl+o")
	a.Type("alph")
	a.Key("Return")
	a.WaitTitle("Alpha")
	width := before.img.Bounds().Dx()
	mid := before.img.Bounds().Dy() / 2
	at := before.sideAt
	// 100: further than the panel goes; it stops at its narrowest.
	for _, side := range []int{100, 330, 560} {
		a.Drag(at, mid, width-side, mid)
		p := a.waitPanes()
		got := width - p.sideAt
		if side == 100 && (got < 200 || got > 260) || side > 100 && (got < side-8 || got > side+8) {
			a.Shot("layout-drag.png")
			t.Fatalf("dragged the side panel to %d px wide, it is %d", side, got)
		}
		side = got
		at = p.sideAt
		for _, pane := range []struct{ key, name string }{{"alt+3", "Outline"}, {"alt+6", "Timeline"}, {"alt+5", "Graph"}, {"alt+7", "Across videos"}, {"ctrl+t", "Timeline"}} {
			a.Key(pane.key)
			a.WaitText(p.sideHeader(), pane.name)
			a.Shot(fmt.Sprintf("side-%d-%s.png", side, pane.name))
		}
	}

	// The widths are remembered: quit, start again, the dividers are where they were left.
	left := a.waitPanes()
	a.Key("ctrl+q")
	a.WaitExit()
	b := StartWithConfig(t, config, dir, "Home")
	b.WaitTitle("Home")
	again := b.waitPanes()
	if d := again.sideAt - left.sideAt; d < -2 || d > 2 || again.treeEdge-left.treeEdge < -2 || again.treeEdge-left.treeEdge > 2 {
		t.Errorf("after a restart the dividers are at %d, %d; they were left at %d, %d", again.treeEdge, again.sideAt, left.treeEdge, left.sideAt)
	}
}
