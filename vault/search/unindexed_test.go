package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/vault"
	"vaultview/vault/search"
)

func readText(t testing.TB, v *vault.Vault, opts ...search.BuildOption) *search.Store {
	t.Helper()
	s, err := search.ReadText(context.Background(), v, v.Index(), nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if s.Indexed() {
		t.Fatal("ReadText made an indexed store")
	}
	return s
}

// randomVault is TestSearch_CountsAgreeWithText's kind of vault: notes made of pieces that
// meet in every way a token can, with a generator of queries from the same pieces.
func randomVault(seed uint64) (fstest.MapFS, func() string) {
	rng := rand.New(rand.NewPCG(seed, 2))
	pieces := []string{"a", "ab", "ba", "b", "aba", " ", " ", " ", ", ", ". ", "-", "é", "É", "\n", "x_y", "**", "[[a|b]]", "a a", "#t", "> "}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	fsys := fstest.MapFS{}
	for i := range 40 {
		fsys[fmt.Sprintf("zz%02d.md", i)] = &fstest.MapFile{Data: []byte(gen(rng.IntN(200)))}
	}
	query := func() string {
		var words []string
		for range 1 + rng.IntN(3) {
			w := strings.TrimSpace(gen(1 + rng.IntN(3)))
			switch rng.IntN(4) {
			case 0:
				w = `"` + w + `"`
			case 1:
				w = "-" + w
			}
			words = append(words, w)
		}
		return strings.Join(words, " ")
	}
	return fsys, query
}

// The unindexed store answers every query exactly as the index built from the same notes,
// snippets and ranking included, whether its text is in memory or in a file.
func TestReadText_AnswersAsTheIndex(t *testing.T) {
	check := func(t *testing.T, fsys fstest.MapFS, queries []string) {
		v, built := loadTest(t, fsys)
		for _, where := range []string{"memory", "file"} {
			var opts []search.BuildOption
			if where == "file" {
				opts = append(opts, search.CodesIn(t.TempDir()))
			}
			text := readText(t, v, opts...)
			if text.Len() != built.Len() {
				t.Fatalf("%s: Len %d, want %d", where, text.Len(), built.Len())
			}
			if (where == "file") != (text.DiskBytes() > 0) {
				t.Errorf("%s: %d bytes on disk", where, text.DiskBytes())
			}
			for _, p := range v.Index().Paths() {
				got, _ := text.TextOf(p)
				want, _ := built.TextOf(p)
				if got != want {
					t.Errorf("%s: text of %s %q, want %q", where, p, got, want)
				}
			}
			for _, q := range queries {
				got, want := run(t, v, text, q), run(t, v, built, q)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %q: unindexed %v, index %v", where, q, summary(got), summary(want))
				}
			}
		}
	}
	t.Run("test vault", func(t *testing.T) {
		check(t, testVault(), append(persistQueries, "é É ß", "a, b. c", `-"`, "wheel -fly", `"the flywheel" "exact"`))
	})
	t.Run("random", func(t *testing.T) {
		fsys, query := randomVault(1)
		var queries []string
		for range 300 {
			queries = append(queries, query())
		}
		check(t, fsys, queries)
	})
}

// Build given the text ReadText read indexes that text and does not read the notes again.
func TestBuild_FromText(t *testing.T) {
	fsys := testVault()
	v, built := loadTest(t, fsys)
	text := readText(t, v)
	// The files change after the text was read; only a build that reads them sees it.
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: []byte("# Café\n\nNow about zebras.\n")}
	from, err := search.Build(context.Background(), v, v.Index(), nil, search.FromText(text))
	if err != nil {
		t.Fatal(err)
	}
	if !from.Indexed() || !from.Savable() {
		t.Error("Build from text made a store that is not indexed, or not savable")
	}
	sameResults(t, v, from, built)
	again, err := search.Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(run(t, v, again, "zebras")); !reflect.DeepEqual(got, []string{"notes/cafe.md:1"}) {
		t.Errorf("a build reading the files finds zebras in %v", got)
	}
	// A note the text lacks is read from the vault.
	fsys["new.md"] = &fstest.MapFile{Data: []byte("Quokkas everywhere.\n")}
	ix := v.Update("new.md")
	from, err = search.Build(context.Background(), v, ix, nil, search.FromText(text))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := from.TextOf("new.md"); !strings.Contains(got, "quokkas everywhere") {
		t.Errorf("note missing from the text: %q", got)
	}
}

// An unindexed store follows the vault's changes as an index does, stays unindexed, and is
// never saved.
func TestReadText_Update(t *testing.T) {
	fsys := testVault()
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	text := readText(t, v)
	fsys["notes/new.md"] = &fstest.MapFile{Data: []byte("A brand new flywheel with unseenword inside.\n")}
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: []byte("# Café\n\nNow about a flywheel, and zebra crossings.\n")}
	delete(fsys, "acquired/nvidia.md")
	ix := v.Update("notes/new.md", "notes/cafe.md", "acquired/nvidia.md")
	updated, err := text.Update(context.Background(), v, vault.Reload{Index: ix, Added: []string{"notes/new.md"}, Changed: []string{"notes/cafe.md"}, Removed: []string{"acquired/nvidia.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Indexed() {
		t.Error("the update of an unindexed store is indexed")
	}
	fresh, err := search.Build(context.Background(), v, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Len() != ix.Len() {
		t.Errorf("Len %d, want %d", updated.Len(), ix.Len())
	}
	for _, q := range []string{"flywheel", "unseenword", "zebra crossings", "graphics", "café -zebra", "tag:business"} {
		got, want := run(t, v, updated, q), run(t, v, fresh, q)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: updated %v, fresh build %v", q, summary(got), summary(want))
		}
	}
	if updated.Savable() {
		t.Error("an unindexed store says it can be saved")
	}
	if err := updated.Save(t.TempDir()+"/index", "b", "/v", ix, time.Now()); err == nil {
		t.Error("an unindexed store was saved")
	}
}

// A file that cannot be written is ReadText's error, not text kept in memory instead.
func TestReadText_FolderUnusable(t *testing.T) {
	v, _ := loadTest(t, testVault())
	file := t.TempDir() + "/file"
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := search.ReadText(context.Background(), v, v.Index(), nil, search.CodesIn(file)); err == nil {
		t.Error("ReadText into a folder that is a file succeeded")
	}
}
