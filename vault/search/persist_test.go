package search_test

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/vault"
	"vaultview/vault/search"
)

// The saved text index is compared with a fresh Build on these queries: words common and
// rare, phrases, exclusions and filters.
var persistQueries = []string{
	"flywheel", "FLYWHEEL spun", "fly wheel", `"fly wheel"`, `"exact phrase"`, "flywheel -obsession",
	"cafe", "ecole zurich", "tag:business", "path:notes the", "video:APvj15_YCqk lesson",
	"zeppelin", "customer", "the", "hidden", "code",
}

const persistBuild, persistVault = "build 1", "/vaults/test"

// oldVault is testVault with every file last changed a day before now, so that no note is
// within the racy window of a save made now.
func oldVault(now time.Time) fstest.MapFS {
	fsys := testVault()
	for _, f := range fsys {
		f.ModTime = now.Add(-24 * time.Hour)
	}
	return fsys
}

// sameResults fails unless got answers every persistQuery as want does.
func sameResults(t *testing.T, v *vault.Vault, got, want *search.Store) {
	t.Helper()
	if got.Len() != want.Len() {
		t.Errorf("Len = %d, want %d", got.Len(), want.Len())
	}
	for _, q := range persistQueries {
		g, w := run(t, v, got, q), run(t, v, want, q)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%q: the opened index answers\n%+v\nbut a fresh build\n%+v", q, g, w)
		}
	}
	for _, p := range v.Index().Paths() {
		g, _ := got.TextOf(p)
		w, _ := want.TextOf(p)
		if g != w {
			t.Errorf("%s: text %q, want %q", p, g, w)
		}
	}
}

func saved(t *testing.T, v *vault.Vault, s *search.Store, now time.Time) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cache", search.FileName)
	if err := s.Save(file, persistBuild, persistVault, v.Index(), now); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestSaveOpen_RoundTrip(t *testing.T) {
	now := time.Now()
	v, s := loadTest(t, oldVault(now))
	file := saved(t, v, s, now)
	got, stale, err := search.Open(context.Background(), file, persistBuild, persistVault, v, v.Index())
	if err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("stale = %d, want 0", stale)
	}
	// Its codes stay in the file; the rest is in memory as in the store built (with its
	// codes in memory).
	if got.DiskBytes() != s.CodeBytes() || got.Bytes() != s.Bytes()-s.CodeBytes() {
		t.Errorf("opened: %d bytes on disk, %d in memory; built: %d bytes of codes, %d in memory with them", got.DiskBytes(), got.Bytes(), s.CodeBytes(), s.Bytes())
	}
	sameResults(t, v, got, s)
	// What was opened can be saved again, to the same bytes.
	again := filepath.Join(t.TempDir(), search.FileName)
	if err := got.Save(again, persistBuild, persistVault, v.Index(), now); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(file)
	b, _ := os.ReadFile(again)
	if !reflect.DeepEqual(a, b) {
		t.Error("saving an opened index again wrote other bytes")
	}
}

// TestOpen_ReadsChangedNotesAgain changes, removes and adds notes after the save: the store
// Open returns answers as a fresh build of the vault as it now is.
func TestOpen_ReadsChangedNotesAgain(t *testing.T) {
	now := time.Now()
	fsys := oldVault(now)
	v, s := loadTest(t, fsys)
	file := saved(t, v, s, now)

	later := now.Add(time.Minute)
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: []byte("# Café\n\nThe zeppelin flew over the café.\n"), ModTime: later}
	// Same size, other time: read again all the same.
	old := fsys["acquired/nvidia.md"]
	data := append([]byte(nil), old.Data...)
	copy(data[len(data)-9:], " zeppelin")
	fsys["acquired/nvidia.md"] = &fstest.MapFile{Data: data, ModTime: later}
	delete(fsys, "flywheel.md")
	fsys["new/zeppelin.md"] = &fstest.MapFile{Data: []byte("A zeppelin is an airship. Customer flights ended.\n"), ModTime: later}

	v2, want := loadTest(t, fsys)
	got, stale, err := search.Open(context.Background(), file, persistBuild, persistVault, v2, v2.Index())
	if err != nil {
		t.Fatal(err)
	}
	if stale != 4 {
		t.Errorf("stale = %d, want 4 (two changed, one removed, one added)", stale)
	}
	sameResults(t, v2, got, want)
	if r := run(t, v2, got, "zeppelin"); len(r.Notes) != 3 {
		t.Errorf("zeppelin: %v, want the three notes that now hold it", summary(r))
	}

	// Before the vault's notes are parsed, from the names of its files and their sizes
	// and times alone: the same answers.
	saved, err := search.ReadSaved(file, persistBuild, persistVault)
	if err != nil {
		t.Fatal(err)
	}
	early, notes, stale, err := saved.Early(context.Background(), v2, v2.Index().NotePaths(), statOf(fsys), 10)
	if err != nil {
		t.Fatal(err)
	}
	if stale != 4 {
		t.Errorf("early: stale = %d, want 4", stale)
	}
	sameEarlyResults(t, v2, early, notes, want)
	// Past maxStale changed notes, none is read: the caller builds the index instead.
	if early, notes, stale, err := saved.Early(context.Background(), v2, v2.Index().NotePaths(), statOf(fsys), 3); early != nil || notes != nil || stale != 4 || err != nil {
		t.Errorf("early, at most 3 stale: store %v, notes %v, stale %d, err %v; want none, 4 stale", early, notes, stale, err)
	}
	if s, stale, err := saved.Against(context.Background(), v2, v2.Index(), 3); s != nil || stale != 4 || err != nil {
		t.Errorf("against the index, at most 3 stale: store %v, stale %d, err %v; want none, 4 stale", s, stale, err)
	}
}

