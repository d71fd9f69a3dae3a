package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"vaultview/vault"
	"vaultview/vault/search"
)

// TestNoteCache_Reopen opens a vault three times: the first load writes the cache, the
// second takes every note from it, and after an edit the third parses only the edited note
// and writes the cache again. The cache is never written inside the vault.
func TestNoteCache_Reopen(t *testing.T) {
	withCaches(t)
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	write := func(name, text string, mod time.Time) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# A\n[[b]]\n", old)
	write("sub/b.md", "Bee.\n", old)
	write("c.md", "[[a]] and [[nowhere]]\n", old)

	open := func() (*noteCache, *vault.Index) {
		t.Helper()
		nc := openNoteCache(dir)
		v, err := vault.Load(os.DirFS(dir), nc.option(), vault.WithoutLinkContexts()) // as the window loads it
		if err != nil {
			t.Fatal(err)
		}
		<-nc.saveIfStale(v.Index())
		return nc, v.Index()
	}
	nc, first := open()
	if nc.hits.Load() != 0 {
		t.Errorf("first open: %d notes from a cache that did not exist", nc.hits.Load())
	}
	nc, second := open()
	if got := nc.hits.Load(); got != 3 {
		t.Errorf("second open: %d notes from the cache, want all 3", got)
	}
	for _, p := range first.Paths() {
		if second.Note(p).Title != first.Note(p).Title || len(second.Backlinks(p)) != len(first.Backlinks(p)) {
			t.Errorf("%s differs when read from the cache", p)
		}
	}
	write("sub/b.md", "Bee, edited: [[c]]\n", old.Add(time.Minute))
	nc, third := open()
	if got := nc.hits.Load(); got != 2 {
		t.Errorf("after an edit: %d notes from the cache, want the 2 unchanged", got)
	}
	if len(third.Backlinks("c.md")) != 1 {
		t.Error("the edited note's new link is missing: it came from the stale cache")
	}
	nc, _ = open()
	if got := nc.hits.Load(); got != 3 {
		t.Errorf("after the cache was written again: %d notes from it, want 3", got)
	}
	// A note modified just now may change again within its time's resolution: never trusted.
	write("a.md", "# A\n[[b]]\n", time.Now())
	nc, _ = open()
	if got := nc.hits.Load(); got != 2 {
		t.Errorf("a note modified just now: %d notes from the cache, want 2", got)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) != ".md" {
			t.Errorf("%s written into the vault", p)
		}
		return nil
	})
}

// TestNoteCache_Corrupt: a damaged cache file is not used, and is replaced.
func TestNoteCache_Corrupt(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("hello\n"), 0o644)
	os.Chtimes(p, old, old)
	nc := openNoteCache(dir)
	v, _ := vault.Load(os.DirFS(dir), nc.option())
	<-nc.saveIfStale(v.Index())
	data, err := os.ReadFile(nc.file)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	os.WriteFile(nc.file, data, 0o600)
	nc = openNoteCache(dir)
	v, _ = vault.Load(os.DirFS(dir), nc.option())
	if nc.hits.Load() != 0 {
		t.Error("notes taken from a corrupt cache")
	}
	if v.Index().Note("a.md") == nil {
		t.Fatal("the vault did not load past a corrupt cache")
	}
	<-nc.saveIfStale(v.Index())
	nc = openNoteCache(dir)
	vault.Load(os.DirFS(dir), nc.option())
	if nc.hits.Load() != 1 {
		t.Error("the corrupt cache was not replaced")
	}
}

