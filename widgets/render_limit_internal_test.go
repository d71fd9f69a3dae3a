package widgets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"vaultview/internal/hostile"
	"vaultview/vault"
)

func TestLimitBody(t *testing.T) {
	const maxBytes, maxLine, maxRun = 100, 40, 12
	for _, c := range []struct {
		name, body string
		// want is what is parsed, with cutMark(n) written as «n»; shown how much of the body
		// it covers; cuts the lines cut.
		want  string
		shown int
		cuts  []lineCut
	}{
		{"small", "a b\nc d\n", "a b\nc d\n", 8, nil},
		{"empty", "", "", 0, nil},
		{"line at the limit", strings.Repeat("abcdefghi ", 4) + "\nx", strings.Repeat("abcdefghi ", 4) + "\nx", 42, nil},
		{"run at the limit", "123456789012 x\n", "123456789012 x\n", 15, nil},
		{"too large: whole lines up to the limit", strings.Repeat("word word\n", 20), strings.Repeat("word word\n", 10), 100, nil},
		{"long line", "short\n" + strings.Repeat("ab cd ", 10) + "\nend\n", "short\n" + strings.Repeat("ab cd ", 10)[:40] + "«20»\nend\n", 6 + 61 + 4, []lineCut{{2, 20}}},
		{"long run", "x " + strings.Repeat("z", 20) + " y\nend", "x " + strings.Repeat("z", 12) + "«10»\nend", 28, []lineCut{{1, 10}}},
		{"run of multi-byte characters", "é" + strings.Repeat("ü", 10), "é" + strings.Repeat("ü", 5) + "«10»", 22, []lineCut{{1, 10}}},
		{"last line without a break", "ok\n" + strings.Repeat("q", 30), "ok\n" + strings.Repeat("q", 12) + "«18»", 33, []lineCut{{2, 18}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := limitBody([]byte(c.body), maxBytes, maxLine, maxRun)
			want := c.want
			for strings.Contains(want, "«") {
				i, j := strings.Index(want, "«"), strings.Index(want, "»")
				n := 0
				for _, d := range want[i+len("«") : j] {
					n = n*10 + int(d-'0')
				}
				want = want[:i] + cutMark(n) + want[j+len("»"):]
			}
			if string(s.src) != want {
				t.Errorf("parsed %q\nwant   %q", s.src, want)
			}
			if s.shown != c.shown {
				t.Errorf("shown = %d, want %d", s.shown, c.shown)
			}
			if len(s.cuts) != len(c.cuts) || len(c.cuts) > 0 && s.cuts[0] != c.cuts[0] {
				t.Errorf("cuts = %v, want %v", s.cuts, c.cuts)
			}
			if len(s.src) > maxBytes {
				t.Errorf("%d bytes parsed, over the limit of %d", len(s.src), maxBytes)
			}
			// Every byte of the body that is shown maps to the same byte and back.
			for from := 0; from < c.shown; from++ {
				at, ok := s.srcOffset(from)
				if !ok {
					continue
				}
				if s.src[at] != c.body[from] {
					t.Fatalf("body byte %d (%q) is parsed as byte %d (%q)", from, c.body[from], at, s.src[at])
				}
				if back := s.bodyOffset(at); back != from {
					t.Fatalf("body byte %d → %d → %d", from, at, back)
				}
			}
		})
	}
}

func TestLimitBody_UnchangedBodyIsNotCopied(t *testing.T) {
	body := []byte("# a\n\ntext\n")
	s := limitBody(body, maxShownBytes, maxShownLine, maxShownRun)
	if &s.src[0] != &body[0] || s.spans != nil || s.limitNotice(len(body), len(body), 1) != nil {
		t.Error("a note within the limits was copied or got a notice")
	}
}

func TestLimitBody_HiddenBytesAreNotFound(t *testing.T) {
	body := []byte("a\n" + strings.Repeat("x", 50) + "\n# After\n")
	s := limitBody(body, 1000, 1000, 10)
	if _, ok := s.srcOffset(2 + 20); ok {
		t.Error("a byte that is cut off was found")
	}
	after := bytes.Index(body, []byte("# After"))
	at, ok := s.srcOffset(after)
	if !ok || !bytes.HasPrefix(s.src[at:], []byte("# After")) {
		t.Errorf("the heading after the cut line is at %d (%v)", at, ok)
	}
}

