package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"vaultview/vault/bases"
)

// A cards view embedded in a note (`![[Books.base#Shelf]]`) shows as the base shows it: a
// card a note, its first column the title and its other values below (baseCard), two cards
// a row, as wide as the note's column allows. A card opens its note when clicked, or when
// it has the keyboard (Tab reaches it as it reaches a link) and Return or Space is pressed.

// embeddedCardColumns is how many cards an embedded cards view shows a row: the note's
// column is about twice a card's width in a window of usual size.
const embeddedCardColumns = 2

// baseEmbedCards adds t to f as cards, at most maxEmbeddedBaseRows of them, and returns how
// many it shows.
func (r *noteRenderer) baseEmbedCards(t *bases.Table, f *noteFlow) int {
	n := min(len(t.Rows), maxEmbeddedBaseRows)
	if n > 0 {
		f.add(&baseCardsSegment{table: *t, n: n, act: r.act})
	}
	return n
}

// baseCardsSegment is the block of an embedded cards view: the first n rows of table.
type baseCardsSegment struct {
	unselectable
	table bases.Table
	n     int
	act   *noteActions
}

// Inline implements widget.RichTextSegment: the cards are a block.
func (s *baseCardsSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment: each card's title and lines, a blank line
// between cards.
func (s *baseCardsSegment) Textual() string {
	var b strings.Builder
	for i := range s.n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		title, lines := cardOf(&s.table, i)
		b.WriteString(title)
		for _, l := range lines {
			b.WriteString("\n" + l)
		}
	}
	return b.String()
}

// Visual implements widget.RichTextSegment.
func (s *baseCardsSegment) Visual() fyne.CanvasObject {
	grid := container.New(layout.NewGridLayoutWithColumns(embeddedCardColumns))
	s.fill(grid)
	return grid
}

// Update implements widget.RichTextSegment.
func (s *baseCardsSegment) Update(o fyne.CanvasObject) {
	if grid, ok := o.(*fyne.Container); ok {
		s.fill(grid)
		grid.Refresh()
	}
}

// fill puts the segment's cards in grid.
func (s *baseCardsSegment) fill(grid *fyne.Container) {
	grid.Objects = grid.Objects[:0]
	for i := range s.n {
		grid.Objects = append(grid.Objects, newEmbeddedCard(s.table, i, s.act))
	}
}

// embeddedCard is one card of an embedded cards view.
type embeddedCard struct {
	baseCard
	path string
	act  *noteActions
}

func newEmbeddedCard(t bases.Table, i int, act *noteActions) *embeddedCard {
	c := &embeddedCard{path: t.Rows[i].Path, act: act}
	c.init()
	c.ExtendBaseWidget(c)
	c.set(t, i)
	return c
}

// Tapped implements fyne.Tappable: the card's note opens.
func (c *embeddedCard) Tapped(*fyne.PointEvent) { c.act.openLink(c.path, "") }

// Cursor implements desktop.Cursorable: a hand, as over a link.
func (c *embeddedCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained implements fyne.Focusable.
func (c *embeddedCard) FocusGained() { c.setFocused(true) }

// FocusLost implements fyne.Focusable.
func (c *embeddedCard) FocusLost() { c.setFocused(false) }

// TypedRune implements fyne.Focusable.
func (c *embeddedCard) TypedRune(rune) {}

// TypedKey implements fyne.Focusable: Return or Space opens the card's note, as on a link.
func (c *embeddedCard) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		c.act.openLink(c.path, "")
	}
}

// setFocused rings the card in the theme's focus colour while it has the keyboard.
func (c *embeddedCard) setFocused(on bool) {
	c.bg.StrokeWidth = 0
	if on {
		c.bg.StrokeColor = theme.Color(theme.ColorNameFocus)
		c.bg.StrokeWidth = 2
	}
	c.bg.Refresh()
}