// TestTextIndex_SavedAndReopened: the first window on a vault builds its text index and saves
// it in the cache folder; the next window opens it instead of building, reads again only
// what changed in between, and finds the new words and not the old.
func TestTextIndex_SavedAndReopened(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := map[string]string{
		"Start.md":        "# Start\n\nThe ledger of tides.\n",
		"notes/Quartz.md": "# Quartz\n\nA mineral found near the quarry.\n",
		"notes/Other.md":  "# Other\n\nNothing about stones.\n",
	}
	for p, s := range files {
		writeAt(t, dir, p, s, old)
	}
	open := func() (*Window, chan string) {
		t.Helper()
		src, err := DirSource(dir)
		if err != nil {
			t.Fatal(err)
		}
		w, shown, ready := newReadyWindow(t)
		onUI(w, func() { w.OpenVault(src, "Start.md") })
		waitShown(t, shown)
		waitReady(t, ready, "search")
		return w, ready
	}
	found := func(w *Window, q string) []string {
		t.Helper()
		st := w.find.search.state.Load()
		res, err := st.store.Search(context.Background(), st.v, st.v.Index(), search.ParseQuery(q), 0)
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, n := range res.Notes {
			paths = append(paths, n.Path)
		}
		return paths
	}

	w, ready := open()
	if w.find.search.state.Load().opened {
		t.Fatal("the first window opened a text index nobody saved")
	}
	waitReady(t, ready, "search saved")
	if _, err := os.Stat(filepath.Join(vaultCacheDir(dir), search.FileName)); err != nil {
		t.Fatalf("not saved in the cache folder: %v", err)
	}

	w, _ = open()
	if !w.find.search.state.Load().opened {
		t.Error("the second window built its text index instead of opening the saved one")
	}
	if got := found(w, "mineral"); !slices.Equal(got, []string{"notes/Quartz.md"}) {
		t.Errorf("mineral: %v from the saved index", got)
	}

	writeAt(t, dir, "notes/Quartz.md", "# Quartz\n\nA crystal of silica.\n", time.Now().Add(-30*time.Minute))
	w, _ = open()
	if !w.find.search.state.Load().opened {
		t.Error("one changed note made the window build the whole text index again")
	}
	if got := found(w, "mineral"); len(got) != 0 {
		t.Errorf("mineral: %v, the changed note's old text", got)
	}
	if got := found(w, "silica"); !slices.Equal(got, []string{"notes/Quartz.md"}) {
		t.Errorf("silica: %v, want the changed note", got)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) != ".md" {
			t.Errorf("%s written into the vault", p)
		}
		return nil
	})
}

// TestTextIndex_SearchedWhileTheVaultLoads: a reopened vault can be searched from the text
// index saved the last time before its notes are indexed (the load is held up here until
// the test is done searching), a note changed in between included; a result chosen then
// opens once the vault is read, instead of the note the window would open.
func TestTextIndex_SearchedWhileTheVaultLoads(t *testing.T) {
	withCaches(t)
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := map[string]string{
		"Start.md":        "# Start\n\nThe ledger of tides.\n",
		"notes/Quartz.md": "---\ntags: [stone]\n---\n# Quartz\n\nA mineral found near the quarry.\n",
		"notes/Other.md":  "# Other\n\nNothing about stones, a mineral of no kind.\n",
	}
	for p, s := range files {
		writeAt(t, dir, p, s, old)
	}
	src, err := DirSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, shown, ready := newReadyWindow(t)
	onUI(w, func() { w.OpenVault(src, "Start.md") })
	waitShown(t, shown)
	waitReady(t, ready, "search saved")

	writeAt(t, dir, "notes/Other.md", "# Other\n\nA crystal of silica.\n", time.Now().Add(-30*time.Minute))

	w, shown, ready = newReadyWindow(t)
	release := make(chan struct{})
	w.onNames = func() { <-release }
	onUI(w, func() { w.OpenVault(src, "Start.md") })
	waitReady(t, ready, "search early")
	st := w.find.search.state.Load()
	if st.notes == nil || !st.opened {
		t.Fatal("early: not searching the saved index while the vault is read")
	}
	onUI(w, func() {
		if w.vault != nil {
			t.Error("the vault was read before the load was let go")
		}
	})
	for q, want := range map[string][]string{
		"mineral":          {"notes/Quartz.md"},
		"silica":           {"notes/Other.md"},
		"tag:stone quarry": {"notes/Quartz.md"},
		"quartz":           {"notes/Quartz.md"}, // by its title
	} {
		res, err := st.store.Search(context.Background(), st.v, st.notes, search.ParseQuery(q), 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range res.Notes {
			got = append(got, n.Path)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q while the vault is read: %v, want %v", q, got, want)
		}
	}
	onUI(w, func() { w.find.openMatch("notes/Other.md", search.Match{Offset: -1}) })
	if w.find.search.pending == nil {
		t.Error("a result chosen while the vault is read is not kept to open")
	}
	close(release)
	for {
		p := waitShown(t, shown)
		if p.Path == "notes/Other.md" {
			break
		}
		if p.Path != "Start.md" {
			t.Fatalf("shown %s", p.Path)
		}
	}
	waitReady(t, ready, "search")
	if st := w.find.search.state.Load(); st.notes != nil {
		t.Error("the index's store did not replace the early one")
	}
}

// writeAt writes a file of the vault in dir last modified at mod: long enough ago, a saved
// index trusts what it holds of it.
func writeAt(t *testing.T, dir, p, text string, mod time.Time) {
	t.Helper()
	write(t, dir, p, text)
	if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(p)), mod, mod); err != nil {
		t.Fatal(err)
	}
}

