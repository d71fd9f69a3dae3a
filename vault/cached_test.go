package vault_test

import (
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/vault"
)

// TestLoad_Cached takes a note from the cache only when the cache has it for the file's size
// and time, and reads every other note from the vault.
func TestLoad_Cached(t *testing.T) {
	mod := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"a.md":     {Data: []byte("# A\n[[b]]\n"), ModTime: mod},
		"b.md":     {Data: []byte("# B\n"), ModTime: mod},
		"pic.png":  {Data: []byte("png"), ModTime: mod},
		"sub/c.md": {Data: []byte("[[a]]\n"), ModTime: mod},
	}
	var mu sync.Mutex // Load asks from several goroutines
	var asked []string
	cached := func(p string, size int64, m time.Time) *vault.Note {
		mu.Lock()
		asked = append(asked, p)
		mu.Unlock()
		switch {
		case p == "a.md" && size == int64(len(fsys["a.md"].Data)) && m.Equal(mod):
			// Not what a.md says: proves the cache was used.
			return &vault.Note{Path: "a.md", Title: "from the cache", Size: size, ModTime: m, BodyLine: 1,
				Links: []vault.Link{{Target: "sub/c"}}}
		case p == "b.md":
			return nil // as a cache without it
		}
		return nil
	}
	v, err := vault.Load(fsys, vault.Cached(cached))
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	if got := ix.Note("a.md").Title; got != "from the cache" {
		t.Errorf("a.md title %q, want the cached note's", got)
	}
	if got := ix.Note("b.md").Title; got != "b" {
		t.Errorf("b.md title %q, want the file's", got)
	}
	if bl := ix.Backlinks("sub/c.md"); len(bl) != 1 || bl[0].Source.Path != "a.md" {
		t.Errorf("backlinks of sub/c.md = %+v, want the cached note's link from a.md", bl)
	}
	for _, p := range asked {
		if p == "pic.png" {
			t.Error("the cache was asked for an attachment")
		}
	}
	if len(asked) != 3 {
		t.Errorf("cache asked for %v, want the three notes", asked)
	}
}
