package markdown

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

// HTMLTagResult is how far MatchHTMLTag got.
type HTMLTagResult uint8

// The results of MatchHTMLTag.
const (
	// HTMLTagNoMatch: b does not start with a tag.
	HTMLTagNoMatch HTMLTagResult = iota
	// HTMLTagMatch: b starts with a whole tag.
	HTMLTagMatch
	// HTMLTagNeedsMore: the tag may continue on the next line, where goldmark would look;
	// a reader of one line decides for itself what to make of it.
	HTMLTagNeedsMore
)

// MatchHTMLTag matches one raw HTML open or closing tag at the start of b (which starts with
// `<`), within this line, as goldmark's raw HTML parser does, returning its length and name.
func MatchHTMLTag(b []byte) (n int, name string, res HTMLTagResult) {
	i := 1
	closing := false
	if i < len(b) && b[i] == '/' {
		closing = true
		i++
	}
	if i >= len(b) || !isASCIILetterByte(b[i]) {
		return 0, "", HTMLTagNoMatch
	}
	start := i
	for i < len(b) && (isASCIILetterByte(b[i]) || isDigitByte(b[i]) || b[i] == '-') {
		i++
	}
	name = string(b[start:i])
	if closing {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i >= len(b) {
			return 0, name, HTMLTagNeedsMore
		}
		if b[i] == '>' {
			return i + 1, name, HTMLTagMatch
		}
		return 0, name, HTMLTagNoMatch
	}
	for {
		ws := i
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i >= len(b) {
			return 0, name, HTMLTagNeedsMore
		}
		switch {
		case b[i] == '>':
			return i + 1, name, HTMLTagMatch
		case b[i] == '/':
			if i+1 < len(b) && b[i+1] == '>' {
				return i + 2, name, HTMLTagMatch
			}
			if i+1 >= len(b) {
				return 0, name, HTMLTagNeedsMore
			}
			return 0, name, HTMLTagNoMatch
		case i > ws && isAttrNameStart(b[i]):
			for i < len(b) && isAttrNameChar(b[i]) {
				i++
			}
			j := i
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j >= len(b) {
				return 0, name, HTMLTagNeedsMore
			}
			if b[j] != '=' {
				continue
			}
			j++
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j >= len(b) {
				return 0, name, HTMLTagNeedsMore
			}
			switch b[j] {
			case '"', '\'':
				k := strings.IndexByte(string(b[j+1:]), b[j])
				if k < 0 {
					return 0, name, HTMLTagNeedsMore
				}
				i = j + 1 + k + 1
			default:
				k := j
				for k < len(b) && isUnquotedAttrChar(b[k]) {
					k++
				}
				if k == j {
					return 0, name, HTMLTagNoMatch
				}
				i = k
			}
		default:
			return 0, name, HTMLTagNoMatch
		}
	}
}

func isASCIILetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool       { return c >= '0' && c <= '9' }
func isUnquotedAttrChar(c byte) bool {
	return c > ' ' && c != '"' && c != '\'' && c != '=' && c != '<' && c != '>' && c != '`'
}

// MatchAutolink returns the length of `<scheme:...>` or `<user@host>` at the start of b, as
// goldmark's autolink parser reads it, or 0.
func MatchAutolink(b []byte) int {
	stop := util.FindEmailIndex(b[1:])
	if stop < 0 {
		stop = util.FindURLIndex(b[1:])
	}
	if stop < 0 {
		return 0
	}
	stop++
	if stop >= len(b) || b[stop] != '>' {
		return 0
	}
	return stop + 1
}
