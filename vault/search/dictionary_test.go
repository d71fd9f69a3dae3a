package search

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// shapes are code shapes that between them use every kind of code: one-byte codes and
// escapes only, three-byte codes from the second id on, and the three lengths and escapes.
var shapes = []codeShape{{255, 0}, {1, 0}, {4, 2}, {3, 252}, {115, 136}}

func TestCode_RoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range shapes {
		two, three, long := c.limits()
		ids := []uint32{0, 1, two - 1, two, two + 1, three - 1, three, three + 1, long - 1, long, long + 1, 1 << 24, 1<<32 - 1}
		for range 1000 {
			ids = append(ids, rng.Uint32N(long+1000))
		}
		m := compile(newDictionary(nil, c), Query{})
		for _, id := range ids {
			b := appendCode(nil, id, c)
			got, end := readCode(b, 0, c)
			if got != id || end != len(b) {
				t.Fatalf("shape %v: id %d coded %x reads as %d, %d bytes", c, id, b, got, end)
			}
			if b[0] == 0xFF {
				continue // escapes are read by readCode alone
			}
			padded := append(b, 0, 0)
			dc := m.dec[padded[0]]
			if got := dc.id(padded[1], padded[2]); got != id || int(dc.size) != len(b) {
				t.Fatalf("shape %v: id %d coded %x decodes as %d, %d bytes", c, id, b, got, dc.size)
			}
		}
	}
}

func TestBestShape_FitsTheCounts(t *testing.T) {
	// A long flat tail wants many two- and three-byte codes; a few tokens fit in one byte.
	tail := make([]int, 300000)
	for i := range tail {
		tail[i] = 1 + 1000000/(i+1)
	}
	if c := bestShape(tail); c.one+c.two >= 255 {
		t.Errorf("long tail: shape %v has no three-byte codes", c)
	}
	if c := bestShape([]int{5, 4, 3}); c.one < 3 {
		t.Errorf("three tokens: shape %v", c)
	}
}

// reshaped returns s with its codes rewritten in shape c, in memory or, with dir, in a
// file there.
func reshaped(t *testing.T, s *Store, c codeShape, dir string) *Store {
	tokens := make([][]byte, s.dict.len())
	same := make([]uint32, s.dict.len())
	for id := range tokens {
		tokens[id] = s.dict.token(uint32(id))
		same[id] = uint32(id)
	}
	codes := make([][]byte, len(s.notes))
	w := &worker{}
	for i, n := range s.notes {
		old, err := n.src.read(nil, n.at, n.n)
		if err != nil {
			t.Fatal(err)
		}
		recoded, _ := w.recode(old, s.dict.shape, same, c, nil)
		codes[i] = bytes.Clone(recoded)
	}
	var cf *codeFile
	var offsets []int64
	if dir != "" {
		var err error
		if cf, offsets, err = writeCodes(dir, codes); err != nil {
			t.Fatal(err)
		}
	} else {
		var all []byte
		for _, b := range codes {
			offsets = append(offsets, int64(len(all)))
			all = append(all, b...)
		}
		cf = inMemory(all)
	}
	ns := &Store{dict: newDictionary(tokens, c), post: s.post, codes: cf, count: s.count, notes: make([]noteText, len(s.notes))}
	for i, n := range s.notes {
		ns.notes[i] = noteText{path: n.path, src: cf, at: offsets[i], n: len(codes[i])}
	}
	return ns
}

