package search

import (
	"encoding/binary"
	"math/bits"
)

// postings say which notes of a Build hold which tokens, so that a search scans the codes
// of only the notes that can match. They are kept per word rather than per token: the
// tokens "the ", "the, " and "the." share the postings of the word "the" (a token's word
// is its leading run of word bytes; see nextToken). That makes them a superset of the notes
// holding a given token, which is all a search needs (the scan of a note's codes decides),
// in a good deal fewer bytes.
//
// A word's postings are the indexes of its notes in increasing order, as the uvarints of
// their differences (the first from 0), or, when that would be longer, a bitmap of all the
// notes (a common word is in most notes: a bit each beats a byte each).
type postings struct {
	// n is the number of notes indexed.
	n int
	// wordOf gives each token's word; tokens added after the Build have none.
	wordOf []uint32
	// word w's postings are data[off[w]:off[w+1]], a bitmap when dense has bit w.
	off   []uint32
	dense []uint64
	data  []byte
}

func (p *postings) bytes() int {
	if p == nil {
		return 0
	}
	return 4*len(p.wordOf) + 4*len(p.off) + 8*len(p.dense) + len(p.data)
}

// wordEnd returns the length of token t's word.
func wordEnd(t []byte) int {
	i := 0
	for i < len(t) && isWordByte(t[i]) {
		i++
	}
	return i
}

// newPostings makes the postings of n notes whose distinct words are listed, as uvarints
// of word ids in any order, in lists[i] for note i; words is the number of words.
func newPostings(n int, wordOf []uint32, words int, lists [][]byte) *postings {
	p := &postings{n: n, wordOf: wordOf, off: make([]uint32, words+1), dense: make([]uint64, (words+63)/64)}
	size := make([]int, words)
	last := make([]int32, words)
	forLists := func(f func(note int, w uint32)) {
		for i, l := range lists {
			for k := 0; k < len(l); {
				w, m := binary.Uvarint(l[k:])
				k += m
				f(i, uint32(w))
			}
		}
	}
	// The length of each word's list of differences.
	forLists(func(i int, w uint32) {
		size[w] += uvarintLen(uint64(int32(i) - last[w]))
		last[w] = int32(i)
	})
	bitmap := (n + 63) / 64 * 8
	at := 0
	for w := range words {
		p.off[w] = uint32(at)
		if size[w] > bitmap {
			p.dense[w/64] |= 1 << (w % 64)
			size[w] = bitmap
		}
		at += size[w]
	}
	p.off[words] = uint32(at)
	p.data = make([]byte, at)
	pos := make([]uint32, words)
	copy(pos, p.off)
	clear(last)
	forLists(func(i int, w uint32) {
		if p.isDense(w) {
			b := p.data[p.off[w]:]
			b[i/8] |= 1 << (i % 8)
			return
		}
		pos[w] += uint32(binary.PutUvarint(p.data[pos[w]:], uint64(int32(i)-last[w])))
		last[w] = int32(i)
	})
	return p
}

func (p *postings) isDense(w uint32) bool { return p.dense[w/64]&(1<<(w%64)) != 0 }

func uvarintLen(x uint64) int { return (bits.Len64(x|1) + 6) / 7 }

// addWord sets in set the bits of the notes holding word w.
func (p *postings) addWord(set []uint64, w uint32) {
	b := p.data[p.off[w]:p.off[w+1]]
	if p.isDense(w) {
		for k := range set {
			set[k] |= binary.LittleEndian.Uint64(b[8*k:])
		}
		return
	}
	i := 0
	for k := 0; k < len(b); {
		d, m := binary.Uvarint(b[k:])
		k += m
		i += int(d)
		set[i/64] |= 1 << (i % 64)
	}
}

// wordSet collects the notes holding any of a list of tokens, adding each word once.
type wordSet struct {
	p     *postings
	notes []uint64
	seen  []uint64
}

func (p *postings) newSet() *wordSet {
	return &wordSet{p: p, notes: make([]uint64, (p.n+63)/64), seen: make([]uint64, len(p.off)/64+1)}
}

// addToken adds the notes holding token id; a token unknown to the postings (added by an
// Update) is in none of the notes they index.
func (s *wordSet) addToken(id uint32) {
	if int(id) >= len(s.p.wordOf) {
		return
	}
	w := s.p.wordOf[id]
	if hasBit(s.seen, int(w)) {
		return
	}
	s.seen[w/64] |= 1 << (w % 64)
	s.p.addWord(s.notes, w)
}

// intersect keeps in a only the notes also in b.
func intersect(a, b []uint64) {
	for k := range a {
		a[k] &= b[k]
	}
}

func hasBit(set []uint64, i int) bool { return set[i/64]&(1<<(i%64)) != 0 }
