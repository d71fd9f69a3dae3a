package search

import (
	"bytes"
	"encoding/binary"
	"slices"
	"sort"
)

// The store keeps each note's folded text as a list of codes, one per token, into a
// dictionary of the vault's distinct tokens. A token is a run of word bytes (ASCII letters
// and digits, and all of a non-ASCII character) with the run of other bytes after it, so
// "the cat, sat" is "the ", "cat, ", "sat". Prose repeats its words so much that this takes
// about a fifth of the text's bytes (ordinary compression of a note on its own takes about
// three fifths), and it can be searched without being decoded: see matcher.
//
// Because tokens split text only where a non-word byte is followed by a word byte, a
// pattern splits at the same places wherever it occurs: a pattern of one token lies inside
// one token of the text, and a pattern of tokens p1…pk occurs exactly where a token ends
// with p1, the next ones are p2…pk-1 and the one after starts with pk.

// nextToken returns the end of the token that starts at b[i].
func nextToken(b []byte, i int) int {
	for i < len(b) && isWordByte(b[i]) {
		i++
	}
	for i < len(b) && !isWordByte(b[i]) {
		i++
	}
	return i
}

// splitTokens splits b into tokens.
func splitTokens(b []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(b); {
		j := nextToken(b, i)
		out = append(out, b[i:j])
		i = j
	}
	return out
}

// dictionary is an immutable list of distinct tokens; a token's id is its place in it. Ids
// that occur often come first where it is known (Build orders them by frequency), since they
// get the short codes.
type dictionary struct {
	// text holds the tokens one after another; token id spans text[ends[id-1]:ends[id]].
	text []byte
	ends []uint32
	// sorted lists the ids in the byte order of their tokens, for lookup.
	sorted []uint32
	// short is how many ids have one-byte codes (see appendCode).
	short int
}

func (d *dictionary) len() int { return len(d.ends) }

func (d *dictionary) token(id uint32) []byte {
	start := uint32(0)
	if id > 0 {
		start = d.ends[id-1]
	}
	return d.text[start:d.ends[id]]
}

// lookup returns the id of token t.
func (d *dictionary) lookup(t []byte) (uint32, bool) {
	k := sort.Search(len(d.sorted), func(k int) bool { return bytes.Compare(d.token(d.sorted[k]), t) >= 0 })
	if k < len(d.sorted) && bytes.Equal(d.token(d.sorted[k]), t) {
		return d.sorted[k], true
	}
	return 0, false
}

// bytes is the memory the dictionary holds.
func (d *dictionary) bytes() int { return len(d.text) + 4*len(d.ends) + 4*len(d.sorted) }

// newDictionary makes a dictionary of tokens in the given order; counts, when known, are
// how often each occurs and choose how many one-byte codes there are.
func newDictionary(tokens [][]byte, counts []int) *dictionary {
	d := &dictionary{ends: make([]uint32, len(tokens)), sorted: make([]uint32, len(tokens))}
	n := 0
	for _, t := range tokens {
		n += len(t)
	}
	d.text = make([]byte, 0, n)
	for i, t := range tokens {
		d.text = append(d.text, t...)
		d.ends[i] = uint32(len(d.text))
		d.sorted[i] = uint32(i)
	}
	slices.SortFunc(d.sorted, func(a, b uint32) int { return bytes.Compare(d.token(a), d.token(b)) })
	d.short = bestShort(counts)
	return d
}

// with returns a dictionary that also holds the tokens added, which get the next ids; d
// itself is unchanged (older stores still use it).
func (d *dictionary) with(added [][]byte) *dictionary {
	if len(added) == 0 {
		return d
	}
	nd := &dictionary{short: d.short}
	n := len(d.text)
	for _, t := range added {
		n += len(t)
	}
	nd.text = append(make([]byte, 0, n), d.text...)
	nd.ends = append(make([]uint32, 0, len(d.ends)+len(added)), d.ends...)
	for _, t := range added {
		nd.text = append(nd.text, t...)
		nd.ends = append(nd.ends, uint32(len(nd.text)))
	}
	fresh := make([]uint32, len(added))
	for i := range added {
		fresh[i] = uint32(len(d.ends) + i)
	}
	slices.SortFunc(fresh, func(a, b uint32) int { return bytes.Compare(nd.token(a), nd.token(b)) })
	// Merge the sorted old ids with the sorted new ones.
	nd.sorted = make([]uint32, 0, len(d.sorted)+len(fresh))
	i, j := 0, 0
	for i < len(d.sorted) || j < len(fresh) {
		if j == len(fresh) || i < len(d.sorted) && bytes.Compare(nd.token(d.sorted[i]), nd.token(fresh[j])) < 0 {
			nd.sorted = append(nd.sorted, d.sorted[i])
			i++
		} else {
			nd.sorted = append(nd.sorted, fresh[j])
			j++
		}
	}
	return nd
}

// Codes: ids below short take one byte (the id); the next (255-short)·256 ids take two
// bytes; the rest take 0xFF and a uvarint. short is chosen from the token counts so that the
// codes take the fewest bytes.
const (
	minShort     = 64
	defaultShort = 192
)

func appendCode(b []byte, id uint32, short int) []byte {
	s := uint32(short)
	if id < s {
		return append(b, byte(id))
	}
	id -= s
	if id < (255-s)*256 {
		return append(b, byte(s+(id>>8)), byte(id))
	}
	return binary.AppendUvarint(append(b, 0xFF), uint64(id-(255-s)*256))
}

// readCode reads the code at b[i] and returns its id and the index after it. Codes are only
// ever read from what appendCode wrote; a truncated code reads as the end.
func readCode(b []byte, i, short int) (uint32, int) {
	c := int(b[i])
	if c < short {
		return uint32(c), i + 1
	}
	if c < 255 {
		if i+1 >= len(b) {
			return 0, len(b)
		}
		return uint32(short + ((c-short)<<8 | int(b[i+1]))), i + 2
	}
	v, n := binary.Uvarint(b[i+1:])
	if n <= 0 {
		return 0, len(b)
	}
	return uint32(short+(255-short)*256) + uint32(v), i + 1 + n
}

// bestShort chooses how many ids get one-byte codes, given counts in id order (most
// frequent first).
func bestShort(counts []int) int {
	if len(counts) == 0 {
		return defaultShort
	}
	sum := make([]int, len(counts)+1) // sum[i] counts the ids below i
	for i, c := range counts {
		sum[i+1] = sum[i] + c
	}
	upTo := func(i int) int { return sum[min(i, len(counts))] }
	best, bestCost := defaultShort, -1
	for s := minShort; s <= 254; s++ {
		two := s + (255-s)*256
		cost := upTo(s) + 2*(upTo(two)-upTo(s)) + 4*(sum[len(counts)]-upTo(two))
		if bestCost < 0 || cost < bestCost {
			best, bestCost = s, cost
		}
	}
	return best
}
