package search

import (
	"bytes"
	"cmp"
	"context"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"vaultview/vault"
)

// Results is what a search found.
type Results struct {
	// Notes are the best matching notes, best first, at most the limit asked for.
	Notes []NoteResult
	// Total is how many notes match; Matches how many matches they hold in all.
	Total, Matches int
}

// NoteResult is one matching note.
type NoteResult struct {
	Path, Title string
	// Count is how many times the note's text holds the query's words and phrases.
	Count int
	// Matches are the first few matches (at most MaxMatchesPerNote), each with the text
	// around it; a match that falls in an earlier one's snippet is highlighted there
	// instead. Empty when only the title or the filters matched.
	Matches []Match
}

// Match is one place where a note holds a word or phrase of the query.
type Match struct {
	// Snippet is the text around the match, in its original case, on one line; `…` marks
	// where it was cut.
	Snippet string
	// Highlights are the byte ranges [start, end) of Snippet that match the query: this
	// match and any other in the snippet.
	Highlights [][2]int
	// Offset is the byte offset in the note's file where the match starts (as
	// vault.Vault.Source returns the file), for scrolling the note to it.
	Offset int
	// Text is the matched text as the note writes it.
	Text string
}

const (
	// MaxMatchesPerNote is how many matches of a note come with a snippet.
	MaxMatchesPerNote = 5
	// DefaultLimit is the number of notes a search returns when its limit is not positive.
	DefaultLimit = 100
	// maxPatterns bounds the words and phrases of one query (a bit each in a uint32).
	maxPatterns = 32
	// snippetBefore and snippetAfter are about how much text a snippet shows around its match.
	snippetBefore, snippetAfter = 50, 90
)

// Notes tells a search what it needs of each note besides its text: its title, tags,
// video, path and where its body starts. A *vault.Index is one; so is what a saved text
// index remembers of its notes (Saved.Early), which lets a reopened vault be searched
// before its notes are indexed. Note returns nil for a path that is not a note.
type Notes interface {
	Note(path string) *vault.Note
}

// Search finds the notes of ix that match q, on all cores, using the text s holds (notes not
// in both s and ix are not searched). The best limit notes come with snippets, made from
// their files read again through v. A cancelled ctx stops the search early with its error,
// so that a query the user has already typed past costs little; the only other error is a
// failure to read the notes' codes from their file (see CodesIn).
//
// Only the notes that the postings say may hold every word (or whose title holds it) are
// scanned, and their codes read: a rare word or phrase reads a few notes, a common word
// most of them.
//
// Ranking: notes whose title holds more of the query's words first, then notes with more
// matches, then by path.
func (s *Store) Search(ctx context.Context, v *vault.Vault, ix Notes, q Query, limit int) (Results, error) {
	// A Query made by hand may hold words ParseQuery would not give.
	q.Words, q.Without = normalizeWords(q.Words), normalizeWords(q.Without)
	if q.Empty() {
		return Results{}, ctx.Err()
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	var m *matcher
	if s.Indexed() {
		m = compile(s.dict, q)
	} else {
		m = compileText(q)
	}
	f := newFilters(q)
	sets := m.noteSets(s.post)
	var mu sync.Mutex
	var hits []hit
	var readErr error
	const chunk = 64
	slots := len(s.notes) + len(s.fresh)
	err := forEach(ctx, (slots+chunk-1)/chunk, func(w *worker, c int) {
		// The notes that pass the filters and titles are scanned together (see scanAll).
		if w.cands == nil {
			w.cands = make([]candidate, chunk)
		}
		cands := w.cands
		k := 0
	notes:
		for i := c * chunk; i < min(slots, (c+1)*chunk); i++ {
			if s.isGone(i) {
				continue
			}
			nt := s.note(i)
			n := ix.Note(nt.path)
			if n == nil || !f.match(n) {
				continue
			}
			inTitle, ok := m.title(w, n)
			if !ok {
				continue
			}
			// Whether the postings say the note's text may hold a pattern (the notes
			// Update read are not in them), and rule it out if it lacks a word the title
			// lacks too.
			scan := m.scan && sets == nil
			if m.scan && i >= len(s.notes) {
				scan = true
			} else if sets != nil {
				for t := range m.pats {
					if hasBit(sets[t], i) {
						scan = true
					} else if t < m.positive && inTitle&(1<<t) == 0 {
						continue notes
					}
				}
			}
			cands[k] = candidate{index: int32(i), inTitle: inTitle, read: scan}
			k++
		}
		if err := s.readCodes(w, m, cands[:k]); err != nil {
			mu.Lock()
			readErr = cmp.Or(readErr, err)
			mu.Unlock()
			return
		}
		if m.text {
			m.countAll(cands[:k])
		} else if m.scan {
			m.scanAll(cands[:k])
		}
		var local []hit
		for j := range k {
			if h, ok := m.decide(&cands[j]); ok {
				local = append(local, h)
			}
		}
		mu.Lock()
		hits = append(hits, local...)
		mu.Unlock()
	})
	if err != nil {
		return Results{}, err
	}
	if readErr != nil {
		return Results{}, readErr
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(b.title, a.title); c != 0 {
			return c
		}
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		if int(a.index) < len(s.notes) && int(b.index) < len(s.notes) {
			return cmp.Compare(a.index, b.index) // the notes are sorted by path
		}
		return cmp.Compare(s.note(int(a.index)).path, s.note(int(b.index)).path)
	})
	res := Results{Total: len(hits)}
	for _, h := range hits {
		res.Matches += int(h.count)
	}
	hits = hits[:min(len(hits), limit)]
	res.Notes = make([]NoteResult, len(hits))
	err = forEach(ctx, len(hits), func(w *worker, i int) {
		p := s.note(int(hits[i].index)).path
		n := ix.Note(p)
		res.Notes[i] = NoteResult{Path: p, Title: n.Title, Count: int(hits[i].count)}
		res.Notes[i].Matches = snippets(v, n, q.Words, int(hits[i].count))
	})
	if err != nil {
		return Results{}, err
	}
	return res, nil
}