// statOf is the size and time of the files of fsys, for Early.
func statOf(fsys fstest.MapFS) func(string) (int64, time.Time, bool) {
	return func(p string) (int64, time.Time, bool) {
		info, err := fs.Stat(fsys, p)
		if err != nil {
			return 0, time.Time{}, false
		}
		return info.Size(), info.ModTime(), true
	}
}

// sameEarlyResults fails unless got, searched with notes (what a saved index says of them)
// answers every persistQuery as want does with the vault's index.
func sameEarlyResults(t *testing.T, v *vault.Vault, got *search.Store, notes search.Notes, want *search.Store) {
	t.Helper()
	if got.Len() != want.Len() {
		t.Errorf("early: Len = %d, want %d", got.Len(), want.Len())
	}
	for _, q := range persistQueries {
		g, err := got.Search(context.Background(), v, notes, search.ParseQuery(q), 0)
		if err != nil {
			t.Fatal(err)
		}
		if w := run(t, v, want, q); !reflect.DeepEqual(g, w) {
			t.Errorf("%q: searched before the notes are indexed, the saved index answers\n%+v\nbut a fresh build\n%+v", q, g, w)
		}
	}
}

// TestEarly_AnswersAsTheIndex: a saved index searched with what it says of its notes, on a
// vault unchanged since, answers every query as the store built from the index does, filters
// (tags, folders, videos) and titles included; notes that are not a file of the vault, or
// not a note any more, are not found.
func TestEarly_AnswersAsTheIndex(t *testing.T) {
	now := time.Now()
	fsys := oldVault(now)
	v, s := loadTest(t, fsys)
	file := saved(t, v, s, now)
	saved, err := search.ReadSaved(file, persistBuild, persistVault)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Len() != v.Index().Len() {
		t.Errorf("saved Len = %d, want %d", saved.Len(), v.Index().Len())
	}
	early, notes, stale, err := saved.Early(context.Background(), v, v.Index().NotePaths(), statOf(fsys), 10)
	if err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("stale = %d, want 0", stale)
	}
	sameEarlyResults(t, v, early, notes, s)
	for _, p := range v.Index().Paths() {
		n, want := notes.Note(p), v.Index().Note(p)
		if n == nil || n.Title != want.Title || n.VideoID != want.VideoID || !reflect.DeepEqual(n.Tags, want.Tags) || n.BodyOffset != want.BodyOffset {
			t.Errorf("%s: early note %+v, want title %q, video %q, tags %q, body at %d", p, n, want.Title, want.VideoID, want.Tags, want.BodyOffset)
		}
	}
	if notes.Note("img/none.png") != nil {
		t.Error("a path the index never held has a note")
	}

	// The vault's file list decides: a note the listing lacks is dropped though its file
	// is still there.
	paths := v.Index().NotePaths()
	early, notes, stale, err = saved.Early(context.Background(), v, paths[1:], statOf(fsys), 10)
	if err != nil {
		t.Fatal(err)
	}
	if stale != 1 || early.Len() != len(paths)-1 {
		t.Errorf("one path left out: stale %d, %d notes; want 1, %d", stale, early.Len(), len(paths)-1)
	}
	if _, ok := early.TextOf(paths[0]); ok {
		t.Errorf("%s, left out of the listing, is still searched", paths[0])
	}
}

