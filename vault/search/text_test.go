package search_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"vaultview/vault"
	"vaultview/vault/search"
)

func TestStrip_MarkupForms(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"plain", "Just some words.", "Just some words."},
		{"white space collapses", "a  b\t\tc", "a b c"},
		{"lines", "one\ntwo\r\nthree", "one\ntwo\nthree"},
		{"paragraphs", "one\n\n\ntwo", "one\ntwo"},
		{"heading", "## The Heading ##\nbody", "The Heading\nbody"},
		{"hashes without space are text", "#tag and #another", "#tag and #another"},
		{"bullet list", "- first\n* second\n+ third", "first\nsecond\nthird"},
		{"ordered list", "1. first\n12) second", "first\nsecond"},
		{"nested list", "- a\n    - b\n        1. c", "a\nb\nc"},
		{"task", "- [ ] todo\n- [x] done", "todo\ndone"},
		{"quote", "> quoted\n> > deeper", "quoted\ndeeper"},
		{"callout", "> [!info] A callout title\n> Callout body.", "A callout title\nCallout body."},
		{"folded callout", "> [!WARNING]- Careful\n> text", "Careful\ntext"},
		{"callout without title", "> [!note]\n> body", "body"},
		{"bold and italics", "some **bold** and *it* and __b__ and _i_", "some bold and it and b and i"},
		{"snake_case kept", "see api_wiki_economics here", "see api_wiki_economics here"},
		{"lone star kept", "2 * 3", "2 * 3"},
		{"strikethrough and highlight", "~~gone~~ ==marked== a=b", "gone marked a=b"},
		{"wikilink", "see [[Target Note]] now", "see Target Note now"},
		{"wikilink alias", "see [[target_note | an alias]] now", "see an alias now"},
		{"wikilink alias no spaces", "see [[target|alias]]", "see alias"},
		{"wikilink heading", "see [[note#Some Heading]]", "see note Some Heading"},
		{"wikilink same note", "see [[#Some Heading]]", "see Some Heading"},
		{"wikilink block", "see [[note#^abc123]]", "see note"},
		{"wikilink .md", "see [[folder/note.md]]", "see folder/note"},
		{"embed", "![[other note]]", "other note"},
		{"image embed with size", "![[image.png|300]]", "image.png"},
		{"unclosed wikilink", "a [[b c", "a [[b c"},
		{"markdown link", "a [link text](https://example.com/x_(y)) b", "a link text b"},
		{"markdown link to note", "[text](other%20note.md)", "text"},
		{"image", "![alt text](pic.png)", "alt text"},
		{"reference link", "[text][ref]", "text"},
		{"link with emphasis", "[**bold** link](x)", "bold link"},
		{"link to a wikilink", "See [the topic]([[some_topic]]) now", "See the topic now"},
		{"link to a wikilink with spaces", "[x]( [[Some Topic | y]] ).", "x."},
		{"link to a wikilink with a title", "[*t*]([[c]] \"title\") [u](<[[d e]]>)", "t u"},
		{"blank link text shows the wikilink", "[ ]([[a | Alias]]) and []([[b#Part]])", "Alias and b Part"},
		{"links under a br line", "Intro\n\n<br>\n[[a_topic|A Topic]]\n[[b_topic | B Topic]]", "Intro\nA Topic\nB Topic"},
		{"br line alone", "a\n  <BR> <br />\nb", "a\nb"},
		{"brackets alone", "[not a link] here", "[not a link] here"},
		{"episode heading", "### [Episode title](https://www.youtube.com/watch?v=APvj15_YCqk)", "Episode title"},
		{"timestamp", `said <a class="yt-timestamp" data-t="00:18:28">[00:18:28]</a>.`, "said."},
		{"timestamp mid sentence", `one <a class="yt-timestamp" data-t="00:18:28">[00:18:28]</a> two`, "one two"},
		{"legacy timestamp", `x [00:00:19](<a class="yt-timestamp" data-t="00:00:19">[00:00:19]</a>) y`, "x y"},
		{"html keeps text", "<span>inner</span> and <sup>2</sup>", "inner and 2"},
		{"br", "From: [[acquiredFM]] <br/> next", "From: acquiredFM next"},
		{"script hidden", "a <script>alert(1)</script> b", "a b"},
		{"script over lines", "a <script>\nvar x;\n</script> b", "a\nb"},
		{"html comment", "a <!-- hidden --> b", "a b"},
		{"autolink", "<https://example.com>", "https://example.com"},
		{"not a tag", "a < b > c", "a < b > c"},
		{"entity", "fish &amp; chips&nbsp;today &#8217;", "fish & chips today \u2019"},
		{"not an entity", "a & b &zz;", "a & b &zz;"},
		{"comment", "a %%hidden%% b", "a b"},
		{"comment over lines", "a %%hidden\nstill%% b", "a\nb"},
		{"unclosed comment", "100%% sure\n\nnext", "100%% sure\nnext"},
		{"code span", "use `x *y* [[z]]` here", "use x *y* [[z]] here"},
		{"code span double", "``a ` b``", "a ` b"},
		{"unclosed backticks", "a ` b", "a ` b"},
		{"fenced code", "before\n```go\nfunc  main() {}\n```\nafter", "before\nfunc  main() {}\nafter"},
		{"tilde fence", "~~~\n**kept**\n~~~", "**kept**"},
		{"unclosed fence", "```\ncode", "code"},
		{"thematic break", "a\n\n---\n\nb", "a\nb"},
		{"setext", "Title\n=====\nbody", "Title\nbody"},
		{"table", "| a | b |\n| --- | :-: |\n| c | d |", "a b\nc d"},
		{"escape", `\*not bold\* \[x\]`, "*not bold* [x]"},
		{"non-ASCII", "Ça **va** très bien", "Ça va très bien"},
		{"naïve_word", "naïve_word", "naïve_word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(search.Strip([]byte(tt.src), 0).Plain)
			if got != tt.want {
				t.Errorf("Strip(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestStrip_DropsFrontmatter(t *testing.T) {
	src := []byte("---\ntitle: Secret Title\nvideoId: APvj15_YCqk\n---\n\nBody text.")
	n := vault.ParseNote("a.md", src)
	got := string(search.Strip(src, n.BodyOffset).Plain)
	if got != "Body text." {
		t.Errorf("got %q", got)
	}
}

func TestStrip_SourceOffset(t *testing.T) {
	src := "# Head\n\nSome **bold** words and [[target | an alias]] then <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a> tail &amp; more\n> [!info] Title here"
	text := search.Strip([]byte(src), 0)
	for _, word := range []string{"Head", "Some", "bold", "words", "an alias", "then", "tail", "more", "Title here"} {
		i := bytes.Index(text.Plain, []byte(word))
		if i < 0 {
			t.Fatalf("%q not in %q", word, text.Plain)
		}
		off := text.SourceOffset(i)
		if !strings.HasPrefix(src[off:], word) {
			t.Errorf("SourceOffset of %q = %d, source there is %q", word, off, src[off:min(len(src), off+20)])
		}
	}
	// Replacement text maps to the markup it replaced.
	i := bytes.IndexByte(text.Plain, '&')
	if off := text.SourceOffset(i); !strings.HasPrefix(src[off:], "&amp;") {
		t.Errorf("entity maps to %q", src[off:])
	}
	if off := text.SourceOffset(len(text.Plain) + 10); off < 0 || off > len(src) {
		t.Errorf("offset past the end maps to %d", off)
	}
}

func TestStrip_TextIsNeverLongerThanSource(t *testing.T) {
	// Only entities decode to other bytes, and they are never longer than their reference.
	src := "&amp;&lt;&gt;&quot;&#x1F600; text"
	if got := search.Strip([]byte(src), 0).Plain; len(got) > len(src) {
		t.Errorf("plain %q longer than source", got)
	}
}

func FuzzStrip(f *testing.F) {
	for _, s := range []string{
		"# h\n- [ ] x **b** [[t|a]] [l](d) ![i](s) `c` %%c%%",
		"> [!info]- t\n> <a class=\"yt-timestamp\" data-t=\"1:02\">[1:02]</a>",
		"```\ncode\n```\n<script>\nx\n</script>",
		"[[[[[[[[[[ ]]]] (((( ```` ``` ` %% %% &#; &amp",
		"---\ntitle: x\n---\nbody",
		"\xff\xfe invalid \x00 bytes",
		"<br>\n[[a|A]]\n[t]([[b]]) [ ]( [[c | C]] ) [](<[[d]]>) [[e]] [",
	} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, src []byte, body int) {
		text := search.Strip(src, body)
		if utf8.Valid(src) && !utf8.Valid(text.Plain) {
			t.Errorf("valid UTF-8 %q stripped to invalid %q", src, text.Plain)
		}
		for i := 0; i <= len(text.Plain); i++ {
			if off := text.SourceOffset(i); off < 0 || off > len(src) {
				t.Fatalf("SourceOffset(%d) = %d outside the source of %d bytes", i, off, len(src))
			}
		}
	})
}

// A callout's type is what the renderer takes for one (docs/FORMAT.md §4): letters, digits,
// `-` and `_`. Strip once dropped any `[!...]` as a marker, hiding words the note shows.
func TestStrip_CalloutTypeAsRendered(t *testing.T) {
	tests := []struct{ src, want string }{
		{"> [!my-type_2]+ Title\n> body", "Title\nbody"},
		{"> [!Frågor] Title", "Title"},
		{"> [!my.type] Title", "[!my.type] Title"},
		{"> [!a/b] Title", "[!a/b] Title"},
		{"> [!a:b]- Title", "[!a:b]- Title"},
		// After blank lines of the quote, the marker still opens its first paragraph (found
		// by fuzzing on 2026-12-07); after text, it is text.
		{">\n> \n> [!note] Title\n> body", "Title\nbody"},
		{"> text\n> [!note] Title", "text\n[!note] Title"},
	}
	for _, tt := range tests {
		if got := string(search.Strip([]byte(tt.src), 0).Plain); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
