package vault_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"vaultview/vault"
)

// TestLoad_WithoutLinkContexts: leaving the contexts out changes nothing else in any note,
// on the fixture vault of every format.
func TestLoad_WithoutLinkContexts(t *testing.T) {
	fsys := os.DirFS("testdata/vaults/formats")
	full, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := vault.Load(fsys, vault.WithoutLinkContexts())
	if err != nil {
		t.Fatal(err)
	}
	a, b := full.Index(), lean.Index()
	if !reflect.DeepEqual(a.Paths(), b.Paths()) || !reflect.DeepEqual(a.Problems(), b.Problems()) {
		t.Fatalf("paths or problems differ")
	}
	contexts := 0
	for _, p := range a.Paths() {
		want := *a.Note(p)
		want.Links = append([]vault.Link(nil), want.Links...)
		for i := range want.Links {
			if want.Links[i].Context != "" {
				contexts++
			}
			want.Links[i].Context, want.Links[i].ContextStart, want.Links[i].ContextEnd = "", 0, 0
		}
		if got := *b.Note(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: without contexts\n%+v\nwant\n%+v", p, got, want)
		}
		for i, l := range a.Links(p) {
			if r := b.Links(p)[i].Resolved; r != l.Resolved {
				t.Errorf("%s: link %d resolves to %q, want %q", p, i, r, l.Resolved)
			}
		}
	}
	if contexts == 0 {
		t.Fatal("the fixture has no link contexts; the test proves nothing")
	}
}

// TestSourceReader reads notes one after another into one buffer and gets what Source
// gives for each: a short note after a long one has no tail of it, a note with bad bytes
// is cleaned, a binary file, a missing one and a symbolic link are refused.
func TestSourceReader(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"long.md":  strings.Repeat("A long line of prose.\n", 400),
		"short.md": "# Short\n",
		"bad.md":   "caf\xe9 and a NUL \x00 here\n",
		"bin.md":   "\x00\x01\x02\xff\xfe binary",
		"empty.md": "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "short.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	sr := v.SourceReader()
	for _, p := range []string{"long.md", "short.md", "bad.md", "long.md", "empty.md", "bin.md", "short.md", "missing.md", "link.md"} {
		got, gotErr := sr.Source(p)
		want, wantErr := v.Source(p)
		if string(got) != string(want) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: reader gives %q, %v; Source %q, %v", p, got, gotErr, want, wantErr)
		}
	}
}

// A note saved with a byte order mark (as some Windows editors save) has its frontmatter
// read, and its offsets point into what Source gives, both paths of the parser alike.
func TestLoad_ByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bom.md":    "\uFEFF---\ntitle: Marked\ntags: [windows]\n---\n# Heading\n\nSee [[other]] here.\n",
		"bomgm.md":  "\uFEFF---\ntitle: Marked too\n---\nSetext\n===\n\nSee [[other]] here.\n", // goldmark's path
		"other.md":  "# Other\n",
		"twice.md":  "\uFEFF\uFEFFtext [[other]]\n",
		"nobody.md": "\uFEFF",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	for p, title := range map[string]string{"bom.md": "Marked", "bomgm.md": "Marked too", "twice.md": "twice", "nobody.md": "nobody"} {
		n := ix.Note(p)
		if n == nil {
			t.Fatalf("%s not indexed", p)
		}
		if n.Title != title {
			t.Errorf("%s: title %q, want %q (the frontmatter after the mark is not read)", p, n.Title, title)
		}
		src, err := v.Source(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range n.Links {
			if got := string(src[l.Offset:min(len(src), int(l.Offset)+9)]); got != "[[other]]" {
				t.Errorf("%s: link at %d reads %q in Source", p, l.Offset, got)
			}
		}
		if p == "bom.md" && !slices.Contains(n.Tags, "windows") {
			t.Errorf("bom.md: tags %v", n.Tags)
		}
	}
}
