package e2e

import (
	"image"
	"testing"
)

// Issue 12, item 9, in the real window: a line holding only `<br>` above lines of
// `[[target|Label]]` links, and a Markdown link whose destination is a wikilink
// (`[text]([[target]])`), are links a click follows, not raw text. The labels differ from
// every title and file name, so the click can only land on the link in the note.
func TestBrLinks_LabelsUnderALineBreakAndWrappedLinksOpenTheirNotes(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Episode.md": "---\ntitle: Episode notes\n---\n\nFrom: [[Channel]] <br/>\n\n## Related\n\n<br>\n" +
			"[[harbour_lights|Lamp Story]]\n[[missing_topic|Unwritten Topic]]\n\n" +
			"See also [Water Levels]([[tide_tables]]) for the numbers.\n",
		"harbour_lights.md": "---\ntitle: Harbour lights\n---\n\nLamps on the pier.\n",
		"tide_tables.md":    "---\ntitle: Tide tables\n---\n\nHigh and low water.\n",
	})
	a := Start(t, dir, "Episode.md")
	a.WaitTitle("Episode notes")
	a.ClickText(image.Rectangle{}, "Lamp Story")
	a.WaitTitle("Harbour lights")

	a.Key("alt+Left")
	a.WaitTitle("Episode notes")
	a.ClickText(image.Rectangle{}, "Water Levels")
	a.WaitTitle("Tide tables")
}
