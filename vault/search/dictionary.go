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
// about a fifth of the note's bytes (ordinary compression of a note on its own takes about
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
	// shape says which ids have codes of which length (see appendCode).
	shape codeShape
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
func (d *dictionary) bytes() int {
	if d == nil {
		return 0 // an unindexed store's
	}
	return len(d.text) + 4*len(d.ends) + 4*len(d.sorted)
}

// newDictionary makes a dictionary of tokens in the given order, with codes of the given
// shape.
func newDictionary(tokens [][]byte, shape codeShape) *dictionary {
	d := &dictionary{ends: make([]uint32, len(tokens)), sorted: make([]uint32, len(tokens)), shape: shape}
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
	return d
}

// with returns a dictionary that also holds the tokens added, which get the next ids; d
// itself is unchanged (older stores still use it).
func (d *dictionary) with(added [][]byte) *dictionary {
	if len(added) == 0 {
		return d
	}
	nd := &dictionary{shape: d.shape}
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

// Codes are one, two or three bytes, their first byte saying which: the shape's first one
// values are one-byte codes (the id itself), the next two values lead two-byte codes and the
// rest up to 0xFE lead three-byte ones; 0xFF leads a uvarint, for ids past all of those
// (only ever met after Update has added many new tokens). Build numbers the ids by how often
// they occur and chooses the shape that makes the codes shortest: on real prose, with its
// long tail of rare words, the three-byte codes hold the tail in far fewer bytes than an
// escape would.
type codeShape struct {
	one, two int
}

// defaultShape serves a store built from no text at all.
var defaultShape = codeShape{one: 192, two: 62}

// limits returns the first id of the two-byte codes, of the three-byte codes and of the
// escaped ones.
func (c codeShape) limits() (two, three, long uint32) {
	two = uint32(c.one)
	three = two + uint32(c.two)<<8
	long = three + uint32(255-c.one-c.two)<<16
	return two, three, long
}

func appendCode(b []byte, id uint32, c codeShape) []byte {
	two, three, long := c.limits()
	switch {
	case id < two:
		return append(b, byte(id))
	case id < three:
		id -= two
		return append(b, byte(c.one+int(id>>8)), byte(id))
	case id < long:
		id -= three
		return append(b, byte(c.one+c.two+int(id>>16)), byte(id>>8), byte(id))
	}
	return binary.AppendUvarint(append(b, 0xFF), uint64(id-long))
}

// readCode reads the code at b[i] and returns its id and the index after it. Codes are only
// ever read from what appendCode wrote; a truncated code reads as the end.
func readCode(b []byte, i int, c codeShape) (uint32, int) {
	two, three, long := c.limits()
	lead := int(b[i])
	switch {
	case lead < c.one:
		return uint32(lead), i + 1
	case lead < c.one+c.two:
		if i+1 >= len(b) {
			return 0, len(b)
		}
		return two + (uint32(lead-c.one)<<8 | uint32(b[i+1])), i + 2
	case lead < 255:
		if i+2 >= len(b) {
			return 0, len(b)
		}
		return three + (uint32(lead-c.one-c.two)<<16 | uint32(b[i+1])<<8 | uint32(b[i+2])), i + 3
	}
	v, n := binary.Uvarint(b[i+1:])
	if n <= 0 {
		return 0, len(b)
	}
	return long + uint32(v), i + 1 + n
}

// bestShape chooses the shape whose codes take the fewest bytes, given counts in id order
// (most frequent first).
func bestShape(counts []int) codeShape {
	if len(counts) == 0 {
		return defaultShape
	}
	sum := make([]int, len(counts)+1) // sum[i] counts the ids below i
	for i, c := range counts {
		sum[i+1] = sum[i] + c
	}
	upTo := func(i uint32) int { return sum[min(int(i), len(counts))] }
	total := sum[len(counts)]
	best, bestCost := defaultShape, -1
	for one := 1; one < 255; one++ {
		for two := 0; one+two <= 255; two++ {
			c := codeShape{one, two}
			t2, t3, long := c.limits()
			cost := upTo(t2) + 2*(upTo(t3)-upTo(t2)) + 3*(upTo(long)-upTo(t3)) + 5*(total-upTo(long))
			if bestCost < 0 || cost < bestCost {
				best, bestCost = c, cost
			}
		}
	}
	return best
}
