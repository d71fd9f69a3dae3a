package vaultgen

import (
	"math"
	"sort"
	"strings"
	"sync"
)

// The realistic generator's prose is drawn word by word from a ranked lexicon, so that its
// vocabulary has the shape of real transcript notes (docs/FORMAT.md §6 and issue #14's
// figures, measured on a real vault of 21,273 notes): about 100,000 distinct words, a quarter
// of them seen once, the ten most frequent words a third of all tokens and the thousand most
// frequent four fifths. The template sentences of the regular generator have only ~10,000
// words, all frequent, which made every index we measured on them too small.
//
// The lexicon has three parts:
//
//   - the head: common English function and content words, in about their order of frequency;
//   - the body: the generator's own topical words (words.go), then made-up words, drawn
//     together with the head from one Zipf-Mandelbrot law, p(rank) ∝ (rank+zipfShift)^-zipfS;
//   - the tail: more made-up words, drawn uniformly with a small probability, which gives the
//     long tail of words seen once or twice (names, misspellings, rare terms in real notes).
const (
	lexiconBody = 72000 // words drawn by rank: head, topical words and made-up ones
	lexiconTail = 70000 // rare words, drawn uniformly
	zipfS       = 1.05
	zipfShift   = 0.3
	zipfBend    = 200
	zipfS2      = 0.95
	// rarePer1M is how many words in a million come from the tail.
	rarePer1M = 2300
)

// headWords are frequent English words, most frequent first.
var headWords = strings.Fields(`the of and to in is that it was for on as with he be at by
this are from his but not or have they an which one you had were her all she there we their
been has when who will more no if out so said what up its about into than them can only other
new some could time these two may then do first any my now such like our over man me even
most made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still own see
men work long get here between both life being under never day same another know while last
might us great old year off come since against go came right used take three company money
business market point thing idea think really going want because part lot kind different
number big important small large next early young public bad able case week government system
group problem fact hand place end high low real free full half whole sure certain clear short
show start build sell buy pay grow keep turn move play run try call need feel seem leave put
mean become begin help talk happen give tell ask find look use`)

type lexicon struct {
	words []string  // head, topical and made-up words by rank, then the tail
	cdf   []float64 // cumulative probabilities over words[:lexiconBody]
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

// theLexicon builds the lexicon on first use. It does not depend on the seed: the seed
// chooses which words a vault uses, not what the language is.
func theLexicon() *lexicon {
	lexOnce.Do(func() { lex = newLexicon() })
	return lex
}

func newLexicon() *lexicon {
	seen := make(map[string]bool, lexiconBody+lexiconTail)
	words := make([]string, 0, lexiconBody+lexiconTail)
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, w := range headWords {
		add(w)
	}
	for _, list := range [][]string{nouns, adjectives, pastVerbs, presentVerbs, adverbs, tails, clauses} {
		for _, phrase := range list {
			for _, w := range strings.Fields(phrase) {
				add(strings.ToLower(strings.Trim(w, ",.")))
			}
		}
	}
	for i := 0; len(words) < lexiconBody+lexiconTail; i++ {
		add(madeUpWord(i))
	}
	cdf := make([]float64, lexiconBody)
	sum := 0.0
	for r := range cdf {
		sum += zipfWeight(r)
		cdf[r] = sum
	}
	for r := range cdf {
		cdf[r] /= sum
	}
	return &lexicon{words: words, cdf: cdf}
}

// zipfWeight is the unnormalised probability of rank r: a Zipf-Mandelbrot law, flatter after
// rank zipfBend so that, as in the real vault, the ten most frequent words hold a third of
// the tokens but the thousand most frequent no more than four fifths.
func zipfWeight(r int) float64 {
	if r < zipfBend {
		return math.Pow(float64(r)+1+zipfShift, -zipfS)
	}
	at := float64(zipfBend) + 1 + zipfShift
	return math.Pow(at, -zipfS) * math.Pow((float64(r)+1+zipfShift)/at, -zipfS2)
}

// word draws one word.
func (l *lexicon) word(r *rng) string {
	if r.intn(1000000) < rarePer1M {
		return l.words[lexiconBody+r.intn(lexiconTail)]
	}
	return l.words[min(sort.SearchFloat64s(l.cdf, r.float()), lexiconBody-1)]
}

var (
	onsets = []string{"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
		"w", "br", "ch", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "str", "th", "tr"}
	vowels = []string{"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"}
	codas  = []string{"", "", "", "n", "r", "s", "l", "t", "nd", "st", "ng", "m", "x"}
	ends   = []string{"", "", "", "", "", "", "", "s", "s", "ed", "ing", "er", "ly", "ist"}
)

// madeUpWord spells the i-th made-up word: one to three syllables and an ending, read off the
// digits of i, so the same i always gives the same word. Different i can spell the same word;
// newLexicon skips repeats.
func madeUpWord(i int) string {
	var b strings.Builder
	n := i
	syllables := 1 + n%2
	n /= 2
	if n%5 == 0 {
		syllables++
	}
	for range syllables {
		b.WriteString(onsets[n%len(onsets)])
		n /= len(onsets)
		b.WriteString(vowels[n%len(vowels)])
		n /= len(vowels)
		b.WriteString(codas[(n+i)%len(codas)])
		n = n/len(codas) + i*7919
	}
	b.WriteString(ends[(i/11)%len(ends)])
	return b.String()
}
