package widgets_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// TestBacklinks_FillsContextsFromTheNotes: on a vault loaded without link contexts, the panel
// shows its rows at once and the sentences once FillContexts, run off the UI goroutine, has
// read them: then it reads exactly as on a vault loaded with them. A new snapshot of the
// same note keeps the sentences of the notes that did not change and reads none again; a
// fill for a note no longer shown is dropped.
func TestBacklinks_FillsContextsFromTheNotes(t *testing.T) {
	test.NewTempApp(t)
	fsys := fstest.MapFS{}
	for p, s := range backlinksVault {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	load := func(opts ...vault.LoadOption) *vault.Vault {
		v, err := vault.Load(fsys, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	full, lean := load(), load(vault.WithoutLinkContexts())

	lines := func(v *vault.Vault, fill bool) (*widgets.Backlinks, fyne.Window, *[]func()) {
		b := widgets.NewBacklinks()
		var pending []func()
		widgets.SetBacklinksAsync(b, func(f func()) { pending = append(pending, f) })
		if fill {
			b.FillContexts = func(ctx context.Context, links []vault.Backlink) { v.FillLinkContexts(ctx, links) }
		}
		w := test.NewTempWindow(t, b)
		w.Resize(fyne.NewSize(340, 600))
		return b, w, &pending
	}
	ref, refWin, _ := lines(full, false)
	ref.SetNote(full.Index(), "sundials.md")
	want := shownLines(refWin.Canvas())

	b, w, pending := lines(lean, true)
	b.SetNote(lean.Index(), "sundials.md")
	before := shownLines(w.Canvas())
	if len(*pending) != 1 {
		t.Fatalf("%d jobs started, want the one filling the contexts", len(*pending))
	}
	if slices.ContainsFunc(before, func(s string) bool { return strings.Contains(s, "pond") }) {
		t.Errorf("a sentence shows before it was read: %q", before)
	}
	if before[0] != want[0] {
		t.Errorf("header %q before the sentences are read, want %q at once", before[0], want[0])
	}
	(*pending)[0]()
	if got := shownLines(w.Canvas()); !slices.Equal(got, want) {
		t.Errorf("once read:\n got %q\nwant %q", got, want)
	}

	// A new snapshot in which another note changed: nothing is read again.
	fsys["another.md"].Data = []byte("---\ntitle: Another note\n---\nSee [[Sundials]] today.\n")
	*pending = nil
	b.SetNote(lean.Update("another.md"), "sundials.md")
	if len(*pending) != 1 {
		t.Fatalf("%d jobs started after a change to one note, want 1", len(*pending))
	}
	got := shownLines(w.Canvas())
	if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "sundial by the pond") }) {
		t.Errorf("the unchanged notes' sentences are gone until read again: %q", got)
	}
	// It is dropped if another note is shown before it is done.
	b.SetNote(lean.Index(), "Moon dials")
	(*pending)[0]()
	if got := shownLines(w.Canvas()); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "today") }) {
		t.Errorf("a late fill for the note shown before shows: %q", got)
	}
}
