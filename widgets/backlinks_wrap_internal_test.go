package widgets

import (
	"slices"
	"strings"
	"testing"
)

// backlinksMonoMeasure measures text as if every rune were 1 wide, bold ones 2 wide.
func backlinksMonoMeasure(s string, bold bool) float32 {
	n := float32(len([]rune(s)))
	if bold {
		return 2 * n
	}
	return n
}

func backlinksShowLines(lines [][]backlinksRun) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, r := range l {
			if r.bold {
				b.WriteString("*" + r.text + "*")
			} else {
				b.WriteString(r.text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestBacklinksFit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		runs  []backlinksRun
		width float32
		lines int
		want  []string
	}{
		{"fits", []backlinksRun{{"one two", false}}, 10, 2, []string{"one two"}},
		{"wraps at spaces", []backlinksRun{{"one two three", false}}, 8, 2, []string{"one two", "three"}},
		{"ellipsis when cut", []backlinksRun{{"one two three four five", false}}, 8, 2, []string{"one two", "three…"}},
		{"ellipsis takes the room of a word", []backlinksRun{{"aaaa bbbb cccc dddd eeee", false}}, 9, 2, []string{"aaaa bbbb", "cccc…"}},
		{"styles joined per line", []backlinksRun{{"see ", false}, {"ab cd", true}, {" ok", false}}, 20, 2, []string{"see *ab cd* ok"}},
		{"bold wraps", []backlinksRun{{"see ", false}, {"ab cd", true}, {" ok", false}}, 8, 2, []string{"see *ab*", "*cd* ok"}},
		{"long word broken", []backlinksRun{{"abcdefghijkl", false}}, 5, 3, []string{"abcde", "fghij", "kl"}},
		{"long word cut", []backlinksRun{{"abcdefghijkl", false}}, 5, 2, []string{"abcde", "fghi…"}},
		{"one line", []backlinksRun{{"one two three", false}}, 9, 1, []string{"one two…"}},
		{"nothing", nil, 9, 2, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := backlinksShowLines(backlinksFit(tc.runs, tc.width, tc.lines, backlinksMonoMeasure))
			if got == nil {
				got = []string{}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBacklinksContextLayout(t *testing.T) {
	ctx := "one two three four five six seven LINK after"
	start := strings.Index(ctx, "LINK")
	got := backlinksShowLines(backlinksContextLayout(ctx, start, start+4, 20, 2, backlinksMonoMeasure))
	// "one two three four five six seven *LINK* after" needs more than two lines of 20: the
	// start gives way, word by word, until the link fits, and no further.
	want := []string{"… three four five", "six seven *LINK…*"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	// A link longer than all the lines gets all the room, and is cut.
	got = backlinksShowLines(backlinksContextLayout("x "+strings.Repeat("L", 30), 2, 32, 10, 2, backlinksMonoMeasure))
	if len(got) != 2 || got[0] != "… *LLLL*" || got[1] != "*LLLL…*" {
		t.Errorf("long link: %q", got)
	}

	// Offsets outside the context or inside a rune do not panic.
	for _, se := range [][2]int{{-5, 3}, {3, 999}, {7, 2}, {1, 2}} {
		backlinksContextLayout("héllo wörld", se[0], se[1], 6, 2, backlinksMonoMeasure)
	}
}
