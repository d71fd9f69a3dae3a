package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// TestPlaces_ANoteReopensWhereItWasLeft (issue #15, item 6): a note scrolled down, left for
// another and opened again from the quick switcher shows the same paragraphs; so does the
// next run of the app, which opens the last note read.
func TestPlaces_ANoteReopensWhereItWasLeft(t *testing.T) {
	var long strings.Builder
	long.WriteString("# Long\n\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&long, "Paragraph %d of the long note.\n\n", i)
	}
	dir := WriteVault(t, map[string]string{
		"Long.md":  long.String(),
		"Other.md": "# Other\n\nA short note.\n",
	})
	config := t.TempDir()
	a := StartWithConfig(t, config, dir, "Long.md")
	a.WaitTitle("Long")
	at := a.WaitText(image.Rectangle{}, "Paragraph 3 of")
	column := image.Rect(at.Min.X-20, 0, at.Max.X+3*at.Dx(), 10000)
	a.Click((at.Min.X+at.Max.X)/2, (at.Min.Y+at.Max.Y)/2)
	a.Key("Page_Down", "Page_Down", "Page_Down")

	// top waits for the note's column to hold still and returns its first paragraph.
	top := func(step string, ok func(first int) bool) int {
		t.Helper()
		return a.waitParagraphs(step, column, 3, func(got []int) bool { return ok(got[0]) })[0]
	}
	left := top("scrolled down three pages", func(first int) bool { return first > 30 })
	near := func(first int) bool { return first >= left-1 && first <= left+1 }

	a.Key("ctrl+o")
	a.Type("other")
	a.Key("Return")
	a.WaitTitle("Other")
	a.Key("ctrl+o")
	a.Type("long")
	a.Key("Return")
	a.WaitTitle("Long")
	top(fmt.Sprintf("opened again at paragraph %d", left), near)

	a.Quit()
	b := StartWithConfig(t, config, dir)
	b.WaitTitle("Long")
	a = b
	top(fmt.Sprintf("the next run at paragraph %d", left), near)
}