// newReadyWindow is newTestWindow with what its finder says is ready (see waitReady).
func newReadyWindow(t *testing.T) (*Window, chan Place, chan string) {
	t.Helper()
	w, shown, _ := newTestWindow(t)
	ready := make(chan string, 16)
	w.afterReady = func(what string) { ready <- what }
	return w, shown, ready
}

// A query typed while the text index is built is searched again once the index is in place,
// and finds what it should. The build's last progress report used to tell the panel that
// every note was indexed before the store was published: on a large vault the panel then
// searched again against no store, found nothing, and went on saying "No notes match".
// (On this small vault the store follows too fast for the search to miss it, so the test
// checks what the panel is told before the store is in place.)
func TestTextIndex_QueryTypedWhileBuilding(t *testing.T) {
	withCaches(t)
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for p, s := range map[string]string{
		"Start.md":        "# Start\n\nThe ledger of tides.\n",
		"notes/Quartz.md": "# Quartz\n\nA mineral found near the quarry.\n",
	} {
		writeAt(t, dir, p, s, old)
	}
	src, err := DirSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, shown, ready := newReadyWindow(t)
	building, release := make(chan struct{}), make(chan struct{})
	w.find.search.beforeBuild = func() {
		close(building)
		<-release
	}
	panel := w.find.search.panel
	w.find.search.beforeStore = func() {
		onUI(w, func() {
			if !panel.Indexing() {
				t.Error("the search panel was told every note is indexed before the index was in place")
			}
		})
	}
	onUI(w, func() { w.OpenVault(src, "Start.md") })
	waitShown(t, shown)
	<-building
	onUI(w, func() { panel.SetQuery("mineral") })
	close(release)
	waitReady(t, ready, "search")
	deadline := time.Now().Add(10 * time.Second)
	for {
		var total int
		onUI(w, func() { total = panel.Results().Total })
		if total == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the query typed while the index was built finds %d notes once it is built, want 1", total)
		}
		time.Sleep(5 * time.Millisecond) // the search runs off the UI goroutine
	}
}

