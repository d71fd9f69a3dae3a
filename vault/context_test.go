package vault_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// marked is a link's context with the link's own text (ContextStart to ContextEnd) in «».
func marked(l vault.Link) string {
	return l.Context[:l.ContextStart] + "«" + l.Context[l.ContextStart:l.ContextEnd] + "»" + l.Context[l.ContextEnd:]
}

// contextCase is a note and the context of its link to X.
type contextCase struct {
	name, note, want string
}

func checkContexts(t *testing.T, cases []contextCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := vault.ParseNote("a.md", []byte(c.note))
			var got []string
			for _, l := range n.Links {
				if strings.TrimSuffix(l.Target, ".md") == "X" {
					got = append(got, marked(l))
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("contexts of the link to X = %q, want %q\nnote: %q", got, c.want, c.note)
			}
		})
	}
}

func TestLinkContext_TableRow(t *testing.T) {
	const head = "| Name | Value |\n| --- | --- |\n"
	checkContexts(t, []contextCase{
		{"cells joined", head + "| a [[X]] b | 42 |\n", "a «X» b · 42"},
		{"emphasis in the cell", head + "| cell with **[[X]]** | 42 |\n", "cell with «X» · 42"},
		{"link in a later cell", head + "| Bezos | founded [[X]] in 1994 | 42 |\n", "Bezos · founded «X» in 1994 · 42"},
		{"link alone in its cell", head + "| Bezos | [[X]] |\n", "Bezos · «X»"},
		{"aliased link", head + "| Bezos | [[X\\|the shop]] |\n", "Bezos · «the shop»"},
		{"empty cells", head + "| | [[X]] | |\n", "«X»"},
		{"escaped pipe is text", head + "| a \\| b | [[X]] |\n", "a | b · «X»"},
		{"header row", "| About [[X]] | Value |\n| --- | --- |\n| a | b |\n", "About «X» · Value"},
		{"no outer pipes", "Name | Value\n--- | ---\nfirst | cell [[X]] here\n", "first · cell «X» here"},
		{"no outer pipes, header", "Name [[X]] | Value\n--- | ---\nfirst | second\n", "Name «X» · Value"},
		{"no outer pipes, far row", "Name | Value\n:-- | --:\na | b\nc | d\ne | f [[X]]\n", "e · f «X»"},
		{"sentence in its cell", head + "| one. Two [[X]] three. Four. | 42 |\n", "Two «X» three. · 42"},
		{"sentence in a middle cell", head + "| a | one. Two [[X]] three. Four. | 42 |\n", "a · Two «X» three. · 42"},
		{"row in a callout", "> [!info] Table\n> | Name | Value |\n> | --- | --- |\n> | cell [[X]] | 42 |\n", "cell «X» · 42"},
		{"row with a timestamp", head + "| [[X]] | <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a> |\n", "«X»"},
		{"CRLF line ends", "| Name | Value |\r\n| --- | --- |\r\n| a [[X]] | 42 |\r\n", "a «X» · 42"},
	})
}

func TestLinkContext_PipesOutsideTables(t *testing.T) {
	checkContexts(t, []contextCase{
		{"pipe in a sentence", "Read this | or that [[X]].\n", "Read this | or that «X»."},
		{"aliased link in a paragraph", "Before.\nThen [[X | the shop]] | after.\n", "Then «the shop» | after."},
		{"list item with a pipe", "Name | Value\n--- | ---\n\n- a | b [[X]]\n", "a | b «X»"},
		{"after a blank line", "a | b\n--- | ---\n\nc | d [[X]]\n", "c | d «X»"},
	})
}

func TestLinkContext_ListItem(t *testing.T) {
	checkContexts(t, []contextCase{
		{"dash", "- item [[X]] here\n", "item «X» here"},
		{"star", "* item [[X]]\n", "item «X»"},
		{"plus", "+ item [[X]]\n", "item «X»"},
		{"tab after the marker", "-\titem [[X]]\n", "item «X»"},
		{"numbered", "1. item [[X]]\n", "item «X»"},
		{"numbered with a parenthesis", "1) item [[X]]\n", "item «X»"},
		{"open task", "- [ ] task [[X]]\n", "task «X»"},
		{"done task", "- [x] done [[X]]\n", "done «X»"},
		{"numbered task", "3. [X] done [[X]]\n", "done «X»"},
		{"nested", "- outer\n    - inner [[X]]\n", "inner «X»"},
		{"nested numbered", "1. outer\n   1. inner [[X]]\n", "inner «X»"},
		{"link first in the item", "- [[X]] and more\n", "«X» and more"},
		{"Markdown link first in the item", "- [see](X.md) and more\n", "«see» and more"},
		{"bold after the marker", "- **[[X]]** is bold\n", "«X» is bold"},
		{"second sentence of an item", "- One. Then [[X]] here.\n", "Then «X» here."},
		{"brackets that are no task", "- [note] about [[X]]\n", "[note] about «X»"},
	})
}

func TestLinkContext_Quote(t *testing.T) {
	checkContexts(t, []contextCase{
		{"callout title", "> [!note] Title [[X]]\n> body\n", "Title «X»"},
		{"callout body", "> [!note] Title\n> body text [[X]]\n", "body text «X»"},
		{"folded callout", "> [!NOTE]- Folded [[X]]\n", "Folded «X»"},
		{"open foldable callout", "> [!tip]+ Open [[X]]\n", "Open «X»"},
		{"callout without a title", "> [!quote]\n> [[X]] said so.\n", "«X» said so."},
		{"nested callout", "> [!note] Outer\n> > [!warning] Inner [[X]]\n", "Inner «X»"},
		{"plain quote", "> plain quote [[X]]\n", "plain quote «X»"},
		{"quote without a space", ">quote [[X]]\n", "quote «X»"},
		{"list in a quote", "> - item [[X]]\n", "item «X»"},
		{"task in a callout", "> [!todo] List\n> - [ ] do [[X]]\n", "do «X»"},
		{"nested quotes", "> > deep [[X]]\n", "deep «X»"},
		{"callout sign outside a quote", "[!note] not a callout [[X]]\n", "[!note] not a callout «X»"},
	})
}

