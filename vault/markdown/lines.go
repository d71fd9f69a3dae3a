package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// The line-level recognisers below are shared by every reader of a note's lines: the
// indexer's fast scanner (vault/scan.go), the search text stripper (vault/search/text.go)
// and this package's goldmark extensions. Each takes a line from its first character after
// the indentation and the quote markers, without its line ending, and answers as goldmark
// does (or, for Obsidian syntax, as this package's extensions do), so that the readers
// cannot drift apart. They only recognise: what a line then means is the caller's affair.

// ATXHeading recognises `## Heading ##` and returns its level and the range [start, end)
// of its content in line, without the closing hashes and the spaces round it; start == end
// when the heading is empty.
func ATXHeading(line []byte) (level, start, end int, ok bool) {
	i := runLen(line, '#')
	if i == 0 || i > 6 {
		return 0, 0, 0, false
	}
	if i < len(line) && line[i] != ' ' && line[i] != '\t' {
		return 0, 0, 0, false
	}
	level = i
	a := i
	for a < len(line) && (line[a] == ' ' || line[a] == '\t') {
		a++
	}
	b := len(line)
	for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
		b--
	}
	if b > a {
		k := b - 1
		for k > a && line[k] == '#' {
			k--
		}
		if k == a && line[a] == '#' {
			return level, a, a, true // nothing but closing hashes
		}
		if k != b-1 && (line[k] == ' ' || line[k] == '\t') {
			b = k
			for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
				b--
			}
		}
	}
	if b < a {
		b = a
	}
	return level, a, b, true
}

// OpenFence recognises the opening line of a fenced code block: three or more backticks or
// tildes (a backtick fence's info string may hold no backtick). It returns the fence's
// character and length.
func OpenFence(line []byte) (c byte, n int, ok bool) {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0, false
	}
	c = line[0]
	n = runLen(line, c)
	if n < 3 || (c == '`' && bytes.IndexByte(line[n:], '`') >= 0) {
		return 0, 0, false
	}
	return c, n, true
}

// ClosesFence reports whether line closes a fence of n characters c: a run of at least n
// of them and nothing else but spaces.
func ClosesFence(line []byte, c byte, n int) bool {
	m := runLen(line, c)
	return m >= n && isBlankLine(line[m:])
}

// IsThematicBreak recognises `***`, `---` and `___`, with spaces allowed between.
func IsThematicBreak(line []byte) bool {
	if len(line) == 0 || (line[0] != '*' && line[0] != '-' && line[0] != '_') {
		return false
	}
	c := line[0]
	n := 0
	for _, b := range line {
		switch b {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// IsSetextUnderline reports whether line underlines a setext heading with c (`=` or `-`):
// a run of c and nothing else but spaces. It is one only under a paragraph.
func IsSetextUnderline(line []byte, c byte) bool {
	n := runLen(line, c)
	return n > 0 && isBlankLine(line[n:])
}

// ListMarker recognises a list item's marker (`-`, `+`, `*`, or one to nine digits and `.`
// or `)`) followed by a space, a tab or the end of the line, and returns its width. start1
// reports an ordered marker numbered 1, the only one that may interrupt a paragraph.
func ListMarker(line []byte) (w int, ordered, start1 bool) {
	if len(line) == 0 {
		return 0, false, false
	}
	switch line[0] {
	case '-', '+', '*':
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' {
			return 1, false, false
		}
		return 0, false, false
	}
	d := 0
	for d < len(line) && d < 10 && line[d] >= '0' && line[d] <= '9' {
		d++
	}
	if d == 0 || d > 9 || d >= len(line) || (line[d] != '.' && line[d] != ')') {
		return 0, false, false
	}
	if d+1 < len(line) && line[d+1] != ' ' && line[d+1] != '\t' {
		return 0, false, false
	}
	one := true
	for k := 0; k < d-1; k++ {
		if line[k] != '0' {
			one = false
		}
	}
	return d + 1, true, one && line[d-1] == '1'
}

// CalloutMarker recognises `[!type]` at the start of a block quote's first line, with the
// fold sign `-` or `+` after it, and returns the type as written, the fold sign (0 without
// one) and the length of the marker: the title follows it. The type is letters, digits, `-`
// and `_` (docs/FORMAT.md §4).
func CalloutMarker(line []byte) (typ []byte, fold byte, n int, ok bool) {
	if len(line) < 2 || line[0] != '[' || line[1] != '!' {
		return nil, 0, 0, false
	}
	j := 2
	for j < len(line) {
		r, size := utf8.DecodeRune(line[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			break
		}
		j += size
	}
	if j == 2 || j >= len(line) || line[j] != ']' {
		return nil, 0, 0, false
	}
	n = j + 1
	if n < len(line) && (line[n] == '-' || line[n] == '+') {
		fold = line[n]
		n++
	}
	return line[2:j], fold, n, true
}

// WikilinkEnd returns the length of `[[...]]` or `![[...]]` at the start of b, as
// MatchWikilink reads it, without reading its parts; 0 when b does not start with one.
func WikilinkEnd(b []byte) int {
	open := 0
	if len(b) > 0 && b[0] == '!' {
		open = 1
	}
	if len(b) < open+2 || b[open] != '[' || b[open+1] != '[' {
		return 0
	}
	start := open + 2
	for i := start; i < len(b); i++ {
		switch b[i] {
		case '[', '\n', '\r':
			return 0
		case ']':
			if i+1 < len(b) && b[i+1] == ']' && !isBlankString(b[start:i]) {
				return i + 2
			}
			return 0
		}
	}
	return 0
}

func runLen(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

func isBlankLine(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}
