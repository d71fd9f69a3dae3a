package markdown_test

import (
	"testing"

	"vaultview/vault/markdown"
)

// A line of `<br>` tags alone is a line break: the Markdown under it stays Markdown
// (docs/FORMAT.md §5.1). CommonMark would open an HTML block there and show the links as text.
func TestLineBreakLine_KeepsTheLinesBelowMarkdown(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"links under a br line", "Intro\n\n<br>\n[[a_topic|A Topic]]\n[[b_topic|B Topic]]",
			`p("Intro") p(html("<br>") "\n" wl(a_topic|A Topic) "\n" wl(b_topic|B Topic))`},
		{"self-closing", "<br/>\n[[a|A]]", `p(html("<br/>") "\n" wl(a|A))`},
		{"self-closing with a space", "<br />\n[[a|A]]", `p(html("<br />") "\n" wl(a|A))`},
		{"upper case", "<BR>\n[[a|A]]", `p(html("<BR>") "\n" wl(a|A))`},
		{"several tags and spaces", "  <br> <br/>\t<Br />  \n[[a|A]]",
			`p(html("<br>") " " html("<br/>") "\t" html("<Br />") "\n" wl(a|A))`},
		{"first line of the note", "<br>\n**bold** [[a]]", `p(html("<br>") "\n" strong("bold") " " wl(a))`},
		{"after a heading, above a list", "## Related\n<br>\n- [[a|A]]\n- [[b|B]]",
			`h2("Related") p(html("<br>")) list(li(tb(wl(a|A))) li(tb(wl(b|B))))`},
		{"in a block quote", "> <br>\n> [[a|A]]", `quote(p(html("<br>") "\n" wl(a|A)))`},
		{"in a list item", "- item\n\n  <br>\n  [[a|A]]", `list(li(p("item") p(html("<br>") "\n" wl(a|A))))`},
		{"inside a paragraph", "text\n<br>\n[[a|A]]", `p("text\n" html("<br>") "\n" wl(a|A))`},
		{"CRLF", "<br>\r\n[[a|A]]\r\n", `p(html("<br>") "\n" wl(a|A))`},
		{"blank line ends it", "<br>\n\n[[a]]", `p(html("<br>")) p(wl(a))`},
		{"indented four spaces is code", "    <br>\n[[a]]", `codeblock("<br>\n") p(wl(a))`},
		{"other tags still open HTML blocks", "<span>\n[[a]]", `htmlblock("<span>\n[[a]]")`},
		{"block tags too", "<div>\n<br>\n[[a]]\n</div>", `htmlblock("<div>\n<br>\n[[a]]\n</div>")`},
		{"a br tag with attributes is not a plain line break", "<br class=\"x\">\n[[a]]",
			`htmlblock("<br class=\"x\">\n[[a]]")`},
	})
}

func TestIsLineBreakLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"<br>", true}, {"<br/>\n", true}, {"<br />\r\n", true}, {"<BR>", true}, {"<bR/>", true},
		{"   <br>  <br/> ", true}, {"<br>\t", true}, {"<br >", true},
		{"", false}, {"   ", false}, {"<br> x", false}, {"x <br>", false}, {"<br", false},
		{"<br/ >", false}, {"</br>", false}, {"<brx>", false}, {"<b>", false}, {"<br class=x>", false},
		{"<br><span>", false},
	} {
		if got := markdown.IsLineBreakLine([]byte(tc.line)); got != tc.want {
			t.Errorf("IsLineBreakLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
