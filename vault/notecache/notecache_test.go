package notecache

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"vaultview/internal/binread"
	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

const testBuild = "test-build"

// notesInTests is the size of the generated vault the tests cache: the smallest with every
// kind of link, property and problem.
var notesInTests = 300

// generatedNotes parses a small generated vault, which has every kind of link, timestamp,
// property, heading and problem, with modification times set.
func generatedNotes(t testing.TB) []*vault.Note {
	t.Helper()
	fsys := vaultgen.MapFS(vaultgen.Options{Notes: notesInTests})
	mod := time.Date(2026, 5, 4, 3, 2, 1, 123456789, time.UTC)
	for _, f := range fsys {
		f.ModTime = mod
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	var notes []*vault.Note
	for _, p := range ix.Paths() {
		notes = append(notes, ix.Note(p))
	}
	return notes
}

// encoded is the cache file of notes for testBuild and the vault "/v", written at now.
func encoded(t testing.TB, notes []*vault.Note, now time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := encode(&buf, testBuild, "/v", true, notes, now); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameNote compares notes field by field; times compare as instants.
func sameNote(a, b *vault.Note) bool {
	x, y := *a, *b
	if !x.ModTime.Equal(y.ModTime) {
		return false
	}
	x.ModTime, y.ModTime = time.Time{}, time.Time{}
	return reflect.DeepEqual(x, y)
}

func TestRoundTrip(t *testing.T) {
	defer func(n int) { sectionNotes = n }(sectionNotes)
	sectionNotes = 7 // many sections, decoded in parallel, the last one short
	notes := generatedNotes(t)
	written := notes[0].ModTime.Add(time.Hour)
	c, err := decode(encoded(t, notes, written), testBuild, "/v", true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != len(notes) {
		t.Fatalf("%d notes back, want %d", c.Len(), len(notes))
	}
	kinds := map[string]bool{}
	for _, n := range notes {
		got := c.Note(n.Path, n.Size, n.ModTime)
		if got == nil {
			t.Fatalf("%s: not found by its size and time", n.Path)
		}
		if !sameNote(got, n) {
			t.Errorf("%s: decoded note differs:\n got %+v\nwant %+v", n.Path, *got, *n)
		}
		for _, l := range n.Links {
			kinds[l.Kind.String()] = true
		}
		if len(n.Problems) > 0 {
			kinds["problem"] = true
		}
		if len(n.Properties) > 0 {
			kinds["property"] = true
		}
	}
	// The round trip is only worth something if the vault had each of these.
	for _, k := range []string{"wikilink", "embed", "markdown", "problem", "property"} {
		if !kinds[k] {
			t.Errorf("the generated vault has no %s: the round trip does not cover it", k)
		}
	}
}

// TestCodecCoversNote fails when vault.Note or a type in it gains or loses a field: the
// codec must then be changed (and formatVersion raised), or cached notes would silently lack
// the new field.
func TestCodecCoversNote(t *testing.T) {
	fields := map[reflect.Type]int{
		reflect.TypeFor[vault.Note]():      14,
		reflect.TypeFor[vault.Property]():  3,
		reflect.TypeFor[vault.Heading]():   5,
		reflect.TypeFor[vault.Link]():      10,
		reflect.TypeFor[vault.Timestamp](): 5,
		reflect.TypeFor[vault.Problem]():   4,
	}
	for typ, want := range fields {
		if got := typ.NumField(); got != want {
			t.Errorf("%s has %d fields, the cache encodes %d: update codec.go and raise formatVersion", typ, got, want)
		}
	}
}

func TestNote_TrustsOnlyUnchangedFiles(t *testing.T) {
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	n := &vault.Note{Path: "a.md", Title: "a", Size: 10, ModTime: mod, BodyLine: 1}
	racy := &vault.Note{Path: "b.md", Title: "b", Size: 10, ModTime: mod.Add(time.Hour - time.Second), BodyLine: 1}
	c, err := decode(encoded(t, []*vault.Note{n, racy}, mod.Add(time.Hour)), testBuild, "/v", true)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		size int64
		mod  time.Time
		want bool
	}{
		{"unchanged", "a.md", 10, mod, true},
		{"the same instant in another zone", "a.md", 10, mod.In(time.FixedZone("x", 3600)), true},
		{"another size", "a.md", 11, mod, false},
		{"another time", "a.md", 10, mod.Add(time.Nanosecond), false},
		{"not cached", "c.md", 10, mod, false},
		{"modified a second before the cache was written", "b.md", 10, racy.ModTime, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Note(tt.path, tt.size, tt.mod) != nil; got != tt.want {
				t.Errorf("Note(%s) found %v, want %v", tt.path, got, tt.want)
			}
		})
	}
	var none *Cache
	if none.Note("a.md", 10, mod) != nil || none.Len() != 0 {
		t.Error("a nil cache has notes")
	}
}

func TestDecode_Unusable(t *testing.T) {
	notes := generatedNotes(t)[:20]
	good := encoded(t, notes, time.Now())
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x10
	tests := []struct {
		name         string
		data         []byte
		build, vault string
		contexts     bool
	}{
		{"empty", nil, testBuild, "/v", true},
		{"another kind of file", []byte("---\ntitle: x\n---\n"), testBuild, "/v", true},
		{"truncated", good[:len(good)/2], testBuild, "/v", true},
		{"last byte missing", good[:len(good)-1], testBuild, "/v", true},
		{"one bit flipped", flipped, testBuild, "/v", true},
		{"another build", good, "other-build", "/v", true},
		{"another vault", good, testBuild, "/elsewhere", true},
		{"with link contexts, wanted without", good, testBuild, "/v", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if c, err := decode(tt.data, tt.build, tt.vault, tt.contexts); err == nil {
				t.Errorf("decoded %d notes, want an error", c.Len())
			}
		})
	}
}

func TestSaveOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sub", FileName)
	notes := generatedNotes(t)
	vaultDir := t.TempDir()
	if err := Save(file, testBuild, vaultDir, notes, time.Now(), WithLinkContexts()); err != nil {
		t.Fatal(err)
	}
	c, err := Open(file, testBuild, vaultDir, WithLinkContexts())
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != len(notes) {
		t.Errorf("%d notes, want %d", c.Len(), len(notes))
	}
	if _, err := Open(filepath.Join(dir, "missing"), testBuild, vaultDir); !errors.Is(err, ErrUnusable) {
		t.Errorf("missing file: %v, want ErrUnusable", err)
	}
	if err := os.WriteFile(file, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, testBuild, vaultDir); !errors.Is(err, ErrUnusable) {
		t.Errorf("garbage: %v, want ErrUnusable", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		t.Errorf("the cache folder holds %d files, want only the cache (no temporary file left)", len(entries))
	}
}

// TestSaveOpen_LinkContexts: a cache records whether its notes have link contexts, and one
// written the other way is never used; notes with contexts cannot be saved as notes without.
func TestSaveOpen_LinkContexts(t *testing.T) {
	fsys := vaultgen.MapFS(vaultgen.Options{Notes: 50})
	for _, f := range fsys {
		f.ModTime = time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	}
	vaultDir, file := t.TempDir(), filepath.Join(t.TempDir(), FileName)
	notes := func(opts ...vault.LoadOption) []*vault.Note {
		v, err := vault.Load(fsys, opts...)
		if err != nil {
			t.Fatal(err)
		}
		var out []*vault.Note
		for _, p := range v.Index().Paths() {
			out = append(out, v.Index().Note(p))
		}
		return out
	}
	full, lean := notes(), notes(vault.WithoutLinkContexts())

	if err := Save(file, testBuild, vaultDir, full, time.Now()); err == nil {
		t.Error("notes with contexts saved as notes without them")
	}
	if err := Save(file, testBuild, vaultDir, full, time.Now(), WithLinkContexts()); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, testBuild, vaultDir); !errors.Is(err, ErrUnusable) {
		t.Errorf("a cache with contexts opened for a load without: %v, want ErrUnusable", err)
	}
	if err := Save(file, testBuild, vaultDir, lean, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, testBuild, vaultDir, WithLinkContexts()); !errors.Is(err, ErrUnusable) {
		t.Errorf("a cache without contexts opened for a load with: %v, want ErrUnusable", err)
	}
	c, err := Open(file, testBuild, vaultDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range lean {
		if got := c.notes[n.Path]; got == nil || !sameNote(got, n) {
			t.Errorf("%s differs in the cache", n.Path)
		}
	}
}

func TestDir_OutsideTheVault(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	vaultDir := t.TempDir()
	a, err := Dir(vaultDir)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Dir(filepath.Join(vaultDir, "..", filepath.Base(vaultDir)))
	if a != b {
		t.Errorf("one vault, two cache folders: %s and %s", a, b)
	}
	if rel, err := filepath.Rel(vaultDir, a); err == nil && filepath.IsLocal(rel) {
		t.Errorf("cache folder %s is inside the vault", a)
	}
	other, _ := Dir(t.TempDir())
	if other == a {
		t.Error("two vaults share a cache folder")
	}
}

// FuzzDecode feeds the note decoder hostile bytes (behind the checksum, which the fuzzer
// would otherwise never get past): it must return notes or an error, never panic or
// allocate more than the input allows, and what it returns must encode back to the same
// bytes.
func FuzzDecode(f *testing.F) {
	notesInTests = 20 // every fuzz worker makes its seed: keep that quick
	notes := generatedNotes(f)[:5]
	var seed encoder
	seed.sections(notes)
	f.Add(seed.b)
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 0, 1, 200, 1})
	f.Fuzz(func(t *testing.T, body []byte) {
		d := decoder{Reader: binread.Reader{B: body}}
		c, err := d.notes()
		if err != nil {
			return
		}
		var again encoder
		again.sections(slices.Collect(maps.Values(c.notes)))
		d2 := decoder{Reader: binread.Reader{B: again.b}}
		c2, err := d2.notes()
		if err != nil {
			t.Fatalf("re-encoded notes do not decode: %v", err)
		}
		for p, n := range c.notes {
			if !sameNote(c2.notes[p], n) {
				t.Fatalf("%q changed in a round trip", p)
			}
		}
	})
}
