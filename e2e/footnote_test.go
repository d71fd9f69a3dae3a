package e2e

import (
	"image"
	"testing"
)

// TestFootnote_HoverShowsIt: resting the pointer on a footnote reference in the real window
// shows the footnote's text beside it (issue #15, item 6).
func TestFootnote_HoverShowsIt(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Claims.md": "# Claims\n\nA bold claim [^1] stands here.\n\nMore text below.\n\n[^1]: Measured by the harbour master in spring.\n",
	})
	a := Start(t, dir, "Claims.md")
	a.WaitTitle("Claims")
	claim := a.WaitText(image.Rectangle{}, "bold claim")
	// The reference is the small [1] just right of the word.
	a.Hover(claim.Max.X+10, (claim.Min.Y+claim.Max.Y)/2)
	a.WaitText(image.Rectangle{}, "Footnote 1")
	a.Shot("footnote-preview.png")
}