// TestOpen_DistrustsRacyNotes changes a note's text, keeping its size and time, as can happen
// within one tick of a coarse clock: a note modified within two seconds of the save is read
// again, so the change is found.
func TestOpen_DistrustsRacyNotes(t *testing.T) {
	now := time.Now()
	fsys := oldVault(now)
	tick := now.Add(-time.Second)
	fsys["notes/cafe.md"].ModTime = tick
	v, s := loadTest(t, fsys)
	file := saved(t, v, s, now)

	old := fsys["notes/cafe.md"].Data
	data := append([]byte(nil), old...)
	copy(data[len(data)-8:], "zeppelin")
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: data, ModTime: tick}
	v2, want := loadTest(t, fsys)
	got, stale, err := search.Open(context.Background(), file, persistBuild, persistVault, v2, v2.Index())
	if err != nil {
		t.Fatal(err)
	}
	if stale != 1 {
		t.Errorf("stale = %d, want 1", stale)
	}
	sameResults(t, v2, got, want)
}

func TestOpen_Refuses(t *testing.T) {
	now := time.Now()
	v, s := loadTest(t, oldVault(now))
	file := saved(t, v, s, now)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write := func(b []byte) string {
		f := filepath.Join(t.TempDir(), search.FileName)
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	tests := []struct {
		name, file, build, vault string
	}{
		{"missing", filepath.Join(t.TempDir(), "none"), persistBuild, persistVault},
		{"another build", file, "build 2", persistVault},
		{"another vault", file, persistBuild, "/vaults/other"},
		{"empty", write(nil), persistBuild, persistVault},
		{"not ours", write([]byte("VVNOTES\x00 and more bytes than a header")), persistBuild, persistVault},
		{"longer", write(append(append([]byte(nil), data...), 0)), persistBuild, persistVault},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := search.Open(context.Background(), tt.file, tt.build, tt.vault, v, v.Index())
			if !errors.Is(err, search.ErrUnusable) {
				t.Errorf("err = %v, want ErrUnusable", err)
			}
		})
	}
	// Every truncation, and every byte changed, is refused.
	for n := range len(data) {
		if _, _, err := search.Open(context.Background(), write(data[:n]), persistBuild, persistVault, v, v.Index()); !errors.Is(err, search.ErrUnusable) {
			t.Fatalf("cut to %d of %d bytes: err = %v, want ErrUnusable", n, len(data), err)
		}
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x5A
		if _, _, err := search.Open(context.Background(), write(bad), persistBuild, persistVault, v, v.Index()); !errors.Is(err, search.ErrUnusable) {
			t.Fatalf("byte %d of %d changed: err = %v, want ErrUnusable", i, len(data), err)
		}
	}
}

// TestSave_OnlyABuild: a store that Update changed has notes outside the postings, which the
// file cannot hold; Save refuses it rather than write a wrong index.
func TestSave_OnlyABuild(t *testing.T) {
	now := time.Now()
	fsys := oldVault(now)
	v, s := loadTest(t, fsys)
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: []byte("changed\n"), ModTime: now}
	ix := v.Update("notes/cafe.md")
	u, err := s.Update(context.Background(), v, vault.Reload{Index: ix, Changed: []string{"notes/cafe.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Save(filepath.Join(t.TempDir(), search.FileName), persistBuild, persistVault, ix, now); err == nil {
		t.Error("Save of an updated store succeeded")
	}
}

// FuzzOpen opens arbitrary bytes as text indexes (their checksum made right, so that the
// fuzzer reaches the tables; read from memory, as files would slow it tenfold): each is
// refused or gives a store that answers searches without a crash.
func FuzzOpen(f *testing.F) {
	now := time.Now()
	fsys := oldVault(now)
	v, s := loadTest(f, fsys)
	dir := f.TempDir()
	file := filepath.Join(dir, "seed")
	if err := s.Save(file, persistBuild, persistVault, v.Index(), now); err != nil {
		f.Fatal(err)
	}
	seed, err := os.ReadFile(file)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("VVTEXT\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 4 {
			binary.LittleEndian.PutUint32(data[len(data)-4:], crc32.Checksum(data[:len(data)-4], castagnoli))
		}
		got, _, err := search.OpenBytes(context.Background(), data, persistBuild, persistVault, v, v.Index())
		if err != nil {
			if !errors.Is(err, search.ErrUnusable) {
				t.Fatalf("err = %v, want ErrUnusable", err)
			}
			return
		}
		for _, q := range persistQueries {
			run(t, v, got, q)
		}
		// And searched with what it says of its notes, before the vault is indexed.
		early, notes, _, err := search.EarlyBytes(context.Background(), data, persistBuild, persistVault, v, v.Index().NotePaths(), statOf(fsys))
		if err != nil {
			t.Fatalf("Early of a file Open accepted: %v", err)
		}
		for _, q := range persistQueries {
			if _, err := early.Search(context.Background(), v, notes, search.ParseQuery(q), 0); err != nil {
				t.Fatalf("%q: %v", q, err)
			}
		}
	})
}