// note returns the note in slot i: the Build's notes, then the fresh ones.
func (s *Store) note(i int) *noteText {
	if i < len(s.notes) {
		return &s.notes[i]
	}
	return &s.fresh[i-len(s.notes)]
}

// readCodes starts the scan of each candidate with its codes, read for those marked read
// (the others are scanned as empty). The codes of notes next to one another in the same
// file are read at once.
func (s *Store) readCodes(w *worker, m *matcher, cands []candidate) error {
	// gap is how far apart two notes' codes may be and still be read at once.
	const gap = 4 << 10
	// The runs of notes read at once, as [first, end) in cands.
	type run struct{ first, end int }
	var runs [chunkRuns]run
	runList := runs[:0]
	total := 0
	for j := range cands {
		if !cands[j].read {
			continue
		}
		nt := s.note(int(cands[j].index))
		if r := len(runList) - 1; r >= 0 {
			prev := s.note(int(cands[runList[r].end-1].index))
			if prev.src == nt.src && nt.at >= prev.at+int64(prev.n) && nt.at-(prev.at+int64(prev.n)) <= gap {
				total += int(nt.at - (prev.at + int64(prev.n)))
				total += nt.n
				runList[r].end = j + 1
				continue
			}
		}
		runList = append(runList, run{j, j + 1})
		total += nt.n
	}
	if cap(w.buf) < total {
		w.buf = make([]byte, total)
	}
	buf := w.buf[:total]
	if cap(w.buf) > 4<<20 {
		w.buf = nil // let one huge note's buffer go
	}
	at := 0
	for _, r := range runList {
		first, last := s.note(int(cands[r.first].index)), s.note(int(cands[r.end-1].index))
		n := int(last.at + int64(last.n) - first.at)
		b, err := first.src.read(buf[at:at+n:at+n], first.at, n)
		if err != nil {
			return err
		}
		for j := r.first; j < r.end; j++ {
			if !cands[j].read {
				continue
			}
			nt := s.note(int(cands[j].index))
			from := int(nt.at - first.at)
			m.start(&cands[j].scan, b[from:from+nt.n:from+nt.n])
		}
		at += n
	}
	for j := range cands {
		if !cands[j].read {
			m.start(&cands[j].scan, nil)
		}
	}
	return nil
}

