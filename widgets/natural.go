package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// naturalCompare orders names the way people read them: case-insensitively, with runs of
// digits compared by value, so "Episode 2" comes before "Episode 10" and "episode 3" sits
// between them. Names equal under that rule are ordered by their exact bytes, so the order
// is total and the same on every run.
func naturalCompare(a, b string) int {
	if c := naturalFold(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// naturalFold is naturalCompare without the final tie-break.
func naturalFold(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if naturalIsDigit(ca) && naturalIsDigit(cb) {
			ei, ej := naturalDigitRunEnd(a, i), naturalDigitRunEnd(b, j)
			if c := naturalDigitRuns(a[i:ei], b[j:ej]); c != 0 {
				return c
			}
			i, j = ei, ej
			continue
		}
		if ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if ca != cb {
				la, lb := naturalLowerASCII(ca), naturalLowerASCII(cb)
				if la != lb {
					return int(la) - int(lb)
				}
			}
			i++
			j++
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra != rb {
			la, lb := naturalFoldRune(ra), naturalFoldRune(rb)
			if la != lb {
				return int(la) - int(lb)
			}
		}
		i += na
		j += nb
	}
	// The shorter name is a prefix of the longer one (after folding): it comes first.
	return (len(a) - i) - (len(b) - j)
}

// naturalDigitRuns compares two runs of ASCII digits by value; among equal values the run
// with fewer leading zeros comes first ("2" before "02").
func naturalDigitRuns(a, b string) int {
	ta, tb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(ta) != len(tb) {
		return len(ta) - len(tb)
	}
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	return len(a) - len(b)
}

func naturalDigitRunEnd(s string, i int) int {
	for i < len(s) && naturalIsDigit(s[i]) {
		i++
	}
	return i
}

// naturalLatinBase is the base letter of each of U+00C0–U+017F (Latin-1 and Latin Extended-A),
// "." where there is none, so that "Éclair" sorts with the e's and "Øresund" with the o's.
const naturalLatinBase = "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" +
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll" +
	"lllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"

// naturalFoldRune is the rune a name is sorted by: lower case, accents dropped from Latin
// letters.
func naturalFoldRune(r rune) rune {
	if r >= 0xC0 && r < 0xC0+rune(len(naturalLatinBase)) {
		if c := naturalLatinBase[r-0xC0]; c != '.' {
			return rune(c)
		}
	}
	if r < utf8.RuneSelf {
		return rune(naturalLowerASCII(byte(r)))
	}
	return unicode.ToLower(r)
}

func naturalIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func naturalLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// plainDisplayText removes the invisible direction marks (U+200E/U+200F, U+202A–U+202E,
// U+2066–U+2069) that real vaults wrap some folder and file names in: they carry no
// meaning on screen, and left in they upset sorting and show as boxes in some fonts.
func plainDisplayText(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 { // every mark is encoded starting with 0xE2
		return s
	}
	if !strings.ContainsFunc(s, naturalIsDirectionMark) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if naturalIsDirectionMark(r) {
			return -1
		}
		return r
	}, s)
}

func naturalIsDirectionMark(r rune) bool {
	return r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
