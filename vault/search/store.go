package search

import (
	"bytes"
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"vaultview/vault"
)

// Store holds the text of every note of a vault in memory, compactly, so that every note can
// be searched on each keystroke without reading the disk. A Store is never changed once
// built: Update returns a new one that shares what did not change, so a search running on
// the old one is never disturbed.
type Store struct {
	dict  *dictionary
	notes []noteText // sorted by path
	// codeBytes is the sum of the notes' code lengths.
	codeBytes int
}

// noteText is one note's folded text as token codes (see dictionary).
type noteText struct {
	path  string
	codes []byte
}

// Len is the number of notes held.
func (s *Store) Len() int { return len(s.notes) }

// Bytes is the memory the store's text takes: the notes' codes and the dictionary. (The
// text of the 160 MB generated vault takes about 21 MB: see bench_test.go.)
func (s *Store) Bytes() int { return s.codeBytes + s.dict.bytes() }

// progressEvery is how many notes Build reads between calls of its progress callback.
const progressEvery = 200

// Build reads the text of every note of ix from v, on all cores. progress, when not nil, is
// called now and then with the number of notes read so far and the total (calls never
// overlap, but come from Build's goroutines). A note that cannot be read is held with no
// text, so that filters still find it. The only error is ctx's, when it is cancelled.
func Build(ctx context.Context, v *vault.Vault, ix *vault.Index, progress func(done, total int)) (*Store, error) {
	paths := ix.Paths()
	base, short := sampleTokens(v, ix, paths)
	// Tokens not in the sample get the ids after it in the order they are first met.
	var newMu sync.Mutex
	added := map[string]uint32{}
	var addedList [][]byte
	id := func(t []byte) uint32 {
		if id, ok := base[string(t)]; ok {
			return id
		}
		newMu.Lock()
		defer newMu.Unlock()
		if id, ok := added[string(t)]; ok {
			return id
		}
		id := uint32(len(base) + len(addedList))
		c := bytes.Clone(t)
		added[string(c)] = id
		addedList = append(addedList, c)
		return id
	}

	notes := make([]noteText, len(paths))
	var progMu sync.Mutex
	var done atomic.Int64
	report := func(n int) {
		if progress == nil {
			return
		}
		progMu.Lock()
		progress(n, len(paths))
		progMu.Unlock()
	}
	err := forEach(ctx, len(paths), func(w *worker, i int) {
		p := paths[i]
		notes[i] = noteText{path: p, codes: w.encode(v, ix.Note(p), p, id, short)}
		if n := int(done.Add(1)); n%progressEvery == 0 && n < len(paths) {
			report(n)
		}
	})
	if err != nil {
		return nil, err
	}
	report(len(paths))

	tokens := make([][]byte, len(base)+len(addedList))
	for t, id := range base {
		tokens[id] = []byte(t)
	}
	copy(tokens[len(base):], addedList)
	s := &Store{notes: notes}
	s.dict = newDictionary(tokens, nil)
	s.dict.short = short
	for _, n := range notes {
		s.codeBytes += len(n.codes)
	}
	return s, nil
}

// sampleTokens counts the tokens of a sample of the notes and gives them ids, most frequent
// first, so that the words the vault uses most get one-byte codes; it also chooses how many
// one-byte codes there are.
func sampleTokens(v *vault.Vault, ix *vault.Index, paths []string) (map[string]uint32, int) {
	step := max(1, len(paths)/1000)
	var sample []string
	for i := 0; i < len(paths); i += step {
		sample = append(sample, paths[i])
	}
	var mu sync.Mutex
	counts := map[string]int{}
	var local []map[string]int
	forEach(context.Background(), len(sample), func(w *worker, i int) {
		if w.counts == nil {
			w.counts = map[string]int{}
			mu.Lock()
			local = append(local, w.counts)
			mu.Unlock()
		}
		text := w.text(v, ix.Note(sample[i]), sample[i])
		for k := 0; k < len(text); {
			e := nextToken(text, k)
			w.counts[string(text[k:e])]++
			k = e
		}
	})
	for _, m := range local {
		for t, n := range m {
			counts[t] += n
		}
	}
	type tokenCount struct {
		t string
		n int
	}
	list := make([]tokenCount, 0, len(counts))
	for t, n := range counts {
		list = append(list, tokenCount{t, n})
	}
	slices.SortFunc(list, func(a, b tokenCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.t, b.t)
	})
	ids := make(map[string]uint32, len(list))
	freq := make([]int, len(list))
	for i, tc := range list {
		ids[tc.t] = uint32(i)
		freq[i] = tc.n
	}
	return ids, bestShort(freq)
}