// chunkRuns is room for the runs of one chunk of notes without allocating.
const chunkRuns = 64

// noteSets returns, for each pattern of m, the Build's notes that may hold it in their
// text, by their postings; nil when there are no postings.
func (m *matcher) noteSets(post *postings) [][]uint64 {
	if post == nil {
		return nil
	}
	sets := make([]*wordSet, len(m.pats))
	for t := range sets {
		sets[t] = post.newSet()
	}
	if m.scan {
		for id, set := range m.starts {
			for ; set != 0; set &= set - 1 {
				sets[bits.TrailingZeros32(set)].addToken(uint32(id))
			}
		}
	}
	out := make([][]uint64, len(m.pats))
	for t := range m.pats {
		out[t] = sets[t].notes
		p := &m.pats[t]
		if len(p.parts) == 1 || !p.inText {
			continue
		}
		// A phrase's note also holds its middle tokens and a token its last part starts.
		for _, id := range p.mid {
			mid := post.newSet()
			mid.addToken(id)
			intersect(out[t], mid.notes)
		}
		last := post.newSet()
		for k, b := range p.last {
			for ; b != 0; b &= b - 1 {
				last.addToken(uint32(64*k + bits.TrailingZeros64(b)))
			}
		}
		intersect(out[t], last.notes)
	}
	return out
}

// hit is a matching note: its index in the store, its number of matches and how many of
// the query's words its title holds.
type hit struct {
	index, count int32
	title        int8
}

// pattern is one word or phrase of a query, ready to be found in token codes.
type pattern struct {
	text []byte
	// parts are text's tokens (see dictionary); a pattern of one part lies inside a token.
	parts [][]byte
	// multi gives, for a one-part pattern, the tokens that hold it more than once.
	multi map[uint32]int
	// mid are the ids of the parts between the first and the last; last marks the tokens
	// that start with the last part. ok is false when some middle part is no token at all.
	mid  []uint32
	last []uint64
	ok   bool
	// inText is false when no token sequence of the dictionary can hold the pattern: only a
	// title can.
	inText bool
}

// matcher finds a query's words and phrases in notes' codes.
type matcher struct {
	d    *dictionary
	pats []pattern
	// positive is how many of pats are Words; the rest are Without.
	positive int
	// starts has bit t set for the tokens a match of pats[t] can start in: those holding
	// it (one part) or ending with its first part.
	starts []uint32
	// plain has bit t set for the Words of one part; multi is set when some token holds
	// one of them more than once, with those tokens' bits set. (A bitmap, not a map: for a
	// common word, every match asks.)
	plain uint32
	multi []uint64
	// dec decodes codes by their first byte (see noteScan).
	dec [256]decoder
	// scan is false when no pattern can occur in any text: titles decide alone.
	scan bool
	// text is set for an unindexed store, whose notes are plain text (compileText).
	text bool
}

// patternsOf returns the words and phrases of q a matcher looks for, at most maxPatterns:
// the Words first, positive of them, then the Without ones.
func patternsOf(q Query) (pats []string, positive int) {
	words := q.Words[:min(len(q.Words), maxPatterns)]
	without := q.Without[:min(len(q.Without), maxPatterns-len(words))]
	return append(slices.Clip(words), without...), len(words)
}

