package e2e

import (
	"image"
	"strings"
	"testing"
)

// TestMath_DisplayFormulasAreTypeset: display math is drawn as a typeset formula between the
// paragraphs around it, in the theme's text colour, dark and light (shots kept for review),
// a formula plain TeX cannot set shows its source, saying so; math inside a line is typeset
// in the line, and shows as its TeX when it cannot be (issue #15, item 4).
func TestMath_DisplayFormulasAreTypeset(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Formulas.md": "# Formulas\n\nInline, $\\frac{a}{b} + x^2$ sits on the line, $\\nosuchinline{y}$ does not.\n\nBefore the formula.\n\n$$\n\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}\n$$\n\nAfter the formula.\n\n$$\\begin{vmatrix}a & b\\\\ c & d\\end{vmatrix}=ad-bc$$\n\nA broken one:\n\n$$\\nosuchcommand{x}$$\n",
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
		inkIn := func(r image.Rectangle) int {
			ink := 0
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					v := (r + g + b) / 3 >> 8
					if light && v < 150 || !light && v > 120 {
						ink++
					}
				}
			}
			return ink
		}
		if ink := inkIn(gap); ink < 150 {
			t.Errorf("%s: %d pixels of ink between the paragraphs in %v, want a formula", theme, ink, gap)
		}
		// Inside the line, between "Inline," and "sits": the formula, within the line's
		// height and a little more (a fraction rises above the letters).
		inline := a.WaitText(p.noteArea(), "Inline,")
		sits := a.WaitText(p.noteArea(), "sits on the line")
		if sits.Min.Y > inline.Max.Y || sits.Max.Y < inline.Min.Y {
			t.Fatalf("%s: the text after the formula is not on its line: %v, %v", theme, inline, sits)
		}
		in := image.Rect(inline.Max.X+3, inline.Min.Y-8, sits.Min.X-3, inline.Max.Y+8)
		if ink := inkIn(in); ink < 30 {
			t.Errorf("%s: %d pixels of ink in the line between %v and %v, want the formula", theme, ink, inline, sits)
		}
		for _, out := range []image.Rectangle{
			image.Rect(in.Min.X, in.Min.Y-6, in.Max.X, in.Min.Y),
			image.Rect(in.Min.X, in.Max.Y, in.Max.X, in.Max.Y+6),
		} {
			if ink := inkIn(out); ink > 5 {
				t.Errorf("%s: the formula spills out of its line (%d pixels in %v)", theme, ink, out)
			}
		}
	}
	a.WaitText(p.noteArea(), "nosuchinline")
	a.WaitText(p.noteArea(), "nosuchcommand")
	a.WaitText(p.noteArea(), "not typeset")
}
