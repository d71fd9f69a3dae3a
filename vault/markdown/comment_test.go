package markdown_test

import "testing"

func TestComment(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"inline", "shown %%hidden%% shown", `p("shown " comment " shown")`},
		{"whole paragraph", "%%hidden%%", `p(comment)`},
		{"empty", "a %%%% b", `p("a " comment " b")`},
		{"across lines of a paragraph", "a %%one\ntwo%% b", `p("a " comment " b")`},
		{"hides syntax", "%%[[a]] #b " + anchor("00:00:01", "[1]") + " ==c==%%", `p(comment)`},
		{"two", "%%a%% x %%b%%", `p(comment " x " comment)`},
		{"in a callout body", "> [!note]\n> a %%b%% c", `callout[note](title() p("a " comment " c"))`},
		{"in a list", "- a %%b%%", `list(li(tb("a " comment)))`},
		{"in a block quote across lines", "> a %%b\n> c%% d", `quote(p("a " comment " d"))`},
	})
}

func TestComment_NotAComment(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"unclosed", "a %%b", `p("a %%b")`},
		{"closed in another block", "%%a\n\nb%%", `p("%%a") p("b%%")`},
		{"single percent", "50% of 20%", `p("50% of 20%")`},
		{"code span", "`%%a%%`", `p(code("%%a%%"))`},
		{"fenced code", "```\n%%a%%\n```", `codeblock("%%a%%\n")`},
		{"unclosed then more", "%%a %%b%%", `p(comment "b%%")`},
	})
}
