package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The matchers below read one construct from the start of a byte slice holding the rest of a
// line. The goldmark parsers of this package are built on them, and so is the indexer's fast
// scanner (vault/scan.go): one definition of each construct, whichever path reads a note.

// WikilinkMatch is what MatchWikilink read.
type WikilinkMatch struct {
	Embed                   bool
	Target, Fragment, Alias string
	HasFragment             bool
}

// MatchWikilink reads `[[...]]` or `![[...]]` at the start of b and returns it with the
// number of bytes it spans. The link must close on the same line; its content must not be
// blank and may hold neither `[` nor `]`.
func MatchWikilink(b []byte) (w WikilinkMatch, n int, ok bool) {
	n = WikilinkEnd(b)
	if n == 0 {
		return WikilinkMatch{}, 0, false
	}
	start := 2
	if b[0] == '!' {
		start = 3
		w.Embed = true
	}
	w.Target, w.Fragment, w.Alias, w.HasFragment = splitWikilink(string(b[start : n-2]))
	return w, n, true
}

func isBlankString(b []byte) bool {
	// Decoded in place: converting b to a string copies every wikilink's text once more.
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !unicode.IsSpace(r) {
			return false
		}
		b = b[n:]
	}
	return true
}

// TimestampMatch is what MatchTimestamp read.
type TimestampMatch struct {
	Value, Label  string
	Seconds       int
	Valid, Legacy bool
}

// MatchTimestamp reads a timestamp anchor `<a class="yt-timestamp" data-t="...">...</a>`, or
// its legacy wrapping `[TEXT](<a ...>...</a>)`, at the start of b. Without a `</a>` on the
// line an anchor spans only its open tag.
func MatchTimestamp(b []byte) (t TimestampMatch, n int, ok bool) {
	return MatchTimestampWith(b, copyString)
}

// MatchTimestampWith is MatchTimestamp with the strings of the result made by str, so that
// a caller reading many notes can intern the few thousand distinct values among hundreds of
// thousands of timestamps.
func MatchTimestampWith(b []byte, str func([]byte) string) (t TimestampMatch, n int, ok bool) {
	if len(b) == 0 {
		return t, 0, false
	}
	switch b[0] {
	case '<':
		t, n, _, ok = matchAnchor(b, 0, -1, str)
	case '[':
		t, n, ok = matchLegacy(b, str)
	}
	return t, n, ok
}

func copyString(b []byte) string { return string(b) }

// matchAnchor reads an anchor at b[at]. closeAt, when not negative, is the known index of
// the line's next `</a>` at or after the open tag (or len(b) when there is none), so that
// callers with many anchors on one line search it once.
func matchAnchor(b []byte, at, closeAt int, str func([]byte) string) (t TimestampMatch, end int, closed, ok bool) {
	a, ok := scanAnchorTag(b[at:])
	if !ok || !a.timestamp {
		return t, 0, false, false
	}
	t.Value = str(a.value)
	var label []byte
	end = at + a.length
	closer := closeAt
	if closer < end {
		closer = indexClose(b, end)
	}
	if closer < len(b) && closer >= end {
		label = trimLabel(b[end:closer])
		end = closer + len("</a>")
		closed = true
	}
	if string(label) == t.Value {
		t.Label = t.Value // the usual case: one string for both
	} else {
		t.Label = str(label)
	}
	t.Seconds, t.Valid = parseTime(a.value)
	if !t.Valid {
		t.Seconds, t.Valid = parseTime(label)
	}
	return t, end, closed, true
}

// indexClose returns the index of the first `</a>` (any case) at or after from, or len(b).
func indexClose(b []byte, from int) int {
	for i := from; i+4 <= len(b); i++ {
		if b[i] == '<' && b[i+1] == '/' && (b[i+2]|0x20) == 'a' && b[i+3] == '>' {
			return i
		}
	}
	return len(b)
}

func matchLegacy(b []byte, str func([]byte) string) (TimestampMatch, int, bool) {
	closeText := -1
	for i := 1; i < len(b); i++ {
		if c := b[i]; c == '[' || c == '\n' {
			return TimestampMatch{}, 0, false
		} else if c == ']' {
			closeText = i
			break
		}
	}
	if closeText < 0 || closeText+2 >= len(b) || b[closeText+1] != '(' {
		return TimestampMatch{}, 0, false
	}
	t, end, closed, ok := matchAnchor(b, closeText+2, -1, str)
	if !ok || !closed {
		return TimestampMatch{}, 0, false
	}
	for end < len(b) && (b[end] == ' ' || b[end] == '\t') {
		end++
	}
	if end >= len(b) || b[end] != ')' {
		return TimestampMatch{}, 0, false
	}
	t.Legacy = true
	if t.Label == "" {
		label := trimLabel(b[1:closeText])
		t.Label = str(label)
		if !t.Valid {
			t.Seconds, t.Valid = parseTime(label)
		}
	}
	return t, end + 1, true
}

