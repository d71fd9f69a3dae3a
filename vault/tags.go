package vault

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TagCount is one tag of the vault with how many notes carry it.
type TagCount struct {
	// Tag is the full name without `#`, e.g. "ai/agents", in the spelling most notes use.
	Tag string
	// Notes is the number of distinct notes carrying the tag or a tag nested below it.
	Notes int
}

// Tags lists every tag of the vault and every parent of a nested tag (`a/b/c` lists `a`,
// `a/b` and `a/b/c`), each with its note count. Tags are compared case-insensitively, as
// Obsidian does, and each is spelled the way most of its notes spell it. The list is in
// natural order, a parent directly before its children: "ai", "ai/agents", "ai2", "ai10".
//
// It walks every note, nothing is cached: about 2 ms on the generated 20,000-note vault,
// 35 ms on 20,000 notes with 3,600 distinct tags (BenchmarkTags*). Call it off the UI
// goroutine, once per snapshot.
func (ix *Index) Tags() []TagCount {
	type acc struct {
		key   string
		notes int
		// spell counts the notes per spelling; first is the one met first, kept apart so
		// that the common case of one spelling needs no map.
		first  string
		firstN int
		spell  map[string]int
	}
	tags := map[string]*acc{}
	var seen []string // the keys counted for the current note
	for _, s := range ix.notes {
		for _, en := range s {
			seen = seen[:0]
			for _, t := range en.note.Tags {
				clean := cleanTag(t)
				lower := strings.ToLower(clean)
				ascii := isASCII(clean)
				// The tag itself and each parent, shortest first. Lower-casing keeps the
				// `/` between levels, and nearly always the length of each.
				for end := 0; end < len(clean); {
					if next := strings.IndexByte(clean[end+1:], '/'); next < 0 {
						end = len(clean)
					} else {
						end += 1 + next
					}
					sp, k := clean[:end], ""
					if ascii {
						k = lower[:end]
					} else {
						k = strings.ToLower(sp)
					}
					if slices.Contains(seen, k) {
						continue
					}
					seen = append(seen, k)
					a := tags[k]
					if a == nil {
						a = &acc{key: k, first: sp}
						tags[k] = a
					}
					a.notes++
					if sp == a.first {
						a.firstN++
					} else {
						if a.spell == nil {
							a.spell = map[string]int{}
						}
						a.spell[sp]++
					}
				}
			}
		}
	}
	all := make([]*acc, 0, len(tags))
	for _, a := range tags {
		all = append(all, a)
	}
	slices.SortFunc(all, func(a, b *acc) int { return compareTags(a.key, b.key) })
	out := make([]TagCount, len(all))
	for i, a := range all {
		best, bestN := a.first, a.firstN
		for sp, n := range a.spell {
			if n > bestN || n == bestN && sp < best {
				best, bestN = sp, n
			}
		}
		out[i] = TagCount{Tag: best, Notes: a.notes}
	}
	return out
}

// TagNotes returns the paths of the notes carrying tag (with or without `#`, in any case)
// or a tag nested below it, in natural order of their titles. It walks every note: about
// 2 ms on 20,000 notes.
func (ix *Index) TagNotes(tag string) []string {
	key := strings.ToLower(cleanTag(strings.TrimPrefix(strings.TrimSpace(tag), "#")))
	if key == "" {
		return nil
	}
	var notes []*Note
	for _, s := range ix.notes {
		for _, en := range s {
			for _, t := range en.note.Tags {
				if tagUnder(strings.ToLower(cleanTag(t)), key) {
					notes = append(notes, en.note)
					break
				}
			}
		}
	}
	slices.SortFunc(notes, func(a, b *Note) int {
		if c := compareNatural(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	if len(notes) == 0 {
		return nil
	}
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.Path
	}
	return out
}

// tagUnder reports whether the tag key is parent itself or nested below it.
func tagUnder(key, parent string) bool {
	return strings.HasPrefix(key, parent) && (len(key) == len(parent) || key[len(parent)] == '/')
}

// cleanTag drops the empty levels of a nested tag: `a//b/` is `a/b`, `/` is nothing.
func cleanTag(t string) string {
	if t == "" || t[0] != '/' && t[len(t)-1] != '/' && !strings.Contains(t, "//") {
		return t
	}
	parts := strings.Split(t, "/")
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "/")
}

// compareTags orders nested tags level by level, so that a parent comes directly before
// its children, each level in natural order.
func compareTags(a, b string) int {
	a0, b0 := a, b
	for {
		ia, ib := strings.IndexByte(a, '/'), strings.IndexByte(b, '/')
		la, lb := a, b
		if ia >= 0 {
			la = a[:ia]
		}
		if ib >= 0 {
			lb = b[:ib]
		}
		if c := foldNatural(la, lb); c != 0 {
			return c
		}
		switch {
		case ia < 0 && ib < 0:
			return strings.Compare(a0, b0)
		case ia < 0:
			return -1
		case ib < 0:
			return 1
		}
		a, b = a[ia+1:], b[ib+1:]
	}
}

// compareNatural orders names as people read them: ignoring case, runs of digits by value
// ("Episode 2" before "Episode 10"), and by their bytes only when otherwise equal, so the
// order is total.
func compareNatural(a, b string) int {
	if c := foldNatural(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// foldNatural is compareNatural without the final tie-break.
func foldNatural(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ei, ej := i, j
			for ei < len(a) && isDigit(a[ei]) {
				ei++
			}
			for ej < len(b) && isDigit(b[ej]) {
				ej++
			}
			da, db := strings.TrimLeft(a[i:ei], "0"), strings.TrimLeft(b[j:ej], "0")
			if len(da) != len(db) {
				return len(da) - len(db)
			}
			if c := strings.Compare(da, db); c != 0 {
				return c
			}
			i, j = ei, ej
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra != rb {
			if la, lb := unicode.ToLower(ra), unicode.ToLower(rb); la != lb {
				return int(la) - int(lb)
			}
		}
		i += na
		j += nb
	}
	return (len(a) - i) - (len(b) - j)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
