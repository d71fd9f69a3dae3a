package app

import (
	"sync/atomic"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

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
	vurl := videoURL(player)

	in := snapshotInput(v, ix, vurl)
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
	early := renderInput(v, func() (*vault.Index, bool) { return ix, false }, vurl, &asked)
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
