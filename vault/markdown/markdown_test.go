package markdown_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"vaultview/vault/markdown"
)

// md is shared by every test, the way the indexer and the renderer share one.
var md = markdown.New()

func parse(src string) (ast.Node, []byte) {
	source := []byte(src)
	return md.Parser().Parse(text.NewReader(source)), source
}

// describe parses src and returns its tree in a compact notation that tests compare as a
// whole: blocks as name(children), runs of text as one quoted string (a soft line break is
// a "\n" in it), our nodes as wl(...), ts(...), tag(...), mark(...), comment, callout[...].
func describe(src string) string {
	doc, source := parse(src)
	return describeNode(doc, source)
}

func describeNode(n ast.Node, source []byte) string {
	return strings.Join(describeChildren(n, source), " ")
}

func describeChildren(n ast.Node, source []byte) []string {
	var parts []string
	var run strings.Builder
	inRun := false
	flush := func() {
		if inRun {
			parts = append(parts, fmt.Sprintf("%q", run.String()))
			run.Reset()
			inRun = false
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			run.Write(c.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				run.WriteByte('\n')
			}
			inRun = true
		case *ast.String:
			run.Write(c.Value)
			inRun = true
		default:
			flush()
			parts = append(parts, describeOne(c, source))
		}
	}
	flush()
	return parts
}

func wrap(name string, n ast.Node, source []byte) string {
	return name + "(" + describeNode(n, source) + ")"
}

func describeOne(n ast.Node, source []byte) string {
	switch n := n.(type) {
	case *markdown.Wikilink:
		return describeWikilink(n)
	case *markdown.Timestamp:
		return describeTimestamp(n)
	case *markdown.Tag:
		return "tag(" + n.Name + ")"
	case *markdown.Highlight:
		return wrap("mark", n, source)
	case *markdown.Comment:
		return "comment"
	case *markdown.Callout:
		fold := ""
		if n.Fold != 0 {
			fold = string(rune(n.Fold))
		}
		return wrap("callout["+n.CalloutType+fold+"]", n, source)
	case *markdown.CalloutTitle:
		return wrap("title", n, source)
	case *ast.Paragraph:
		return wrap("p", n, source)
	case *ast.TextBlock:
		return wrap("tb", n, source)
	case *ast.Heading:
		return wrap(fmt.Sprintf("h%d", n.Level), n, source)
	case *ast.Blockquote:
		return wrap("quote", n, source)
	case *ast.List:
		return wrap("list", n, source)
	case *ast.ListItem:
		return wrap("li", n, source)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return fmt.Sprintf("codeblock(%q)", linesOf(n, source))
	case *ast.HTMLBlock:
		return fmt.Sprintf("htmlblock(%q)", linesOf(n, source))
	case *ast.ThematicBreak:
		return "hr"
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Value(source))
			}
		}
		return fmt.Sprintf("code(%q)", b.String())
	case *ast.Emphasis:
		if n.Level == 2 {
			return wrap("strong", n, source)
		}
		return wrap("em", n, source)
	case *ast.Link:
		return "link<" + string(n.Destination) + ">(" + describeNode(n, source) + ")"
	case *ast.Image:
		return "img<" + string(n.Destination) + ">(" + describeNode(n, source) + ")"
	case *ast.AutoLink:
		return "auto<" + string(n.URL(source)) + ">"
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(source))
		}
		return fmt.Sprintf("html(%q)", b.String())
	case *east.Strikethrough:
		return wrap("del", n, source)
	case *east.TaskCheckBox:
		if n.IsChecked {
			return "[x]"
		}
		return "[ ]"
	case *east.Table:
		return wrap("table", n, source)
	case *east.TableHeader:
		return wrap("thead", n, source)
	case *east.TableRow:
		return wrap("tr", n, source)
	case *east.TableCell:
		return wrap("td", n, source)
	case *east.FootnoteLink:
		return fmt.Sprintf("fn(%d)", n.Index)
	case *east.FootnoteBacklink:
		return fmt.Sprintf("fnback(%d)", n.Index)
	case *east.FootnoteList:
		return wrap("footnotes", n, source)
	case *east.Footnote:
		return wrap("footnote", n, source)
	}
	return wrap(n.Kind().String(), n, source)
}

