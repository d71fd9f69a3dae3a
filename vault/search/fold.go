package search

import (
	"unicode"
	"unicode/utf8"
)

// fold lower-cases b in place without changing its length, so that an offset into folded
// text is the same offset into the text: ASCII letters always, other letters where the
// lower case is written with as many bytes (nearly all; not `İ` or `Ⱥ`). Line breaks and
// tabs become spaces, so that a phrase is found across a line break.
func fold(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			b[i] = lowerASCII[c]
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
		}
		i += size
	}
}

// foldString returns s folded as fold does.
func foldString(s string) string {
	b := []byte(s)
	fold(b)
	return string(b)
}

var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		c := byte(i)
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			c = ' '
		}
		t[i] = c
	}
	return t
}()
