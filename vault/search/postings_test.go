package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

// TestPostings_RoundTrip checks that every word's postings give back its notes, whether
// they are kept as differences or as a bitmap.
func TestPostings_RoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 63, 64, 65, 1000} {
		const words = 50
		lists := make([][]byte, n)
		want := make([][]int, words)
		for i := range n {
			for _, w := range rng.Perm(words) {
				// Word w is in about w/words of the notes: from none to all.
				if rng.IntN(words) < w {
					lists[i] = binary.AppendUvarint(lists[i], uint64(w))
					want[w] = append(want[w], i)
				}
			}
		}
		wordOf := make([]uint32, words)
		for i := range wordOf {
			wordOf[i] = uint32(i)
		}
		p := newPostings(n, wordOf, words, lists)
		dense := 0
		for w := range words {
			set := make([]uint64, (n+63)/64)
			p.addWord(set, uint32(w))
			var got []int
			for i := range n {
				if hasBit(set, i) {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, want[w]) {
				t.Fatalf("%d notes, word %d (dense %v): notes %v, want %v", n, w, p.isDense(uint32(w)), got, want[w])
			}
			if p.isDense(uint32(w)) {
				dense++
			}
		}
		if n == 1000 && (dense == 0 || dense == words) {
			t.Errorf("%d of %d words are bitmaps", dense, words)
		}
	}
}

// postingsVault is a small vault whose notes hold a few words each.
func postingsVault() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"a.md": file("The cat sat on the mat.\n"),
		"b.md": file("The dog, the cat.\n"),
		"c.md": file("A bird; the dog sat.\n"),
		"d.md": file("Nothing here at all.\n"),
		"e.md": file("Cats and dogs.\n"),
	}
}

// TestPostings_NoteSets checks which notes the postings give each pattern of a query (those
// whose text may hold it: a superset is allowed, so only tokens sharing a word are extra),
// and what the search then finds.
func TestPostings_NoteSets(t *testing.T) {
	fsys := postingsVault()
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		sets  [][]string // per word, then per exclusion
		found []string
	}{
		{"cat", [][]string{{"a.md", "b.md", "e.md"}}, []string{"a.md:1", "b.md:1", "e.md:1"}},
		// Union: "dog" is in the tokens "dog, ", "dog " and "dogs.".
		{"dog", [][]string{{"b.md", "c.md", "e.md"}}, []string{"b.md:1", "c.md:1", "e.md:1"}},
		// Intersection across words.
		{"cat dog", [][]string{{"a.md", "b.md", "e.md"}, {"b.md", "c.md", "e.md"}}, []string{"b.md:2", "e.md:2"}},
		// A phrase's notes hold its first, middle and last parts; "the dog" in c.md ends
		// "the " and starts "dog": b.md's "the dog," too.
		{`"the dog"`, [][]string{{"b.md", "c.md"}}, []string{"b.md:1", "c.md:1"}},
		{`"the cat sat"`, [][]string{{"a.md"}}, []string{"a.md:1"}},
		// A phrase whose parts are all in a note but not in a row is decided by the scan.
		{`"sat on the dog"`, [][]string{nil}, nil},
		{`"cat sat"`, [][]string{{"a.md"}}, []string{"a.md:1"}},
		// Exclusions: the notes holding them are scanned, then ruled out.
		{"dog -cat", [][]string{{"b.md", "c.md", "e.md"}, {"a.md", "b.md", "e.md"}}, []string{"c.md:1"}},
		{"sat -bird", [][]string{{"a.md", "c.md"}, {"c.md"}}, []string{"a.md:1"}},
		// Part of words, across several words.
		{"at", [][]string{{"a.md", "b.md", "c.md", "d.md", "e.md"}}, []string{"a.md:3", "b.md:1", "c.md:1", "d.md:1", "e.md:1"}},
		// A word in no note.
		{"zebra", [][]string{nil}, nil},
		{"cat zebra", [][]string{{"a.md", "b.md", "e.md"}, nil}, nil},
		{"cat -zebra", [][]string{{"a.md", "b.md", "e.md"}, nil}, []string{"a.md:1", "b.md:1", "e.md:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := ParseQuery(tt.query)
			m := compile(s.dict, q)
			sets := m.noteSets(s.post)
			var got [][]string
			for _, set := range sets {
				var paths []string
				for i, n := range s.notes {
					if hasBit(set, i) {
						paths = append(paths, n.path)
					}
				}
				got = append(got, paths)
			}
			if !reflect.DeepEqual(got, tt.sets) {
				t.Errorf("note sets %q, want %q", got, tt.sets)
			}
			if found := found(t, s, v, v.Index(), tt.query); !reflect.DeepEqual(found, tt.found) {
				t.Errorf("found %q, want %q", found, tt.found)
			}
		})
	}
}

