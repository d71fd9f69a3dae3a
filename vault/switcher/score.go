package switcher

import "slices"

// The score of an alignment adds, for each query letter, matchScore and the bonus of where
// it fell, and takes off the gaps between the letters; the best alignment is found by
// dynamic programming over the query's letters and the text's. A letter at a word start,
// or right after the previous matched letter, is worth half a letter more, so that "wtm"
// finds "Where The Money Went" before "Watermelon", and "money" highlights "Money" in
// "Common Money" rather than the "mon" of "Common".
const (
	matchScore = 16
	// bonusWord is for a letter at the start of a word; the query's first letter gets its
	// bonus twice, because where the first letter falls says most about intent.
	bonusWord = 8
	// bonusFirst is for the text's first letter: the word the reader thinks of first.
	bonusFirst = 10
	bonusCamel = 7
	bonusDigit = 4
	// runBonus is for a letter right after the previous matched one; each further letter of
	// a run gets runGrowth more, up to runBonusMax, so that a whole word typed ("apple")
	// finds the word inside "Pineapple" before letters scattered over "A Pale Plum Leaf".
	runBonus    = 8
	runGrowth   = 2
	runBonusMax = 14
	// A gap of L letters between two matched letters costs gapStart + (L-1)·gapExt.
	gapStart = 3
	gapExt   = 1

	// tierExact and tierPrefix put a text equal to the query, then a text that starts
	// with it, above every other match (separators aside on both sides).
	tierExact  = 2000
	tierPrefix = 1000

	negInf = -1 << 28
)

// kindScore ranks a note's own title over its file name (or another file's name) over an
// alias over a name no note has, where all else is equal.
var kindScore = [...]int32{Title: 0, FileName: -2, Alias: -4, Unresolved: -6, File: -2}

// recentBoost is the small lift of the r-th most recent note (0 the most recent): a
// letter at a word start is worth more than being recent, but of two equal matches the one
// read more recently comes first.
func recentBoost(r int) int32 {
	return int32(max(bonusWord-2-r, 2))
}

// maxScoreWithoutPrefix bounds the score of a text that does not start with a query of n
// letters: every letter at the best place with the largest bonus, the most recent note.
func maxScoreWithoutPrefix(n int) int32 {
	return matchScore + 2*bonusFirst + int32(n-1)*(matchScore+runBonusMax+bonusFirst) + recentBoost(0)
}

// runScore is the bonus of a letter that makes a run of length n ≥ 2.
func runScore(n int32) int32 {
	return min(runBonus+runGrowth*(n-2), runBonusMax)
}

// score is the score of candidate c for the folded query q, which is known to match it;
// prefix says whether c's text starts with q.
func (m *Matcher) score(c int32, q []rune, prefix bool) int32 {
	t := m.text[m.start[c]:m.start[c+1]]
	s := m.sc.align(t, m.bonus[m.start[c]:m.start[c+1]], q, false)
	switch {
	case !prefix:
	case int(m.squeezed[c]) == len(q):
		s += tierExact
	default:
		s += tierPrefix
	}
	s += kindScore[m.cands[c].Kind] - int32(len(t)/4)
	return s + m.sc.recentOf(m.group[c])
}

// positions are the rune indexes of candidate c's text where the letters of q fall in the
// best alignment.
func (m *Matcher) positions(c int, q []rune) []int {
	t := m.text[m.start[c]:m.start[c+1]]
	b := m.bonus[m.start[c]:m.start[c+1]]
	sc := &m.sc
	if sc.align(t, b, q, true) <= negInf/2 {
		return nil
	}
	n, last := len(t), len(q)-1
	row := func(i int) []int32 { return sc.mat[i*n : (i+1)*n] }
	runs := func(i int) []int32 { return sc.runMat[i*n : (i+1)*n] }
	pos := make([]int, len(q))
	end, best := -1, int32(negInf)
	for j := sc.first[last]; j <= sc.last[last]; j++ {
		if v := row(last)[j]; v > best {
			end, best = j, v
		}
	}
	pos[last] = end
	for i := last; i > 0; i-- {
		j := pos[i]
		if runs(i)[j] > 1 {
			pos[i-1] = j - 1
			continue
		}
		want := row(i)[j] - matchScore - int32(b[j])
		lo, hi := sc.first[i-1], sc.last[i-1]
		p := row(i - 1)
		for k := min(j-2, hi); k >= lo; k-- {
			if p[k]-gapStart-gapExt*int32(j-2-k) == want {
				pos[i-1] = k
				break
			}
		}
	}
	return pos
}

