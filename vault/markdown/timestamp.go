package markdown

import (
	"bytes"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxFieldDigits bounds one field of a time so that no input can overflow an int; six
// digits of hours is already far beyond any video.
const maxFieldDigits = 6

// ParseTime reads a timestamp as generated vaults write it (docs/FORMAT.md §3) and returns its
// offset in seconds. It is deliberately forgiving, because the data is: each `:`-separated
// field keeps only its digits (`00:18:58]` reads as 00:18:58), an empty last field is
// dropped (`01:26:` is 1:26), four fields are H:MM:SS plus an ignored frame field, three
// fields are M:SS:mmm when the last has exactly three digits and H:MM:SS otherwise, and two
// fields are M:SS. A single field, a field without digits, five or more fields, or a
// minutes or seconds field of 60 or more is not a time (ok is false), and the caller then
// tries the anchor's visible text (docs/FORMAT.md §3).
func ParseTime(s string) (seconds int, ok bool) { return parseTime(s) }

// parseTime is ParseTime for strings and byte slices alike, without allocating: the indexer
// reads some 700,000 timestamps in a large vault.
func parseTime[T ~string | ~[]byte](s T) (seconds int, ok bool) {
	// Per field: its value, how many digits it has, and how many of them count (leading
	// zeros do not count against maxFieldDigits).
	var values, digits [5]int
	n, sig := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			n++
			if n >= len(values) {
				return 0, false
			}
			sig = 0
		case c >= '0' && c <= '9':
			digits[n]++
			if sig > 0 || c != '0' {
				sig++
				if sig > maxFieldDigits {
					return 0, false
				}
			}
			values[n] = values[n]*10 + int(c-'0')
		}
	}
	n++ // number of fields
	if n > 1 && digits[n-1] == 0 {
		n--
	}
	for i := range n {
		if digits[i] == 0 {
			return 0, false
		}
	}
	var h, m, sec int
	switch {
	case n == 4:
		h, m, sec = values[0], values[1], values[2]
	case n == 3 && digits[2] == 3:
		m, sec = values[0], values[1]
	case n == 3:
		h, m, sec = values[0], values[1], values[2]
	case n == 2:
		m, sec = values[0], values[1]
	default:
		return 0, false
	}
	if m >= 60 || sec >= 60 {
		return 0, false
	}
	return h*3600 + m*60 + sec, true
}

// timestampParser reads `<a class="yt-timestamp" data-t="...">[...]</a>` anchors, and the
// legacy `[TEXT](<a class="yt-timestamp" ...>...</a>)` wrapping of one, into a Timestamp.
// Any other tag is left to goldmark's raw HTML parser, and any other bracket to the
// wikilink and link parsers.
type timestampParser struct{}

// Trigger implements parser.InlineParser.
func (timestampParser) Trigger() []byte { return []byte{'<', '['} }

// Parse implements parser.InlineParser.
func (timestampParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	// Inline triggers never fire inside padding, so line[i] is source[seg.Start+i].
	known, _ := pc.Get(anchorCloseKey).(*noAnchorClose)
	noClose := known != nil && known.stop == seg.Stop && seg.Start >= known.from
	var t TimestampMatch
	var n int
	switch line[0] {
	case '<':
		closeAt := -1
		if noClose {
			closeAt = len(line)
		}
		var closed, ok bool
		t, n, closed, ok = matchAnchor(line, 0, closeAt, copyString)
		if !ok {
			return nil
		}
		if !closed && !noClose {
			pc.Set(anchorCloseKey, &noAnchorClose{from: seg.Start + n, stop: seg.Stop})
		}
	case '[':
		var ok bool
		if noClose {
			// The wrap needs a `</a>`, and the rest of this line has none.
			return nil
		}
		if t, n, ok = matchLegacy(line, copyString); !ok {
			return nil
		}
	default:
		return nil
	}
	block.Advance(n)
	return &Timestamp{Value: t.Value, Label: t.Label, Seconds: t.Seconds, Valid: t.Valid, Legacy: t.Legacy}
}

// trimLabel strips the brackets and spaces that surround an anchor's visible time.
func trimLabel(s []byte) []byte {
	return bytes.TrimFunc(s, func(r rune) bool { return r == '[' || r == ']' || unicode.IsSpace(r) })
}

// anchorTag is what scanAnchorTag learned about an `<a ...>` open tag.
type anchorTag struct {
	length    int    // bytes from `<` through `>`
	timestamp bool   // class lists yt-timestamp
	value     []byte // data-t as written
}

// scanAnchorTag reads an `<a ...>` open tag at the start of b, following the CommonMark
// open-tag grammar (attributes separated by white space, values unquoted, 'single' or
// "double" quoted) but within one line: generated anchors never wrap, and a tag that does
// is left to the raw HTML parser. Attribute names are case-insensitive and the first of a
// repeated attribute wins, as in HTML.
func scanAnchorTag(b []byte) (anchorTag, bool) {
	var a anchorTag
	if len(b) < 3 || b[0] != '<' || (b[1] != 'a' && b[1] != 'A') {
		return a, false
	}
	var sawClass, sawValue bool
	i := 2
	for {
		spaced := false
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
			spaced = true
		}
		if i >= len(b) {
			return a, false
		}
		switch {
		case b[i] == '>':
			a.length = i + 1
			return a, true
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '>':
			a.length = i + 2
			return a, true
		case !spaced || !isAttrNameStart(b[i]):
			// Also rejects `<abbr>`: the tag name must end right after the `a`.
			return a, false
		}
		nameStart := i
		for i < len(b) && isAttrNameChar(b[i]) {
			i++
		}
		name := b[nameStart:i]
		var value []byte
		j := i
		for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		if j < len(b) && b[j] == '=' {
			j++
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j >= len(b) {
				return a, false
			}
			if q := b[j]; q == '"' || q == '\'' {
				k := bytes.IndexByte(b[j+1:], q)
				if k < 0 {
					return a, false
				}
				value = b[j+1 : j+1+k]
				i = j + 2 + k
			} else {
				k := j
				for k < len(b) && isUnquotedValueChar(b[k]) {
					k++
				}
				if k == j {
					return a, false
				}
				value = b[j:k]
				i = k
			}
		}
		switch {
		case !sawClass && bytes.EqualFold(name, []byte("class")):
			sawClass = true
			a.timestamp = hasClass(value, "yt-timestamp")
		case !sawValue && bytes.EqualFold(name, []byte("data-t")):
			sawValue = true
			a.value = value
		}
	}
}

// hasClass reports whether a class attribute's space-separated list holds name.
func hasClass(list []byte, name string) bool {
	for len(list) > 0 {
		i := 0
		for i < len(list) && !isHTMLSpace(list[i]) {
			i++
		}
		if string(list[:i]) == name {
			return true
		}
		for i < len(list) && isHTMLSpace(list[i]) {
			i++
		}
		list = list[i:]
	}
	return false
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isAttrNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

func isAttrNameChar(c byte) bool {
	return isAttrNameStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-'
}

func isUnquotedValueChar(c byte) bool {
	switch c {
	case '"', '\'', '=', '<', '>', '`':
		return false
	}
	return c > ' '
}

// anchorCloseKey keys the noAnchorClose of one Parse call.
var anchorCloseKey = parser.NewContextKey()

// noAnchorClose records that source[from:stop], the rest of a line, holds no `</a>`, so
// that a long line of unclosed anchors is searched once instead of once per anchor.
type noAnchorClose struct{ from, stop int }
