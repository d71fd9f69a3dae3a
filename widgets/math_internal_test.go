package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

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

// TestMath_InlineShownAsItsTeX: inline math is not typeset yet; its TeX shows whole, in the
// code style, with what would be Markdown kept as written.
func TestMath_InlineShownAsItsTeX(t *testing.T) {
	test.NewTempApp(t)
	src := "# I\n\nSpeed is $v = \\frac{d}{t}$ and $a_1 * b_1 [[x]]$ here, from $5 to $10.\n"
	r := RenderNote(RenderInput{Source: []byte(src), Note: vault.ParseNote("i.md", []byte(src))})
	var b strings.Builder
	for _, row := range r.rows {
		row.writeText(&b)
	}
	text := b.String()
	for _, want := range []string{`v = \frac{d}{t}`, `a_1 * b_1 [[x]]`, "from $5 to $10."} {
		if !strings.Contains(text, want) {
			t.Errorf("the note reads %q, lacking %q", text, want)
		}
	}
}
