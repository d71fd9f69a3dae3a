package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// Issue 12, item 4, in the real binary: `vaultview VAULT NOTE` takes every form a wikilink
// target takes and opens that note (at the heading, for `Name#Heading`); a name no note has
// opens the page of that name and says so, never the home note. Each NOTE is its own
// process, on a small vault whose one long note (about 100 KB, so it is shown a first screen
// at a time) has a heading far below its top.
func TestNoteArg_EveryFormOpensItsNote(t *testing.T) {
	var long strings.Builder
	long.WriteString("---\ntitle: Amazon Web Services\naliases: [AWS]\n---\n\nZeppelin orchard overture opens this note.\n\n")
	for i := range 800 {
		fmt.Fprintf(&long, "Filler paragraph %d keeps the heading far below the first screen of the note view.\n\n", i+1)
	}
	long.WriteString("## Pricing history\n\nQuillfeather tariffs came later.\n\n")
	for i := range 60 {
		fmt.Fprintf(&long, "Closing paragraph %d after the heading.\n\n", i+1)
	}
	dir := WriteVault(t, map[string]string{
		"index.md":                             "---\ntitle: Home page\n---\n\nThe start page. See [[Nowhere Yet]].\n",
		"sub/Second.md":                        "---\ntitle: Second note\n---\n\nThe second note.\n",
		"companies/amazon_web_services_aws.md": long.String(),
		"boards/Study plan.canvas":             `{"nodes":[{"id":"t","type":"text","x":0,"y":0,"width":300,"height":120,"text":"Marigold lantern week"}]}`,
	})
	for _, tc := range []struct {
		name, note, title string
	}{
		{"path", "companies/amazon_web_services_aws.md", "Amazon Web Services"},
		{"name in another case", "second", "Second note"},
		{"alias", "AWS", "Amazon Web Services"},
		{"normalised spelling", "Amazon Web Services AWS", "Amazon Web Services"},
		{"heading", "Amazon Web Services AWS#Pricing history", "Amazon Web Services"},
		{"unknown name", "Nowhere Yet", "Nowhere Yet"},
		{"board", "Study plan.canvas", "Study plan.canvas"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Start(t, dir, tc.note)
			a.WaitTitle(tc.title)
			switch tc.name {
			case "heading":
				a.WaitText(image.Rectangle{}, "Quillfeather tariffs")
				words := a.Words(a.Shot(""), image.Rectangle{})
				if _, ok := Find(words, "Pricing history"); !ok {
					a.fail("the heading is not on the screen; read: %s", joinWords(words))
				}
				if _, ok := Find(words, "Zeppelin orchard"); ok {
					a.fail("the note's top is still on the screen; read: %s", joinWords(words))
				}
			case "board":
				a.WaitText(image.Rectangle{}, "Marigold lantern")
			case "unknown name":
				a.WaitText(image.Rectangle{}, "No note called")
				a.WaitText(image.Rectangle{}, "Not written yet")
			default:
				if tc.title == "Amazon Web Services" {
					a.WaitText(image.Rectangle{}, "Zeppelin orchard")
				}
			}
			if strings.Contains(a.Title(), "Home page") {
				a.fail("opened the home page")
			}
		})
	}
}
