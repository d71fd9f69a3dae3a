package search_test

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vaultview/vault"
	"vaultview/vault/markdown"
	"vaultview/vault/search"
)

// Strip reads a note with a line scanner of its own, fast enough to index a whole vault; the
// note view reads it with goldmark (vault/markdown). The tests below hold the two to the same
// words: the words Strip keeps, case folded, are the words of the text goldmark's tree
// yields, read the way the renderer shows each node. Only words are compared: where white
// space and punctuation go is Strip's own affair.

// goldmarkWords returns the words of body as the note view shows them.
func goldmarkWords(body []byte) []string {
	doc := markdown.New().Parser().Parse(text.NewReader(body))
	var b strings.Builder
	hiding := "" // the element whose content the note view hides, open in raw HTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hiding != "" && entering && n.Type() == ast.TypeInline {
			if raw, ok := n.(*ast.RawHTML); ok && strings.HasPrefix(strings.ToLower(string(rawValue(raw, body))), "</"+hiding) {
				hiding = ""
			}
			return ast.WalkSkipChildren, nil
		}
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			// As the note view does (widgets/render.go, unescape).
			b.WriteString(html.UnescapeString(string(util.UnescapePunctuations(n.Segment.Value(body)))))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(body))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(n.Label(body))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(body))
			}
		case *ast.HTMLBlock:
			// The note view drops the tags and keeps the text between (docs/FORMAT.md §5.2).
			var raw []byte
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				raw = append(raw, seg.Value(body)...)
			}
			if n.HasClosure() {
				raw = append(raw, n.ClosureLine.Value(body)...)
			}
			b.WriteString(html.UnescapeString(htmlTagRE.ReplaceAllString(string(raw), " ")))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			raw := string(rawValue(n, body))
			if m := hiddenOpenRE.FindStringSubmatch(raw); m != nil {
				hiding = strings.ToLower(m[1])
			}
			if breakingRE.MatchString(raw) {
				b.WriteByte(' ') // a line break, or a block starting on a new line
			}
			return ast.WalkSkipChildren, nil
		case *markdown.MathInline:
			// A formula's TeX is searchable, as written (docs/FORMAT.md §5.6).
			b.WriteString(" " + n.TeX + " ")
			return ast.WalkSkipChildren, nil
		case *markdown.MathBlock:
			b.WriteString(n.TeX(body))
			return ast.WalkSkipChildren, nil
		case *markdown.Timestamp, *markdown.Comment:
			return ast.WalkSkipChildren, nil
		case *extast.FootnoteLink:
			fmt.Fprintf(&b, " %d ", n.Index)
		case *extast.Footnote:
			fmt.Fprintf(&b, " %d ", n.Index)
		case *markdown.Tag:
			b.WriteString("#" + n.Name)
		case *markdown.Wikilink:
			b.WriteString(wikilinkLabel(n))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return words(b.String())
}

// hiddenOpenRE matches an open tag whose content the note view never shows (§5.2).
var hiddenOpenRE = regexp.MustCompile(`(?i)^<(script|style|iframe|object|noscript|template)\b`)

// breakingRE matches the tags that break the line in the note view (§5.2).
var breakingRE = regexp.MustCompile(`(?i)^</?(br|p|div|li|td|th|tr)\b`)

func rawValue(n *ast.RawHTML, body []byte) []byte {
	var v []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		v = append(v, seg.Value(body)...)
	}
	return v
}

var htmlTagRE = regexp.MustCompile(`(?s)<!--.*?-->|<script.*?</script>|<style.*?</style>|<[^>]*>`)

// wikilinkLabel is what a link shows (docs/FORMAT.md §2.3), without the ` › ` between the
// target and its heading, and without a block id.
func wikilinkLabel(w *markdown.Wikilink) string {
	if w.Alias != "" && !(w.Embed && isSize(w.Alias)) {
		return w.Alias
	}
	target := w.Target
	if len(target) > 3 && strings.EqualFold(target[len(target)-3:], ".md") {
		target = target[:len(target)-3]
	}
	if w.Fragment != "" && !strings.HasPrefix(w.Fragment, "^") {
		return target + " " + w.Fragment
	}
	return target
}

func isSize(s string) bool {
	return strings.Trim(s, "0123456789x") == "" && strings.ContainsAny(s, "0123456789")
}

// words splits s into runs of letters, digits and marks, lower-cased.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// stripWords returns the words Strip keeps of a note.
func stripWords(src []byte) (strip, goldmark []string) {
	body := vault.ParseNote("n.md", src).BodyOffset
	return words(string(search.Strip(src, body).Plain)), goldmarkWords(src[body:])
}

