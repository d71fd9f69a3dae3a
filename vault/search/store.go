package search

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"vaultview/vault"
)

// Store holds the text of every note of a vault compactly, so that every note can be
// searched on each keystroke: the notes' codes (see dictionary), on the heap or in a file
// (CodesIn), and postings saying which notes hold which words, so that a search reads and
// scans only the codes of the notes that can match. A Store ReadText makes holds the
// notes' text itself instead, with neither dictionary nor postings (see Indexed), and every
// search scans all of it. A Store is never changed once built: Update returns a new one
// that shares what did not change, so a search running on the old one is never disturbed.
type Store struct {
	dict *dictionary
	post *postings
	// notes are those Build read, sorted by path; postings know them by their index here.
	// Those Update removed or read again are marked in gone (nil when none are) and stay,
	// so that the indexes hold.
	notes []noteText
	gone  []uint64
	// fresh are the notes Update read, sorted by path, their codes in memory. The postings
	// know nothing of them: every search scans them (they are few).
	fresh []noteText
	// codes are those of notes, as Build wrote them.
	codes *codeFile
	// count is the number of notes held; freshBytes the sum of the fresh notes' codes.
	count, freshBytes int
}

// noteText is one note's folded text as token codes (see dictionary): n bytes at offset at
// of src.
type noteText struct {
	path string
	src  *codeFile
	at   int64
	n    int
}

// Len is the number of notes held.
func (s *Store) Len() int { return s.count }

// Bytes is the heap the store's text takes: the dictionary, the postings, the notes' places
// and whatever codes are in memory (all of them unless CodesIn was given, otherwise only
// those of the notes Update read). The text of the 157 MB calibrated vault takes about
// 16.5 MB with CodesIn (11 MB of it postings, 4.7 MB the dictionary) and 26 MB more when
// the codes are in memory: see BenchmarkBuild.
func (s *Store) Bytes() int {
	n := s.dict.bytes() + s.post.bytes() + int(unsafe.Sizeof(noteText{}))*(len(s.notes)+len(s.fresh)) + 8*len(s.gone) + s.freshBytes
	if s.codes.heap {
		n += int(s.codes.size)
	}
	return n
}

// DiskBytes is the size of the file holding the codes of the notes Build read (0 when they
// are in memory).
func (s *Store) DiskBytes() int {
	if s.codes.heap {
		return 0
	}
	return int(s.codes.size)
}

// codeBytes is the size of all the notes' codes, wherever they are.
func (s *Store) codeBytes() int {
	n := s.freshBytes
	for i, nt := range s.notes {
		if !s.isGone(i) {
			n += nt.n
		}
	}
	return n
}

func (s *Store) isGone(i int) bool { return s.gone != nil && hasBit(s.gone, i) }

// progressEvery is how many notes Build reads between calls of its progress callback.
const progressEvery = 200

