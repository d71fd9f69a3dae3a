package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// TestOutline_MarksTheSectionBeingRead: with the Outline pane on show, the heading of the
// section at the top of the note is drawn in the primary colour, and the mark moves as the
// note scrolls from the keyboard (issue #15, item 6).
func TestOutline_MarksTheSectionBeingRead(t *testing.T) {
	var note strings.Builder
	for _, section := range []string{"# Harbour", "## Lighthouses", "## Storms"} {
		note.WriteString(section + "\n\n")
		for i := 1; i <= 25; i++ {
			fmt.Fprintf(&note, "%s paragraph %d.\n\n", strings.TrimLeft(section, "# "), i)
		}
	}
	dir := WriteVault(t, map[string]string{"Harbour.md": note.String()})
	a := Start(t, dir, "Harbour.md")
	a.WaitTitle("Harbour")
	a.Key("alt+3")
	a.sideNamed("Outline")
	p := a.waitPanes()
	a.WaitText(p.sideArea(), "Storms")

	// marked reports whether heading is drawn in a blue as the primary colour is: the
	// blue channel well above the red.
	marked := func(img image.Image, heading string) bool {
		box, ok := Find(a.Words(img, p.sideArea()), heading)
		if !ok {
			return false
		}
		n := 0
		for y := box.Min.Y; y < box.Max.Y; y++ {
			for x := box.Min.X; x < box.Max.X; x++ {
				r, _, b, _ := img.At(x, y).RGBA()
				if b>>8 > 150 && b>>8 > r>>8+60 {
					n++
				}
			}
		}
		return n >= 10
	}
	only := func(step, heading string, others ...string) {
		t.Helper()
		a.Wait(step+": "+heading+" marked, no other", func() bool {
			img := a.Shot("")
			if !marked(img, heading) {
				return false
			}
			for _, o := range others {
				if marked(img, o) {
					return false
				}
			}
			return true
		})
	}
	only("at the top", "Harbour", "Lighthouses", "Storms")
	a.ClickText(p.noteArea(), "Harbour paragraph 2.")
	a.Key("End")
	only("at the end", "Storms", "Harbour", "Lighthouses")
	a.Shot("outline-marked.png")
	a.Key("Home")
	only("back at the top", "Harbour", "Lighthouses", "Storms")
}
