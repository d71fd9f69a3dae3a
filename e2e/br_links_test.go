package e2e

import (
	"image"
	"image/color"
	"testing"
)

// Issue 12, item 9, in the real window: a line holding only `<br>` above lines of
// `[[target|Label]]` links, and a Markdown link whose destination is a wikilink
// (`[text]([[target]])`), are links a click follows, not raw text. The labels differ from
// every title and file name, so the click can only land on the link in the note.
func TestBrLinks_LabelsUnderALineBreakAndWrappedLinksOpenTheirNotes(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Episode.md": "---\ntitle: Episode notes\n---\n\nFrom: [[Channel]] <br/>\n\n## Related\n\n<br>\n" +
			"[[harbour_lights|Lamp Story]]\n[[missing_topic|Unwritten Topic]]\n\n" +
			"See also [Water Levels]([[tide_tables]]) for the numbers.\n",
		"harbour_lights.md": "---\ntitle: Harbour lights\n---\n\nLamps on the pier.\n",
		"tide_tables.md":    "---\ntitle: Tide tables\n---\n\nHigh and low water.\n",
	})
	a := Start(t, dir, "Episode.md")
	a.WaitTitle("Episode notes")
	clickLink(a, "Lamp Story")
	a.WaitTitle("Harbour lights")

	a.Key("alt+Left")
	a.WaitTitle("Episode notes")
	clickLink(a, "Water Levels")
	a.WaitTitle("Tide tables")
}

// clickLink is ClickText for a link's words: OCR reads a grey copy of the screen, in which
// the dark theme's link blue is too dim to make out, so each pixel is made as bright as its
// brightest channel first.
func clickLink(a *App, label string) {
	a.t.Helper()
	var box image.Rectangle
	a.Wait("the link "+label+" to be read on the screen", func() bool {
		var ok bool
		box, ok = Find(a.Words(brightest(a.Shot("")), image.Rectangle{}), label)
		return ok
	})
	a.Click((box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2)
}

func brightest(img image.Image) image.Image {
	b := img.Bounds()
	out := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out.SetGray(x, y, color.Gray{Y: uint8(max(r, g, bl) >> 8)})
		}
	}
	return out
}