// startsWith reports whether the folded text t, separators skipped, starts with q.
func startsWith(t, q []rune) bool {
	i := 0
	for _, r := range t {
		if isSeparator(r) {
			continue
		}
		if r != q[i] {
			return false
		}
		if i++; i == len(q) {
			return true
		}
	}
	return false
}

// scratch is the memory one Match reuses: alignment rows, and the best candidate of each
// note with a generation stamp, so that nothing is cleared or allocated per candidate.
type scratch struct {
	gen   uint32
	stamp []uint32
	best  []ranked
	// touched lists the groups that have a best candidate in this generation.
	touched []int32
	rstamp  []uint32
	boost   []int32

	first, last []int
	// rows and mat hold alignment scores, runRows and runMat the length of the run each
	// best alignment ends in.
	rows, runRows [2][]int32
	mat, runMat   []int32
}

// ranked is a candidate with its score.
type ranked struct{ score, cand int32 }

// better orders ranked candidates: higher score, then earlier candidate (alphabetical).
func better(a, b ranked) bool {
	return a.score > b.score || a.score == b.score && a.cand < b.cand
}

// reset starts a generation for a Match over groups notes and a query of queryLen runes.
func (sc *scratch) reset(groups, queryLen int) {
	if len(sc.stamp) < groups {
		sc.stamp = make([]uint32, groups)
		sc.best = make([]ranked, groups)
		sc.rstamp = make([]uint32, groups)
		sc.boost = make([]int32, groups)
		sc.gen = 0
	}
	sc.gen++
	if sc.gen == 0 {
		clear(sc.stamp)
		clear(sc.rstamp)
		sc.gen = 1
	}
	sc.touched = sc.touched[:0]
	if len(sc.first) < queryLen {
		sc.first = make([]int, queryLen)
		sc.last = make([]int, queryLen)
	}
}

func (sc *scratch) isRecent(g int32) bool { return sc.rstamp[g] == sc.gen }

func (sc *scratch) setRecent(g int32, boost int32) {
	sc.rstamp[g] = sc.gen
	sc.boost[g] = boost
}

func (sc *scratch) recentOf(g int32) int32 {
	if sc.rstamp[g] == sc.gen {
		return sc.boost[g]
	}
	return 0
}

func (sc *scratch) bestOf(g int32) (ranked, bool) {
	return sc.best[g], sc.stamp[g] == sc.gen
}

func (sc *scratch) setBest(g int32, r ranked) {
	if sc.stamp[g] != sc.gen {
		sc.stamp[g] = sc.gen
		sc.touched = append(sc.touched, g)
	}
	sc.best[g] = r
}

// all returns the best candidate of every group, best first.
func (sc *scratch) all() []ranked {
	out := make([]ranked, len(sc.touched))
	for i, g := range sc.touched {
		out[i] = sc.best[g]
	}
	sortRanked(out)
	return out
}

// top returns the limit best of all(), best first, keeping only limit of them at a time.
func (sc *scratch) top(limit int) []ranked {
	// h is a heap with the worst kept candidate at h[0].
	h := make([]ranked, 0, min(limit, len(sc.touched)))
	for _, g := range sc.touched {
		r := sc.best[g]
		switch {
		case len(h) < limit:
			h = append(h, r)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !better(h[p], h[i]) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
		case better(r, h[0]):
			h[0] = r
			for i := 0; ; {
				w := i
				if l := 2*i + 1; l < len(h) && better(h[w], h[l]) {
					w = l
				}
				if rr := 2*i + 2; rr < len(h) && better(h[w], h[rr]) {
					w = rr
				}
				if w == i {
					break
				}
				h[i], h[w] = h[w], h[i]
				i = w
			}
		}
	}
	sortRanked(h)
	return h
}