// On a first opening the vault is searchable once its text is read, before that text is
// indexed: a query then finds what the index finds later, and the index, once built,
// replaces the unindexed text and is saved.
func TestTextIndex_SearchableBeforeIndexed(t *testing.T) {
	withCaches(t)
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for p, s := range map[string]string{
		"Start.md":        "# Start\n\nThe ledger of tides.\n",
		"notes/Quartz.md": "# Quartz\n\nA mineral found near the quarry, a mineral again.\n",
		"notes/Mica.md":   "# Mica\n\nAnother mineral.\n",
	} {
		writeAt(t, dir, p, s, old)
	}
	src, err := DirSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, _, ready := newReadyWindow(t)
	indexing, release := make(chan struct{}), make(chan struct{})
	w.find.search.beforeIndexing = func() {
		close(indexing)
		<-release
	}
	onUI(w, func() { w.OpenVault(src, "Start.md") })
	select {
	case <-indexing:
	case <-time.After(20 * time.Second):
		t.Fatal("the text was not searchable before it was indexed")
	}
	waitReady(t, ready, "search")
	panel := w.find.search.panel
	st := w.find.search.state.Load()
	if st.store == nil || st.store.Indexed() || st.store.DiskBytes() == 0 {
		t.Fatalf("searchable with %+v: want the text, unindexed, in the cache folder", st.store)
	}
	onUI(w, func() {
		if panel.Indexing() {
			t.Error("the search panel says the text is being indexed while it can be searched")
		}
		panel.SetQuery("mineral -quarry")
	})
	want := []string{"notes/Mica.md:1"}
	results := func() []string {
		var got []string
		deadline := time.Now().Add(10 * time.Second)
		for {
			var res search.Results
			onUI(w, func() { res = panel.Results() })
			if got = summaryOf(res); len(got) > 0 || time.Now().After(deadline) {
				return got
			}
			time.Sleep(5 * time.Millisecond) // the search runs off the UI goroutine
		}
	}
	if got := results(); !slices.Equal(got, want) {
		t.Fatalf("before the index: %v, want %v", got, want)
	}
	close(release)
	waitReady(t, ready, "search indexed", "search saved")
	st = w.find.search.state.Load()
	if !st.store.Indexed() {
		t.Fatal("the index did not replace the unindexed text")
	}
	res, err := st.store.Search(context.Background(), st.v, st.v.Index(), search.ParseQuery("mineral -quarry"), 0)
	if got := summaryOf(res); err != nil || !slices.Equal(got, want) {
		t.Errorf("from the index: %v (%v), want %v", got, err, want)
	}
}

// A vault opened while the last one's text is being read is never searched with that
// text: what the last vault's reading finishes after it was left is not put in place.
func TestTextIndex_NextVaultNotSearchedWithTheLast(t *testing.T) {
	withCaches(t)
	old := time.Now().Add(-time.Hour)
	first, second := t.TempDir(), t.TempDir()
	writeAt(t, first, "Start.md", "# Start\n\nThe first vault's mineral.\n", old)
	writeAt(t, second, "Start.md", "# Start\n\nThe second vault.\n", old)
	w, shown, ready := newReadyWindow(t)
	storing, release := make(chan struct{}), make(chan struct{})
	var calls atomic.Int32
	w.find.search.beforeStore = func() {
		if calls.Add(1) == 1 {
			close(storing)
			<-release
		}
	}
	seen := make(chan *searchState, 1)
	var builds atomic.Int32
	w.find.search.beforeBuild = func() {
		if builds.Add(1) == 2 {
			seen <- w.find.search.state.Load()
		}
	}
	open := func(dir string) {
		src, err := DirSource(dir)
		if err != nil {
			t.Fatal(err)
		}
		onUI(w, func() { w.OpenVault(src, "Start.md") })
		waitShown(t, shown)
	}
	open(first)
	<-storing // the first vault's text is read, about to be searched
	open(second)
	close(release)
	st := <-seen // the second vault's text index begins
	var v *vault.Vault
	onUI(w, func() { v = w.vault })
	if st == nil || st.store != nil || st.v != v {
		t.Errorf("the second vault's search starts from %+v", st)
	}
	waitReady(t, ready, "search")
	if st := w.find.search.state.Load(); st.v != v {
		t.Error("the second vault is searched with the first one's text")
	}
}

// summaryOf lists search results as "path:count".
func summaryOf(res search.Results) []string {
	var out []string
	for _, n := range res.Notes {
		out = append(out, fmt.Sprintf("%s:%d", n.Path, n.Count))
	}
	return out
}

// withCaches gives the test a cache folder of its own, and caches even where the tests'
// environment turns them off.
func withCaches(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("VAULTVIEW_NO_CACHE", "")
}