// MatchTag reads an inline `#tag` at the start of b. boundary says whether the `#` starts a
// word (it follows white space or starts a line): `a#b` and `issue#12` are prose.
func MatchTag(b []byte, boundary bool) (name string, n int, ok bool) {
	if !boundary || len(b) < 2 || b[0] != '#' {
		return "", 0, false
	}
	end := 1
	for end < len(b) {
		r, size := utf8.DecodeRune(b[end:])
		if !isTagRune(r) {
			break
		}
		end += size
	}
	// A trailing `/` ends a sentence or a path, not the tag (`#books/` is `books`).
	for end > 1 && b[end-1] == '/' {
		end--
	}
	if !hasNonDigit(b[1:end]) {
		return "", 0, false
	}
	return string(b[1:end]), end, true
}

// MatchWrappedWikilink reads a Markdown link whose destination is a wikilink,
// `[text]([[target]])` or `[text]( [[target|alias]] )`, at the start of b (docs/FORMAT.md
// §2.2). The link text must be plain (IsPlainLinkText) and the whole link on one line; the
// wikilink alone decides the target, and the text, when not blank, replaces its alias.
// Goldmark's link parser cannot read these itself when the wikilink holds spaces, and would
// take the rest as a destination named `[[target]]`.
func MatchWrappedWikilink(b []byte) (w WikilinkMatch, n int, ok bool) {
	if len(b) < 2 || b[0] != '[' {
		return WikilinkMatch{}, 0, false
	}
	end := 1
	for end < len(b) && b[end] != ']' && b[end] != '[' && b[end] != '\n' {
		end++
	}
	if end+1 >= len(b) || b[end] != ']' || b[end+1] != '(' || !IsPlainLinkText(b[1:end]) {
		return WikilinkMatch{}, 0, false
	}
	i := skipLinkSpaces(b, end+2)
	w, m, ok := MatchWikilink(b[i:])
	if !ok || w.Embed {
		return WikilinkMatch{}, 0, false
	}
	i = skipLinkSpaces(b, i+m)
	if i >= len(b) || b[i] != ')' {
		return WikilinkMatch{}, 0, false
	}
	if text := strings.TrimSpace(string(b[1:end])); text != "" {
		w.Alias = text
	}
	return w, i + 1, true
}

func skipLinkSpaces(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// IsPlainLinkText reports whether the text of a link is plain words: nothing in it could be
// markup (emphasis, code, HTML, escapes, entities, brackets, tags, comments, a footnote
// mark), so it reads the same whether or not it is parsed.
func IsPlainLinkText(b []byte) bool {
	if len(b) > 0 && b[0] == '^' {
		return false
	}
	for _, c := range b {
		if plainLinkTextStop[c] {
			return false
		}
	}
	return true
}

var plainLinkTextStop = func() (t [256]bool) {
	for _, c := range []byte("[]\\`<*_~=%#&\n\r") {
		t[c] = true
	}
	return t
}()

// WikilinkDestination reads a Markdown link destination that is wholly one wikilink, as in
// `[text]([[target]] "title")`: the link points where the wikilink does.
func WikilinkDestination(dest []byte) (WikilinkMatch, bool) {
	w, n, ok := MatchWikilink(dest)
	if !ok || w.Embed || n != len(dest) {
		return WikilinkMatch{}, false
	}
	return w, true
}

// IsLineBreakLine reports whether line holds nothing but `<br>` tags (`<br>`, `<br/>`,
// `<br />`, any case, at least one) and white space. Such a line is a line break in a
// paragraph; it never opens an HTML block (docs/FORMAT.md §5.1), which would show the
// Markdown below it as raw text.
func IsLineBreakLine(line []byte) bool {
	tags := 0
	for i := 0; i < len(line); {
		switch line[i] {
		case ' ', '\t', '\r', '\n':
			i++
		case '<':
			n := matchBreakTag(line[i:])
			if n == 0 {
				return false
			}
			tags++
			i += n
		default:
			return false
		}
	}
	return tags > 0
}

// matchBreakTag returns the length of `<br>`, `<br/>` or `<br />` (any case) at the start of
// b, or 0.
func matchBreakTag(b []byte) int {
	if len(b) < 4 || b[0] != '<' || b[1]|0x20 != 'b' || b[2]|0x20 != 'r' {
		return 0
	}
	i := skipLinkSpaces(b, 3)
	if i < len(b) && b[i] == '/' {
		i++
	}
	if i < len(b) && b[i] == '>' {
		return i + 1
	}
	return 0
}
