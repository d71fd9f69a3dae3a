package vault

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/internal/vaultgen"
)

// Tricky inputs for the scanner: each is either handled exactly as goldmark handles it, or
// declined (and then parsed by goldmark). Either way the facts must be the same.
var scannerCases = []string{
	"plain [[a]] text",
	"[[a|b]] [[a | b]] [[a#h|b]] [[#h]] [[f/a]] [[a.md]] ![[a]] ![[a#h]] ![[i.png|300]]",
	"`[[code]]` [[after]] ``a ` [[in]] `` [[out]]",
	"`unclosed [[x]]",
	"line one `code\ncontinues [[in]]` [[out]]",
	"> [!info] Title [[t]]\n> body <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>\nlazy [[lazy]]",
	"- a [[x]]\n  - b [[y]]\n    - c [[z]]\n\n        code [[no]]\n",
	"- item\n\n      indented in item [[no]]\n",
	"para\n    not code [[yes]]\n",
	"\n    code [[no]]\n",
	"```go\n[[no]]\n```\n[[yes]]",
	"~~~\n[[no]]\n```\n[[no2]]\n~~~\n[[yes]]",
	"> ```\n> [[no]]\n[[yes]]",
	"- ```\n  [[no]]\n  ```\n- [[yes]]",
	"# H [[a]] #\n## H2 ##\n###### six\n####### seven [[s]]\n#tag line",
	"Title\n===\n[[x]]",
	"Title\n---\n[[x]]",
	"text\n\n---\n\n[[x]]",
	"<div>\n[[no]]\n</div>\n\n[[yes]]",
	"<a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a> starts a line [[x]]",
	"<a class=\"yt-timestamp\" data-t=\"00:00:05\">\n",
	"a <span title=\"[[no]]\">[[yes]]</span> <b\nclass=x>[[maybe]]",
	"<https://x.com/[[a]]> <me@x.com> [[b]]",
	"see https://example.com/a_[[b]] and www.example.com [[c]]",
	"[text](note.md) [t2](<a b.md>) [t3](a%20b.md#Frag \"title\") [ext](https://x.com) ![img](pic.png)",
	"[outer [inner](a.md)](b.md) [a [b] c](d.md)",
	"[ref][x] [x]\n\n[x]: https://x.com",
	"[^1] note\n\n[^1]: footnote [[x]]",
	"- [ ] task [[t]]\n- [x] done",
	"#tag #123 #a/b/ a#b #ünï #tag-with_dash #",
	"==hi [[x]]== %%hidden [[no]]%% [[yes]]",
	"| a | b |\n|---|---|\n| [[x\\|y]] | [[z]] |",
	"\t[[tab]]\n- \titem [[x]]",
	"1. one [[a]]\n2) two [[b]]\n10. ten\n\npara\n2. not a list [[c]]",
	"* * *\n- - -\n_ _ _ [[x]]",
	"\\[[not]] \\[x](y.md) [[a\\]] [x\\](y.md)",
	"[a](b.md)[c](d.md) [x] (y.md) [e]( f.md ) [g](h.md 'T') [i](j.md (T))",
	"[multi\nline](a.md) [x](\nb.md)",
	"[see #topic](a.md) [ #A](0) [#x/y z](b.md)",
	"<!-- [[hidden]] -->\n[[shown]]",
	"a <!-- [[c]] --> b",
	"text <?php [[x]] ?> [[y]]",
	"[00:00:19](<a class=\"yt-timestamp\" data-t=\"00:00:19\">[00:00:19]</a>) and [a](<a class=\"yt-timestamp\" data-t=\"1:00\">x</a>",
	"> quote\n>> nested [[n]]\n> > [!note]- Fold\n> > body [[b]]",
	"1. a\n   - b [[x]]\n     continued [[y]]\n  lazy? [[z]]",
	"-\n  empty start [[x]]",
	"-     five spaces [[x]]",
	"para\n1. interrupts [[a]]\n- bullet [[b]]\n-\nnot empty",
	"\r\nCRLF [[a]]\r\n- item [[b]]\r\n",
	"<br/>\n[[after]]",
	"x <a class=\"yt-timestamp\" data-t=\"00:01\">[00:01]</a><a class=\"yt-timestamp\" data-t=\"00:02\">[00:02]</a>",
	"[[a]]]] [[[b]] [[c]d]] [[ ]] [[",
	"**bold [[a]]** _it [[b]]_ ~~s [[c]]~~",
	"   # indented heading [[h]]\n    # code",
	"> - a\n> continued [[c]]\nlazy [[l]]",
	// A line of `<br>` tags alone is a line break, never an HTML block (docs/FORMAT.md §5.1).
	"Intro\n\n<br>\n[[a_topic|A Topic]]\n[[b_topic|B Topic]]\n",
	"## Related\n<br/>\n- [[a|A]]\n- [[b|B]]",
	"  <BR> <br />\t<br/>  \n[[a]]\n<br>\n[[b]]\n\n<br>\n\n[[c]]",
	"> <br>\n> [[a|A]]\nlazy <br>\n<br>\n- item\n<br>\n  [[b]]",
	"<br>\n===\n<br>\n---\n<br>\n| a |\n| - |\n| [[x]] |",
	"<br>\r\n[[a|A]]\r\n",
	"    <br>\n[[code]]\n<br class=x>\n[[in html]]\n\n<div>\n<br>\n[[in div]]\n</div>",
	// A Markdown link whose destination is a wikilink links to its target (docs/FORMAT.md §2.2).
	"[Some Topic]([[some_topic]]) [t]( [[a b | c]] ) [ ]([[d|D]]) [](<[[e f]]>) [x]([[g#h]] \"t\")",
	"[*em*]([[a]]) [a_b]([[b]]) [x](![[c]]) ![i]([[d]]) [y]([[e]]z) [#t]([[f]] 'x') [u &amp;](<[[g]]>)",
	"- [A]([[a]])\n- [ ]([[b]])\n| c |\n| - |\n| [C]([[c]]) |\n## [H]([[h]])\n[two\nlines]([[x]])",
	"[out [in]([[a]])](b.md) [^n]([[c]]) [t]([[d]]) [[e]]",
	"\uFEFF---\ntitle: Marked\n---\n# H\n\n[[a]] <a class=\"yt-timestamp\" data-t=\"00:01:02\">x</a>\n", // a byte order mark first
}