// Update returns a store for the vault after the reload r: the notes r added or changed are
// read again (r.Index says where their bodies start), those it removed are dropped, and
// everything else is shared with s. Attachments in r are ignored. The only error is ctx's.
func (s *Store) Update(ctx context.Context, v *vault.Vault, r vault.Reload) (*Store, error) {
	ix := r.Index
	if ix == nil {
		ix = v.Index()
	}
	drop := map[string]bool{}
	var read []string
	for _, list := range [][]string{r.Removed, r.Changed, r.Added} {
		for _, p := range list {
			drop[p] = true
		}
	}
	for _, list := range [][]string{r.Changed, r.Added} {
		for _, p := range list {
			if ix.Note(p) != nil {
				read = append(read, p)
			}
		}
	}
	slices.Sort(read)
	read = slices.Compact(read)

	d := s.dict
	var newMu sync.Mutex
	added := map[string]uint32{}
	var addedList [][]byte
	// Each worker remembers the ids it looked up: the same few hundred words make most of
	// every note.
	lookup := func(w *worker) func(t []byte) uint32 {
		return func(t []byte) uint32 {
			if id, ok := w.ids[string(t)]; ok {
				return id
			}
			id, ok := d.lookup(t)
			if !ok {
				newMu.Lock()
				if id, ok = added[string(t)]; !ok {
					id = uint32(d.len() + len(addedList))
					c := bytes.Clone(t)
					added[string(c)] = id
					addedList = append(addedList, c)
				}
				newMu.Unlock()
			}
			w.ids[string(t)] = id
			return id
		}
	}
	fresh := make([]noteText, len(read))
	err := forEach(ctx, len(read), func(w *worker, i int) {
		if w.ids == nil {
			w.ids = map[string]uint32{}
		}
		p := read[i]
		fresh[i] = noteText{path: p, codes: w.encode(v, ix.Note(p), p, lookup(w), d.short)}
	})
	if err != nil {
		return nil, err
	}

	ns := &Store{dict: d.with(addedList)}
	ns.notes = make([]noteText, 0, len(s.notes)+len(fresh))
	for _, n := range s.notes {
		if !drop[n.path] {
			ns.notes = append(ns.notes, n)
		}
	}
	ns.notes = append(ns.notes, fresh...)
	slices.SortFunc(ns.notes, func(a, b noteText) int { return cmp.Compare(a.path, b.path) })
	for _, n := range ns.notes {
		ns.codeBytes += len(n.codes)
	}
	return ns, nil
}

// worker is the scratch space of one goroutine reading notes.
type worker struct {
	strip  stripper
	codes  []byte
	arena  []byte
	counts map[string]int
	ids    map[string]uint32
	// The search's own scratch.
	title []byte
	cands []candidate
}

// arenaSize is the size of the blocks the notes' codes are packed into: one allocation per
// note would waste a tenth of the memory on the allocator's size classes.
const arenaSize = 256 << 10

// text returns the folded text of the note at p, in the worker's buffer. A note that cannot
// be read has none.
func (w *worker) text(v *vault.Vault, n *vault.Note, p string) []byte {
	src, err := v.Source(p)
	if err != nil {
		return nil
	}
	body := 0
	if n != nil {
		body = n.BodyOffset
	}
	w.strip.strip(src, body)
	w.strip.src = nil
	text := w.strip.out
	fold(text)
	if cap(w.strip.out) > 4<<20 {
		w.strip.out = nil // let one huge note's buffer go
	}
	return text
}

// encode returns the codes of the note at p, packed into the worker's arena.
func (w *worker) encode(v *vault.Vault, n *vault.Note, p string, id func([]byte) uint32, short int) []byte {
	text := w.text(v, n, p)
	codes := w.codes[:0]
	for k := 0; k < len(text); {
		e := nextToken(text, k)
		codes = appendCode(codes, id(text[k:e]), short)
		k = e
	}
	w.codes = codes
	if len(codes) == 0 {
		return nil
	}
	if len(w.arena)+len(codes) > cap(w.arena) {
		w.arena = make([]byte, 0, max(arenaSize, len(codes)))
	}
	a := len(w.arena)
	w.arena = append(w.arena, codes...)
	return w.arena[a:len(w.arena):len(w.arena)]
}

// forEach calls f for 0 ≤ i < n on GOMAXPROCS goroutines, each with its own worker, and
// stops early when ctx is cancelled, returning its error.
func forEach(ctx context.Context, n int, f func(w *worker, i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			w := &worker{}
			for {
				if ctx.Err() != nil {
					return
				}
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(w, i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
