package markdown_test

import "testing"

func TestCallout(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"title and body", "> [!info] Money matters\n> Profit rose.",
			`callout[info](title("Money matters") p("Profit rose."))`},
		{"no title", "> [!note]\n> Body.", `callout[note](title() p("Body."))`},
		{"title only", "> [!quote] Just this", `callout[quote](title("Just this"))`},
		{"bare", "> [!todo]", `callout[todo](title())`},
		{"type lower-cased", "> [!WARNING] Careful", `callout[warning](title("Careful"))`},
		{"mixed case", "> [!Tip] t", `callout[tip](title("t"))`},
		{"unknown type kept", "> [!my-type_2] t", `callout[my-type_2](title("t"))`},
		{"folded", "> [!faq]- Why?\n> Because.", `callout[faq-](title("Why?") p("Because."))`},
		{"foldable open", "> [!example]+ Open\n> Shown.", `callout[example+](title("Open") p("Shown."))`},
		{"fold without title", "> [!bug]-\n> x", `callout[bug-](title() p("x"))`},
		{"no space before the title", "> [!info]Title", `callout[info](title("Title"))`},
		{"title with inlines", "> [!info] See [[a|A]] *now* #t " + anchor("00:00:02", "[00:00:02]"),
			`callout[info](title("See " wl(a|A) " " em("now") " " tag(t) " " ts(00:00:02,00:00:02,2)))`},
		{"emphasis cannot leak from the title", "> [!info] *open\n> close*",
			`callout[info](title("*open") p("close*"))`},
		{"several body blocks", "> [!info] T\n> one\n> two\n>\n> - a\n> - b",
			`callout[info](title("T") p("one\ntwo") list(li(tb("a")) li(tb("b"))))`},
		{"body list right after the title", "> [!info] T\n> - a",
			`callout[info](title("T") list(li(tb("a"))))`},
		{"body table right after the title", "> [!info] T\n> | a | b |\n> | - | - |\n> | 1 | 2 |",
			`callout[info](title("T") table(thead(td("a") td("b")) tr(td("1") td("2"))))`},
		{"thematic break after the title", "> [!info] T\n> ---\n> x",
			`callout[info](title("T") hr p("x"))`},
		{"setext heading in the body", "> [!info] T\n> Head\n> ---",
			`callout[info](title("T") h2("Head"))`},
		{"lazy continuation", "> [!info] T\nlazy", `callout[info](title("T") p("lazy"))`},
		{"no space after the marker", ">[!info] T\n>x", `callout[info](title("T") p("x"))`},
		{"trailing spaces and CRLF", "> [!info]  T  \r\n> x\r\n", `callout[info](title("T") p("x"))`},
		{"in a list", "- > [!note] In list\n  > body", `list(li(callout[note](title("In list") p("body"))))`},
		{"after a paragraph", "Intro.\n\n> [!tip] T\n> b", `p("Intro.") callout[tip](title("T") p("b"))`},
		{"two in a row", "> [!a] 1\n\n> [!b] 2", `callout[a](title("1")) callout[b](title("2"))`},
	})
}

func TestCallout_Nested(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"callout in a callout", "> [!note] Outer\n> > [!tip] Inner\n> > inner body\n>\n> outer body",
			`callout[note](title("Outer") callout[tip](title("Inner") p("inner body")) p("outer body"))`},
		{"untitled outer", "> [!note]\n> > [!warning]- Deep\n> > x",
			`callout[note](title() callout[warning-](title("Deep") p("x")))`},
		{"three levels", "> [!a]\n> > [!b]\n> > > [!c] C",
			`callout[a](title() callout[b](title() callout[c](title("C"))))`},
		{"callout in a plain quote", "> > [!tip] T\n> > x",
			`quote(callout[tip](title("T") p("x")))`},
		{"plain quote in a callout", "> [!info] T\n> > just quoted",
			`callout[info](title("T") quote(p("just quoted")))`},
	})
}

func TestCallout_NotACallout(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"plain quote", "> Just a quote.", `quote(p("Just a quote."))`},
		{"marker on the second line", "> Intro\n> [!info] T", `quote(p("Intro\n[!info] T"))`},
		{"second paragraph", "> Intro\n>\n> [!info] T", `quote(p("Intro") p("[!info] T"))`},
		{"outside a quote", "[!info] T", `p("[!info] T")`},
		{"empty type", "> [!] T", `quote(p("[!] T"))`},
		{"space in the type", "> [!my type] T", `quote(p("[!my type] T"))`},
		{"unclosed marker", "> [!info T", `quote(p("[!info T"))`},
		{"not first in the line", "> x [!info] T", `quote(p("x [!info] T"))`},
		{"code block in a quote", ">     [!info] T", `quote(codeblock("[!info] T\n"))`},
		{"fenced code", "```\n> [!info] T\n```", `codeblock("> [!info] T\n")`},
	})
}
