package switcher

import (
	"math/rand/v2"
	"testing"
)

// TestAlign_ShortQueriesAsGeneral holds the one- and two-letter shortcuts of align to the
// general alignment (which positions uses) on random texts.
func TestAlign_ShortQueriesAsGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	letters := []rune("ab c_dAB")
	var sc scratch
	for range 20000 {
		text := make([]rune, 1+rng.IntN(30))
		for i := range text {
			text[i] = letters[rng.IntN(len(letters))]
		}
		var folded []rune
		var bonus []int8
		prev := ' '
		for i, r := range text {
			folded = append(folded, fold(r))
			bonus = append(bonus, bonusAt(prev, r, i == 0))
			prev = r
		}
		q := make([]rune, 1+rng.IntN(2))
		for i := range q {
			q[i] = fold(letters[rng.IntN(len(letters))])
		}
		fast, general := sc.align(folded, bonus, q, false), sc.align(folded, bonus, q, true)
		if fast <= negInf/2 && general <= negInf/2 {
			continue
		}
		if fast != general {
			t.Fatalf("align(%q, %q) = %d, general alignment %d", string(text), string(q), fast, general)
		}
	}
}
