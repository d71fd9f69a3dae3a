package search

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// textRunByByte is how inline found its runs of text before textRun: a byte at a time, a
// space kept when it is neither first nor last and no special byte follows it.
func textRunByByte(b []byte) int {
	j := 0
	for j < len(b) {
		if special[b[j]] && (b[j] != ' ' || j == 0 || j+1 >= len(b) || special[b[j+1]]) {
			break
		}
		j++
	}
	return j
}

// textRun cuts the text where the byte-by-byte reading did, for lines of words, spaces and
// markup in every order.
func TestTextRun_SameAsByteByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "word", "é", " ", " ", "  ", "\t", "*", "_", "[[", "<", "`", ".", ",", "longerwordsthaneight"}
	for range 20000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		for i := range len(b) + 1 {
			if got, want := textRun(b[i:]), textRunByByte(b[i:]); got != want {
				t.Fatalf("textRun(%q) = %d, want %d", b[i:], got, want)
			}
		}
	}
}

func TestIndexDoubleSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = " a\xa0"[rng.IntN(3)] // 0xA0: a byte whose low seven bits are a space's
			if rng.IntN(4) > 0 && b[i] == ' ' {
				b[i] = 'x'
			}
		}
		if got, want := indexDoubleSpace(b), bytes.Index(b, []byte("  ")); got != want {
			t.Fatalf("indexDoubleSpace(%q) = %d, want %d", b, got, want)
		}
	}
}
