package markdown

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxFieldDigits bounds one field of a time so that no input can overflow an int; six
// digits of hours is already far beyond any video.
const maxFieldDigits = 6

// ParseTime reads a timestamp as generated vaults write it (FORMAT.md §3) and returns its
// offset in seconds. It is deliberately forgiving, because the data is: each `:`-separated
// field keeps only its digits (`00:18:58]` reads as 00:18:58), an empty last field is
// dropped (`01:26:` is 1:26), four fields are H:MM:SS plus an ignored frame field, three
// fields are M:SS:mmm when the last has exactly three digits and H:MM:SS otherwise, and two
// fields are M:SS. A single field, a field without digits, five or more fields, or a
// minutes or seconds field of 60 or more is not a time (ok is false): FORMAT.md §3 says such
// a value makes no sense, and the caller then tries the anchor's visible text.
func ParseTime(s string) (seconds int, ok bool) {
	if strings.Count(s, ":") > 4 {
		return 0, false
	}
	raw := strings.Split(s, ":")
	fields := make([]string, 0, len(raw))
	for _, f := range raw {
		fields = append(fields, keepDigits(f))
	}
	if len(fields) > 1 && fields[len(fields)-1] == "" {
		fields = fields[:len(fields)-1]
	}
	values := make([]int, len(fields))
	for i, f := range fields {
		if f == "" {
			return 0, false
		}
		v, ok := fieldValue(f)
		if !ok {
			return 0, false
		}
		values[i] = v
	}
	var h, m, sec int
	switch {
	case len(values) == 4:
		h, m, sec = values[0], values[1], values[2]
		if m >= 60 {
			return 0, false
		}
	case len(values) == 3 && len(fields[2]) == 3:
		m, sec = values[0], values[1]
		if m >= 60 {
			return 0, false
		}
	case len(values) == 3:
		h, m, sec = values[0], values[1], values[2]
		if m >= 60 {
			return 0, false
		}
	case len(values) == 2:
		m, sec = values[0], values[1]
		if m >= 60 {
			return 0, false
		}
	default:
		return 0, false
	}
	if sec >= 60 {
		return 0, false
	}
	return h*3600 + m*60 + sec, true
}

// keepDigits returns the ASCII digits of s in order, dropping everything else.
func keepDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fieldValue converts a digits-only field, refusing values too long to be a time.
func fieldValue(digits string) (int, bool) {
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > maxFieldDigits {
		return 0, false
	}
	v := 0
	for i := 0; i < len(digits); i++ {
		v = v*10 + int(digits[i]-'0')
	}
	return v, true
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
		t, n, closed, ok = matchAnchor(line, 0, closeAt)
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
		if t, n, ok = matchLegacy(line); !ok {
			return nil
		}
	default:
		return nil
	}
	block.Advance(n)
	return &Timestamp{Value: t.Value, Label: t.Label, Seconds: t.Seconds, Valid: t.Valid, Legacy: t.Legacy}
}

// trimLabel strips the brackets and spaces that surround an anchor's visible time.
func trimLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == '[' || r == ']' || unicode.IsSpace(r) })
}

// anchorTag is what scanAnchorTag learned about an `<a ...>` open tag.
type anchorTag struct {
	length    int    // bytes from `<` through `>`
	timestamp bool   // class lists yt-timestamp
	value     string // data-t as written
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
			for _, c := range strings.Fields(string(value)) {
				if c == "yt-timestamp" {
					a.timestamp = true
				}
			}
		case !sawValue && bytes.EqualFold(name, []byte("data-t")):
			sawValue = true
			a.value = string(value)
		}
	}
}

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
