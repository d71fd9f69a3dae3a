package vaultgen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalise is docs/FORMAT.md §2.4 rule 4: lower-case, keep letters and digits, turn runs of
// spaces, '_' and '-' into one '_', drop everything else, trim '_'. File names of topic notes
// are the normalised titles, which is what makes a link spelled as the title resolve.
//
// The generator never puts a dropped character between two separators (" & "), where readers
// of the rule could disagree on whether the separators form one run.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '_' || r == '-':
			sep = true
		}
	}
	return b.String()
}

// titleCase turns a snake_case name into "Title Case With Spaces", one of the spellings that
// only resolve after normalisation.
func titleCase(name string) string {
	b := make([]byte, 0, len(name))
	up := true
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		if r == '_' {
			b = append(b, ' ')
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
