package mathtex

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
)

// Formulas of the kinds Obsidian's help and video notes use: each must set.
var sets = []string{
	`E = mc^2`,
	`\frac{a}{b} + \sqrt{x^2 + y^2}`,
	`\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}`,
	`\sum_{i=1}^{n} i = \frac{n(n+1)}{2}`,
	`\begin{vmatrix}a & b\\ c & d\end{vmatrix}=ad-bc`,
	`\begin{pmatrix}1 & 0\\ 0 & 1\end{pmatrix}`,
	`\begin{bmatrix}x\\ y\end{bmatrix}`,
	`f(x) = \begin{cases} x^2 & x \ge 0\\ -x & x < 0 \end{cases}`,
	`\begin{aligned} a &= b + c\\ d &= e \end{aligned}`,
	`\text{speed} = \frac{\text{distance}}{\text{time}}`,
	`x \in \mathbb{R}, \quad \mathcal{O}(n \log n)`,
	`\operatorname{argmax}_x f(x)`,
	`\alpha + \beta \le \gamma \cdot \delta`,
	`\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e`,
	`\lvert x \rvert \implies \dfrac{1}{2}`,
}

func TestCheck_SetsWhatNotesWrite(t *testing.T) {
	for _, tex := range sets {
		if err := Check(tex); err != nil {
			t.Errorf("%s: %v (plain: %s)", tex, err, Plain(tex))
		}
	}
}

func TestCheck_RefusesWhatCannotSet(t *testing.T) {
	for _, tex := range []string{
		`\nosuchcommand{x}`,
		`\frac{a}{`,
		`x^`,
		strings.Repeat("x", maxTeX+1),
		`\begin{tikzpicture}\draw (0,0) -- (1,1);\end{tikzpicture}`,
		// TeX as a program: each would run for ever or touch files.
		`\def\x{\x}\x`,
		`\loop x \repeat`,
		`\^^64ef\x{\x}\x`,
		`\csname def\endcsname\y{\y}\y`,
		`\input /etc/passwd`,
		`\immediate\write16{hi}`,
		`\vbox to 16000pt{\leaders\hbox to 16000pt{\leaders\hbox{.}\hfil}\vfil}`,
		// Larger than a page (space alone is not drawn, so it is no matter).
		`\vrule height 2000pt`,
	} {
		if err := Check(tex); err == nil {
			t.Errorf("%.40s: set, want an error", tex)
		}
	}
}

func TestPlain(t *testing.T) {
	grid := func(body string) string {
		return `\vcenter{\halign{\hfil$#$\hfil&&\quad\hfil$#$\hfil\cr ` + body + `\crcr}}`
	}
	for in, want := range map[string]string{
		`\begin{vmatrix}a & b\\ c & d\end{vmatrix}`:                      `\hbox{\vrule\kern2pt$` + grid(`a & b\cr  c & d`) + `$\kern2pt\vrule}`,
		`\begin{bmatrix}\begin{matrix}1\\2\end{matrix} & 3\end{bmatrix}`: `\left[` + grid(grid(`1\cr 2`)+` & 3`) + `\right]`,
		`\text{a {b} c} + \mathbb{R}`:                                    `\hbox{a {b} c} + {\bf R}`,
		`\dfrac{1}{2}`:                                                   `\frac{1}{2}`,
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestImage: the formula is drawn in the colour asked, larger for a larger text.
func TestImage(t *testing.T) {
	red := color.NRGBA{R: 200, A: 255}
	small, base, err := Image(`x^2 + \frac{1}{2}`, red, 14)
	if err != nil {
		t.Fatal(err)
	}
	large, _, err := Image(`x^2 + \frac{1}{2}`, red, 28)
	if err != nil {
		t.Fatal(err)
	}
	sb, lb := small.Bounds(), large.Bounds()
	if lb.Dx() < sb.Dx()*3/2 || lb.Dy() < sb.Dy()*3/2 {
		t.Errorf("at twice the size: %v, then %v", sb, lb)
	}
	if base <= 0 || base >= sb.Dy() {
		t.Errorf("baseline %d outside the image's %d rows", base, sb.Dy())
	}
	inked := 0
	for y := sb.Min.Y; y < sb.Max.Y; y++ {
		for x := sb.Min.X; x < sb.Max.X; x++ {
			r, g, b, a := small.At(x, y).RGBA()
			if a > 0x8000 && r > g*3 && r > b*3 {
				inked++
			}
		}
	}
	if inked < 20 {
		t.Errorf("%d pixels in the colour asked", inked)
	}
}

// BenchmarkTypeset sets a new formula each time (nothing cached), the cost of a note's first
// showing; BenchmarkImage draws a set one at a 14 px text size, the cost of each showing.
func BenchmarkTypeset(b *testing.B) {
	i := 0
	for b.Loop() {
		i++
		if err := Check(fmt.Sprintf(`\int_0^{%d} e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}`, i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImage(b *testing.B) {
	tex := `\begin{vmatrix}a & b\\ c & d\end{vmatrix}=ad-bc`
	for b.Loop() {
		if _, _, err := Image(tex, color.Black, 14*1.3); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzCheck sets arbitrary formulas: each sets or is refused, never a crash (or a hang:
// the fuzzer stops a run that does not return).
func FuzzCheck(f *testing.F) {
	for _, s := range sets {
		f.Add(s)
	}
	f.Add(`\def\x{\x}\x`)
	f.Fuzz(func(t *testing.T, tex string) {
		Check(tex)
	})
}

// TestMetrics_KeepTheBaseline: a formula inside a line rests on the text's baseline, so its
// rise and fall must be measured from its own baseline, also when it starts with a box (a
// fraction, a root, a sum with limits), which the outline alone would shift by the box's
// depth.
func TestMetrics_KeepTheBaseline(t *testing.T) {
	for _, c := range []struct {
		tex                        string
		ascLo, ascHi, dscLo, dscHi float64
	}{
		{`x`, 0.40, 0.48, 0, 0.05},
		{`\frac{T}{2}`, 0.6, 1.1, 0.2, 0.5},
		{`\sqrt{x}`, 0.6, 1.0, 0.1, 0.4},
		{`\sum_{i=1}^n x_i`, 0.6, 1.1, 0.15, 0.5},
		{`h(t)`, 0.6, 0.9, 0.15, 0.35},
	} {
		w, asc, dsc, err := Metrics(c.tex)
		if err != nil {
			t.Errorf("%s: %v", c.tex, err)
			continue
		}
		if w <= 0 || asc < c.ascLo || asc > c.ascHi || dsc < c.dscLo || dsc > c.dscHi {
			t.Errorf("%s: width %.3f, rises %.3f (want %.2f–%.2f), falls %.3f (want %.2f–%.2f) of the text size",
				c.tex, w, asc, c.ascLo, c.ascHi, dsc, c.dscLo, c.dscHi)
		}
	}
}
