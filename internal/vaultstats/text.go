package vaultstats

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// vocabulary counts word tokens. Counts live in a slice indexed from the map, so counting a
// word already seen looks it up without allocating.
type vocabulary struct {
	index  map[string]int32
	counts []int64
	tokens int64
	word   []byte // the word being read, case-folded
}

func newVocabulary() vocabulary {
	return vocabulary{index: make(map[string]int32, 1<<14)}
}

// asciiWord maps an ASCII letter to its lower case, a digit to itself and anything else
// to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	return t
}()

// addText counts the word tokens of src: maximal runs of letters and digits, case-folded.
func (v *vocabulary) addText(src []byte) {
	w := v.word[:0]
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			i++
			if l := asciiWord[c]; l != 0 {
				w = append(w, l)
				continue
			}
		} else {
			r, size := utf8.DecodeRune(src[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				w = utf8.AppendRune(w, unicode.ToLower(r))
				continue
			}
		}
		if len(w) > 0 {
			v.add(w, 1)
			w = w[:0]
		}
	}
	if len(w) > 0 {
		v.add(w, 1)
	}
	v.word = w[:0]
}

func (v *vocabulary) add(w []byte, n int64) {
	v.tokens += n
	if i, ok := v.index[string(w)]; ok {
		v.counts[i] += n
		return
	}
	v.index[string(w)] = int32(len(v.counts))
	v.counts = append(v.counts, n)
}

// merge adds the counts of o to v.
func (v *vocabulary) merge(o *vocabulary) {
	for w, i := range o.index {
		v.tokens += o.counts[i]
		if j, ok := v.index[w]; ok {
			v.counts[j] += o.counts[i]
		} else {
			v.index[w] = int32(len(v.counts))
			v.counts = append(v.counts, o.counts[i])
		}
	}
}

// figures are the vocabulary's figures of Stats.
func (v *vocabulary) figures() (tokens int64, distinct, once int, top10, top1000 float64) {
	counts := slices.Clone(v.counts)
	slices.SortFunc(counts, byCount)
	for _, c := range counts {
		if c == 1 {
			once++
		}
	}
	share := func(k int) float64 {
		var s int64
		for _, c := range counts[:min(k, len(counts))] {
			s += c
		}
		return ratio(s, v.tokens)
	}
	return v.tokens, len(counts), once, share(10), share(1000)
}

// countLines counts the lines of src, its non-empty lines and their length in runes
// (without a trailing '\r').
func countLines(src []byte) (lines, nonEmpty, runes int64) {
	for len(src) > 0 {
		line := src
		if k := bytes.IndexByte(src, '\n'); k >= 0 {
			line, src = src[:k], src[k+1:]
		} else {
			src = nil
		}
		lines++
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if !blank(line) {
			nonEmpty++
			runes += int64(utf8.RuneCount(line))
		}
	}
	return lines, nonEmpty, runes
}

// blank reports whether line holds only white space.
func blank(line []byte) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\v' && c != '\f' && c != '\r' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}