func compile(d *dictionary, q Query) *matcher {
	m := &matcher{d: d, starts: make([]uint32, d.len())}
	var pats []string
	pats, m.positive = patternsOf(q)
	for _, w := range pats {
		t := len(m.pats)
		p := pattern{text: []byte(w), parts: splitTokens([]byte(w))}
		if len(p.parts) == 1 {
			d.find(p.text, func(id uint32, start, end int) bool {
				n := bytes.Count(d.text[start:end], p.text)
				if n > 1 {
					if p.multi == nil {
						p.multi = map[uint32]int{}
					}
					p.multi[id] = n
				}
				m.starts[id] |= 1 << t
				p.inText = true
				return true
			})
		} else {
			p.ok = true
			for _, part := range p.parts[1 : len(p.parts)-1] {
				id, ok := d.lookup(part)
				if !ok {
					p.ok = false
					break
				}
				p.mid = append(p.mid, id)
			}
			if p.ok {
				p.last = make([]uint64, (d.len()+63)/64)
				lastPart := p.parts[len(p.parts)-1]
				anyLast := false
				d.find(lastPart, func(id uint32, start, end int) bool {
					if !bytes.HasPrefix(d.text[start:end], lastPart) {
						return false
					}
					p.last[id/64] |= 1 << (id % 64)
					anyLast = true
					return true
				})
				first := p.parts[0]
				if anyLast {
					d.find(first, func(id uint32, start, end int) bool {
						if !bytes.HasSuffix(d.text[start:end], first) {
							return false
						}
						m.starts[id] |= 1 << t
						p.inText = true
						return true
					})
				}
			}
		}
		m.scan = m.scan || p.inText
		m.pats = append(m.pats, p)
	}
	for t, p := range m.pats {
		if t < m.positive && len(p.parts) == 1 {
			m.plain |= 1 << t
			for id := range p.multi {
				if m.multi == nil {
					m.multi = make([]uint64, (d.len()+63)/64)
				}
				m.multi[id/64] |= 1 << (id % 64)
			}
		}
	}
	one, two := d.shape.one, d.shape.two
	first2, first3, _ := d.shape.limits()
	for c := range m.dec {
		switch {
		case c < one:
			m.dec[c] = decoder{base: uint32(c), size: 1}
		case c < one+two:
			m.dec[c] = decoder{base: first2 + uint32(c-one)<<8, shift: 8, mask: 0xFF, size: 2}
		case c < 255:
			m.dec[c] = decoder{base: first3 + uint32(c-one-two)<<16, mask: 0xFFFF, size: 3}
		}
	}
	return m
}

// decoder says how to read a code that starts with a given byte: size bytes (0 for the
// escaped codes), the id being base plus the next two bytes (big-endian) shifted right by
// shift and masked with mask.
type decoder struct {
	base, mask  uint32
	shift, size uint32
}

// id returns the id of the code whose lead byte gave dc and whose next two bytes are b1, b2.
func (dc decoder) id(b1, b2 byte) uint32 {
	return dc.base + (uint32(b1)<<8|uint32(b2))>>dc.shift&dc.mask
}

// find calls f for each token that holds pat, with its id and its place in d.text. f
// returns whether it took the token; if not, the search goes on inside it.
func (d *dictionary) find(pat []byte, f func(id uint32, start, end int) bool) {
	if len(pat) == 0 {
		return
	}
	for from := 0; from < len(d.text); {
		k := bytes.Index(d.text[from:], pat)
		if k < 0 {
			return
		}
		h := from + k
		id := sort.Search(len(d.ends), func(i int) bool { return int(d.ends[i]) > h })
		start := 0
		if id > 0 {
			start = int(d.ends[id-1])
		}
		end := int(d.ends[id])
		if h+len(pat) <= end && f(uint32(id), start, end) {
			from = end
		} else {
			from = h + 1
		}
	}
}

// candidate is a note being searched: its index in the store, the patterns its title
// holds and the state of the scan of its text.
type candidate struct {
	index   int32
	inTitle uint32
	// read is set when the note's codes must be scanned.
	read bool
	scan noteScan
}

// title returns which patterns the note's title holds, and false when that alone rules the
// note out (a Without pattern in the title, or a word in no text that the title lacks).
func (m *matcher) title(w *worker, n *vault.Note) (uint32, bool) {
	var inTitle uint32
	if len(m.pats) > 0 {
		w.title = append(w.title[:0], n.Title...)
		fold(w.title)
		for t := range m.pats {
			if bytes.Contains(w.title, m.pats[t].text) {
				inTitle |= 1 << t
			}
		}
	}
	for t := range m.pats {
		p := &m.pats[t]
		if t < m.positive && !p.inText && inTitle&(1<<t) == 0 || t >= m.positive && inTitle&(1<<t) != 0 {
			return 0, false
		}
	}
	return inTitle, true
}