func describeWikilink(n *markdown.Wikilink) string {
	var b strings.Builder
	if n.Embed {
		b.WriteByte('!')
	}
	if n.Wrapped {
		b.WriteString("md") // `[text]([[target]])`
	}
	b.WriteString("wl(")
	b.WriteString(n.Target)
	if n.HasFragment {
		b.WriteString("#" + n.Fragment)
	}
	if n.Alias != "" {
		b.WriteString("|" + n.Alias)
	}
	b.WriteString(")")
	return b.String()
}

func describeTimestamp(n *markdown.Timestamp) string {
	name := "ts"
	if n.Legacy {
		name = "legacy-ts"
	}
	secs := "invalid"
	if n.Valid {
		secs = fmt.Sprint(n.Seconds)
	}
	return fmt.Sprintf("%s(%s,%s,%s)", name, n.Value, n.Label, secs)
}

func linesOf(n ast.Node, source []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(source))
	}
	return b.String()
}

// treeCase is one row of the table tests: Markdown in, describe's notation out.
type treeCase struct {
	name string
	src  string
	want string
}

func runTreeCases(t *testing.T, cases []treeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := describe(tc.src); got != tc.want {
				t.Errorf("source:\n%s\ngot:  %s\nwant: %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestNew_CommonMarkAndGFM(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"heading and emphasis", "## Big *idea*\n\nSome **bold** text.",
			`h2("Big " em("idea")) p("Some " strong("bold") " text.")`},
		{"table", "| a | b |\n| - | - |\n| 1 | 2 |",
			`table(thead(td("a") td("b")) tr(td("1") td("2")))`},
		{"strikethrough", "~~gone~~ here", `p(del("gone") " here")`},
		{"linkify", "see https://example.com/x now", `p("see " auto<https://example.com/x> " now")`},
		{"task list", "- [ ] open\n- [x] done", `list(li(tb([ ] "open")) li(tb([x] "done")))`},
		{"footnote", "Claim.[^1]\n\n[^1]: Source.",
			`p("Claim." fn(1)) footnotes(footnote(p("Source." fnback(1))))`},
		{"fenced code", "```\n[[x]] #y\n```", `codeblock("[[x]] #y\n")`},
		{"link to a note", "[other](other%20note.md)", `p(link<other%20note.md>("other"))`},
		{"image", "![alt](pics/a.png)", `p(img<pics/a.png>("alt"))`},
		{"raw html kept for the renderer", "a <br/> b <sup>2</sup>",
			`p("a " html("<br/>") " b " html("<sup>") "2" html("</sup>"))`},
		{"soft line break", "one\ntwo", `p("one\ntwo")`},
	})
}

// Custom attributes must stay off: `{...}` after a heading is text in real notes.
func TestNew_NoAttributeSyntax(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"heading braces", "## Costs {#money}", `h2("Costs {#money}")`},
	})
	doc, _ := parse("## Costs {#money}")
	if attrs := doc.FirstChild().Attributes(); len(attrs) != 0 {
		t.Errorf("heading has attributes %v, want none", attrs)
	}
}

