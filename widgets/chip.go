package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A timestamp chip is a rounded pill on the text line, "▶ 18:28", that opens the note's video
// at that second; timeChip (timechip.go) draws it. It is monospace so that its placeholder
// (see chip_overlay.go) has exactly the width of the pill whatever the font: every character
// is one cell.

// chipPlaceholderColor draws a chip's placeholder text; the pill covers it entirely.
const chipPlaceholderColor = theme.ColorNameBackground

// chipNoVideo ends the label of a chip whose note has no video.
const chipNoVideo = " · no video"

// addChip appends a timestamp chip showing clock. rawURL is the video address from
// vault.VideoURL, "" when the note has no (valid) video: the chip then says so and opens
// nothing.
func addChip(f *noteFlow, clock, rawURL string, size fyne.ThemeSizeName, act *noteActions) {
	label := chipLabel(clock, rawURL != "")
	ph := &widget.TextSegment{
		Style: widget.RichTextStyle{Inline: true, SizeName: size, ColorName: chipPlaceholderColor, TextStyle: chipStyle},
		Text:  "_" + strings.ReplaceAll(label, " ", "_") + "_",
	}
	f.add(ph)
	f.add(&chipSegment{placeholder: ph, label: label, clock: clock, url: rawURL, size: size, act: act})
	f.trail(widget.RichTextStyle{Inline: true, SizeName: size, ColorName: theme.ColorNameForeground})
}

// chipSegment is a timestamp chip inside rich text: the pill over its placeholder.
type chipSegment struct {
	placeholder *widget.TextSegment
	label       string
	clock       string // the time alone, for Copy timestamp
	url         string
	size        fyne.ThemeSizeName
	act         *noteActions
}

// plain is the chip as plain text.
func (s *chipSegment) plain() string { return s.label }

// Inline implements widget.RichTextSegment.
func (s *chipSegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment; the placeholder carries the chip's width.
func (s *chipSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (s *chipSegment) Visual() fyne.CanvasObject {
	c := newTimeChip()
	s.show(c)
	return newOverlay(s.placeholder.Text, chipStyle, s.size, c)
}

// show makes c the chip of s.
func (s *chipSegment) show(c *timeChip) {
	c.clock, c.url, c.open, c.size, c.placeholder = s.clock, s.url, s.act.openVideo, s.size, s.placeholder.Text
}

// Update implements widget.RichTextSegment.
func (s *chipSegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*overlayLayout)
	l.text, l.size = s.placeholder.Text, s.size
	chip := c.Objects[1].(*timeChip)
	s.show(chip)
	chip.Refresh()
}

// Select implements widget.RichTextSegment.
func (s *chipSegment) Select(_, _ fyne.Position) {}

// SelectedText implements widget.RichTextSegment.
func (s *chipSegment) SelectedText() string { return "" }

// Unselect implements widget.RichTextSegment.
func (s *chipSegment) Unselect() {}