// decide says whether a scanned candidate matches.
func (m *matcher) decide(c *candidate) (hit, bool) {
	if c.scan.rejected {
		return hit{}, false
	}
	h := hit{index: c.index, title: int8(bits.OnesCount32(c.inTitle & (1<<m.positive - 1)))}
	for t := range m.positive {
		if c.scan.counts[t] == 0 && c.inTitle&(1<<t) == 0 {
			return hit{}, false
		}
		h.count += int32(c.scan.counts[t])
	}
	return h, true
}

// noteScan is the state of the scan of one note's codes.
type noteScan struct {
	codes []byte
	// i is where the next code starts.
	i int
	// counts are the matches of each pattern so far, as bytes.Count would count them in
	// the text.
	counts [maxPatterns]int
	// next[t] is where a match of phrase t may start again (matches do not overlap): the
	// code of the token its last match ended in, which may hold a new start only if it is
	// long enough to hold both ends. -1 before the first match.
	next [maxPatterns]int
	// rejected is set when a Without pattern was found; the scan stops there.
	rejected bool
}

func (m *matcher) start(s *noteScan, codes []byte) {
	s.codes, s.i, s.rejected = codes, 0, false
	for t := range m.pats {
		s.counts[t] = 0
		s.next[t] = -1
	}
}

// Scanning reads every code of every note, so it is written for speed. A code is read
// without a branch on its length: each first byte's entry in dec gives the code's length
// and its id's base and how much of the next two bytes count; the last two codes of a note
// and the escaped codes go the slow way (readCode). Each code read depends on the
// one before, so scanAll reads two notes in step to keep the processor busy.

// scanOne scans the rest of one note.
func (m *matcher) scanOne(s *noteScan) {
	codes, i := s.codes, s.i
	for i < len(codes) && !s.rejected {
		at := i
		var id uint32
		if i+2 < len(codes) {
			dc := m.dec[codes[i]]
			id = dc.id(codes[i+1], codes[i+2])
			i += int(dc.size)
			if dc.size == 0 {
				id, i = readCode(codes, at, m.d.shape)
			}
		} else {
			id, i = readCode(codes, at, m.d.shape)
		}
		if e := m.startsOf(id); e != 0 {
			m.found(s, id, e, at, i)
		}
	}
	s.i = i
}

// scanAll scans the notes of cands, two at a time: as soon as one of the pair is done the
// next note takes its place.
func (m *matcher) scanAll(cands []candidate) {
	next := 0
	take := func() *noteScan {
		if next < len(cands) {
			next++
			return &cands[next-1].scan
		}
		return nil
	}
	a, b := take(), take()
	for a != nil && b != nil {
		m.scanPair(a, b)
		if a.rejected || a.i+2 >= len(a.codes) {
			m.scanOne(a)
			a = take()
		}
		if b.rejected || b.i+2 >= len(b.codes) {
			m.scanOne(b)
			b = take()
		}
	}
	for _, s := range []*noteScan{a, b} {
		if s != nil {
			m.scanOne(s)
		}
	}
}

// scanPair scans two notes at once until one of them has at most its last two bytes left
// or is rejected.
func (m *matcher) scanPair(a, b *noteScan) {
	ca, cb := a.codes, b.codes
	ia, ib := a.i, b.i
	for ia+2 < len(ca) && ib+2 < len(cb) {
		da, db := m.dec[ca[ia]], m.dec[cb[ib]]
		ida := da.id(ca[ia+1], ca[ia+2])
		idb := db.id(cb[ib+1], cb[ib+2])
		ata, atb := ia, ib
		ia += int(da.size)
		ib += int(db.size)
		if da.size == 0 {
			ida, ia = readCode(ca, ata, m.d.shape)
		}
		if db.size == 0 {
			idb, ib = readCode(cb, atb, m.d.shape)
		}
		ea, eb := m.startsOf(ida), m.startsOf(idb)
		if ea|eb == 0 {
			continue
		}
		if ea != 0 {
			m.found(a, ida, ea, ata, ia)
		}
		if eb != 0 {
			m.found(b, idb, eb, atb, ib)
		}
		if a.rejected || b.rejected {
			break
		}
	}
	a.i, b.i = ia, ib
}

