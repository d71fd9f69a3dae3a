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
	f.add(&overlaySegment{kind: overlayChip, text: ph.Text, style: chipStyle, size: size,
		placeholder: ph, label: label, clock: clock, url: rawURL, act: act})
	f.trail(widget.RichTextStyle{Inline: true, SizeName: size, ColorName: theme.ColorNameForeground})
}

// showChip makes c the chip of s, an overlayChip.
func (s *overlaySegment) showChip(c *timeChip) {
	c.clock, c.url, c.open, c.size, c.placeholder = s.clock, s.url, s.act.openVideo, s.size, s.text
}