func TestLimitBody_DeepNestingIsFlattened(t *testing.T) {
	deepQuote := strings.Repeat(">", 100) + " deep\n"
	deepIndent := strings.Repeat(" ", 300) + "- deep\n"
	spacedQuote := strings.Repeat("> ", 40) + "spaced\n"
	deepList := strings.Repeat("1. - ", 20) + "listed\n"
	body := "top\n" + deepQuote + deepIndent + spacedQuote + deepList + "> fine\n" + "- - - -\n"
	s := limitBody([]byte(body), maxShownBytes, maxShownLine, maxShownRun)
	want := "top\n" + strings.Repeat(">", maxShownQuotes) + " deep\n" + strings.Repeat(" ", maxShownIndent) + "- deep\n" +
		strings.Repeat("> ", maxShownQuotes-1) + ">" + " spaced\n" + strings.Repeat("1. - ", 15) + "1. -" + " listed\n" + "> fine\n" + "- - - -\n"
	if string(s.src) != want {
		t.Errorf("parsed %q\nwant   %q", s.src, want)
	}
	if s.flattened != 4 || s.flatLine != 2 || s.shown != len(body) || len(s.cuts) != 0 {
		t.Errorf("flattened %d from line %d, shown %d of %d, cuts %v", s.flattened, s.flatLine, s.shown, len(body), s.cuts)
	}
	// "fine" and "deep" keep their offsets through the change.
	for _, word := range []string{"fine", "spaced", "- deep", "listed", "- - - -"} {
		from := strings.Index(body, word)
		at, ok := s.srcOffset(from)
		if !ok || !strings.HasPrefix(string(s.src[at:]), word) || s.bodyOffset(at) != from {
			t.Errorf("%q at %d is parsed at %d (%v)", word, from, at, ok)
		}
	}
	notice := s.limitNotice(len(body), len(body), 1)
	var b strings.Builder
	notice.writeText(&b)
	if !strings.Contains(b.String(), "4 lines nest too deep to show as written") || strings.Contains(b.String(), "in full") {
		t.Errorf("notice: %s", b.String())
	}
}

func TestBoundRows_EveryRowIsBoundedAndNothingIsLost(t *testing.T) {
	var para strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&para, "[[n%d]] ", i)
	}
	for _, c := range []struct {
		name string
		src  []byte
		// word occurs count times in the text shown; lost is text that must be shown
		// instead of a part too crowded to lay out.
		word  string
		count int
		lost  string
	}{
		{"code block", hostile.CodeBlockNote(30_000), "of the log", 30_000, ""},
		{"table", hostile.TableNote(10_000), "note0", 10_000, ""},
		{"paragraph of links", []byte(para.String()), "n1", 11_111, ""},
		{"callout", hostile.CalloutNote(3_000), "about", 3_000, ""},
		{"quote", []byte(strings.ReplaceAll(string(hostile.CalloutNote(3_000)), "[!info]", "")), "about", 3_000, ""},
		{"list item", hostile.ListItemNote(10_000), "item", 2, "holds too much to show here"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := RenderNote(RenderInput{Source: c.src, Note: vault.ParseNote("n.md", c.src)})
			if len(r.rows) < 3 {
				t.Errorf("%d rows: not split", len(r.rows))
			}
			for i, b := range r.rows {
				if cost := blockCost(b); cost > crowdedFactor*maxRowCost {
					t.Errorf("row %d costs %d", i, cost)
				}
			}
			text := r.Text()
			if got := strings.Count(text, c.word); got != c.count {
				t.Errorf("%q shown %d times, want %d", c.word, got, c.count)
			}
			if !strings.Contains(text, c.lost) {
				t.Errorf("no %q", c.lost)
			}
		})
	}
}

func TestBoundRows_FootnotesFollowTheirRows(t *testing.T) {
	var long strings.Builder
	for i := range 5_000 {
		fmt.Fprintf(&long, "[[n%d]] ", i)
	}
	src := []byte("See [^1] and [^2].\n\n[^1]: " + long.String() + "\n[^2]: The second note.\n")
	r := RenderNote(RenderInput{Source: src, Note: vault.ParseNote("n.md", src)})
	row := r.act.footnotes[2]
	var b strings.Builder
	r.rows[row].writeText(&b)
	if !strings.HasPrefix(b.String(), "2. The second note.") {
		t.Errorf("footnote 2 points at row %d: %.80q", row, b.String())
	}
	b.Reset()
	r.rows[r.act.footnotes[1]].writeText(&b)
	if !strings.HasPrefix(b.String(), "1. n0") {
		t.Errorf("footnote 1 points at %.80q", b.String())
	}
}
