package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	// factor is the scale the rows were themed for.
	factor float32
	// frame is the last frame the card was drawn in.
	frame uint64
}

func newRichCard(rn *RenderedNote, th fyne.Theme, factor float32) *richCard {
	c := &richCard{note: rn, factor: factor}
	box := container.New(cardRows{})
	for i, row := range rn.rows {
		if i == maxCardRows {
			break
		}
		box.Add(newBlockObject(row, rn.act))
	}
	c.over = container.NewThemeOverride(box, scaledTheme{Theme: th, factor: factor})
	c.clip = container.NewClip(c.over)
	return c
}

// place puts the card at at, size big, the board's scale being factor. Moving costs
// nothing; a new size or scale lays the rows out again. They are laid out by the theme
// override, so that what rich text makes as it lays out (a list's items) is themed too.
func (c *richCard) place(at fyne.Position, size fyne.Size, th fyne.Theme, factor float32) {
	if factor != c.factor {
		c.factor = factor
		c.over.Theme = scaledTheme{Theme: th, factor: factor}
		c.over.Refresh()
		c.over.Resize(fyne.Size{}) // so that the size below lays the rows out again
	}
	c.over.Resize(size)
	c.clip.Move(at)
	c.clip.Resize(size)
}

// cardRows stacks a card's rows at its width, a padding apart, leaving out those that
// start below the card.
type cardRows struct{}

func (cardRows) Layout(rows []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding() // the card's theme: its override lays it out
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
