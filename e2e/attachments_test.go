package e2e

import (
	"image"
	"strings"
	"testing"
)

// TestAttachments_TreeCardsAndTheAllowList: the vault's other files are in the tree (a
// folder holding only attachments too), an embedded PDF shows as a card with its kind and
// size, and a click on it hands the file to the system's application; a script embedded the
// same way says it is not opened and opens nothing. View › Attachments in the tree hides
// them (issue #16, item 4).
func TestAttachments_TreeCardsAndTheAllowList(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{
		"Lecture.md":       "# Lecture\n\nThe slides:\n\n![[slides.pdf]]\n\nAnd a helper:\n\n![[setup.sh]]\n\nThe end.\n",
		"files/slides.pdf": "%PDF-1.4 not a real one\n",
		"files/setup.sh":   "#!/bin/sh\necho never run\n",
	})
	a := Start(t, dir, "Lecture.md")
	a.WaitTitle("Lecture")
	p := a.waitPanes()

	card := a.WaitText(p.noteArea(), "slides.pdf")
	a.WaitText(p.noteArea(), "PDF document")
	a.WaitText(p.noteArea(), "not opened from here")
	a.Shot("attachments.png")
	a.Click(card.Min.X+5, card.Max.Y)
	if u := a.WaitOpened(1); !strings.HasPrefix(u, "file://") || !strings.HasSuffix(u, "/files/slides.pdf") {
		t.Errorf("the card opened %q, want the PDF's file", u)
	}
	script := a.WaitText(p.noteArea(), "setup.sh")
	a.Click(script.Min.X+5, script.Max.Y)
	a.WaitText(image.Rectangle{}, "may be a program") // on the status line
	if got := a.Opened(); len(got) != 1 {
		t.Errorf("opened %q: the script must not be", got)
	}

	// The tree: the filter finds the PDF in its folder of attachments.
	a.ClickText(p.treeArea(), "Filter notes")
	a.Type("slides")
	a.WaitText(p.treeArea(), "slides.pdf")

	// View › Attachments in the tree hides them: the filter finds nothing now.
	a.ClickText(image.Rect(0, 0, 400, 30), "View")
	a.chooseMenuItem("Attachments in the tree")
	a.waitGone(p.treeArea(), "slides.pdf")
}

// TestNoteThatCannotBeShown: a click in the tree on a binary file named like a note shows
// its own page saying why, not the note read before it.
func TestNoteThatCannotBeShown(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{
		"Harbour.md": "# Harbour\n\nThe harbour note speaks of tides.\n",
		"Ledger.md":  "\x00\x01\x02\xff\xfe binary",
	})
	a := Start(t, dir, "Harbour.md")
	a.WaitTitle("Harbour")
	p := a.waitPanes()
	a.ClickText(p.treeArea(), "Ledger")
	a.WaitTitle("Ledger")
	a.WaitText(p.noteArea(), "holds binary data")
	if _, ok := Find(a.Words(a.Shot(""), p.noteArea()), "speaks of tides"); ok {
		t.Error("the harbour note is still on screen under the binary note's title")
	}
}