// TestSearch_SameInEveryShape searches a generated vault, whose vocabulary has a long
// tail, for common and rare words, parts of words and phrases taken from its text, and
// checks that the store finds what a plain search of the notes' folded text finds, with the
// same results whatever the shape of the codes.
func TestSearch_SameInEveryShape(t *testing.T) {
	o := vaultgen.DefaultOptions()
	o.Notes = 300
	o.HugeNotes = -1
	fsys := vaultgen.MapFS(o)
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	built, err := Build(context.Background(), v, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]byte{}
	var tokens [][]byte
	for _, p := range ix.Paths() {
		src, err := v.Source(p)
		if err != nil {
			t.Fatal(err)
		}
		text := Strip(src, ix.Note(p).BodyOffset).Plain
		fold(text)
		texts[p] = text
		if got, _ := built.TextOf(p); got != string(text) {
			t.Fatalf("store text of %s differs from its folded text", p)
		}
		tokens = append(tokens, splitTokens(text)...)
	}

	rng := rand.New(rand.NewPCG(5, 6))
	var queries []Query
	word := func(k int) string { return strings.TrimSpace(string(bytes.Trim(tokens[k], " ,.;:!?"))) }
	for range 25 {
		k := rng.IntN(len(tokens) - 3)
		queries = append(queries,
			Query{Words: []string{word(k)}},
			Query{Words: []string{string(bytes.Join(tokens[k:k+1+rng.IntN(3)], nil))}},
			Query{Words: []string{word(k), word(k + 2)}},
			Query{Words: []string{word(k)}, Without: []string{word(k + 1)}},
		)
		if w := word(k); len(w) > 3 {
			queries = append(queries, Query{Words: []string{w[1 : len(w)-1]}})
		}
	}
	// The rarest tokens have the longest codes.
	counts := map[string]int{}
	for _, tok := range tokens {
		counts[string(tok)]++
	}
	rare := 0
	for k := len(tokens) - 1; k >= 0 && rare < 20; k -= 7 {
		if counts[string(tokens[k])] == 1 {
			queries = append(queries, Query{Words: []string{string(tokens[k])}}, Query{Words: []string{string(bytes.Join(tokens[max(0, k-1):k+1], nil))}})
			rare++
		}
	}

	want := make([]Results, len(queries))
	for i, q := range queries {
		res, err := built.Search(context.Background(), v, ix, q, len(texts))
		if err != nil {
			t.Fatal(err)
		}
		if got, exp := counted(res), plainSearch(ix, texts, q); !reflect.DeepEqual(got, exp) {
			t.Errorf("%q -%q: found %v, the text holds %v", q.Words, q.Without, got, exp)
		}
		if want[i], err = built.Search(context.Background(), v, ix, q, 10); err != nil {
			t.Fatal(err)
		}
	}
	inFile, err := Build(context.Background(), v, ix, nil, CodesIn(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if inFile.DiskBytes() == 0 || inFile.DiskBytes() != built.CodeBytes() || built.DiskBytes() != 0 {
		t.Errorf("codes: %d bytes on disk, %d in memory when built without a file", inFile.DiskBytes(), built.CodeBytes())
	}
	for _, p := range ix.Paths() {
		if got, _ := inFile.TextOf(p); got != string(texts[p]) {
			t.Fatalf("store text of %s in a file differs from its folded text", p)
		}
	}
	stores := map[string]*Store{"in a file": inFile}
	for i, c := range shapes {
		stores[fmt.Sprintf("shape %v", c)] = reshaped(t, built, c, "")
		if i%2 == 1 {
			stores[fmt.Sprintf("shape %v in a file", c)] = reshaped(t, built, c, t.TempDir())
		}
	}
	// Without postings every note is scanned.
	noPostings := *built
	noPostings.post = nil
	stores["without postings"] = &noPostings
	for name, s := range stores {
		for i, q := range queries {
			res, err := s.Search(context.Background(), v, ix, q, 10)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res, want[i]) {
				t.Errorf("%s, %q -%q: %v, in the built store %v", name, q.Words, q.Without, counted(res), counted(want[i]))
			}
		}
	}
}

// counted lists the notes found with their counts, and the totals.
func counted(res Results) map[string]int {
	out := map[string]int{"total": res.Total, "matches": res.Matches}
	for _, n := range res.Notes {
		out[n.Path] = n.Count
	}
	return out
}

// plainSearch is what counted should give for q, from the folded texts and titles.
func plainSearch(ix *vault.Index, texts map[string][]byte, q Query) map[string]int {
	words, without := normalizeWords(q.Words), normalizeWords(q.Without)
	out := map[string]int{"total": 0, "matches": 0}
	for p, text := range texts {
		title := foldString(ix.Note(p).Title)
		ok, count := true, 0
		for _, w := range words {
			n := bytes.Count(text, []byte(w))
			ok = ok && (n > 0 || strings.Contains(title, w))
			count += n
		}
		for _, w := range without {
			ok = ok && !bytes.Contains(text, []byte(w)) && !strings.Contains(title, w)
		}
		if ok {
			out[p] = count
			out["total"]++
			out["matches"] += count
		}
	}
	return out
}

func TestByCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	counts := make([]int, 5000)
	for i := range counts {
		counts[i] = rng.IntN(3) * rng.IntN(1000)
	}
	got := byCount(counts)
	want := make([]uint32, len(counts))
	for i := range want {
		want[i] = uint32(i)
	}
	slices.SortStableFunc(want, func(a, b uint32) int { return cmp.Compare(counts[b], counts[a]) })
	if !slices.Equal(got, want) {
		t.Errorf("byCount differs from a stable sort by count")
	}
}
