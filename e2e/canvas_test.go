package e2e

import (
	"image"
	"testing"
)

// boardFile is a small board: a text card, a card of a note, a link card, a group round
// them and a labelled edge.
const boardFile = `{"nodes":[
 {"id":"g","type":"group","x":-40,"y":-80,"width":820,"height":420,"label":"Sea board","color":"5"},
 {"id":"t","type":"text","x":0,"y":0,"width":300,"height":140,"text":"# Tides rise twice\n- every **day**\n- see [[Tide tables]]"},
 {"id":"f","type":"file","x":440,"y":0,"width":300,"height":140,"file":"Moon phases.md"},
 {"id":"l","type":"link","x":0,"y":220,"width":300,"height":60,"url":"https://example.org/tides"}],
 "edges":[{"id":"e","fromNode":"t","fromSide":"right","toNode":"f","toSide":"left","label":"pulls","color":"1"}]}`

// TestCanvas_BoardPansZoomsAndOpens: a .canvas file opens from the tree as a board fitted to
// the window (cards, group, edge label); a drag pans it, 0 fits it again, and a click on the
// note's card opens the note (issue #16, item 3). The side panel shows the board's
// backlinks; the quick switcher finds it by its name, and lists it among the recent places.
func TestCanvas_BoardPansZoomsAndOpens(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{
		"Start.md":       "# Start\n\nThe vault's first page, and its [[Board.canvas|board]].\n",
		"Moon phases.md": "# Moon phases\n\nThe moon waxes and wanes.\n",
		"Tide tables.md": "# Tide tables\n\nHigh water at noon.\n",
		"Board.canvas":   boardFile,
	})
	a := Start(t, dir, "Start.md")
	a.WaitTitle("Start")
	p := a.waitPanes()
	a.ClickText(p.treeArea(), "Filter notes")
	a.Type("Board")
	a.ClickText(p.treeArea(), "Board.canvas")
	a.WaitTitle("Board.canvas")
	before := a.WaitText(image.Rectangle{}, "Tides rise twice")
	// The side panel turns to the board: the note that links to it.
	a.WaitText(p.sideArea(), "1 backlink from 1 note")
	a.WaitText(image.Rectangle{}, "Sea board")
	a.WaitText(image.Rectangle{}, "pulls")
	a.Shot("canvas.png")
	// Where the card is once all of that is drawn: the first sight of it may come before the
	// board is laid out for good, and 0 fits it where it is now.
	before = a.WaitText(image.Rectangle{}, "Tides rise twice")

	// A drag moves the board with the pointer.
	from := image.Pt(before.Min.X+200, before.Max.Y+160) // empty board below the cards
	a.Drag(from.X, from.Y, from.X+120, from.Y+60)
	a.Wait("the card to follow the drag", func() bool {
		r, ok := Find(a.Words(a.Shot(""), image.Rectangle{}), "Tides rise twice")
		return ok && r.Min.X-before.Min.X > 100 && r.Min.Y-before.Min.Y > 45
	})
	// 0 fits the board again: the card is back where it was.
	a.Key("0")
	a.Wait("the board fitted again", func() bool {
		r, ok := Find(a.Words(a.Shot(""), image.Rectangle{}), "Tides rise twice")
		return ok && abs(r.Min.X-before.Min.X) <= 3 && abs(r.Min.Y-before.Min.Y) <= 3
	})
	// The text card is Markdown rendered: its link opens the note.
	a.ClickText(image.Rectangle{}, "tables")
	a.WaitTitle("Tide tables")
	a.Key("alt+Left")
	a.WaitTitle("Board.canvas")
	a.ClickText(image.Rectangle{}, "Moon phases")
	a.WaitTitle("Moon phases")
	// The quick switcher finds the board by its name, and opens it.
	a.Key("ctrl+o")
	a.Type("board")
	a.Key("Return")
	a.WaitTitle("Board.canvas")
	a.WaitText(image.Rectangle{}, "Tides rise twice")
	// Back at the note, the switcher opens on the recent places: the board first.
	a.Key("alt+Left")
	a.WaitTitle("Moon phases")
	a.Key("ctrl+o")
	a.Key("Return")
	a.WaitTitle("Board.canvas")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