// found lists what a search finds, as "path:count" sorted by path.
func found(t *testing.T, s *Store, v *vault.Vault, ix *vault.Index, query string) []string {
	t.Helper()
	res, err := s.Search(context.Background(), v, ix, ParseQuery(query), 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range res.Notes {
		out = append(out, fmt.Sprintf("%s:%d", n.Path, n.Count))
	}
	slices.Sort(out)
	return out
}

// TestPostings_Update checks that after Update a note found by the Build's postings is no
// longer found once it lost the word, that one that gained it (or a word no note had) is,
// and that removed notes are gone, with and without the codes in a file; and that the old
// store still answers as before.
func TestPostings_Update(t *testing.T) {
	for _, opts := range [][]BuildOption{nil, {CodesIn(t.TempDir())}} {
		fsys := postingsVault()
		v, err := vault.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Build(context.Background(), v, v.Index(), nil, opts...)
		if err != nil {
			t.Fatal(err)
		}
		oldIx := v.Index()
		fsys["a.md"] = &fstest.MapFile{Data: []byte("No felines here.\n")}        // loses cat, sat
		fsys["d.md"] = &fstest.MapFile{Data: []byte("Now a cat, and a zebra.\n")} // gains cat and zebra
		fsys["f.md"] = &fstest.MapFile{Data: []byte("A new cat sat.\n")}
		delete(fsys, "e.md")
		ix := v.Update("a.md", "d.md", "e.md", "f.md")
		u, err := s.Update(context.Background(), v, vault.Reload{Index: ix, Changed: []string{"a.md", "d.md"}, Added: []string{"f.md"}, Removed: []string{"e.md"}})
		if err != nil {
			t.Fatal(err)
		}
		if u.Len() != 5 {
			t.Errorf("Len %d, want 5", u.Len())
		}
		// Update again: a changed note changed once more, an added one removed.
		fsys["d.md"] = &fstest.MapFile{Data: []byte("Now a cat, and a zebra. And the dog sat.\n")}
		delete(fsys, "f.md")
		ix = v.Update("d.md", "f.md")
		u2, err := u.Update(context.Background(), v, vault.Reload{Index: ix, Changed: []string{"d.md"}, Removed: []string{"f.md"}})
		if err != nil {
			t.Fatal(err)
		}
		if u2.Len() != 4 {
			t.Errorf("Len %d, want 4", u2.Len())
		}
		fresh, err := Build(context.Background(), v, ix, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			query string
			want  []string
		}{
			{"cat", []string{"b.md:1", "d.md:1"}},
			{"sat", []string{"c.md:1", "d.md:1"}},
			{"zebra", []string{"d.md:1"}},
			{"felines", []string{"a.md:1"}},
			{"cat -dog", nil},
			{"cat -zebra", []string{"b.md:1"}},
			{`"the dog sat"`, []string{"c.md:1", "d.md:1"}},
			{`"and a zebra"`, []string{"d.md:1"}},
		} {
			if got := found(t, u2, v, ix, tt.query); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("after Update, %q: found %q, want %q", tt.query, got, tt.want)
			}
			if got, want := found(t, u2, v, ix, tt.query), found(t, fresh, v, ix, tt.query); !reflect.DeepEqual(got, want) {
				t.Errorf("after Update, %q: found %q, a new Build %q", tt.query, got, want)
			}
		}
		if got, want := found(t, s, v, oldIx, "cat"), []string{"a.md:1", "b.md:1", "e.md:1"}; !reflect.DeepEqual(got, want) {
			t.Errorf("old store: found %q, want %q", got, want)
		}
		if u2.DiskBytes() != s.DiskBytes() {
			t.Errorf("Update changed the file: %d bytes, were %d", u2.DiskBytes(), s.DiskBytes())
		}
	}
}

// FuzzPostings checks that a search using the postings finds what one scanning every note
// finds, with the codes in memory and in a file.
func FuzzPostings(f *testing.F) {
	for _, q := range []string{"cat", `"the dog"`, "dog -cat", "at", "zebra", `"sat on the`, "a, b", "-the", ". the"} {
		f.Add(q)
	}
	fsys := postingsVault()
	fsys["f.md"] = &fstest.MapFile{Data: []byte("# The title\n\nThe cat, the dog, and the bird sat on a mat; a cat's hat.\n\nThe end.\n")}
	v, err := vault.Load(fsys)
	if err != nil {
		f.Fatal(err)
	}
	s, err := Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		f.Fatal(err)
	}
	inFile, err := Build(context.Background(), v, v.Index(), nil, CodesIn(f.TempDir()))
	if err != nil {
		f.Fatal(err)
	}
	scanAll := *s
	scanAll.post = nil
	f.Fuzz(func(t *testing.T, query string) {
		q := ParseQuery(query)
		want, err := scanAll.Search(context.Background(), v, v.Index(), q, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []*Store{s, inFile} {
			got, err := st.Search(context.Background(), v, v.Index(), q, 10)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: with postings %+v, scanning all %+v", query, got, want)
			}
		}
	})
}