// differentialCorpus is the test notes of the repository and a few forms of each markup.
func differentialCorpus(t *testing.T) map[string][]byte {
	corpus := map[string][]byte{}
	for _, root := range []string{"../testdata/vaults", "../../widgets/testdata/noteview/vault"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			corpus[path] = b
			return nil
		})
	}
	for i, s := range differentialSeeds {
		corpus["seed "+string(rune('A'+i))+": "+s] = []byte(s)
	}
	return corpus
}

var differentialSeeds = []string{
	"# Heading ##\n\nSome **bold**, *it*, __b__, _i_, ~~gone~~ ==marked== words.",
	"- a\n    - b\n        1. c\n- [ ] todo\n- [x] done",
	"> quoted\n> > deeper",
	"> [!info]- A callout title\n> Callout body.",
	"> [!my.type] Not a callout\n> body",
	"see [[Target Note]], [[t|an alias]], [[note#Some Heading]], [[note#^abc]], [[f/n.md]] ![[img.png|300]]",
	"[link text](https://example.com/x_(y)) ![alt text](pic.png) [the topic]([[some_topic]])",
	// A destination that starts with a wikilink and goes on is an ordinary one (fuzz).
	"[x]( [[0]]0) y and []( [[0]]0) and ![[]( [[0]]0)0000000 and []( [[a|b]] \"t\") and ![]([[0]]) z",
	"said <a class=\"yt-timestamp\" data-t=\"00:18:28\">[00:18:28]</a>. [00:00:19](<a class=\"yt-timestamp\" data-t=\"00:00:19\">[00:00:19]</a>)",
	"<span>inner</span> and <sup>2</sup> <https://example.com>",
	"fish &amp; chips &#8217; a %%hidden%% b `code *x*` ``a ` b``",
	"```go\nfunc  main() {}\n```\n\n~~~\n**kept**\n~~~",
	"Title\n=====\nbody\n\n---\n\n| a | b |\n| --- | :-: |\n| c | d |",
	"\\*not bold\\* \\[x\\] Ça **va** très naïve_word snake_case #tag #2024 issue#12",
	"Intro\n\n<br>\n[[a_topic|A Topic]]\n[[b_topic | B Topic]]",
	"---\ntitle: Secret\n---\n\nBody text.",
	"Speed $v = \\frac{d}{t}$ from $5 to $10.\n\n$$\nE = mc^2 \\\\ \\omega\n$$\n",
}

// knownDifferences lists the corpus entries where Strip and goldmark keep different words,
// each with the reason; the test fails when a listed entry comes to agree, so the list stays
// true. A deliberate difference belongs here, with its reason, never in a weaker comparison.
var knownDifferences = map[string]string{}

func TestStrip_WordsMatchGoldmark(t *testing.T) {
	for name, src := range differentialCorpus(t) {
		strip, gm := stripWords(src)
		same := slices.Equal(strip, gm)
		reason, known := knownDifferences[name]
		switch {
		case !same && !known:
			t.Errorf("%s: Strip and goldmark disagree\n strip %q\n  gold %q", name, strip, gm)
		case same && known:
			t.Errorf("%s: listed as a known difference (%s) but now agrees: drop it from the list", name, reason)
		}
	}
}

// FuzzStripMatchesGoldmark holds Strip to goldmark's words on any note, as FuzzScanner holds
// the indexer's scanner to goldmark's links.
func FuzzStripMatchesGoldmark(f *testing.F) {
	for _, s := range differentialSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 || len(src) > 4096 {
			return // the loader makes such bytes U+FFFD first (docs/FORMAT.md §1.1)
		}
		if reason := outsideDifferentialDomain(src); reason != "" {
			t.Skip(reason)
		}
		strip, gm := stripWords(src)
		if !slices.Equal(strip, gm) {
			t.Errorf("Strip and goldmark disagree on %q\n strip %q\n  gold %q", src, strip, gm)
		}
	})
}

// outsideDifferentialDomain names the known difference src may run into, or returns "".
func outsideDifferentialDomain(src []byte) string {
	for _, d := range knownFuzzDifferences {
		if d.holds(src) {
			return d.reason
		}
	}
	return ""
}

