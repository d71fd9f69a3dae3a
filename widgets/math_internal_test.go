package widgets

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/internal/mathtex"
	"vaultview/vault"
)

// mathSegments renders src and returns its math and code segments, in order.
func mathSegments(t *testing.T, src string) []any {
	t.Helper()
	r := RenderNote(RenderInput{Source: []byte(src), Note: vault.ParseNote("m.md", []byte(src))})
	var out []any
	for _, row := range r.rows {
		for _, s := range row.segs {
			switch s.(type) {
			case *mathSegment, *codeSegment:
				out = append(out, s)
			}
		}
	}
	return out
}

func TestMath_TypesetOrShownAsSource(t *testing.T) {
	test.NewTempApp(t)
	segs := mathSegments(t, "# M\n\n$$\\frac{a}{b}$$\n\n$$\n\\nosuch{x}\n$$\n\nA price of $$5 stays text.\n")
	if len(segs) != 2 {
		t.Fatalf("%d segments, want a formula and a failed one", len(segs))
	}
	m, ok := segs[0].(*mathSegment)
	if !ok || m.tex != `\frac{a}{b}` || m.Textual() != `$$\frac{a}{b}$$` {
		t.Errorf("first: %#v", segs[0])
	}
	c, ok := segs[1].(*codeSegment)
	if !ok || c.whole != `\nosuch{x}` || !strings.HasPrefix(c.note, "not typeset: ") {
		t.Errorf("second: %#v", segs[1])
	}
}

// TestMath_DrawnLargerWithTheZoom: the image follows the text size.
func TestMath_DrawnLargerWithTheZoom(t *testing.T) {
	a := test.NewTempApp(t)
	seg := &mathSegment{tex: `x^2 + y^2 = z^2`}
	v := seg.Visual().(*mathView)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(600, 200))
	small := test.TempWidgetRenderer(t, v).MinSize()
	a.Settings().SetTheme(sizedTheme{theme.DefaultTheme(), 2})
	v.Refresh()
	large := test.TempWidgetRenderer(t, v).MinSize()
	if large.Width < small.Width*1.6 || small.Width < 20 {
		t.Errorf("at twice the text size the formula is %v, at the usual %v", large, small)
	}
}

// sizedTheme scales the text sizes, as the window's zoom does.
type sizedTheme struct {
	fyne.Theme
	zoom float32
}

func (s sizedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return s.Theme.Size(n) * s.zoom
	}
	return s.Theme.Size(n)
}

// TestMath_BoundedPerNote: past maxFormulas a note's formulas show as their source, so that a
// note of thousands of them still shows at once.
func TestMath_BoundedPerNote(t *testing.T) {
	test.NewTempApp(t)
	var src strings.Builder
	src.WriteString("# Many\n\n")
	for i := range maxFormulas + 3 {
		fmt.Fprintf(&src, "$$x_{%d}$$\n\n", i)
	}
	segs := mathSegments(t, src.String())
	typeset, source := 0, 0
	for _, s := range segs {
		switch s := s.(type) {
		case *mathSegment:
			typeset++
		case *codeSegment:
			if strings.Contains(s.note, "only the first") {
				source++
			}
		}
	}
	if typeset != maxFormulas || source != 3 {
		t.Errorf("%d typeset and %d shown as source, want %d and 3", typeset, source, maxFormulas)
	}
}

// TestMath_InlineTypesetInTheLine: inline math is typeset over a placeholder in the line,
// as wide as the formula in units of the text size (so a zoom scales both), reading as its
// TeX with what would be Markdown kept as written; one TeX cannot set shows its TeX in the
// code style; prices are no formula.
func TestMath_InlineTypesetInTheLine(t *testing.T) {
	test.NewTempApp(t)
	src := "# I\n\nSpeed is $v = \\frac{d}{t}$ and $a_1 * b_1 [[x]]$ here, $\\nosuch{y}$, from $5 to $10.\n"
	r := RenderNote(RenderInput{Source: []byte(src), Note: vault.ParseNote("i.md", []byte(src))})
	var b strings.Builder
	var typeset []*overlaySegment
	var code []string
	for _, row := range r.rows {
		row.writeText(&b)
		for i, s := range row.segs {
			if o, ok := s.(*overlaySegment); ok && o.kind == overlayMath {
				typeset = append(typeset, o)
				if ph, ok := row.segs[i-1].(*widget.TextSegment); !ok || ph != o.placeholder {
					t.Errorf("the formula %q does not follow its placeholder", o.tex)
				}
			}
			if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Monospace && ts.Style.ColorName != chipPlaceholderColor {
				code = append(code, ts.Text)
			}
		}
	}
	if len(typeset) != 2 || typeset[0].tex != `v = \frac{d}{t}` || typeset[1].tex != `a_1 * b_1 [[x]]` {
		t.Fatalf("typeset %v", typeset)
	}
	w, _, _, _ := mathtex.Metrics(typeset[0].tex)
	digit := fyne.MeasureText("0", 100, fyne.TextStyle{Monospace: true}).Width / 100
	if got := float64(len(typeset[0].placeholder.Text)) * float64(digit); got < w*mathScale*float64(typeset[0].shrink) || got > w*mathScale+1 {
		t.Errorf("placeholder %.2f text sizes wide for a formula of %.2f", got, w*mathScale)
	}
	if len(code) != 1 || code[0] != `\nosuch{y}` {
		t.Errorf("shown as TeX in the code style: %q, want only the one TeX cannot set", code)
	}
	text := b.String()
	for _, want := range []string{`$v = \frac{d}{t}$`, `$a_1 * b_1 [[x]]$`, `\nosuch{y} (not typeset)`, "from $5 to $10."} {
		if !strings.Contains(text, want) {
			t.Errorf("the note reads %q, lacking %q", text, want)
		}
	}
}

// TestMonoDigitFallback: what a render uses before any NoteView measured the monospaced
// digit is the default theme's measure, so that a render from a test lays formulas out as
// the app does.
func TestMonoDigitFallback(t *testing.T) {
	test.NewTempApp(t)
	got := fyne.MeasureText("0", 100, fyne.TextStyle{Monospace: true})
	if math.Abs(float64(got.Width-defaultMonoDigit.Width)) > 0.1 || math.Abs(float64(got.Height-defaultMonoDigit.Height)) > 0.1 {
		t.Errorf("the default theme's monospaced 0 at size 100 is %v; defaultMonoDigit says %v", got, defaultMonoDigit)
	}
}
