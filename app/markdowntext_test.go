package app

import (
	"testing"

	"vaultview/vault"
	"vaultview/widgets"
)

// What the app writes into its own pages (a file's name, an error) reads as written: no
// Markdown in it takes effect, and a line break does not end the callout it is in.
func TestMarkdownText(t *testing.T) {
	for _, s := range []string{
		"a*b*c [[x]] <b>hi</b> $x$ %%c%% ==m== ~~s~~ `c` #tag _u_ \\n [t](u)",
		"- item",
		"> quote",
		"1. first",
		"# heading",
	} {
		page := notShownPage(&vault.Note{Path: "x.md", Title: "x"}, s)
		if got, want := widgets.RenderNote(page).Text(), "[warning] Not shown\n"+s+"\n"; got != want {
			t.Errorf("%q reads %q, want %q", s, got, want)
		}
	}
	page := notShownPage(&vault.Note{Path: "x.md", Title: "x"}, "two\n\nlines")
	if got, want := widgets.RenderNote(page).Text(), "[warning] Not shown\ntwo  lines\n"; got != want {
		t.Errorf("a line break: %q, want %q", got, want)
	}
}
