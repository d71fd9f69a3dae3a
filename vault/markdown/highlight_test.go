package markdown_test

import "testing"

func TestHighlight(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"simple", "a ==key point== b", `p("a " mark("key point") " b")`},
		{"whole paragraph", "==all==", `p(mark("all"))`},
		{"with inlines", "==see [[a]] and *this*==", `p(mark("see " wl(a) " and " em("this")))`},
		{"inside emphasis", "**==both==**", `p(strong(mark("both")))`},
		{"two", "==a== and ==b==", `p(mark("a") " and " mark("b"))`},
		{"across a soft break", "==one\ntwo==", `p(mark("one\ntwo"))`},
		{"in a callout title", "> [!tip] ==Hot== tip", `callout[tip](title(mark("Hot") " tip"))`},
	})
}

func TestHighlight_NotAHighlight(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"unclosed", "==open", `p("==open")`},
		{"comparison", "a == b", `p("a == b")`},
		{"three", "===x===", `p("===x===")`},
		{"one", "=x=", `p("=x=")`},
		{"spaces inside", "== x ==", `p("== x ==")`},
		{"setext heading", "Title\n===", `h1("Title")`},
		{"code span", "`==x==`", `p(code("==x=="))`},
	})
}