func sortRanked(rs []ranked) {
	slices.SortFunc(rs, func(a, b ranked) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}

// align returns the best alignment score of the folded query q in the folded text t,
// whose letters have the bonuses b, or a value ≤ negInf/2 when q is not a subsequence of t.
// It fills first and last with the earliest and latest position each query letter can
// take, which bound the rows; with keep it keeps every row in mat (for positions),
// otherwise only two. It is long (over 100 lines) on purpose: it is the quick switcher's
// inner loop, run for every candidate on every keystroke, and its rows share locals that
// calls would have to pass or allocate.
func (sc *scratch) align(t []rune, b []int8, q []rune, keep bool) int32 {
	n, mq := len(t), len(q)
	if len(b) != n || mq == 0 {
		return negInf
	}
	if mq == 1 && !keep {
		// The first keystrokes read nearly every candidate: take the best place of the
		// one letter without the machinery of runs and gaps.
		best := int32(-1)
		for j, r := range t {
			if r == q[0] {
				best = max(best, int32(b[j]))
			}
		}
		if best < 0 {
			return negInf
		}
		return matchScore + 2*best
	}
	if mq == 2 && !keep {
		// The second keystroke too: the two rows of the general case in one pass, without
		// storing them. prev and prev2 are the first letter's row at j−1 and j−2.
		best, prev, prev2, gap := int32(negInf), int32(negInf), int32(negInf), int32(negInf)
		for j, r := range t {
			gap = max(gap-gapExt, prev2-gapStart)
			if r == q[1] {
				if v := max(gap, prev+runScore(2)); v > negInf/2 {
					best = max(best, v+matchScore+int32(b[j]))
				}
			}
			prev2, prev = prev, negInf
			if r == q[0] {
				prev = matchScore + 2*int32(b[j])
			}
		}
		return best
	}
	if len(sc.first) < mq {
		sc.first = make([]int, mq)
		sc.last = make([]int, mq)
	}
	first, last := sc.first[:mq], sc.last[:mq]
	i := 0
	for j := 0; j < n && i < mq; j++ {
		if t[j] == q[i] {
			first[i] = j
			i++
		}
	}
	if i < mq {
		return negInf
	}
	i = mq - 1
	for j := n - 1; i >= 0; j-- {
		if t[j] == q[i] {
			last[i] = j
			i--
		}
	}
	sc.grow(n, mq, keep)

	best := int32(negInf)
	c, cn := sc.row(0, n, keep)
	for j := first[0]; j <= last[0]; j++ {
		if t[j] == q[0] {
			c[j], cn[j] = matchScore+2*int32(b[j]), 1
			best = max(best, c[j])
		} else {
			c[j] = negInf
		}
	}
	for i := 1; i < mq; i++ {
		p, pn := c, cn
		c, cn = sc.row(i, n, keep)
		plo, phi := first[i-1], last[i-1]
		lo, hi, qi := first[i], last[i], q[i]
		best = negInf
		// gap is the best p[k] − the cost of the gap from k to j, over k ≤ j−2.
		gap := int32(negInf)
		for j := plo + 1; j <= hi; j++ {
			if k := j - 2; k >= plo && k <= phi {
				gap = max(gap-gapExt, p[k]-gapStart)
			} else {
				gap -= gapExt
			}
			if j < lo {
				continue
			}
			if t[j] != qi {
				c[j] = negInf
				continue
			}
			v, run := gap, int32(1)
			if j-1 <= phi && p[j-1] > negInf/2 {
				if r := p[j-1] + runScore(pn[j-1]+1); r >= v {
					v, run = r, pn[j-1]+1
				}
			}
			if v <= negInf/2 {
				c[j] = negInf
				continue
			}
			c[j], cn[j] = v+matchScore+int32(b[j]), run
			best = max(best, c[j])
		}
	}
	return best
}

// grow makes room for the rows of an alignment of mq letters in n.
func (sc *scratch) grow(n, mq int, keep bool) {
	if keep {
		if cap(sc.mat) < mq*n {
			sc.mat = make([]int32, mq*n)
			sc.runMat = make([]int32, mq*n)
		}
		sc.mat, sc.runMat = sc.mat[:mq*n], sc.runMat[:mq*n]
		return
	}
	if cap(sc.rows[0]) < n {
		for k := range sc.rows {
			sc.rows[k] = make([]int32, max(n, 64))
			sc.runRows[k] = make([]int32, max(n, 64))
		}
	}
}

// row returns the scores and run lengths of alignment row i (of n letters).
func (sc *scratch) row(i, n int, keep bool) (scores, runs []int32) {
	if keep {
		return sc.mat[i*n : (i+1)*n], sc.runMat[i*n : (i+1)*n]
	}
	return sc.rows[i&1][:n], sc.runRows[i&1][:n]
}