func TestLinkContext_Heading(t *testing.T) {
	checkContexts(t, []contextCase{
		{"level two", "## About [[X]]\n", "About «X»"},
		{"closing hashes", "## About [[X]] ##\n", "About «X»"},
		{"hash in the text", "## Issue #4 of [[X]]\n", "Issue #4 of «X»"},
		{"level six", "###### Deep [[X]]\n", "Deep «X»"},
		{"tag is no heading", "#topic and [[X]]\n", "#topic and «X»"},
		{"seven hashes are text", "####### [[X]]\n", "####### «X»"},
	})
}

func TestLinkContext_Sentence(t *testing.T) {
	checkContexts(t, []contextCase{
		{"middle sentence", "First one. Second [[X]] sentence. Third.\n", "Second «X» sentence."},
		{"after frontmatter", "---\ntitle: T\n---\n- item [[X]]\n", "item «X»"},
		{"Markdown link with a full stop", "See [the v. 2 notes](X.md). Next.\n", "See «the v. 2 notes»."},
	})
}

// TestLinkContext_LongRow checks that the link stays marked when a long row is cut around it.
func TestLinkContext_LongRow(t *testing.T) {
	long := strings.Repeat("word ", 80)
	note := "| A | B | C |\n| --- | --- | --- |\n| " + long + "| mid [[X]] cell | " + long + "|\n"
	n := vault.ParseNote("a.md", []byte(note))
	if len(n.Links) != 1 {
		t.Fatalf("links = %+v", n.Links)
	}
	l := n.Links[0]
	if got := l.Context[l.ContextStart:l.ContextEnd]; got != "X" {
		t.Errorf("link text = %q in %q", got, l.Context)
	}
	if !strings.Contains(l.Context, " · mid X cell · ") || strings.Contains(l.Context, "|") {
		t.Errorf("context = %q", l.Context)
	}
	if utf8.RuneCountInString(l.Context) > 300 || !strings.HasPrefix(l.Context, "…") || !strings.HasSuffix(l.Context, "…") {
		t.Errorf("context not cut around the link: %q", l.Context)
	}
}

func TestUnlinkedMentions_TableAndList(t *testing.T) {
	v := loadMap(t, map[string]string{
		"Tidal forces.md": "# Tidal forces\n",
		"a.md":            "| Topic | Note |\n| --- | --- |\n| moon | all about tidal forces (and more) |\n",
		"b.md":            "- [ ] read on Tidal forces. Later.\n",
	})
	var got []string
	for _, b := range v.UnlinkedMentions(v.Index(), "Tidal forces.md") {
		got = append(got, b.Source.Path+": "+marked(b.Link))
	}
	want := []string{
		"a.md: moon · all about «tidal forces» (and more)",
		"b.md: read on «Tidal forces».",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzLinkContext holds every link's context to its promises on any note: plain text whose
// marked range lies inside it, on rune boundaries, and no longer than a clipped sentence.
func FuzzLinkContext(f *testing.F) {
	for _, s := range []string{
		"| Name | Value |\n| --- | --- |\n| a [[X]] b | 42 |\n",
		"a | b\n--- | ---\nc [[X]] | d \\| e\n",
		"> [!note]- T [[X]]\n> - [ ] a. B [[X|y]] c. D\n",
		"## About [[X]] ##\n#tag [[X]]\n",
		"|[[X]]|\n|-|\n|[x](X.md). a|\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 8192 {
			return
		}
		for _, l := range vault.ParseNote("a.md", src).Links {
			cs, ce := int(l.ContextStart), int(l.ContextEnd)
			if cs < 0 || cs > ce || ce > len(l.Context) {
				t.Fatalf("link %+v: range %d-%d outside its context", l, cs, ce)
			}
			if utf8.ValidString(string(src)) && (!utf8.ValidString(l.Context[:cs]) || !utf8.ValidString(l.Context[cs:ce])) {
				t.Fatalf("link %+v: range %d-%d splits a character", l, cs, ce)
			}
			if utf8.RuneCountInString(l.Context) > 2*maxContextRunes {
				t.Fatalf("context of %d characters: %q", utf8.RuneCountInString(l.Context), l.Context)
			}
		}
	})
}

// maxContextRunes is about the longest context, in characters, before it is clipped.
const maxContextRunes = 280

// BenchmarkParseNotes_Contexts parses 500 generated notes (tables, lists, callouts, ~10 links
// each), every link's context included: what contexts cost shows against the same run
// without them, in links/op and allocs/op.
func BenchmarkParseNotes_Contexts(b *testing.B) {
	o := vaultgen.DefaultOptions()
	o.Notes, o.HugeNotes = 500, -1
	fsys := vaultgen.MapFS(o)
	var srcs [][]byte
	var total int64
	for _, p := range slices.Sorted(maps.Keys(fsys)) {
		if strings.HasSuffix(p, ".md") {
			srcs = append(srcs, fsys[p].Data)
			total += int64(len(fsys[p].Data))
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	links := 0
	for b.Loop() {
		links = 0
		for _, src := range srcs {
			links += len(vault.ParseNote("n.md", src).Links)
		}
	}
	b.ReportMetric(float64(links), "links/op")
}
