package markdown_test

import (
	"testing"

	"github.com/yuin/goldmark/ast"

	"vaultview/vault/markdown"
)

// wikilinks returns every Wikilink in the parsed tree, in document order.
func wikilinks(src string) []*markdown.Wikilink {
	doc, _ := parse(src)
	var links []*markdown.Wikilink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*markdown.Wikilink); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	return links
}

func TestWikilink_Forms(t *testing.T) {
	type link struct {
		embed       bool
		target      string
		fragment    string
		alias       string
		hasFragment bool
		raw         string
	}
	cases := []struct {
		name string
		src  string
		want link
	}{
		{"plain", "See [[river_ecology]].",
			link{target: "river_ecology", raw: "[[river_ecology]]"}},
		{"alias", "[[river_ecology|rivers]]",
			link{target: "river_ecology", alias: "rivers", raw: "[[river_ecology|rivers]]"}},
		{"alias with spaces around the pipe", "[[river_ecology | how rivers work]]",
			link{target: "river_ecology", alias: "how rivers work", raw: "[[river_ecology | how rivers work]]"}},
		{"heading", "[[river_ecology#Floods]]",
			link{target: "river_ecology", fragment: "Floods", hasFragment: true, raw: "[[river_ecology#Floods]]"}},
		{"block id", "[[river_ecology#^b42]]",
			link{target: "river_ecology", fragment: "^b42", hasFragment: true, raw: "[[river_ecology#^b42]]"}},
		{"same note heading", "[[#Floods]]",
			link{fragment: "Floods", hasFragment: true, raw: "[[#Floods]]"}},
		{"empty fragment differs from none", "[[river_ecology#]]",
			link{target: "river_ecology", hasFragment: true, raw: "[[river_ecology#]]"}},
		{"heading and alias", "[[ river ecology # Floods | the floods ]]",
			link{target: "river ecology", fragment: "Floods", alias: "the floods", hasFragment: true,
				raw: "[[ river ecology # Floods | the floods ]]"}},
		{"hash after the pipe belongs to the alias", "[[a|b#c]]",
			link{target: "a", alias: "b#c", raw: "[[a|b#c]]"}},
		{"second pipe belongs to the alias", "[[a|b|c]]",
			link{target: "a", alias: "b|c", raw: "[[a|b|c]]"}},
		{"empty alias", "[[a|]]", link{target: "a", raw: "[[a|]]"}},
		{"folder", "[[field/river_ecology]]",
			link{target: "field/river_ecology", raw: "[[field/river_ecology]]"}},
		{"md extension kept", "[[river_ecology.md]]",
			link{target: "river_ecology.md", raw: "[[river_ecology.md]]"}},
		{"spelling with punctuation", "[[Rivers, Deltas & Co.'s notes]]",
			link{target: "Rivers, Deltas & Co.'s notes", raw: "[[Rivers, Deltas & Co.'s notes]]"}},
		{"non-ASCII", "[[Flüsse – Überblick]]",
			link{target: "Flüsse – Überblick", raw: "[[Flüsse – Überblick]]"}},
		{"embed", "![[river_ecology]]",
			link{embed: true, target: "river_ecology", raw: "![[river_ecology]]"}},
		{"embed heading", "![[river_ecology#Floods]]",
			link{embed: true, target: "river_ecology", fragment: "Floods", hasFragment: true, raw: "![[river_ecology#Floods]]"}},
		{"embed image", "![[delta.png]]",
			link{embed: true, target: "delta.png", raw: "![[delta.png]]"}},
		{"embed image size", "![[delta.png|300]]",
			link{embed: true, target: "delta.png", alias: "300", raw: "![[delta.png|300]]"}},
		{"escaped pipe as written in tables", `[[river_ecology\|rivers]]`,
			link{target: "river_ecology", alias: "rivers", raw: `[[river_ecology\|rivers]]`}},
		{"first closing brackets end it", "[[a]]]",
			link{target: "a", raw: "[[a]]"}},
		{"innermost of extra brackets", "[[[a]]]",
			link{target: "a", raw: "[[a]]"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			links := wikilinks(tc.src)
			if len(links) != 1 {
				t.Fatalf("%q: got %d wikilinks, want 1 (tree: %s)", tc.src, len(links), describe(tc.src))
			}
			l := links[0]
			got := link{l.Embed, l.Target, l.Fragment, l.Alias, l.HasFragment, l.Raw}
			if got != tc.want {
				t.Errorf("%q:\ngot  %+v\nwant %+v", tc.src, got, tc.want)
			}
		})
	}
}