func TestScanner_AgreesWithGoldmark(t *testing.T) {
	for i, src := range scannerCases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			compareParses(t, "case.md", []byte(src))
		})
	}
}

func TestScanner_AgreesWithGoldmarkOnFixtures(t *testing.T) {
	fsys := os.DirFS("testdata/vaults")
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		compareParses(t, p, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestScanner_AgreesWithGoldmarkOnGeneratedVault also guards the fast path's reach: if the
// scanner declined many generated notes, indexing would silently become several times slower.
func TestScanner_AgreesWithGoldmarkOnGeneratedVault(t *testing.T) {
	o := vaultgen.DefaultOptions()
	o.Notes = 600
	if testing.Short() {
		o.Notes = 150
	}
	fsys := vaultgen.MapFS(o)
	fast, total := 0, 0
	for p, f := range fsys {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		total++
		if compareParses(t, p, f.Data) {
			fast++
		}
	}
	t.Logf("scanner handled %d of %d generated notes", fast, total)
	if fast < total*9/10 {
		t.Errorf("scanner handled only %d of %d notes; the rest fell back to goldmark", fast, total)
	}
}

// compareParses parses src both ways, fails on any difference, and reports whether the
// scanner handled it.
func compareParses(t *testing.T, rel string, src []byte) bool {
	t.Helper()
	var facts bodyFacts
	_, _, bodyStart, ok, _ := splitFrontmatter(src)
	if !ok {
		bodyStart = 0
	}
	fast := scanBody(src, bodyStart, &facts, nil)
	got := parseNote(rel, src, false, newInterner(), nil, true)
	want := parseNote(rel, src, true, nil, nil, true)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: scanner (fast=%v) and goldmark disagree\nsource:\n%s\n%s", rel, fast, clipSource(src), noteDiff(got, want))
	}
	return fast
}

// noteDiff describes the first differences between two parses of one note.
func noteDiff(got, want *Note) string {
	var b strings.Builder
	for _, f := range []struct {
		name      string
		got, want any
	}{{"links", got.Links, want.Links}, {"timestamps", got.Timestamps, want.Timestamps}, {"headings", got.Headings, want.Headings}, {"tags", got.Tags, want.Tags}, {"problems", got.Problems, want.Problems}} {
		if !reflect.DeepEqual(f.got, f.want) {
			fmt.Fprintf(&b, "scanner %s:  %+v\ngoldmark %s: %+v\n", f.name, f.got, f.name, f.want)
		}
	}
	return b.String()
}

func clipSource(src []byte) string {
	if len(src) > 2000 {
		return string(src[:2000]) + "…"
	}
	return string(src)
}

func FuzzScanner(f *testing.F) {
	for _, c := range scannerCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		compareParses(t, "fuzz.md", src)
	})
}

// TestParseNote_LinksUnderALineBreakAndInMarkdownLinks: what the index sees of the two
// forms of issue 12 item 9, whichever parser reads the note.
func TestParseNote_LinksUnderALineBreakAndInMarkdownLinks(t *testing.T) {
	src := "---\ntitle: T\n---\nFrom: [[channel]] <br/>\n\n## Related\n\n<br>\n[[some_topic_name|Some Topic Name]]\n[[other_topic | Other Topic]]\n\n" +
		"See [the topic]([[some_topic_name]]) and [x]( [[Other Topic#Part]]).\n"
	want := []string{
		"wikilink channel  ",
		"wikilink some_topic_name  Some Topic Name",
		"wikilink other_topic  Other Topic",
		"wikilink some_topic_name  the topic",
		"wikilink Other Topic Part x",
	}
	for _, goldmark := range []bool{false, true} {
		n := parseNote("n.md", []byte(src), goldmark, nil, nil, true)
		var got []string
		for _, l := range n.Links {
			got = append(got, fmt.Sprintf("%s %s %s %s", l.Kind, l.Target, l.Fragment, l.Alias))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("goldmark=%v: links\n%q\nwant\n%q", goldmark, got, want)
		}
		if len(n.Links) == len(want) && n.Links[3].Context != "See the topic and x." {
			t.Errorf("goldmark=%v: context %q", goldmark, n.Links[3].Context)
		}
	}
	if !compareParses(t, "n.md", []byte(src)) {
		t.Error("the scanner declined the note; it should read both forms itself")
	}

	fsys := fstest.MapFS{
		"n.md":               {Data: []byte(src)},
		"some_topic_name.md": {Data: []byte("# Some topic\n")},
		"other_topic.md":     {Data: []byte("# Other\n")},
	}
	v, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	for p, want := range map[string]int{"some_topic_name.md": 2, "other_topic.md": 2} {
		if got := len(ix.Backlinks(p)); got != want {
			t.Errorf("%s has %d backlinks, want %d", p, got, want)
		}
	}
}
