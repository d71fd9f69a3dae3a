package markdown_test

import "testing"

func TestTag(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"start of paragraph", "#rivers are here", `p(tag(rivers) " are here")`},
		{"after a space", "about #rivers.", `p("about " tag(rivers) ".")`},
		{"nested", "#field/notes/2024 done", `p(tag(field/notes/2024) " done")`},
		{"trailing slash", "see #books/ now", `p("see " tag(books) "/ now")`},
		{"dash and underscore", "#to-do #a_b", `p(tag(to-do) " " tag(a_b))`},
		{"digits with a letter", "#2024review", `p(tag(2024review))`},
		{"unicode", "#Überblick #日本語 #हिन्दी", `p(tag(Überblick) " " tag(日本語) " " tag(हिन्दी))`},
		{"second line", "first\n#second", `p("first\n" tag(second))`},
		{"after a tab", "a\t#b", `p("a\t" tag(b))`},
		{"in a list", "- item #x", `list(li(tb("item " tag(x))))`},
		{"in a table", "| t |\n| - |\n| #x |", `table(thead(td("t")) tr(td(tag(x))))`},
		{"in a block quote line", "> a\n>#b", `quote(p("a\n" tag(b)))`},
		{"in a heading", "## Plans #later", `h2("Plans " tag(later))`},
		{"stops at punctuation", "#a,b #c!", `p(tag(a) ",b " tag(c) "!")`},
	})
}

func TestTag_NotATag(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"heading", "# Rivers", `h1("Rivers")`},
		{"deeper heading", "### Rivers", `h3("Rivers")`},
		{"number", "issue #123, #2024.", `p("issue #123, #2024.")`},
		{"inside a word", "a#b and C#", `p("a#b and C#")`},
		{"lone hash", "a # b", `p("a # b")`},
		{"only slashes", "#/ and #//", `p("#/ and #//")`},
		{"link fragment", "[a](#x) and [b](note.md#y)", `p(link<#x>("a") " and " link<note.md#y>("b"))`},
		{"url fragment", "https://x.org/#y", `p(auto<https://x.org/#y>)`},
		{"wikilink heading", "[[a#b]] [[#c]]", `p(wl(a#b) " " wl(#c))`},
		{"code span", "`#x`", `p(code("#x"))`},
		{"fenced code", "```\n#x\n```", `codeblock("#x\n")`},
		{"escaped", `\#x`, `p("\\#x")`},
		{"after punctuation", "(#x) \"#y\"", `p("(#x) \"#y\"")`},
	})
}
