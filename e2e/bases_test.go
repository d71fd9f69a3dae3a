package e2e

import (
	"image"
	"os"
	"path/filepath"
	"testing"
)

// libraryBase is a base over the books folder: a table sorted by progress and a cards view.
const libraryBase = `filters:
  and:
    - file.inFolder("books")
    - 'status != "abandoned"'
formulas:
  progress: '(read / pages * 100).round(0)'
properties:
  formula.progress:
    displayName: Progress
views:
  - type: table
    name: Reading
    order: [file.name, status, formula.progress]
    sort:
      - property: formula.progress
        direction: DESC
  - type: cards
    name: Shelf
    order: [file.name, status]
  - type: list
    name: Spines
    order: [file.name, pages]
  - type: table
    name: By status
    order: [file.name, pages]
    groupBy: {property: status}
    summaries: {pages: Average}
`

// TestBases_EmbeddedAndOpened: a base embedded in a note (`![[Library.base#Reading]]`)
// shows its view's table there, and follows the vault; its link opens the base itself, whose
// switcher shows the cards view, which takes in a note written meanwhile, a list, and a view
// grouped with a summary; a click on a row opens the note (issue #16, item 1).
func TestBases_EmbeddedAndOpened(t *testing.T) {
	need(t)
	book := func(status string, pages, read int) string {
		return "---\nstatus: " + status + "\npages: " + itoa(pages) + "\nread: " + itoa(read) + "\n---\nA book.\n"
	}
	dir := WriteVault(t, map[string]string{
		"Reading list.md":      "# Reading list\n\nWhat I read:\n\n![[Library.base#Reading]]\n\nThe end.\n",
		"Library.base":         libraryBase,
		"books/Tidal Atlas.md": book("reading", 320, 80),
		"books/Moon Guide.md":  book("done", 100, 100),
		"books/Old Map.md":     book("abandoned", 50, 5),
	})
	a := Start(t, dir, "Reading list.md")
	a.WaitTitle("Reading list")
	p := a.waitPanes()
	moon := a.WaitText(p.noteArea(), "Moon Guide")
	tidal := a.WaitText(p.noteArea(), "Tidal Atlas")
	a.WaitText(p.noteArea(), "Progress")
	if moon.Min.Y > tidal.Min.Y {
		t.Errorf("sorted by progress, most first: Moon Guide (100) should come before Tidal Atlas (25)")
	}
	a.Shot("base-embedded.png")
	if _, ok := Find(a.Words(a.Shot(""), p.noteArea()), "Old Map"); ok {
		t.Error("the abandoned book is in the table")
	}
	// A book started meanwhile joins the embedded table: the note follows the vault, not only
	// its own file.
	if err := os.WriteFile(filepath.Join(dir, "books", "Harbour Notes.md"), []byte(book("reading", 200, 50)), 0o644); err != nil {
		t.Fatal(err)
	}
	a.WaitText(p.noteArea(), "Harbour Notes")

	// The base's name opens the base; its switcher turns to the cards.
	a.ClickText(p.noteArea(), "Library")
	a.WaitTitle("Library.base")
	// The title changes before the base is drawn: until then, "Reading" is the embed's.
	a.Wait("the base in the note's place", func() bool {
		_, ok := Find(a.Words(a.Shot(""), p.noteArea()), "What I read")
		return !ok
	})
	a.ClickText(p.noteArea(), "Reading") // the switcher
	a.ClickText(image.Rectangle{}, "Shelf")
	a.WaitText(p.noteArea(), "status: done")
	a.Shot("base-cards.png")
	// A note written meanwhile joins the view.
	if err := os.WriteFile(filepath.Join(dir, "books", "Sea Songs.md"), []byte(book("reading", 90, 9)), 0o644); err != nil {
		t.Fatal(err)
	}
	a.WaitText(p.noteArea(), "Sea Songs")
	// The list: each book with its pages after it.
	a.ClickText(p.noteArea(), "Shelf") // the switcher
	a.ClickText(image.Rectangle{}, "Spines")
	a.WaitText(p.noteArea(), "pages: 90")
	a.WaitText(p.noteArea(), "pages: 320")
	a.Shot("base-list.png")
	// A view grouped by status, with the pages' average under them.
	a.ClickText(p.noteArea(), "Spines") // the switcher
	a.ClickText(image.Rectangle{}, "By status")
	a.WaitText(p.noteArea(), "status: done (1)")
	a.WaitText(p.noteArea(), "status: reading (3)")
	a.WaitText(p.noteArea(), "Average: 177.5")
	a.Shot("base-grouped.png")
	a.ClickText(p.noteArea(), "Moon Guide")
	a.WaitTitle("Moon Guide")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestBases_EmbeddedList: a list view embedded in a note shows as the base shows it, each
// note a line with its values after its name, and a click on a name opens that note.
func TestBases_EmbeddedList(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{
		"Shelf.md":             "# Shelf\n\n![[Library.base#Spines]]\n",
		"Library.base":         libraryBase,
		"books/Tidal Atlas.md": "---\nstatus: reading\npages: 320\nread: 80\n---\nA book.\n",
	})
	a := Start(t, dir, "Shelf.md")
	a.WaitTitle("Shelf")
	p := a.waitPanes()
	name := a.WaitText(p.noteArea(), "Tidal Atlas")
	pages := a.WaitText(p.noteArea(), "pages: 320")
	if pages.Min.X < name.Max.X || pages.Max.Y < name.Min.Y || pages.Min.Y > name.Max.Y {
		t.Errorf("the pages (%v) are not after the name (%v) on its line, as in a list", pages, name)
	}
	a.Shot("base-embedded-list.png")
	a.ClickText(p.noteArea(), "Tidal Atlas")
	a.WaitTitle("Tidal Atlas")
}

// TestBases_EmbeddedCards: a cards view embedded in a note shows as cards, each book's name
// with its values under it, and a click on a card opens that book.
func TestBases_EmbeddedCards(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{
		"Shelf.md":             "# Shelf\n\n![[Library.base#Shelf]]\n",
		"Library.base":         libraryBase,
		"books/Tidal Atlas.md": "---\nstatus: reading\npages: 320\nread: 80\n---\nA book.\n",
		"books/Moon Guide.md":  "---\nstatus: done\npages: 100\nread: 100\n---\nA book.\n",
	})
	a := Start(t, dir, "Shelf.md")
	a.WaitTitle("Shelf")
	p := a.waitPanes()
	name := a.WaitText(p.noteArea(), "Tidal Atlas")
	status := a.WaitText(p.noteArea(), "status: reading") // a table would show "reading" under a "status" header
	if status.Min.Y < name.Max.Y || status.Min.X > name.Max.X {
		t.Errorf("the status (%v) is not under the name (%v), as on a card", status, name)
	}
	a.WaitText(p.noteArea(), "status: done")
	a.Shot("base-embedded-cards.png")
	a.ClickText(p.noteArea(), "status: done") // anywhere on the card
	a.WaitTitle("Moon Guide")
}
