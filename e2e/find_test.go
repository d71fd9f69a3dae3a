package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// TestFind_InNote finds in the open note with real keys (issue #15, item 2): Ctrl+F opens
// the bar with the keyboard in it, what is typed is counted regardless of case and accents,
// Enter, Shift+Enter, F3, Shift+F3, Ctrl+G and Ctrl+Shift+G step through the occurrences,
// scrolling each into view, and Escape closes the bar.
func TestFind_InNote(t *testing.T) {
	var long strings.Builder
	long.WriteString("# Sea notes\n\n")
	for i := 1; i <= 120; i++ {
		switch i {
		case 4:
			long.WriteString("Paragraph 4 speaks of the Tide at dawn.\n\n")
		case 60:
			long.WriteString("Paragraph 60 has a tídé with accents.\n\n")
		case 110:
			long.WriteString("Paragraph 110: TIDE again, the last.\n\n")
		default:
			fmt.Fprintf(&long, "Paragraph %d is about waves and wind.\n\n", i)
		}
	}
	dir := WriteVault(t, map[string]string{"Sea notes.md": long.String()})
	a := Start(t, dir, "Sea notes.md")
	a.WaitTitle("Sea notes")
	a.WaitText(image.Rectangle{}, "Paragraph 4 speaks")

	a.Key("ctrl+f")
	a.Type("tide")
	// The count is at the right of the bar, over the top right of the note: read there
	// alone, away from the entry's frame, tesseract reads it well, which it does not in a
	// read of the whole window.
	bar := image.Rect(640, 125, 940, 175)
	// status waits for the count to read as want. Tesseract reads the small "of" as "0f"
	// now and then, and may run it into the number: compare without spaces, o for 0.
	status := func(want string) {
		t.Helper()
		squeeze := func(s string) string {
			return strings.NewReplacer(" ", "", "/", "", "0f", "of").Replace(strings.ToLower(s))
		}
		var read string
		a.Wait("the find bar to say "+want, func() bool {
			read = joinWords(a.Words(a.Shot(""), bar))
			return strings.Contains(squeeze(read), squeeze(want))
		})
	}
	status("1 of 3")
	a.Shot("find.png")

	for _, step := range []struct {
		keys   []string
		status string
		shows  string
	}{
		{[]string{"Return"}, "2 of 3", "with accents"},
		{[]string{"Return"}, "3 of 3", "again, the last"},
		{[]string{"shift+Return"}, "2 of 3", "with accents"},
		{[]string{"F3"}, "3 of 3", "again, the last"},
		{[]string{"shift+F3"}, "2 of 3", "with accents"},
		{[]string{"ctrl+g"}, "3 of 3", "again, the last"},
		{[]string{"ctrl+shift+g"}, "2 of 3", "with accents"},
		{[]string{"ctrl+g"}, "3 of 3", "again, the last"},
		{[]string{"ctrl+g"}, "1 of 3", "speaks of the"},
	} {
		a.Key(step.keys...)
		status(step.status)
		a.WaitText(image.Rectangle{}, step.shows)
	}

	a.Type("s of the sea") // "tides of the sea": nowhere
	status("No matches")
	a.Key("Escape")
	a.waitGone(bar, "No matches")
}
