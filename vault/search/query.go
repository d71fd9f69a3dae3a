package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search. Words and phrases are folded to lower case (see fold) with
// their white space collapsed to single spaces, as the store's text is; filter values are
// kept as typed, without surrounding quotes.
type Query struct {
	// Words are the words and "quoted phrases" a note must all hold, in its text or title.
	Words []string
	// Without are the -words and -"phrases" a note must not hold.
	Without []string
	// Tags are tag:x filters: the note has tag x or a tag nested under it (x/...).
	// NotTags are -tag:x.
	Tags, NotTags []string
	// Paths are path:folder filters: the note's path starts with the value, ignoring case.
	// NotPaths are -path:x.
	Paths, NotPaths []string
	// Videos are video:ID filters: the note is about that video. NotVideos are -video:ID.
	Videos, NotVideos []string
}

// Empty reports a query that asks for nothing (blank, or only incomplete filters such as
// `tag:`): the search shows no results rather than every note.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Without) == 0 && len(q.Tags) == 0 && len(q.NotTags) == 0 &&
		len(q.Paths) == 0 && len(q.NotPaths) == 0 && len(q.Videos) == 0 && len(q.NotVideos) == 0
}

// ParseQuery reads what the user typed. It never fails: an unclosed quote runs to the end,
// a lone `-` or a filter with no value is ignored, and an unknown `key:value` is a word.
func ParseQuery(s string) Query {
	var q Query
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		negate := false
		if s[i] == '-' {
			negate = true
			i++
		}
		// A term runs to white space, except inside quotes (a phrase, or a filter value).
		start := i
		var b strings.Builder
		quoted := false
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '"' {
				quoted = !quoted
				i += size
				continue
			}
			if !quoted && unicode.IsSpace(r) {
				break
			}
			b.WriteString(s[i : i+size])
			i += size
		}
		raw := s[start:i]
		term := b.String()
		if key, value, ok := filter(raw, term); ok {
			if value != "" {
				q.addFilter(key, value, negate)
			}
			continue
		}
		word := normalizeWord(term)
		if word == "" {
			continue
		}
		if negate {
			q.Without = append(q.Without, word)
		} else {
			q.Words = append(q.Words, word)
		}
	}
	return q
}

// filter splits a `key:value` term whose key is a known filter (in any case, not quoted).
func filter(raw, term string) (key, value string, ok bool) {
	k, _, found := strings.Cut(raw, ":")
	if !found || strings.ContainsRune(k, '"') {
		return "", "", false
	}
	switch strings.ToLower(k) {
	case "tag", "path", "video":
		return strings.ToLower(k), strings.TrimSpace(term[len(k)+1:]), true
	}
	return "", "", false
}

func (q *Query) addFilter(key, value string, negate bool) {
	var list *[]string
	switch key {
	case "tag":
		value = strings.TrimLeft(value, "#")
		if value == "" {
			return
		}
		list = pick(negate, &q.Tags, &q.NotTags)
	case "path":
		list = pick(negate, &q.Paths, &q.NotPaths)
	case "video":
		list = pick(negate, &q.Videos, &q.NotVideos)
	}
	*list = append(*list, value)
}

func pick(negate bool, yes, no *[]string) *[]string {
	if negate {
		return no
	}
	return yes
}

// normalizeWord folds a word or phrase and collapses its white space, as the store's text
// is folded and collapsed.
func normalizeWord(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return foldString(s)
}

// normalizeWords returns the words normalized, without empty ones.
func normalizeWords(words []string) []string {
	var out []string
	for _, w := range words {
		if w = normalizeWord(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
