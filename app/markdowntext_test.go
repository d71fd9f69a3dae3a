package app

import (
	"errors"
	"io/fs"
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

// cannotShow names the file once and says why in the reader's words.
func TestCannotShow(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "read", Path: "a/b.md", Err: vault.ErrBinary}, "a/b.md is not shown: it holds binary data, not text."},
		{&fs.PathError{Op: "open", Path: "a/b.md", Err: fs.ErrPermission}, "a/b.md could not be read: permission denied."},
		{errors.New("yaml: line 3: did not find expected key"), "a/b.md: yaml: line 3: did not find expected key"},
	} {
		if got := cannotShow("a/b.md", c.err); got != c.want {
			t.Errorf("cannotShow(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
