package e2e

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

// codeNote has a Python block whose first line starts with a keyword.
const codeNote = "# Code\n\nA coloured block follows.\n\n```python\ndef tide_height(hours):\n    return hours * 2  # twice\n```\n\nThe end of the note.\n"

// TestCode_ColouredAndCopied: a fenced block with a language is drawn in the style of the
// theme (its keyword `def` in GitHub's keyword colour, dark then light, chosen from the
// View menu), and its copy button, clicked with the mouse, puts the whole block on the
// clipboard.
func TestCode_ColouredAndCopied(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{"Code.md": codeNote})
	a := Start(t, dir, "Code.md")
	a.WaitTitle("Code")
	p := a.waitPanes()
	for _, theme := range []struct {
		name    string
		keyword color.RGBA
	}{
		{"Dark", color.RGBA{0xff, 0x7b, 0x72, 0xff}},  // github-dark
		{"Light", color.RGBA{0xcf, 0x22, 0x2e, 0xff}}, // github
	} {
		a.chooseTheme(p, theme.name)
		def := a.WaitText(image.Rectangle{}, "def") // OCR reads tide_height without its _
		var n int
		a.Wait(theme.name+": `def` in the keyword colour", func() bool {
			n = countNear(a.Shot(""), def, theme.keyword, 40)
			return n >= 10
		})
		a.Shot("code-" + strings.ToLower(theme.name) + ".png")
	}

	// The copy button is the first thing right of the language's name in the header row
	// (the theme is light now, the icon dark): the first dark pixel past the name.
	label := a.WaitText(image.Rectangle{}, "python")
	img := a.Shot("")
	band := image.Rect(label.Max.X+10, label.Min.Y-6, img.Bounds().Max.X, label.Max.Y+6)
	x, y, ok := first(img, band, func(r, g, b uint32) bool { return r < 90 && g < 90 && b < 90 })
	if !ok {
		t.Fatalf("no copy button found in %v", band)
	}
	x += 6 // into the icon
	a.Click(x, y)
	want := "def tide_height(hours):\n    return hours * 2  # twice"
	a.Wait("the block on the clipboard", func() bool { return a.Clipboard() == want })
}

// countNear counts the pixels of r within tol of c in every channel.
func countNear(img image.Image, r image.Rectangle, c color.RGBA, tol int) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(int(pr>>8), int(c.R), tol) && near(int(pg>>8), int(c.G), tol) && near(int(pb>>8), int(c.B), tol) {
				n++
			}
		}
	}
	return n
}

func near(a, b, tol int) bool { return a-b <= tol && b-a <= tol }

// first finds the leftmost pixel of r whose colour (8 bits a channel) is, and returns it.
func first(img image.Image, r image.Rectangle, is func(r, g, b uint32) bool) (x, y int, ok bool) {
	for x := r.Min.X; x < r.Max.X; x++ {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if is(pr>>8, pg>>8, pb>>8) {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}
