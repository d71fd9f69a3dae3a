package switcher

import "unicode"

// fold returns the rune a query letter and a title letter are compared by: lower case, and
// for the accented Latin letters of Western and Central European languages the plain letter,
// so that "ecole" finds "École" and "zurich" finds "Zürich". It maps one rune to one rune,
// so a matched position in folded text is the same position in the text. Letters that are
// two letters in plain Latin (ß, æ, œ) stay as they are.
func fold(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if r >= latinFrom && r < latinFrom+rune(len(latinPlain)) {
		if p := latinPlain[r-latinFrom]; p != 0 {
			return rune(p)
		}
	}
	return r
}

// latinFrom is the first rune of latinPlain: U+00C0, where the accented letters of
// Latin-1 start.
const latinFrom = 0xC0

// latinPlain maps the lower-case letters of U+00C0–U+017F (Latin-1 Supplement and Latin
// Extended-A) to the plain letter they are written on; 0 where there is none.
var latinPlain = func() (t [0x180 - latinFrom]byte) {
	for plain, accented := range map[byte]string{
		'a': "àáâãäåāăą",
		'c': "çćĉċč",
		'd': "ðďđ",
		'e': "èéêëēĕėęě",
		'g': "ĝğġģ",
		'h': "ĥħ",
		'i': "ìíîïĩīĭįı",
		'j': "ĵ",
		'k': "ķ",
		'l': "ĺļľŀł",
		'n': "ñńņň",
		'o': "òóôõöøōŏő",
		'r': "ŕŗř",
		's': "śŝşšſ",
		't': "ţťŧ",
		'u': "ùúûüũūŭůűų",
		'w': "ŵ",
		'y': "ýÿŷ",
		'z': "źżž",
	} {
		for _, r := range accented {
			t[r-latinFrom] = plain
		}
	}
	return t
}()
