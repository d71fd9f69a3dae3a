package e2e

import (
	"image"
	"strings"
	"testing"
)

// TestKeys_FindAndGo is the Go menu's finding and moving, keyboard only: the quick switcher
// (Return and the keypad's Enter, Escape), search in all notes (Return on the query, Down
// then the keypad's Enter), Back and Forward.
func TestKeys_FindAndGo(t *testing.T) {
	a := Start(t, readingVault(t), "Home")
	a.WaitTitle("Home")

	a.Key("ctrl+o")
	a.Type("alph")
	a.Key("Return")
	a.WaitTitle("Alpha")
	a.Key("alt+Left")
	a.WaitTitle("Home")
	a.Key("alt+Right")
	a.WaitTitle("Alpha")

	a.Key("ctrl+o")
	a.Type("beta")
	a.Key("KP_Enter")
	a.WaitTitle("Beta note")

	a.Key("ctrl+o")
	a.Type("wide")
	a.Key("Escape")
	a.Key("alt+Left") // reaches the window: the switcher is closed
	a.WaitTitle("Alpha")

	a.Key("ctrl+shift+f")
	a.Type("copper lanterns")
	a.Key("Return")
	a.WaitTitle("Alpha")
	p := a.waitPanes()
	a.WaitText(p.noteArea(), "lanterns were lit") // "copper" is marked as the match

	a.Key("ctrl+o")
	a.Type("home")
	a.Key("Return")
	a.WaitTitle("Home")
	a.Key("ctrl+shift+f")
	a.Type("quokka")
	// Down chooses among the results on screen: wait for this query's.
	a.WaitText(image.Rect(220, 80, 980, 400), "sat by the quarry") // the search panel
	a.Key("Down", "KP_Enter")
	a.WaitTitle("Beta note")
}

// TestKeys_SidePanes is every side panel pane from the keyboard: Alt+N names the pane in the
// header and gives its list the keyboard, where Return, the keypad's Enter and Space act;
// Ctrl+T plays from the timeline; Ctrl+PageDown / Ctrl+PageUp step through the panes.
func TestKeys_SidePanes(t *testing.T) {
	a := Start(t, readingVault(t), "videos/Alpha.md")
	a.WaitTitle("Alpha")
	const video = "https://www.youtube.com/watch?v=APvj15_YCqk"

	// Timeline: Return plays the first moment, Down and the keypad's Enter the next,
	// Space the same again.
	a.Key("ctrl+t")
	a.sideNamed("Timeline")
	a.WaitText(a.waitPanes().sideArea(), "See Beta note") // the moments are on screen
	a.Key("Return")
	if got := a.WaitOpened(1); got != video+"&t=72s" {
		t.Errorf("Ctrl+T, Return opened %s", got)
	}
	a.Key("Down", "KP_Enter")
	if got := a.WaitOpened(2); got != video+"&t=125s" {
		t.Errorf("Down, keypad Enter opened %s", got)
	}
	a.Key("space")
	if got := a.WaitOpened(3); got != video+"&t=125s" {
		t.Errorf("Space opened %s", got)
	}
	a.Key("alt+6")
	a.sideNamed("Timeline")

	// Outline: End, Return scrolls the note to its last heading.
	p := a.waitPanes()
	if _, ok := Find(a.Words(a.Shot(""), p.noteArea()), "Closing words"); ok {
		t.Fatal("the last heading is on screen before the outline was used")
	}
	a.Key("alt+3")
	a.sideNamed("Outline")
	a.Key("End", "Return")
	a.WaitText(p.noteArea(), "keepers rested")
	a.Key("Home", "KP_Enter")
	a.WaitText(p.noteArea(), "copper lanterns were lit")

	// Backlinks: the keyboard starts on "Linked mentions", which Return folds and
	// unfolds; the row below it is the first note linking here, which Return opens.
	a.Key("alt+1")
	a.sideNamed("Backlinks")
	a.WaitText(p.sideArea(), "Beta note")
	a.Key("Return")
	a.Wait("the linked mentions folded", func() bool {
		_, ok := Find(a.Words(a.Shot(""), p.sideArea()), "Beta note")
		return !ok
	})
	a.Key("KP_Enter")
	a.WaitText(p.sideArea(), "Beta note")
	a.Key("Down", "Return")
	a.Wait("a note that links to Alpha", func() bool {
		return a.Title() == "Beta note — Vaultview" || a.Title() == "Home — Vaultview"
	})
	a.Key("alt+Left")
	a.WaitTitle("Alpha")

	// Outgoing: Alpha links only to Beta note; Space opens it.
	a.Key("alt+2")
	a.sideNamed("Outgoing")
	a.Key("space")
	a.WaitTitle("Beta note")

	// Across videos: Beta note is mentioned in Alpha's video; the first row names the
	// video, Down and Return open Alpha at the mention.
	a.Key("alt+7")
	a.sideNamed("Across videos")
	a.Key("Down", "Return")
	a.WaitTitle("Alpha")

	// Tags: Return on #garden lists its notes, Down and the keypad's Enter open one.
	a.Key("alt+4")
	a.sideNamed("Tags")
	a.Key("Return")
	p = a.waitPanes()
	a.WaitText(p.sideArea(), "Beta note")
	a.Key("Down", "KP_Enter")
	a.Wait("another note tagged garden", func() bool { return a.Title() != "Alpha — Vaultview" })

	// Graph: the arrows move between the dots, Return opens the one chosen.
	a.Key("alt+Left")
	a.WaitTitle("Alpha")
	a.Key("alt+5")
	a.sideNamed("Graph")
	a.Key("Right", "Return")
	a.Wait("a neighbour opened from the graph", func() bool { return a.Title() != "Alpha — Vaultview" })
	a.Key("alt+Left")
	a.WaitTitle("Alpha")

	// Ctrl+PageDown from Graph is Timeline, Ctrl+PageUp goes back; from the last pane the
	// next is the first.
	a.Key("alt+5", "ctrl+Next")
	a.sideNamed("Timeline")
	a.Key("ctrl+Prior")
	a.sideNamed("Graph")
	a.Key("alt+7", "ctrl+Next")
	a.sideNamed("Backlinks")
}

// TestKeys_PageTree: a click on a note in the tree opens it and gives the tree the keyboard;
// Down then Return, the keypad's Enter or Space open the next notes, Home and End jump.
func TestKeys_PageTree(t *testing.T) {
	a := Start(t, readingVault(t), "Home")
	a.WaitTitle("Home")
	p := a.waitPanes()
	a.ClickText(p.treeArea(), "Beta note")
	a.WaitTitle("Beta note")
	// The tree: videos/ (a folder), then Beta note, Home, Wide Ledger.
	a.Key("Down", "Return")
	a.WaitTitle("Home")
	a.Key("Down", "KP_Enter")
	a.WaitTitle("Wide Ledger")
	a.Key("Home", "Return") // the folder: opens it
	a.Key("Down", "space")
	a.WaitTitle("Alpha")
	a.Key("End", "Return")
	a.WaitTitle("Wide Ledger")
	if got := strings.Join(a.Opened(), " "); got != "" {
		t.Errorf("the tree opened addresses: %s", got)
	}
}