// knownFuzzDifferences are the forms where Strip, reading one line at a time and pairing no
// delimiters, keeps other words than goldmark. Each is a limit of Strip's design, not a
// choice; fixing one means deleting its entry here.
var knownFuzzDifferences = []struct {
	reason string
	holds  func([]byte) bool
}{
	{"emphasis, strikethrough and highlight delimiters are dropped unpaired (`0==00`)", containsAny("*_~=")},
	{"a line indented four spaces or a tab may be indented code or a list item's next line: " +
		"Strip keeps no block state to tell, and reads markup there (`    0)` loses its `0`)", indented},
	{"a full reference link `[text][ref]` is a link only when ref is defined somewhere in the note; " +
		"Strip, reading a line at a time, always shows it as a link (text only)", containsString("][")},
	{"an ordered list marker not numbered 1, or an empty item, cannot start a list inside a " +
		"paragraph, but can add an item to an open list: Strip knows neither and always drops the " +
		"marker (`0\\n  0) x`, `0\\n1)`)", orderedNotOne},
	{"a line starting with an HTML tag may open an HTML block, whose lines up to a blank one are " +
		"raw: goldmark shows their markup as written (`<A>\\n[[c|c]]`), while Strip, keeping no block " +
		"state, reads it; a `<p` of a line alone is text to Strip", htmlBlockLine},
	{"a raw HTML tag may go on over lines; Strip reads one line at a time and shows such a tag as text", tagOverLines},
	{"a list item whose text starts five spaces after its marker starts with indented code; " +
		"Strip does not tell", codeInItem},
	{"a numeric reference (`&#70;`) ending a paragraph is split by goldmark into the texts `&` and " +
		"`#70;` (the `#` triggers the tag parser), so the note view shows it as written: a quirk of " +
		"the renderer, not of Strip", containsString("&#")},
	{"a character reference without its `;` (`&not0`): the note view decodes it as a browser " +
		"does, Strip keeps it as written", referenceWithoutSemicolon},
	{"goldmark's task list takes `[x]` opening a heading in a list item (`- # [x] a`) for a " +
		"task box; Strip does not", headingTaskRE.Match},
	{"a link reference definition (`[x]: dest`, also in a quote or list item) is hidden; Strip, " +
		"which cannot tell one from paragraph text without block state, shows it", definitionRE.Match},
	{"a lone carriage return ends a line to goldmark, not to Strip (the scanner gives up there)", loneCR},
	{"a code span may go on over lines (`0`0\\n``); Strip reads them on one line", codeOverLines},
	{"a link's text or destination may go on over lines (`[a\\nb](0)`, `[](0\\n)`, found by " +
		"fuzzing on 2026-12-07); Strip reads one line at a time and shows such a link's markup as " +
		"text, with the destination's words", linkOverLines},
	{"a formula (`$…$`) is TeX, not Markdown, so a link's markup inside one is text " +
		"(`$$[]($A000)`, found by fuzzing on 2026-12-07); Strip does not look for formulas, and " +
		"reads the link", mathAndLink},
	{"a comment over lines between two words joins them in the note view (`0%%\\n%%0` shows " +
		"`00`, found by fuzzing on 2026-12-07); Strip keeps them apart", commentOverLines},
	{"a table row with more cells than its header: goldmark drops the extra cells, Strip, " +
		"which does not count the header's, keeps them", hasTable},
	{"a line of `-` or `=` under a task item's line makes it a setext heading, whose `[x]` is " +
		"text (`+ [X]\\n-- `); Strip, reading a line at a time, drops it as a task box", setextTask},
	{"a link inside a link's text makes the outer brackets plain text (`[[]()](0)` shows `0`); " +
		"Strip pairs brackets without looking inside them", linkInLinkText},
	{"a declaration, processing instruction or CDATA section may go on over lines; Strip reads " +
		"one line at a time and shows such a one as text", containsAnyString("<!", "<?")},
	{"a bare address (GFM's autolinks) shows as written up to where GFM ends it, which is intricate; " +
		"Strip reads markup inside it (`https://x.aaa#[](0)` loses its `0`), as the scanner gives up there", markupInBareAddress},
}

// setextTaskRE: a task box line followed by a possible setext underline.
var setextTaskRE = regexp.MustCompile(`(?m)\[[ xX]\].*\n[ >]*(?:[-+*][ >]+)*[ ]{0,3}(?:-+|=+)[ \t]*$`)

func setextTask(b []byte) bool { return setextTaskRE.Match(b) }

// linkInLinkText: a `[` whose text, before its `]`, holds `](` or `][` (another link).
var linkInLinkTextRE = regexp.MustCompile(`\[[^\n]*\]\(|\[[^\n]*\]\[`)

