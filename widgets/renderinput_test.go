package widgets_test

import (
	"sync/atomic"
	"testing"
	"testing/fstest"

	"vaultview/vault"
	"vaultview/widgets"
)

// vaultInput is the render input of the note at p of v as the window makes it from the
// published snapshot (SnapshotInput, chips at vault.VideoURL's addresses), with the note's
// text and parse filled in.
func vaultInput(t testing.TB, v *vault.Vault, p string) widgets.RenderInput {
	t.Helper()
	ix := v.Index()
	n := ix.Note(p)
	if n == nil {
		t.Fatalf("render %s: no such note", p)
	}
	src, err := v.Source(p)
	if err != nil {
		t.Fatalf("render %s: %v", p, err)
	}
	in := widgets.SnapshotInput(v, ix, nil)
	in.Source, in.Note = src, n
	return in
}

func TestRenderInput_SnapshotAndNamesOnly(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("[[b]] [[Nowhere]]\n")},
		"b.md": {Data: []byte("# B\n")},
		"c.md": {Data: []byte("[[Nowhere]] [[nowhere]]\n")},
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	player, err := vault.ParsePlayer("youtu.be")
	if err != nil {
		t.Fatal(err)
	}
	vurl := func(id string, seconds int) string {
		u, _ := player.URL(id, seconds)
		return u
	}

	in := widgets.SnapshotInput(v, ix, vurl)
	if got := in.Resolve("a.md", "b"); got != "b.md" {
		t.Errorf("Resolve(b) = %q, want b.md", got)
	}
	if _, n, ok := in.LoadNote("b.md"); !ok || n != ix.Note("b.md") {
		t.Errorf("LoadNote(b.md) = %v, %v: want the snapshot's note", n, ok)
	}
	if _, _, ok := in.LoadNote("gone.md"); ok {
		t.Error("LoadNote(gone.md) ok, want not")
	}
	if got := in.NotesLinkingTo("Nowhere"); got != 2 {
		t.Errorf("NotesLinkingTo(Nowhere) = %d, want 2", got)
	}
	if in.VideoURL == nil || in.VideoURL("APvj15_YCqk", 5) != vurl("APvj15_YCqk", 5) || in.VideoURL("APvj15_YCqk", 5) == "" {
		t.Error("VideoURL does not make the player's addresses")
	}
	if in.LoadImage == nil || in.EpisodeNotes == nil {
		t.Error("LoadImage or EpisodeNotes missing")
	}

	// Names only (the first note, before the index): notes are parsed as read, and what
	// only the index knows is left out and recorded.
	var asked atomic.Bool
	early := widgets.NewRenderInput(v, func() (*vault.Index, bool) { return ix, false }, vurl, &asked)
	if _, n, ok := early.LoadNote("b.md"); !ok || n == nil || n == ix.Note("b.md") {
		t.Errorf("names-only LoadNote(b.md) = %v, %v: want a note parsed from the file", n, ok)
	}
	if got := early.NotesLinkingTo("Nowhere"); got != 0 {
		t.Errorf("names-only NotesLinkingTo = %d, want 0", got)
	}
	if early.EpisodeNotes("APvj15_YCqk") != 0 || !asked.Load() {
		t.Error("names-only EpisodeNotes should answer 0 and record that it was asked")
	}
	if early.VideoURL("APvj15_YCqk", 5) == "" {
		t.Error("names-only VideoURL missing")
	}
}
