package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/alecthomas/chroma/v2"
)

const goSample = "package tide\n\n/* The tide\n   table. */\nfunc Height(h float64) string {\n\treturn `high\nwater`\n}"

func TestHighlightCode(t *testing.T) {
	tests := []struct {
		name, lang, text string
		coloured         bool
	}{
		{"go", "go", goSample, true},
		{"alias and case", " Python ", "def f(x):\n    return x  # twice\n", true},
		{"shell", "bash", "echo \"$HOME\" | wc -c", true},
		{"unknown language", "nosuchlanguage", "a b c", false},
		{"no language", "", "plain", false},
		{"past the limit", "go", strings.Repeat("x := 1\n", maxColouredCode/7+1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := highlightCode(tt.lang, tt.text)
			if !tt.coloured {
				if lines != nil {
					t.Fatalf("coloured %d lines, want none", len(lines))
				}
				return
			}
			// Nothing is lost or added: the spans give back the text, line by line.
			if got, want := linesText(lines), strings.TrimSuffix(tt.text, "\n"); got != want {
				t.Errorf("text from the spans:\n%q\nwant\n%q", got, want)
			}
			kinds := map[chroma.TokenType]bool{}
			for _, l := range lines {
				for _, sp := range l {
					if strings.Contains(sp.text, "\n") {
						t.Errorf("span %q holds a newline", sp.text)
					}
					kinds[sp.kind.Category()] = true
				}
			}
			if !kinds[chroma.Keyword] && !kinds[chroma.Name] {
				t.Errorf("no keyword or name among %v", kinds)
			}
		})
	}
	// A comment and a raw string across lines are cut at each line, keeping their kind.
	lines := highlightCode("go", goSample)
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 8", len(lines))
	}
	if sp := lines[3][0]; sp.text != "   table. */" || sp.kind.Category() != chroma.Comment {
		t.Errorf("the comment's second line: %+v", sp)
	}
	if sp := lines[6][0]; sp.text != "water`" || sp.kind.SubCategory() != chroma.LiteralString {
		t.Errorf("the raw string's second line: %+v", sp)
	}
}

func TestCodeSegment_SplitKeepsTheWholeForCopy(t *testing.T) {
	s := newCodeSegment("go", goSample)
	parts := s.split(3)
	if len(parts) != 3 {
		t.Fatalf("%d parts of 8 lines by 3, want 3", len(parts))
	}
	var texts []string
	for i, p := range parts {
		if p.first != (i == 0) {
			t.Errorf("part %d: first = %v", i, p.first)
		}
		if p.whole != goSample {
			t.Errorf("part %d copies %q, want the whole block", i, p.whole)
		}
		texts = append(texts, p.Textual())
	}
	if got := strings.Join(texts, "\n"); got != goSample {
		t.Errorf("the parts hold\n%q\nwant\n%q", got, goSample)
	}
}

// TestCodeView_CopiesAndColoursByTheme: the copy button puts the whole block on the
// clipboard; keywords take the light or the dark style's colour after the theme, and text
// that is no token takes the theme's.
func TestCodeView_CopiesAndColoursByTheme(t *testing.T) {
	a := test.NewTempApp(t)
	seg := newCodeSegment("go", goSample).split(4)[1] // a later part still copies it all
	seg.first = true
	v := newCodeView(seg)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(500, 300))
	r := test.TempWidgetRenderer(t, v).(*codeViewRenderer)
	test.Tap(r.copy)
	if got := a.Clipboard().Content(); got != goSample {
		t.Errorf("clipboard holds %q, want the whole block", got)
	}
	if r.copy.icon != theme.ConfirmIcon() {
		t.Error("the copy button shows no tick after copying")
	}

	colourOf := func(word string) color.Color {
		t.Helper()
		lr := test.TempWidgetRenderer(t, r.lines)
		for _, o := range lr.Objects() {
			if txt, ok := o.(*canvas.Text); ok && txt.Text == word {
				return txt.Color
			}
		}
		t.Fatalf("%q not drawn", word)
		return nil
	}
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		test.ApplyTheme(t, forcedVariant{theme.DefaultTheme(), variant})
		v.Refresh()
		want := lightCode
		if variant == theme.VariantDark {
			want = darkCode
		}
		kw, _ := want.of(chroma.Keyword)
		if got := colourOf("return"); got != kw {
			t.Errorf("variant %d: return is %v, want the style's keyword colour %v", variant, got, kw)
		}
	}
}

// forcedVariant is a theme that answers every colour for one variant.
type forcedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f forcedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

// BenchmarkCodeSegment makes the segment of a 10 KB Go block: plain (the baseline, as
// before colours), coloured the first time (each run a different text, so nothing is
// cached) and coloured again (from the cache, as when a note is shown again).
func BenchmarkCodeSegment(b *testing.B) {
	var src strings.Builder
	for i := 0; src.Len() < 10<<10; i++ {
		src.WriteString("// Height returns the tide's height at hour h, in metres.\nfunc Height(h float64) float64 {\n\treturn 1.2 * math.Cos(h/12.42*2*math.Pi) // semi-diurnal\n}\n\n")
	}
	text := src.String()
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			newCodeSegment("", text)
		}
	})
	b.Run("coloured-first", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			newCodeSegment("go", text+strings.Repeat(" ", i))
		}
	})
	b.Run("coloured-cached", func(b *testing.B) {
		newCodeSegment("go", text)
		for b.Loop() {
			newCodeSegment("go", text)
		}
	})
}