func linkInLinkText(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		for i := bytes.IndexByte(line, '['); i >= 0; {
			rest := line[i+1:]
			if j := bytes.LastIndexByte(rest, ']'); j >= 0 && linkInLinkTextRE.Match(rest[:j]) {
				return true
			}
			k := bytes.IndexByte(rest, '[')
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

func indented(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimLeft(line, ">")
		if bytes.HasPrefix(bytes.TrimLeft(line, "> "), []byte("\t")) || len(line)-len(bytes.TrimLeft(line, " ")) >= 4 || bytes.Contains(line, []byte("\t")) {
			return true
		}
	}
	return false
}

func orderedNotOne(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimRight(bytes.TrimLeft(line, "> "), "\r")
		for range 4 {
			w, ordered, one := markdown.ListMarker(line)
			if ordered && !one || w > 0 && len(bytes.TrimSpace(line[w:])) == 0 {
				return true
			}
			if w == 0 {
				break
			}
			line = bytes.TrimLeft(line[w:], " ")
		}
	}
	return false
}

func tagOverLines(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		for i := bytes.IndexByte(line, '<'); i >= 0; {
			if _, _, res := markdown.MatchHTMLTag(line[i:]); res == markdown.HTMLTagNeedsMore {
				return true
			}
			k := bytes.IndexByte(line[i+1:], '<')
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

func markupInBareAddress(b []byte) bool {
	for _, tok := range bytes.Fields(b) {
		if (bytes.Contains(tok, []byte("://")) || bytes.Contains(bytes.ToLower(tok), []byte("www.")) || bytes.IndexByte(tok, '@') >= 0) &&
			bytes.ContainsAny(tok, "[]<`\\%*_~=!&|") {
			return true
		}
	}
	return false
}

func codeInItem(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimRight(bytes.TrimLeft(line, "> "), "\r")
		for range 4 {
			w, _, _ := markdown.ListMarker(line)
			if w == 0 {
				break
			}
			line = line[w:]
			if len(line)-len(bytes.TrimLeft(line, " ")) >= 5 {
				return true
			}
			line = bytes.TrimLeft(line, " ")
		}
	}
	return false
}

func referenceWithoutSemicolon(b []byte) bool {
	for _, m := range referenceRE.FindAll(b, -1) {
		if m[len(m)-1] != ';' {
			return true
		}
	}
	return false
}

var referenceRE = regexp.MustCompile(`&#?[0-9A-Za-z]*;?`)

var headingTaskRE = regexp.MustCompile(`(?m)^[ >]*([-+*]|\d{1,9}[.)])[ \t]+#{1,6}[ \t]+\[[ \txX]\]`)

// definitionRE finds a line that may be a link reference definition, in a quote or a list
// item too (`+ [0]:0`).
var definitionRE = regexp.MustCompile(`(?m)^[ >]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ >]+)*\[[^\]]*\]:`)

func loneCR(b []byte) bool {
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			return true
		}
	}
	return false
}

// linkOverLines: a `[` with no `]` after it on its line and a `](` or `][` on a later line, or
// a `](` with no `)` after it on its line and a `)` on a later line.
func linkOverLines(b []byte) bool {
	text, dest := false, false
	for _, line := range bytes.Split(b, []byte("\n")) {
		if text && (bytes.Contains(line, []byte("](")) || bytes.Contains(line, []byte("]["))) ||
			dest && bytes.IndexByte(line, ')') >= 0 {
			return true
		}
		if i := bytes.LastIndexByte(line, '['); i >= 0 && bytes.IndexByte(line[i:], ']') < 0 {
			text = true
		}
		if i := bytes.LastIndex(line, []byte("](")); i >= 0 && bytes.IndexByte(line[i:], ')') < 0 {
			dest = true
		}
	}
	return false
}

// mathAndLink: a `$` and a link's `](` on one line.
func mathAndLink(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		if bytes.IndexByte(line, '$') >= 0 && bytes.Contains(line, []byte("](")) {
			return true
		}
	}
	return false
}

func commentOverLines(b []byte) bool {
	return bytes.Contains(b, []byte("%%")) && bytes.IndexByte(b, '\n') >= 0
}

func codeOverLines(b []byte) bool {
	return bytes.IndexByte(b, '`') >= 0 && bytes.IndexByte(b, '\n') >= 0
}

func hasTable(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		if vault.TableDelimiterRow(bytes.TrimLeft(line, "> ")) {
			return true
		}
	}
	return false
}

func containsAnyString(ss ...string) func([]byte) bool {
	return func(b []byte) bool {
		for _, s := range ss {
			if bytes.Contains(b, []byte(s)) {
				return true
			}
		}
		return false
	}
}

func htmlBlockLine(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimLeft(line, "> ")
		if len(line) > 0 && line[0] == '<' && !markdown.IsLineBreakLine(line) {
			return true
		}
	}
	return false
}

func containsString(s string) func([]byte) bool {
	return func(b []byte) bool { return bytes.Contains(b, []byte(s)) }
}

func containsAny(chars string) func([]byte) bool {
	return func(b []byte) bool { return bytes.ContainsAny(b, chars) }
}
