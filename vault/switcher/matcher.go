// Package switcher finds notes by a few typed letters for the quick switcher: a fuzzy match
// over every note's title, file name and aliases and over the names links point at that no
// note has yet, ranked the way a reader expects ("wtm" finds "Where The Money Went").
package switcher

import (
	"slices"

	"vaultview/vault"
)

// Matcher finds candidates of one index snapshot. Build one per snapshot with New (off the
// UI goroutine on a large vault: it reads every note's names once) and ask it on every
// keystroke.
//
// A Matcher remembers the candidates that matched its recent queries, so that typing one
// more letter only looks again at those; the results are the same as from a fresh Matcher.
// It is therefore not safe for concurrent use: call Match from one goroutine at a time.
type Matcher struct {
	cands []Candidate
	// group[i] is the note (or unresolved name) candidate i belongs to; results keep the
	// best candidate of each group.
	group  []int32
	groups int
	// titleOf[g] is the index of group g's Title (or File) candidate, -1 for an unresolved
	// name.
	titleOf []int32
	byPath  map[string]int32

	// text holds every candidate's folded runes back to back, candidate i at
	// text[start[i]:start[i+1]]; bonus[k] is the bonus for matching text[k].
	text  []rune
	bonus []int8
	start []int32
	// mask is the set of maskOf bits of each candidate's runes.
	mask []uint64
	// squeezed is the number of runes other than separators in each candidate's text
	// (what a query equal to it has), -1 when the text
	// is longer than is matched (maxMatchRunes).
	squeezed []int32

	// steps are the queries asked last, each extending the one before, with the candidates
	// that matched each (steps[0] is the empty query and all candidates).
	steps []step
	// spare are the candidate lists of forgotten steps, kept for reuse.
	spare [][]int32
	sc    scratch
}

// step is a query and the candidates (indexes, ascending) of which it is a subsequence.
type step struct {
	query    []rune
	matching []int32
}

// Result is a candidate that matched a query.
type Result struct {
	Candidate
	// Score orders results, higher first; it means nothing across queries.
	Score int
	// Positions are the indexes of the matched runes in Text, ascending, for highlighting.
	Positions []int
}

// New prepares the candidates of ix: every note's title, its file name where that differs,
// its aliases, and the unresolved names.
func New(ix *vault.Index) *Matcher {
	m := &Matcher{}
	if ix != nil {
		m.build(ix)
	}
	all := make([]int32, len(m.cands))
	for i := range all {
		all[i] = int32(i)
	}
	m.steps = []step{{matching: all}}
	return m
}

// Len is the number of candidates.
func (m *Matcher) Len() int { return len(m.cands) }

// Match returns the notes and unresolved names that query matches, best first, at most
// limit of them (all when limit ≤ 0), one result per note: the best of its title, file name
// and aliases.
//
// The query's letters must appear in the text in order, not necessarily together; case and
// the accents of Latin letters do not matter, and spaces, underscores and hyphens in the
// query are only a hint (where_the and "where the" both find "Where The Money Went").
// Results rank by, in order of weight: the whole text equal to the query, then the text
// starting with it, then how well the letters fall on word starts and in runs, a recently
// opened note, a shorter text, and a note's own title over its file name over its alias
// over an unresolved name.
//
// recent lists the paths of recently opened notes, most recent first. With an empty query
// Match returns just those notes (the ones still in the vault), so that the switcher opens
// on where the reader has been; listing the first notes of the alphabet as well would put
// arbitrary notes under the reader's Enter key in a vault of thousands.
func (m *Matcher) Match(query string, recent []string, limit int) []Result {
	q := make([]rune, 0, len(query))
	for _, r := range query {
		if !isSeparator(r) {
			q = append(q, fold(r))
		}
	}
	if len(q) == 0 {
		return m.recentResults(recent, limit)
	}
	if len(q) > maxMatchRunes {
		return nil // longer than any text is matched: a paste gone wrong
	}
	matching := m.matching(q)
	sc := &m.sc
	sc.reset(m.groups, len(q))
	for r, p := range recent {
		if g, ok := m.byPath[p]; ok && !sc.isRecent(g) {
			sc.setRecent(g, recentBoost(r))
		}
	}
	// The texts that start with the query first: they are few, and when there are limit
	// of them scoring above anything a text not starting with it could reach, the others
	// need not be aligned at all (the first letters typed read most candidates).
	for _, c := range matching {
		if m.startsWithQuery(c, q) {
			m.consider(c, m.score(c, q, true))
		}
	}
	if limit <= 0 || len(sc.touched) < limit || sc.top(limit)[limit-1].score <= maxScoreWithoutPrefix(len(q)) {
		for _, c := range matching {
			if !m.startsWithQuery(c, q) {
				m.consider(c, m.score(c, q, false))
			}
		}
	}
	var top []ranked
	if limit > 0 {
		top = sc.top(limit)
	} else {
		top = sc.all()
	}
	out := make([]Result, len(top))
	for i, t := range top {
		out[i] = Result{Candidate: m.cands[t.cand], Score: int(t.score), Positions: m.positions(int(t.cand), q)}
	}
	return out
}

// consider keeps candidate c with score s if it is the best of its note so far.
func (m *Matcher) consider(c int32, s int32) {
	g := m.group[c]
	r := ranked{score: s, cand: c}
	if b, ok := m.sc.bestOf(g); !ok || better(r, b) {
		m.sc.setBest(g, r)
	}
}

// startsWithQuery reports whether candidate c's text starts with the folded query q.
func (m *Matcher) startsWithQuery(c int32, q []rune) bool {
	return startsWith(m.text[m.start[c]:m.start[c+1]], q)
}

// recentResults is the answer to an empty query: the recent notes that exist, in order.
func (m *Matcher) recentResults(recent []string, limit int) []Result {
	var out []Result
	seen := map[int32]bool{}
	for _, p := range recent {
		g, ok := m.byPath[p]
		if !ok || seen[g] || m.titleOf[g] < 0 {
			continue
		}
		seen[g] = true
		out = append(out, Result{Candidate: m.cands[m.titleOf[g]]})
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out
}

// matching returns the candidates of which q is a subsequence. It starts from the longest
// remembered query that q extends, so that typing a letter more reads only the candidates
// that matched before it.
func (m *Matcher) matching(q []rune) []int32 {
	k := 0
	for k+1 < len(m.steps) && hasPrefix(q, m.steps[k+1].query) {
		k++
	}
	for _, s := range m.steps[k+1:] {
		m.spare = append(m.spare, s.matching[:0])
	}
	m.steps = m.steps[:k+1]
	from := m.steps[k]
	if len(from.query) == len(q) {
		return from.matching
	}
	var qmask uint64
	for _, r := range q {
		qmask |= maskOf(r)
	}
	var out []int32
	if n := len(m.spare); n > 0 {
		out, m.spare = m.spare[n-1], m.spare[:n-1]
	}
	for _, c := range from.matching {
		if m.mask[c]&qmask == qmask && isSubsequence(q, m.text[m.start[c]:m.start[c+1]]) {
			out = append(out, c)
		}
	}
	m.steps = append(m.steps, step{query: slices.Clone(q), matching: out})
	return out
}

// hasPrefix reports whether q starts with p.
func hasPrefix(q, p []rune) bool {
	return len(p) <= len(q) && slices.Equal(q[:len(p)], p)
}

// isSubsequence reports whether the runes of q appear in t in order.
func isSubsequence(q, t []rune) bool {
	i := 0
	for _, r := range t {
		if r == q[i] {
			i++
			if i == len(q) {
				return true
			}
		}
	}
	return false
}
