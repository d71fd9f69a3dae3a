package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A text card of a board is Markdown, and reads as a note does (issue #16, item 3): when the
// board is zoomed in far enough to read it, the card shows its text rendered by RenderNote,
// with callouts, tables, chips and working links, at the board's scale. Zoomed out, or with
// more such cards in view than can be laid out in a frame, cards are drawn as lines of text
// (canvasview.go), which costs nothing to lay out.

// Rendered cards are laid out only when their text is at least this many pixels high, and
// at most maxRichCards of them in a frame.
const (
	minRichTextSize = 7
	maxRichCards    = 24
	// maxCardRows bounds the rows of a rendered card; a card shows what fits anyway.
	maxCardRows = 60
)

// richCard is a text card shown as a rendered note: its rows, in a container themed at the
// board's scale, clipped to the card.
type richCard struct {
	note *RenderedNote
	over *container.ThemeOverride
	clip *container.Clip
	// factor is the scale the rows were themed for, th that theme.
	factor float32
	th     fyne.Theme
	// frame is the last frame the card was drawn in.
	frame uint64
	// settled is set once the rows were laid out a second time, themed.
	settled bool
	// tables are the card's tables, which carry theme overrides of their own.
	tables []*cardTable
}

func newRichCard(rn *RenderedNote, th fyne.Theme, factor float32) *richCard {
	c := &richCard{note: rn, factor: factor, th: scaledTheme{Theme: th, factor: factor}}
	box := container.New(cardRows{c})
	for i, row := range rn.rows {
		if i == maxCardRows {
			break
		}
		c.tables = themeTables(row, c, c.tables)
		box.Add(newBlockObject(row, rn.act))
	}
	c.over = container.NewThemeOverride(box, c.th)
	c.clip = container.NewClip(c.over)
	return c
}

// place puts the card at at, size big, the board's scale being factor. Moving costs
// nothing; a new size or scale lays the rows out again. They are laid out by the theme
// override, so that what rich text makes as it lays out (a list's items) is themed too.
func (c *richCard) place(at fyne.Position, size fyne.Size, th fyne.Theme, factor float32) {
	if factor != c.factor {
		c.factor = factor
		c.th = scaledTheme{Theme: th, factor: factor}
		c.over.Theme = c.th
		// A theme override is not reached by another's: each table's is set here.
		for _, t := range c.tables {
			if t.over != nil {
				t.over.Theme = c.th
				t.over.Refresh()
			}
		}
		c.over.Refresh()
		c.over.Resize(fyne.Size{}) // so that the size below lays the rows out again
	}
	c.over.Resize(size)
	if !c.settled {
		// What the first layout made (a table's cells) is themed now, and laid out again.
		c.settled = true
		c.over.Refresh()
		c.over.Resize(fyne.Size{})
		c.over.Resize(size)
	}
	c.clip.Move(at)
	c.clip.Resize(size)
}

// theme is the card's theme now.
func (c *richCard) theme() fyne.Theme { return c.th }

// themeTables makes the tables of block b (and of the blocks in it) take the card's theme,
// and adds them to tables. Rich text makes a table's cells each time it is refreshed,
// outside the card's theme override, so the table brings an override of its own.
func themeTables(b *noteBlock, c *richCard, tables []*cardTable) []*cardTable {
	for i, seg := range b.segs {
		if t, ok := seg.(*widget.TableSegment); ok {
			ct := &cardTable{TableSegment: t, card: c}
			b.segs[i] = ct
			tables = append(tables, ct)
		}
	}
	for _, ch := range b.children {
		tables = themeTables(ch, c, tables)
	}
	return tables
}

// cardTable is a table in a card: Fyne's, themed as the card is.
type cardTable struct {
	*widget.TableSegment
	card *richCard
	// over is the override of the table's last visual.
	over *container.ThemeOverride
}

// Visual implements widget.RichTextSegment.
func (t *cardTable) Visual() fyne.CanvasObject {
	t.over = container.NewThemeOverride(t.TableSegment.Visual(), t.card.theme())
	return t.over
}

// cardRows stacks a card's rows at its width, a padding apart, leaving out those that
// start below the card.
type cardRows struct{ card *richCard }

func (l cardRows) Layout(rows []fyne.CanvasObject, size fyne.Size) {
	// The card's padding: the window may lay the rows out outside the card's override.
	gap := l.card.th.Size(theme.SizeNamePadding)
	y := float32(0)
	for _, o := range rows {
		if y > size.Height {
			o.Hide()
			continue
		}
		o.Show()
		h := fitWidth(o, size.Width)
		o.Move(fyne.NewPos(0, y))
		y += h + gap
	}
}

func (cardRows) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(1, 1) }

// scaledTheme is the window's theme with every size times factor, so that a card's text,
// paddings and chips shrink and grow with the board.
type scaledTheme struct {
	fyne.Theme
	factor float32
}

func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.factor }
