package markdown_test

import (
	"strings"
	"testing"

	"vaultview/vault/markdown"
)

func TestParseTime(t *testing.T) {
	cases := []struct {
		in      string
		seconds int
		ok      bool
	}{
		// The data-t forms real vaults write (docs/FORMAT.md §3 and §6).
		{"00:18:28", 1108, true},
		{"18:28", 1108, true},
		{"1:05:03", 3903, true},
		{"01:00:17:51", 3617, true},
		{"04:27:819", 267, true},
		{"05:4:00", 18240, true},
		{"01:26:", 86, true},
		{"00:18:58]", 1138, true},
		// Visible labels, brackets and all.
		{"[00:18:28]", 1108, true},
		{" [1:02] ", 62, true},
		// Edges of each shape.
		{"00:00:00", 0, true},
		{"0:0", 0, true},
		{"23:59:59", 86399, true},
		{"100:00:00", 360000, true},
		{"75:30", 0, false},          // minutes >= 60 in M:SS: docs/FORMAT.md §3 falls back to the label
		{"75:30:250", 0, false},      // minutes >= 60 in M:SS:mmm, likewise
		{"1:05:03:", 3903, true},     // trailing colon after H:MM:SS
		{"01:00:17:5x", 3617, true},  // junk in the ignored field
		{"00:18:2a8", 1108, true},    // junk inside a field
		{"1:02:0030", 3750, true},    // four digits: seconds 30, not milliseconds
		{"0000000001:00", 60, true},  // leading zeros do not count against the size limit
		{"00:61:00", 0, false},       // minutes >= 60
		{"00:18:60", 0, false},       // seconds >= 60
		{"18:60", 0, false},          // seconds >= 60 in M:SS
		{"04:60:819", 0, false},      // seconds >= 60 in M:SS:mmm
		{"01:60:17:51", 0, false},    // minutes >= 60 with a frame field
		{"1108", 0, false},           // one field is not a time
		{"", 0, false},               // nothing
		{":", 0, false},              // a lone separator
		{"01::28", 0, false},         // a field without digits
		{"ab:cd", 0, false},          // no digits at all
		{"01:26::", 0, false},        // only one empty trailing field is forgiven
		{"1:2:3:4:5", 0, false},      // five fields
		{"1:2:3:4:5:6:7", 0, false},  // many fields
		{"9999999:00:00", 0, false},  // absurdly large hours
		{"00:00:19 extra", 19, true}, // trailing prose is junk in the last field
	}
	for _, tc := range cases {
		secs, ok := markdown.ParseTime(tc.in)
		if ok != tc.ok || (ok && secs != tc.seconds) {
			t.Errorf("ParseTime(%q) = %d, %v; want %d, %v", tc.in, secs, ok, tc.seconds, tc.ok)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, seed := range []string{"00:18:28", "18:28", "1:05:03", "01:00:17:51", "04:27:819", "05:4:00",
		"01:26:", "00:18:58]", "00:61:00", "", ":::::", "9:99999999999999999999"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		secs, ok := markdown.ParseTime(s)
		if !ok {
			if secs != 0 {
				t.Fatalf("ParseTime(%q) = %d with ok false", s, secs)
			}
			return
		}
		if secs < 0 {
			t.Fatalf("ParseTime(%q) = %d, negative", s, secs)
		}
		// Junk is ignored, but a time needs digits to read.
		if !strings.ContainsAny(s, "0123456789") {
			t.Fatalf("ParseTime(%q) ok without any digit", s)
		}
		again, ok2 := markdown.ParseTime(s)
		if again != secs || !ok2 {
			t.Fatalf("ParseTime(%q) not deterministic", s)
		}
	})
}

// anchor builds a timestamp anchor the way generated notes write it.
func anchor(value, label string) string {
	return `<a class="yt-timestamp" data-t="` + value + `">` + label + `</a>`
}

func TestTimestamp_Anchor(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"common form", "A claim " + anchor("00:18:28", "[00:18:28]") + ".",
			`p("A claim " ts(00:18:28,00:18:28,1108) ".")`},
		{"MM:SS", anchor("18:28", "[18:28]"), `p(ts(18:28,18:28,1108))`},
		{"H:MM:SS short", anchor("1:05:03", "[1:05:03]"), `p(ts(1:05:03,1:05:03,3903))`},
		{"frame field", anchor("01:00:17:51", "[01:00:17]"), `p(ts(01:00:17:51,01:00:17,3617))`},
		{"milliseconds", anchor("04:27:819", "[04:27]"), `p(ts(04:27:819,04:27,267))`},
		{"single-digit field", anchor("05:4:00", "[05:4:00]"), `p(ts(05:4:00,05:4:00,18240))`},
		{"trailing colon", anchor("01:26:", "[01:26:]"), `p(ts(01:26:,01:26:,86))`},
		{"trailing junk", anchor("00:18:58]", "[00:18:58]"), `p(ts(00:18:58],00:18:58,1138))`},
		{"data-t wins over the label", anchor("00:10:00", "[00:09:59]"), `p(ts(00:10:00,00:09:59,600))`},
		{"bad data-t falls back to the label", anchor("00:61:00", "[00:06:10]"), `p(ts(00:61:00,00:06:10,370))`},
		{"both bad", anchor("00:61:00", "[soon]"), `p(ts(00:61:00,soon,invalid))`},
		{"no data-t", `<a class="yt-timestamp">[00:00:05]</a>`, `p(ts(,00:00:05,5))`},
		{"empty label", anchor("00:00:05", ""), `p(ts(00:00:05,,5))`},
		{"label without brackets", anchor("00:00:05", "0:05"), `p(ts(00:00:05,0:05,5))`},
		{"attributes in another order", `<a data-t="00:00:07" class="yt-timestamp">[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"single quotes", `<a class='yt-timestamp' data-t='00:00:07'>[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"unquoted", `<a class=yt-timestamp data-t=00:00:07>[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"several classes", `<a class="link yt-timestamp chip" data-t="00:00:07">[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"other attributes too", `<a href="#" class="yt-timestamp" title='t' data-t="00:00:07" hidden>[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"upper case", `<A CLASS="yt-timestamp" DATA-T="00:00:07">[00:00:07]</A>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"spaces around =", `<a class = "yt-timestamp" data-t= "00:00:07" >[00:00:07]</a>`,
			`p(ts(00:00:07,00:00:07,7))`},
		{"first close ends it", anchor("00:00:01", "[00:00:01]") + " and </a>",
			`p(ts(00:00:01,00:00:01,1) " and " html("</a>"))`},
		{"no close on the line", `<a class="yt-timestamp" data-t="00:00:09">[00:00:09]` + "\nnext</a>",
			`p(ts(00:00:09,,9) "[00:00:09]\nnext" html("</a>"))`},
		{"many on one line", anchor("00:00:01", "[00:00:01]") + anchor("00:00:02", "[00:00:02]"),
			`p(ts(00:00:01,00:00:01,1) ts(00:00:02,00:00:02,2))`},
		{"starts a paragraph", anchor("00:00:03", "[00:00:03]") + " opens the line",
			`p(ts(00:00:03,00:00:03,3) " opens the line")`},
		{"list item", "- a point " + anchor("00:02:00", "[00:02:00]"),
			`list(li(tb("a point " ts(00:02:00,00:02:00,120))))`},
		{"table cell", "| when | what |\n| - | - |\n| " + anchor("00:02:00", "[00:02:00]") + " | start |",
			`table(thead(td("when") td("what")) tr(td(ts(00:02:00,00:02:00,120)) td("start")))`},
		{"callout", "> [!info] Money\n> Profit rose " + anchor("01:56:46", "[01:56:46]") + ".",
			`callout[info](title("Money") p("Profit rose " ts(01:56:46,01:56:46,7006) "."))`},
		{"heading", "## Start " + anchor("00:00:10", "[00:00:10]"), `h2("Start " ts(00:00:10,00:00:10,10))`},
	})
}