func (m *matcher) startsOf(id uint32) uint32 {
	if int(id) < len(m.starts) {
		return m.starts[id]
	}
	return 0
}

// found handles a token (id, whose code spans codes[at:end]) where matches of the patterns
// in set may start.
func (m *matcher) found(s *noteScan, id, set uint32, at, end int) {
	if set&m.plain == set && set&(set-1) == 0 {
		// The common case: a token holding one word once.
		if m.multi == nil || m.multi[id/64]&(1<<(id%64)) == 0 {
			s.counts[bits.TrailingZeros32(set)]++
			return
		}
	}
	for ; set != 0; set &= set - 1 {
		t := bits.TrailingZeros32(set)
		p := &m.pats[t]
		if len(p.parts) == 1 {
			n := 1
			if p.multi != nil {
				if k, ok := p.multi[id]; ok {
					n = k
				}
			}
			s.counts[t] += n
		} else {
			if at < s.next[t] || at == s.next[t] && len(m.d.token(id)) < len(p.parts[0])+len(p.parts[len(p.parts)-1]) {
				continue
			}
			last, ok := m.follows(p, s.codes, end)
			if !ok {
				continue
			}
			s.counts[t]++
			s.next[t] = last
		}
		if t >= m.positive {
			s.rejected = true
			return
		}
	}
}

// follows reports whether the tokens from codes[i] on continue phrase p after its first
// part, and where the code of its last token starts.
func (m *matcher) follows(p *pattern, codes []byte, i int) (int, bool) {
	shape := m.d.shape
	for _, want := range p.mid {
		if i >= len(codes) {
			return 0, false
		}
		var id uint32
		id, i = readCode(codes, i, shape)
		if id != want {
			return 0, false
		}
	}
	if i >= len(codes) {
		return 0, false
	}
	id, _ := readCode(codes, i, shape)
	return i, int(id/64) < len(p.last) && p.last[id/64]&(1<<(id%64)) != 0
}

// filters are a query's tag:, path: and video: filters.
type filters struct {
	tags, notTags, paths, notPaths, videos, notVideos []string
}

func newFilters(q Query) filters {
	return filters{
		tags: q.Tags, notTags: q.NotTags,
		paths: cleanPaths(q.Paths), notPaths: cleanPaths(q.NotPaths),
		videos: videoIDs(q.Videos), notVideos: videoIDs(q.NotVideos),
	}
}

func cleanPaths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		p = strings.TrimPrefix(p, "./")
		out[i] = strings.TrimLeft(p, "/")
	}
	return out
}

// videoIDs accepts video addresses as well as ids.
func videoIDs(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		if id := vault.YouTubeID(v); id != "" {
			v = id
		}
		out[i] = v
	}
	return out
}

func (f *filters) match(n *vault.Note) bool {
	for _, t := range f.tags {
		if !hasTag(n, t) {
			return false
		}
	}
	for _, t := range f.notTags {
		if hasTag(n, t) {
			return false
		}
	}
	for _, p := range f.paths {
		if !underPath(n.Path, p) {
			return false
		}
	}
	for _, p := range f.notPaths {
		if underPath(n.Path, p) {
			return false
		}
	}
	for _, v := range f.videos {
		if n.VideoID != v {
			return false
		}
	}
	for _, v := range f.notVideos {
		if n.VideoID == v {
			return false
		}
	}
	return true
}

// hasTag reports whether n has tag t or a tag nested under it (`t/...`), ignoring case.
func hasTag(n *vault.Note, t string) bool {
	for _, have := range n.Tags {
		if strings.EqualFold(have, t) || len(have) > len(t) && have[len(t)] == '/' && strings.EqualFold(have[:len(t)], t) {
			return true
		}
	}
	return false
}

func underPath(p, prefix string) bool {
	return len(p) >= len(prefix) && strings.EqualFold(p[:len(prefix)], prefix)
}

// snippets finds the words in the note's text again, this time in its original case, and
// returns its first matches with the text around them. count is how many matches the store
// found in the note's text (-1 when not known).
func snippets(v *vault.Vault, n *vault.Note, words []string, count int) []Match {
	if len(words) == 0 {
		return nil
	}
	src, err := v.Source(n.Path)
	if err != nil {
		return nil
	}
	return snippetsOf(src, n.BodyOffset, words, snippetPrefix, count)
}

