package e2e

import (
	"image"
	"strings"
	"testing"
)

// TestMath_DisplayFormulasAreTypeset: display math is drawn as a typeset formula between the
// paragraphs around it, in the theme's text colour, dark and light (shots kept for review),
// a formula plain TeX cannot set shows its source, saying so, and inline math shows as its
// TeX (issue #15, item 4).
func TestMath_DisplayFormulasAreTypeset(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Formulas.md": "# Formulas\n\nInline, $speed = distance / time$ shows as written.\n\nBefore the formula.\n\n$$\n\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}\n$$\n\nAfter the formula.\n\n$$\\begin{vmatrix}a & b\\\\ c & d\\end{vmatrix}=ad-bc$$\n\nA broken one:\n\n$$\\nosuchcommand{x}$$\n",
	})
	a := Start(t, dir, "Formulas.md")
	a.WaitTitle("Formulas")
	p := a.waitPanes()
	for _, theme := range []string{"Dark", "Light"} {
		a.chooseTheme(p, theme)
		light := theme == "Light"
		before := a.WaitText(p.noteArea(), "Before the formula.")
		after := a.WaitText(p.noteArea(), "After the formula.")
		img := a.Shot("math-" + strings.ToLower(theme) + ".png")
		// Between the two paragraphs: ink of the text's colour (dark on light, light on
		// dark), a formula's worth of it.
		gap := image.Rect(p.noteArea().Min.X, before.Max.Y+4, p.noteArea().Max.X, after.Min.Y-4)
		ink := 0
		for y := gap.Min.Y; y < gap.Max.Y; y++ {
			for x := gap.Min.X; x < gap.Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				v := (r + g + b) / 3 >> 8
				if light && v < 150 || !light && v > 120 {
					ink++
				}
			}
		}
		if ink < 150 {
			t.Errorf("%s: %d pixels of ink between the paragraphs in %v, want a formula", theme, ink, gap)
		}
	}
	a.WaitText(p.noteArea(), "speed = distance / time")
	a.WaitText(p.noteArea(), "nosuchcommand")
	a.WaitText(p.noteArea(), "not typeset")
}