// Build reads the text of every note of ix from v, on all cores. progress, when not nil, is
// called now and then with the number of notes read so far and the total (calls never
// overlap, but come from Build's goroutines). A note that cannot be read is held with no
// text, so that filters still find it. The only error is ctx's, when it is cancelled.
// opts may keep the notes' codes in a file (CodesIn).
//
// The notes are read once. Their tokens get provisional ids as they are met (those of a
// sample first, by frequency, so that most lookups need no lock) and are counted; then the
// ids are numbered again by how often they occur in the whole vault and every note's codes
// rewritten with them, which costs little next to reading the notes and gives the tail of
// rare words, which a sample cannot rank, the shortest codes it can have. The rewriting
// also lists each note's words, for the postings.
func Build(ctx context.Context, v *vault.Vault, ix *vault.Index, progress func(done, total int), opts ...BuildOption) (*Store, error) {
	var cfg buildConfig
	for _, o := range opts {
		o(&cfg)
	}
	paths := ix.Paths()
	base, sampleShape := sampleTokens(v, ix, paths, cfg.from)
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

	codes := make([][]byte, len(paths))
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
	var tallyMu sync.Mutex
	var tallies []*[]uint32
	err := forEach(ctx, len(paths), func(w *worker, i int) {
		if !w.counting {
			w.counting = true
			w.from = cfg.from
			tallyMu.Lock()
			tallies = append(tallies, &w.tally)
			tallyMu.Unlock()
		}
		p := paths[i]
		codes[i] = w.encode(v, ix.Note(p), p, id, sampleShape)
		if n := int(done.Add(1)); n%progressEvery == 0 && n < len(paths) {
			report(n)
		}
	})
	if err != nil {
		return nil, err
	}

	tokens := make([][]byte, len(base)+len(addedList))
	for t, id := range base {
		tokens[id] = []byte(t)
	}
	copy(tokens[len(base):], addedList)
	counts := make([]int, len(tokens))
	for _, t := range tallies {
		for id, n := range (*t)[:min(len(*t), len(counts))] {
			counts[id] += int(n)
		}
	}
	order := byCount(counts)
	renumber := make([]uint32, len(tokens))
	ranked := make([][]byte, len(tokens))
	freq := make([]int, len(tokens))
	for rank, old := range order {
		renumber[old] = uint32(rank)
		ranked[rank] = tokens[old]
		freq[rank] = counts[old]
	}
	shape := bestShape(freq)
	wordOf, words := tokenWords(ranked)
	lists := make([][]byte, len(codes))
	offsets := make([]int64, len(codes))
	var cw *codeWriter
	if cfg.codesDir != "" {
		cw, _ = newCodeWriter(cfg.codesDir) // else in memory
		if cw != nil && cfg.codesOut != nil {
			cw.out = cfg.codesOut(cw.out)
		}
	}
	cf, err := recodeAll(ctx, codes, offsets, cw, func(w *worker, i int) []byte {
		out, list := w.recode(codes[i], sampleShape, renumber, shape, &wordList{of: wordOf, words: words, note: i})
		lists[i] = list
		return out
	})
	if errors.Is(err, errCodeFile) {
		return Build(ctx, v, ix, progress) // the first codes are gone: read the notes again
	}
	if err != nil {
		return nil, err
	}
	// The postings are made while the dictionary is.
	posted := make(chan *postings, 1)
	go func(lists [][]byte) { posted <- newPostings(len(paths), wordOf, words, lists) }(lists)
	lists = nil
	report(len(paths))

	dict := newDictionary(ranked, shape)
	s := &Store{dict: dict, post: <-posted, codes: cf.file, count: len(paths), notes: make([]noteText, len(paths))}
	for i, p := range paths {
		s.notes[i] = noteText{path: p, src: cf.file, at: offsets[i], n: cf.lens[i]}
	}
	return s, nil
}

// recodedCodes are the codes recodeAll stored, in a file or in memory, and their lengths.
type recodedCodes struct {
	file *codeFile
	lens []int
}

// recodeChunk is how many notes recodeAll renumbers at a time.
const recodeChunk = 256

// recodeAll replaces each note's codes with recode's (which returns them in the worker's
// scratch space) and stores them, one after another in the notes' order, with cw (in
// memory when it is nil), setting offsets. The notes are renumbered in chunks, on all
// cores, and a chunk is stored once the chunks before it are, each note's first codes let
// go as it goes: neither set of codes is ever in memory whole, where storing them after
// recoding them all held both (some 50 MB at the peak of a 20,000-note build, in a window
// whose heap is then at its limit).
func recodeAll(ctx context.Context, codes [][]byte, offsets []int64, cw *codeWriter, recode func(w *worker, i int) []byte) (*recodedCodes, error) {
	rc := &recodedCodes{lens: make([]int, len(codes))}
	var all []byte // the codes, when kept in memory
	if cw == nil {
		var total int
		for _, c := range codes {
			total += len(c)
		}
		all = make([]byte, 0, total+total/8)
	}
	type chunk struct {
		buf []byte
		ok  bool
	}
	chunks := make([]chunk, (len(codes)+recodeChunk-1)/recodeChunk)
	var mu sync.Mutex
	next := 0
	var free [][]byte
	var writeErr error
	store := func(c int, buf []byte) {
		first := c * recodeChunk
		at := 0
		for i := first; i < min(len(codes), first+recodeChunk); i++ {
			b := buf[at : at+rc.lens[i]]
			at += rc.lens[i]
			if cw == nil {
				offsets[i] = int64(len(all))
				all = append(all, b...)
			} else if writeErr == nil {
				offsets[i], writeErr = cw.write(b)
			}
		}
	}
	err := forEach(ctx, len(chunks), func(w *worker, c int) {
		mu.Lock()
		var buf []byte
		if n := len(free); n > 0 {
			buf, free = free[n-1][:0], free[:n-1]
		}
		mu.Unlock()
		for i := c * recodeChunk; i < min(len(codes), (c+1)*recodeChunk); i++ {
			out := recode(w, i)
			rc.lens[i] = len(out)
			buf = append(buf, out...)
			codes[i] = nil // its first codes are no longer needed
		}
		mu.Lock()
		defer mu.Unlock()
		chunks[c] = chunk{buf, true}
		for next < len(chunks) && chunks[next].ok {
			store(next, chunks[next].buf)
			free = append(free, chunks[next].buf)
			chunks[next] = chunk{ok: true}
			next++
		}
	})
	if err != nil {
		if cw != nil {
			cw.abandon()
		}
		return nil, err
	}
	if cw != nil {
		if writeErr != nil {
			cw.abandon()
			return nil, fmt.Errorf("%w: %v", errCodeFile, writeErr)
		}
		f, err := cw.finish()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errCodeFile, err)
		}
		rc.file = f
		return rc, nil
	}
	if cap(all)-len(all) > len(all)/32 {
		all = bytes.Clone(all) // the new codes came out shorter than the first: let the rest go
	}
	rc.file = inMemory(all)
	return rc, nil
}