func TestWikilink_InContext(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"text around", "From: [[channel]] <br/>", `p("From: " wl(channel) " " html("<br/>"))`},
		{"two on a line", "[[a]] and [[b | B]]", `p(wl(a) " and " wl(b|B))`},
		{"list item", "- [[a]]\n- [[b#c]]", `list(li(tb(wl(a))) li(tb(wl(b#c))))`},
		{"heading", "## About [[a]]", `h2("About " wl(a))`},
		{"block quote", "> see [[a|A]]", `quote(p("see " wl(a|A)))`},
		{"table cell with escaped pipe", "| link | n |\n| - | - |\n| [[a\\|A]] | 1 |",
			`table(thead(td("link") td("n")) tr(td(wl(a|A)) td("1")))`},
		{"inside link text", "[see [[a]]](https://x.org)", `p(link<https://x.org>("see " wl(a)))`},
		{"embed then text", "![[pic.png|300]] caption", `p(!wl(pic.png|300) " caption")`},
		{"bang without link", "Wow! [[a]]", `p("Wow! " wl(a))`},
	})
}

func TestWikilink_NotALink(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"empty", "[[]]", `p("[[]]")`},
		{"only spaces", "[[   ]]", `p("[[   ]]")`},
		{"no close", "[[open and more", `p("[[open and more")`},
		{"close on the next line", "[[split\nlink]]", `p("[[split\nlink]]")`},
		{"bracket inside", "[[a]b]]", `p("[[a]b]]")`},
		{"open bracket inside", "[[a[b]]", `p("[[a[b]]")`},
		{"escaped", `\[[a]]`, `p("\\[[a]]")`},
		{"code span", "`[[a]]` and `![[b]]`", `p(code("[[a]]") " and " code("![[b]]"))`},
		{"fenced code", "```md\n[[a]]\n![[b]]\n```", `codeblock("[[a]]\n![[b]]\n")`},
		{"indented code", "    [[a]]", `codeblock("[[a]]\n")`},
		{"markdown link untouched", "[text](other%20note.md)", `p(link<other%20note.md>("text"))`},
		{"image untouched", "![alt](a.png)", `p(img<a.png>("alt"))`},
		{"single brackets", "[a] and ![b]", `p("[a] and ![b]")`},
		{"markdown link to a name holding a wikilink", "[text]([[a]]x)", `p(link<[[a]]x>("text"))`},
		{"markdown link to an embed", "[text](![[a]])", `p(link<![[a]]>("text"))`},
		{"image whose source is a wikilink", "![alt]([[a.png]])", `p(img<[[a.png]]>("alt"))`},
		{"text on two lines, no destination", "[text]\n([[a]])", `p("[text]\n(" wl(a) ")")`},
	})
}

// A Markdown link whose destination is a wikilink links where the wikilink does, with the
// link's text shown (docs/FORMAT.md §2.2): generated notes write `[text]([[target]])`.
func TestWikilink_WrappedInAMarkdownLink(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"plain", "[Some Topic]([[some_topic]])", `p(mdwl(some_topic|Some Topic))`},
		{"space before the wikilink", "[Some Topic]( [[some_topic]])", `p(mdwl(some_topic|Some Topic))`},
		{"spaces around it", "[t](  [[a]]\t)", `p(mdwl(a|t))`},
		{"in a sentence", "See [the topic]([[some_topic]]) now.", `p("See " mdwl(some_topic|the topic) " now.")`},
		{"spaces in the target", "[text]([[Some Topic Name]])", `p(mdwl(Some Topic Name|text))`},
		{"the text wins over the alias", "[text]([[a | alias]])", `p(mdwl(a|text))`},
		{"blank text keeps the alias", "[ ]([[a | alias]]) and []([[b]])", `p(mdwl(a|alias) " and " mdwl(b))`},
		{"heading", "[text]([[a#Part two]])", `p(mdwl(a#Part two|text))`},
		{"same note heading", "[up]([[#Top]])", `p(mdwl(#Top|up))`},
		{"text with markup", "[*Some* `Topic`]([[a]])", `p(mdwl(a|Some Topic))`},
		{"text with an entity and an escape", `[fish &amp; chips \*]([[a]])`, `p(mdwl(a|fish & chips *))`},
		{"text over two lines", "[two\nlines]([[a]])", `p(mdwl(a|two lines))`},
		{"with a title", "[text]([[a]] \"title\")", `p(mdwl(a|text))`},
		{"in angle brackets", "[text](<[[a b]]>)", `p(mdwl(a b|text))`},
		{"list item", "- [A]([[a]])\n- [B]( [[b]])", `list(li(tb(mdwl(a|A))) li(tb(mdwl(b|B))))`},
		{"table cell", "| x |\n| - |\n| [t]([[a]]) |", `table(thead(td("x")) tr(td(mdwl(a|t))))`},
		{"heading line", "## [Topic]([[a]])", `h2(mdwl(a|Topic))`},
		{"code span keeps it text", "`[t]([[a]])`", `p(code("[t]([[a]])"))`},
	})
	links := wikilinks("[Some Topic]( [[some_topic]]) [*x*]([[b]] \"t\")")
	if len(links) != 2 || links[0].Raw != "[[some_topic]]" || !links[0].Wrapped || links[1].Raw != "[[b]]" || !links[1].Wrapped {
		t.Errorf("Raw and Wrapped: %+v", links)
	}
	if got := describe("[[a]]"); got != `p(wl(a))` {
		t.Errorf("a plain wikilink reads as %s", got)
	}
}