// snippetsOf makes the snippets of the note src whose body starts at body, where the store
// found count matches (-1: unknown). Only the first matches get snippets: the text is
// stripped up to them (first limit bytes of it), not through the whole note, which for a
// note of a megabyte is most of a search's time. A prefix that does not hold them safely is
// read again, four times longer.
func snippetsOf(src []byte, body int, words []string, limit, count int) []Match {
	longest := 0
	for _, w := range words {
		longest = max(longest, len(w))
	}
	for ; ; limit *= 4 {
		text, whole := stripPrefix(src, body, limit)
		if out, ok := snippetsIn(text, words, longest, whole, count); ok {
			return out
		}
	}
}

// snippetPrefix is how much text snippets strip first.
const snippetPrefix = 16 << 10

// snippetsIn makes the snippets of the note whose text, or a prefix of it (whole false),
// is text. A prefix decides them when it holds all count matches of the note and the last
// snippet's line, or MaxMatchesPerNote snippets the last of which ends far enough from the
// prefix's end that no match (longest bytes at most) running over that end could change
// it; otherwise ok is false.
func snippetsIn(text Text, words []string, longest int, whole bool, count int) (_ []Match, ok bool) {
	plain := text.Plain
	folded := bytes.Clone(plain)
	fold(folded)
	type span struct{ start, end int }
	var spans []span
	for _, w := range words {
		for from := 0; ; {
			k := bytes.Index(folded[from:], []byte(w))
			if k < 0 {
				break
			}
			spans = append(spans, span{from + k, from + k + len(w)})
			from += k + len(w)
		}
	}
	all := count >= 0 && len(spans) == count
	slices.SortFunc(spans, func(a, b span) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	// Overlapping matches of different words are shown as one.
	kept := spans[:0]
	for _, sp := range spans {
		if k := len(kept); k > 0 && sp.start < kept[k-1].end {
			kept[k-1].end = max(kept[k-1].end, sp.end)
			continue
		}
		kept = append(kept, sp)
	}
	spans = kept

	var out []Match
	shownTo := -1
	for i, sp := range spans {
		if len(out) == MaxMatchesPerNote {
			break
		}
		if sp.start < shownTo {
			continue
		}
		lineStart := bytes.LastIndexByte(plain[:sp.start], '\n') + 1
		lineEnd := len(plain)
		if k := bytes.IndexByte(plain[sp.end:], '\n'); k >= 0 {
			lineEnd = sp.end + k
		}
		from := max(lineStart, sp.start-snippetBefore)
		if from > lineStart {
			if k := bytes.IndexByte(plain[from:sp.start], ' '); k >= 0 {
				from += k + 1
			}
			for from < sp.start && !utf8.RuneStart(plain[from]) {
				from++
			}
		}
		to := min(lineEnd, sp.end+snippetAfter)
		if to < lineEnd {
			if k := bytes.LastIndexByte(plain[sp.end:to], ' '); k > 0 {
				to = sp.end + k
			}
			for to > sp.end && !utf8.RuneStart(plain[to]) {
				to--
			}
		}
		var b strings.Builder
		if from > lineStart {
			b.WriteString("…")
		}
		shift := b.Len() - from
		// A phrase may run over a line break.
		for _, c := range plain[from:to] {
			if c == '\n' {
				c = ' '
			}
			b.WriteByte(c)
		}
		if to < lineEnd {
			b.WriteString("…")
		}
		m := Match{Snippet: b.String(), Offset: text.SourceOffset(sp.start), Text: string(plain[sp.start:sp.end])}
		for _, o := range spans[i:] {
			if o.end > to {
				break
			}
			m.Highlights = append(m.Highlights, [2]int{o.start + shift, o.end + shift})
		}
		out = append(out, m)
		shownTo = to
	}
	switch {
	case whole:
	case all && shownTo < len(plain):
	case len(out) == MaxMatchesPerNote && shownTo+longest < len(plain):
	default:
		return nil, false
	}
	return out, true
}