// errCodeFile is a failure to write the codes' file (out of room, say) after the notes'
// first codes were let go: Build then starts again with the codes in memory.
var errCodeFile = errors.New("search: writing the codes' file")

// tokenWords numbers the words of the tokens (their leading runs of word bytes), in the
// order of the tokens (so the most frequent words first), and gives each token's word.
func tokenWords(tokens [][]byte) ([]uint32, int) {
	wordOf := make([]uint32, len(tokens))
	ids := make(map[string]uint32, len(tokens)/2)
	for i, t := range tokens {
		w := t[:wordEnd(t)]
		id, ok := ids[string(w)]
		if !ok {
			id = uint32(len(ids))
			ids[string(w)] = id
		}
		wordOf[i] = id
	}
	return wordOf, len(ids)
}

// byCount returns the ids ordered by their counts, most frequent first, ties by id. Most
// tokens are rare, so the ids seen fewer than sortAbove times are placed by counting and
// only the others sorted.
func byCount(counts []int) []uint32 {
	const sortAbove = 256
	var sizes [sortAbove]int
	var order []uint32
	for id, n := range counts {
		if n >= sortAbove {
			order = append(order, uint32(id))
		} else {
			sizes[n]++
		}
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// starts[n] is where the ids seen n times begin, after all those seen more often.
	var starts [sortAbove]int
	at := len(order)
	for n := sortAbove - 1; n >= 0; n-- {
		starts[n] = at
		at += sizes[n]
	}
	order = append(order, make([]uint32, at-len(order))...)
	for id, n := range counts {
		if n < sortAbove {
			order[starts[n]] = uint32(id)
			starts[n]++
		}
	}
	return order
}

// sampleTokens counts the tokens of a sample of the notes and gives them ids, most frequent
// first, so that the words the vault uses most get short provisional codes; it also chooses
// their shape.
func sampleTokens(v *vault.Vault, ix *vault.Index, paths []string, from *Store) (map[string]uint32, codeShape) {
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
			w.from = from
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
	return ids, bestShape(freq)
}

// Update returns a store for the vault after the reload r: the notes r added or changed are
// read again (r.Index says where their bodies start), those it removed are dropped, and
// everything else is shared with s. Attachments in r are ignored. The only error is ctx's.
func (s *Store) Update(ctx context.Context, v *vault.Vault, r vault.Reload) (*Store, error) {
	var ix Notes = r.Index
	if r.Index == nil {
		ix = v.Index()
	}
	return s.update(ctx, v, ix, r.Removed, r.Changed, r.Added)
}

// update is Update with the notes' bodies and titles from ix.
func (s *Store) update(ctx context.Context, v *vault.Vault, ix Notes, removed, changed, added []string) (*Store, error) {
	drop := map[string]bool{}
	var read []string
	for _, list := range [][]string{removed, changed, added} {
		for _, p := range list {
			drop[p] = true
		}
	}
	for _, list := range [][]string{changed, added} {
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
	newIDs := map[string]uint32{}
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
				if id, ok = newIDs[string(t)]; !ok {
					id = uint32(d.len() + len(addedList))
					c := bytes.Clone(t)
					newIDs[string(c)] = id
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
		p := read[i]
		var codes []byte
		if d == nil {
			codes = bytes.Clone(w.text(v, ix.Note(p), p)) // unindexed: the text itself
		} else {
			if w.ids == nil {
				w.ids = map[string]uint32{}
			}
			codes = bytes.Clone(w.encode(v, ix.Note(p), p, lookup(w), d.shape))
		}
		fresh[i] = noteText{path: p, src: inMemory(codes), n: len(codes)}
	})
	if err != nil {
		return nil, err
	}

	ns := &Store{dict: d, post: s.post, notes: s.notes, gone: s.gone, codes: s.codes}
	if d != nil {
		ns.dict = d.with(addedList)
	}
	copied := false
	for p := range drop {
		k, found := slices.BinarySearchFunc(s.notes, p, func(n noteText, p string) int { return cmp.Compare(n.path, p) })
		if !found || s.isGone(k) {
			continue
		}
		if !copied {
			ns.gone = make([]uint64, (len(s.notes)+63)/64)
			copy(ns.gone, s.gone)
			copied = true
		}
		ns.gone[k/64] |= 1 << (k % 64)
	}
	ns.fresh = make([]noteText, 0, len(s.fresh)+len(fresh))
	for _, n := range s.fresh {
		if !drop[n.path] {
			ns.fresh = append(ns.fresh, n)
		}
	}
	ns.fresh = append(ns.fresh, fresh...)
	slices.SortFunc(ns.fresh, func(a, b noteText) int { return cmp.Compare(a.path, b.path) })
	gone := 0
	for _, g := range ns.gone {
		gone += bits.OnesCount64(g)
	}
	ns.count = len(ns.notes) - gone + len(ns.fresh)
	for _, n := range ns.fresh {
		ns.freshBytes += n.n
	}
	return ns, nil
}

// worker is the scratch space of one goroutine reading notes.
type worker struct {
	strip stripper
	// from, when not nil, is an unindexed store that holds the notes' text (FromText).
	from *Store
	// src reads the notes of srcOf.
	src    *vault.SourceReader
	srcOf  *vault.Vault
	codes  []byte
	arena  []byte
	counts map[string]int
	ids    map[string]uint32
	// tally counts the tokens encode meets, by id, when counting is set.
	tally    []uint32
	counting bool
	// seen marks the words recode has listed for the note seen[w]-1.
	seen  []int32
	words []byte
	lists []byte
	// The search's own scratch.
	title []byte
	cands []candidate
	buf   []byte
	err   error
}

// arenaSize is the size of the blocks the notes' codes are packed into: one allocation per
// note would waste a tenth of the memory on the allocator's size classes.
const arenaSize = 256 << 10

// text returns the folded text of the note at p, in the worker's buffer. A note that cannot
// be read has none.
func (w *worker) text(v *vault.Vault, n *vault.Note, p string) []byte {
	if w.from != nil {
		if text, ok := w.from.textOf(w, p); ok {
			return text
		}
	}
	if w.srcOf != v {
		w.src, w.srcOf = v.SourceReader(), v
	}
	src, err := w.src.Source(p)
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
func (w *worker) encode(v *vault.Vault, n *vault.Note, p string, id func([]byte) uint32, shape codeShape) []byte {
	text := w.text(v, n, p)
	codes := w.codes[:0]
	for k := 0; k < len(text); {
		e := nextToken(text, k)
		t := id(text[k:e])
		codes = appendCode(codes, t, shape)
		if w.counting {
			if int(t) >= len(w.tally) {
				w.tally = append(w.tally, make([]uint32, int(t)+1-len(w.tally)+len(w.tally)/2)...)
			}
			w.tally[t]++
		}
		k = e
	}
	return w.pack(codes)
}

// wordList asks recode to list the words of note (see postings): of gives each token's
// word, of words in all.
type wordList struct {
	of    []uint32
	words int
	note  int
}

// recode rewrites codes of shape from with the ids renumbered, in the shape to, in the
// worker's scratch space (valid until its next recode). With wl, it also returns the note's
// distinct words, as uvarints, packed into the worker's arena of lists.
func (w *worker) recode(codes []byte, from codeShape, renumber []uint32, to codeShape, wl *wordList) (_, words []byte) {
	out := w.codes[:0]
	var list []byte
	var stamp int32
	if wl != nil {
		if len(w.seen) < wl.words {
			w.seen = make([]int32, wl.words)
		}
		list = w.words[:0]
		stamp = int32(wl.note) + 1
	}
	for i := 0; i < len(codes); {
		var id uint32
		id, i = readCode(codes, i, from)
		id = renumber[id]
		out = appendCode(out, id, to)
		if wl != nil {
			if word := wl.of[id]; w.seen[word] != stamp {
				w.seen[word] = stamp
				list = binary.AppendUvarint(list, uint64(word))
			}
		}
	}
	if wl != nil {
		w.words = list
		words = packInto(&w.lists, list)
	}
	w.codes = out
	return out, words
}

// pack copies codes into the worker's arena and returns the copy; w.codes keeps the buffer.
func (w *worker) pack(codes []byte) []byte {
	w.codes = codes
	return packInto(&w.arena, codes)
}

// packInto copies b into the arena and returns the copy.
func packInto(arena *[]byte, b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	if len(*arena)+len(b) > cap(*arena) {
		*arena = make([]byte, 0, max(arenaSize, len(b)))
	}
	a := len(*arena)
	*arena = append(*arena, b...)
	return (*arena)[a:len(*arena):len(*arena)]
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