func TestExtension_AddsToAnotherConfig(t *testing.T) {
	other := goldmark.New(goldmark.WithExtensions(markdown.Extension()))
	source := []byte("> [!tip] Hint\n> See [[note#Part|it]] at <a class=\"yt-timestamp\" data-t=\"01:02\">[01:02]</a> #todo ==now== %%x%%")
	doc := other.Parser().Parse(text.NewReader(source))
	got := describeNode(doc, source)
	want := `callout[tip](title("Hint") p("See " wl(note#Part|it) " at " ts(01:02,01:02,62) " " tag(todo) " " mark("now") " " comment))`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// One Markdown serves many goroutines (indexer workers and the renderer); -race checks it.
func TestNew_ConcurrentParse(t *testing.T) {
	src := sampleNote()
	want := describe(src)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := describe(src); got != want {
					t.Errorf("concurrent parse differs:\n%s\nvs\n%s", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// sampleNote is a note in the shape of a generated vault (docs/FORMAT.md §1), body only.
func sampleNote() string {
	var b strings.Builder
	b.WriteString("From: [[lecture_channel]] <br/>\n")
	b.WriteString("The speaker opens with [[river_ecology | how rivers move sediment]] and sets out the plan ")
	b.WriteString("<a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a>.\n\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "## Part %d\n\n", i)
		fmt.Fprintf(&b, "A paragraph about [[topic_%d]] with ==a highlight== and #field-notes, ", i)
		fmt.Fprintf(&b, "then a claim <a class=\"yt-timestamp\" data-t=\"00:%02d:%02d\">[00:%02d:%02d]</a>.\n\n", i, i*2%60, i, i*2%60)
		b.WriteString("- a point with [[other note#Section]]\n- another %%editor note%% point\n\n")
	}
	b.WriteString("> [!info] Key figure\n> Roughly 40% of the flow <a class=\"yt-timestamp\" data-t=\"00:40:00\">[00:40:00]</a>.\n")
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	source := []byte(sampleNote())
	p := md.Parser()
	b.SetBytes(int64(len(source)))
	for b.Loop() {
		p.Parse(text.NewReader(source))
	}
}

// FuzzParse feeds arbitrary text through New: nothing may panic, and our nodes must keep
// their invariants wherever they end up in the tree.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		sampleNote(),
		"[[a|b]] ![[c#d|300]] [[#e]] [[f\\|g]]",
		"[0:1](<a class=\"yt-timestamp\" data-t=\"0:1\">[0:1]</a>) <a class=yt-timestamp data-t='1:2:3:4'>x",
		"> [!note]+ t\n> > [!tip]-\n> > x\n>\n> | a |\n> | - |\n> | b |",
		"> [!x] T\n> ---\n",
		"#a #1 a#b ==x== ===y=== %%a\nb%% %%c",
		"* [[x\n]] `[[y]]` <a\nclass=\"yt-timestamp\">",
		"- > [!q]\n  > body\n\t> [!w]\tt",
		"## Related\n\n<br/>\n[[a_b|A B]]\n<BR> <br />\n- [[c|C]]",
		"[t]([[a]]) [t]( [[b | B]] ) [*t*]([[c#h]] \"x\") [](<[[d e]]>) [x](![[f]]) ![i]([[g]])",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, source := parse(src)
		err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *markdown.Wikilink:
				if !strings.Contains(src, n.Raw) || !strings.HasSuffix(n.Raw, "]]") {
					return ast.WalkStop, fmt.Errorf("wikilink Raw %q is not a link from the source", n.Raw)
				}
				if n.FirstChild() != nil {
					return ast.WalkStop, fmt.Errorf("wikilink %q has children", n.Raw)
				}
			case *markdown.Timestamp:
				if n.Valid && n.Seconds < 0 {
					return ast.WalkStop, fmt.Errorf("timestamp %q: negative seconds", n.Value)
				}
			case *markdown.Tag:
				if n.Name == "" || strings.HasSuffix(n.Name, "/") {
					return ast.WalkStop, fmt.Errorf("bad tag name %q", n.Name)
				}
			case *markdown.Callout:
				if _, ok := n.FirstChild().(*markdown.CalloutTitle); !ok {
					return ast.WalkStop, fmt.Errorf("callout %q does not start with its title", n.CalloutType)
				}
				if n.CalloutType != strings.ToLower(n.CalloutType) {
					return ast.WalkStop, fmt.Errorf("callout type %q not lower-cased", n.CalloutType)
				}
			case *markdown.CalloutTitle:
				if _, ok := n.Parent().(*markdown.Callout); !ok {
					return ast.WalkStop, fmt.Errorf("callout title outside a callout")
				}
			case *ast.Blockquote:
				if _, ok := n.FirstChild().(*markdown.CalloutTitle); ok {
					return ast.WalkStop, fmt.Errorf("block quote left with a callout title")
				}
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		_ = describeNode(doc, source)
	})
}