func TestTimestamp_Legacy(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"legacy wrap", "[00:00:19](" + anchor("00:00:19", "[00:00:19]") + ") then text",
			`p(legacy-ts(00:00:19,00:00:19,19) " then text")`},
		{"empty anchor text uses the bracket text", "[00:00:19](" + anchor("00:61:00", "") + ")",
			`p(legacy-ts(00:61:00,00:00:19,19))`},
		{"space before the paren", "[0:19](" + anchor("00:00:19", "[0:19]") + " )",
			`p(legacy-ts(00:00:19,0:19,19))`},
		{"in a list", "- [00:01:00](" + anchor("00:01:00", "[00:01:00]") + ") intro",
			`list(li(tb(legacy-ts(00:01:00,00:01:00,60) " intro")))`},
		// Incomplete wraps are left to the link parser; the anchor inside is still a chip.
		{"no closing paren", "[00:00:19](" + anchor("00:00:19", "[00:00:19]"),
			`p("[00:00:19](" ts(00:00:19,00:00:19,19))`},
		{"not a timestamp anchor", `[x](<a href="y">z</a>)`,
			`p("[x](" html("<a href=\"y\">") "z" html("</a>") ")")`},
		{"ordinary link", "[00:00:19](https://youtu.be/x?t=19)", `p(link<https://youtu.be/x?t=19>("00:00:19"))`},
	})
}

func TestTimestamp_NotATimestamp(t *testing.T) {
	runTreeCases(t, []treeCase{
		{"other anchor", `<a href="https://x.org">x</a>`, `p(html("<a href=\"https://x.org\">") "x" html("</a>"))`},
		{"other class", `<a class="yt-timestamps" data-t="00:00:01">[00:00:01]</a>`,
			`p(html("<a class=\"yt-timestamps\" data-t=\"00:00:01\">") "[00:00:01]" html("</a>"))`},
		{"other tag with the class", `<span class="yt-timestamp" data-t="00:00:01">1</span>`,
			`p(html("<span class=\"yt-timestamp\" data-t=\"00:00:01\">") "1" html("</span>"))`},
		{"abbr", `<abbr class="yt-timestamp">x</abbr>`,
			`p(html("<abbr class=\"yt-timestamp\">") "x" html("</abbr>"))`},
		{"unterminated tag", `<a class="yt-timestamp" data-t="1:00"`, `p("<a class=\"yt-timestamp\" data-t=\"1:00\"")`},
		{"code span", "`" + anchor("00:00:01", "[00:00:01]") + "`",
			`p(code("<a class=\"yt-timestamp\" data-t=\"00:00:01\">[00:00:01]</a>"))`},
		{"fenced code", "```\n" + anchor("00:00:01", "[00:00:01]") + "\n```",
			`codeblock("<a class=\"yt-timestamp\" data-t=\"00:00:01\">[00:00:01]</a>\n")`},
		{"autolink", "<https://x.org/a>", `p(auto<https://x.org/a>)`},
		{"less than", "a < b <3", `p("a < b <3")`},
	})
}
