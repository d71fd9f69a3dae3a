package search

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/bits"

	"vaultview/vault/markdown"
)

// The stripper's inline pass: code spans, HTML, links, wikilinks, comments and entities
// within a line, and the byte tests it shares with the line pass.

// inline copies the text of src[p:end], dropping inline markup.
func (s *stripper) inline(p, end int) {
	src := s.src
	i := p
	for i < end {
		j := i + textRun(src[i:end])
		if j > i {
			s.emit(i, j)
			i = j
			continue
		}
		switch c := src[i]; c {
		case ' ', '\t', '\r', '\v', '\f':
			s.space(i)
			i++
		case '\\':
			if i+1 < end && isASCIIPunct(src[i+1]) {
				s.emit(i+1, i+2)
				i += 2
			} else {
				s.emit(i, i+1)
				i++
			}
		case '`':
			i = s.codeSpan(i, end)
		case '*':
			n := runLen(src[i:end], '*')
			before, after := spaceBefore(src, i, p), i+n >= end || isSpace(src[i+n])
			if before && after {
				s.emit(i, i+n)
			}
			i += n
		case '_':
			n := runLen(src[i:end], '_')
			before, after := i == p || !isWordByte(src[i-1]), i+n >= end || !isWordByte(src[i+n])
			if !before && !after || spaceBefore(src, i, p) && (i+n >= end || isSpace(src[i+n])) {
				s.emit(i, i+n) // snake_case, or an underscore standing alone
			}
			i += n
		case '~', '=':
			n := runLen(src[i:end], c)
			if n == 1 {
				s.emit(i, i+1)
			}
			i += n
		case '<':
			i = s.angle(i, end)
		case '[', '!':
			i = s.bracket(i, end)
		case '%':
			i = s.comment(i, end)
		case '&':
			i = s.entity(i, end)
		case '|':
			if s.table {
				s.space(i)
			} else {
				s.emit(i, i+1)
			}
			i++
		default:
			s.emit(i, i+1)
			i++
		}
	}
}

// codeSpan keeps the inside of a code span at src[i] as written; an unmatched run of
// backticks is text.
func (s *stripper) codeSpan(i, end int) int {
	src := s.src
	n := runLen(src[i:end], '`')
	if !s.unclosedTicks(n) {
		for k := i + n; k < end; {
			if src[k] != '`' {
				k++
				continue
			}
			m := runLen(src[k:end], '`')
			if m == n {
				a, b := i+n, k
				if b-a >= 2 && src[a] == ' ' && src[b-1] == ' ' && !isBlank(src[a:b]) {
					a, b = a+1, b-1
				}
				s.emit(a, b)
				return k + m
			}
			k += m
		}
		s.setUnclosedTicks(n)
	}
	s.emit(i, i+n)
	return i + n
}

// unclosedTicks says whether a run of n backticks is known to have no closing run on the
// line. Once a run of n is unclosed, no later run of n follows (it would have closed it), so
// each length is searched for once a line and the line is read in O(length × lengths).
func (s *stripper) unclosedTicks(n int) bool {
	if n <= maxTicks {
		return s.noTicks[n]
	}
	return s.noLongTicks[n]
}

func (s *stripper) setUnclosedTicks(n int) {
	if n <= maxTicks {
		s.noTicks[n] = true
		return
	}
	if s.noLongTicks == nil {
		s.noLongTicks = map[int]bool{}
	}
	s.noLongTicks[n] = true
}

// angle reads what starts with `<`: a timestamp anchor (dropped with its text), an
// autolink (its URL kept), an HTML comment or tag (dropped; `<br>` is a space, and
// `<script>`, `<style>` hide what they hold). Anything else is text.
func (s *stripper) angle(i, end int) int {
	src := s.src
	if i+1 < end && (src[i+1] == 'a' || src[i+1] == 'A') {
		if _, n, ok := markdown.MatchTimestampWith(src[i:end], noString); ok {
			return i + n
		}
	}
	if n := markdown.MatchAutolink(src[i:end]); n > 0 {
		s.emit(i+1, i+n-1)
		return i + n
	}
	if bytes.HasPrefix(src[i:end], []byte("<!--")) {
		if k := bytes.Index(src[i+4:end], []byte("-->")); k >= 0 {
			return i + 4 + k + 3
		}
	}
	if i+2 < end && src[i+1] == '!' && isASCIIAlnum(src[i+2]) && src[i+2] > '9' {
		// A declaration, `<!DOCTYPE html>`: raw HTML to goldmark, so hidden.
		if k := bytes.IndexByte(src[i+2:end], '>'); k >= 0 {
			return i + 2 + k + 1
		}
	}
	if i+1 < end && src[i+1] == '?' {
		// A processing instruction, `<?php ... ?>`.
		if k := bytes.Index(src[i+2:end], []byte("?>")); k >= 0 {
			return i + 2 + k + 2
		}
	}
	n, name, res := markdown.MatchHTMLTag(src[i:end])
	if res != markdown.HTMLTagMatch {
		// Not a tag, or one going on to the next line: goldmark would read that as raw
		// HTML, but a tag over lines is rare and showing it is harmless.
		s.emit(i, i+1)
		return i + 1
	}
	closing := src[i+1] == '/'
	switch {
	case equalFold(name, "br") || equalFold(name, "p") || equalFold(name, "div") || equalFold(name, "li") || equalFold(name, "td") || equalFold(name, "th") || equalFold(name, "tr"):
		s.space(i)
	case !closing:
		if h := hiddenIndex(name); h >= 0 && !s.noClose[h] {
			k := indexCloseTag(src[i+n:], name)
			if k < 0 {
				s.noClose[h] = true
				break
			}
			to := i + n + k
			if to > end {
				s.resume = to
				return end
			}
			return to
		}
	}
	return i + n
}

// bracket reads what starts with `[` or `!`: a legacy timestamp `[00:01](<a ...>)`
// (dropped), a wikilink or embed (its alias, else its target), a Markdown link or image
// (its text). Anything else is text.
func (s *stripper) bracket(i, end int) int {
	src := s.src
	if src[i] == '[' {
		if _, n, ok := markdown.MatchTimestampWith(src[i:end], noString); ok {
			return i + n
		}
	}
	embed := src[i] == '!'
	open := i
	if embed {
		open++
		if open >= end || src[open] != '[' {
			s.emit(i, i+1)
			return i + 1
		}
	}
	if open+1 < end && src[open+1] == '[' {
		if n := s.wikilink(open+2, end, embed); n > 0 {
			return n
		}
	}
	if n := s.link(open, end, embed); n > 0 {
		return n
	}
	s.emit(i, i+1)
	return i + 1
}

// wikilink reads the inside of `[[...]]` starting at p and returns where the link ends, or
// 0 when there is no link. It is read as the indexer reads it (markdown.WikilinkEnd).
func (s *stripper) wikilink(p, end int, embed bool) int {
	src := s.src
	n := markdown.WikilinkEnd(src[p-2 : end])
	if n == 0 {
		return 0
	}
	k := p - 2 + n - 2
	a, b := trimSpace(src, p, k)
	head := b
	if pipe := bytes.IndexByte(src[a:b], '|'); pipe >= 0 {
		head = a + pipe
		aa, ab := trimSpace(src, a+pipe+1, b)
		if aa < ab && !(embed && isSize(src[aa:ab])) {
			s.nested(aa, ab)
			return k + 2
		}
		if head > a && src[head-1] == '\\' {
			head--
		}
	}
	name := head
	if hash := bytes.IndexByte(src[a:head], '#'); hash >= 0 {
		name = a + hash
	}
	ta, tb := trimSpace(src, a, name)
	if tb-ta > 3 && equalFold(src[tb-3:tb], ".md") {
		tb -= 3
	}
	if ta < tb {
		s.nested(ta, tb)
	}
	if name < head {
		fa, fb := trimSpace(src, name+1, head)
		if fa < fb && src[fa] != '^' {
			s.space(name)
			s.nested(fa, fb)
		}
	}
	return k + 2
}

// link reads a Markdown link or image whose text starts with `[` at src[open] and returns
// where it ends, or 0. Inline (`[text](dest)`) and reference (`[text][ref]`) links keep
// their text.
//
// image says the link is an image (`![alt](dest)`).
func (s *stripper) link(open, end int, image bool) int {
	src := s.src
	depth := 0
	close := -1
	limit := min(end, open+maxLinkText)
	for k := open + 1; k < limit; k++ {
		switch src[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			if depth == 0 {
				close = k
			}
			depth--
		}
		if close >= 0 {
			break
		}
	}
	if close < 0 || close+1 >= end {
		return 0
	}
	after := -1
	switch src[close+1] {
	case '(':
		after = destinationEnd(src, close+2, min(end, close+2+maxLinkDest))
	case '[':
		if k := bytes.IndexByte(src[close+2:min(end, close+2+maxLinkText)], ']'); k >= 0 {
			after = close + 2 + k + 1
		}
	}
	if after < 0 {
		return 0
	}
	if src[close+1] == '(' {
		// A destination that is wholly a wikilink (not `[]([[a]]b)`, a link to `[[a]]b`)
		// makes the link a wikilink, as in the note view: `[]([[target|alias]])` shows the
		// wikilink's words, `[ text ]([[target]])` its text without the spaces around it.
		if k := skipSpaces(src, close+2, after); k+1 < after && src[k] == '[' && src[k+1] == '[' {
			if w := markdown.WikilinkEnd(src[k:after]); w > 0 && titleEnd(src, k+w, after) == after {
				if isBlank(src[open+1 : close]) {
					if image {
						return after // `![]([[a]])` shows nothing, as in the note view
					}
					if s.wikilink(k+2, after, false) > 0 {
						return after
					}
				} else {
					a, b := trimSpace(src, open+1, close)
					s.nested(a, b)
					return after
				}
			}
		}
	}
	s.nested(open+1, close)
	return after
}

// nested strips a link's text, which may hold markup of its own; deeply nested links are
// kept as written.
func (s *stripper) nested(a, b int) {
	if s.depth >= maxDepth {
		s.emit(a, b)
		return
	}
	s.depth++
	table := s.table
	s.inline(a, b)
	s.table = table
	s.depth--
}

// destinationEnd returns the index after the `)` closing a link's destination and title
// that start at p, or -1 when there is no link there, as goldmark reads one: a destination
// in `<...>`, a wikilink (docs/FORMAT.md §2.2), or one without spaces whose parentheses
// balance; then an optional title in quotes or parentheses.
//
// A destination that starts with a wikilink but goes on after it (`[x]([[a]]b)`) is an
// ordinary one, as to goldmark.
func destinationEnd(src []byte, p, end int) int {
	k := skipSpaces(src, p, end)
	if k+1 < end && src[k] == '[' && src[k+1] == '[' {
		if w := markdown.WikilinkEnd(src[k:end]); w > 0 {
			if after := titleEnd(src, k+w, end); after >= 0 {
				return after
			}
		}
	}
	switch {
	case k < end && src[k] == '<':
		j := bytes.IndexByte(src[k:end], '>')
		if j < 0 {
			return -1
		}
		k += j + 1
	default:
		depth := 0
	dest:
		for ; k < end; k++ {
			switch c := src[k]; {
			case c == '\\' && k+1 < end && isASCIIPunct(src[k+1]):
				k++
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break dest
				}
				depth--
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				// Only these end a destination, as in goldmark: other control
				// characters (U+001D, a form feed) are part of it.
				break dest
			}
		}
		// A space ends the destination even inside parentheses, as goldmark reads it
		// (`[]((0 )` links to `(0`); only the end of the text without `)` is no link.
		if k >= end {
			return -1
		}
	}
	return titleEnd(src, k, end)
}

// titleEnd returns the index after the `)` closing a link whose destination ends at k: an
// optional title in quotes or parentheses, spaces, then `)`; or -1.
func titleEnd(src []byte, k, end int) int {
	t := skipSpaces(src, k, end)
	if t > k {
		return afterTitle(src, t, end)
	}
	if t < end && src[t] == ')' {
		return t + 1
	}
	return -1
}

// afterTitle returns the index after the `)` closing a link whose title, if any, starts at
// t; or -1.
func afterTitle(src []byte, t, end int) int {
	if t < end && (src[t] == '"' || src[t] == '\'' || src[t] == '(') {
		opener, closer := src[t], src[t]
		if closer == '(' {
			closer = ')'
		}
		for t++; t < end && src[t] != closer; t++ {
			if src[t] == '\\' {
				t++
			} else if opener == '(' && src[t] == '(' {
				return -1 // a title in parentheses holds none unescaped: no link
			}
		}
		if t >= end {
			return -1
		}
		t = skipSpaces(src, t+1, end)
	}
	if t < end && src[t] == ')' {
		return t + 1
	}
	return -1
}

// comment skips `%%...%%` at src[i]. The close may be on a later line of the same
// paragraph; without one the `%%` is text, as in the renderer.
func (s *stripper) comment(i, end int) int {
	src := s.src
	if i+1 >= end || src[i+1] != '%' {
		s.emit(i, i+1)
		return i + 1
	}
	if k := bytes.Index(src[i+2:end], commentMark); k >= 0 {
		return i + 2 + k + 2
	}
	// Look on through the following lines, up to a blank one.
	p := end
	for p < len(src) {
		if src[p] == '\r' {
			p++
		}
		if p < len(src) && src[p] == '\n' {
			p++
		}
		e := len(src)
		if k := bytes.IndexByte(src[p:], '\n'); k >= 0 {
			e = p + k
		}
		line := src[p:e]
		if isBlank(line) {
			break
		}
		if k := bytes.Index(line, commentMark); k >= 0 {
			s.resume = p + k + 2
			return end
		}
		p = e
	}
	s.emit(i, i+2)
	return i + 2
}

var commentMark = []byte("%%")

// entity decodes an HTML character reference at src[i] (`&amp;`, `&#8217;`); anything else
// is an ampersand.
func (s *stripper) entity(i, end int) int {
	src := s.src
	k := i + 1
	for k < end && k-i <= 32 && (isASCIIAlnum(src[k]) || src[k] == '#') {
		k++
	}
	if k < end && src[k] == ';' && k > i+1 {
		ref := string(src[i : k+1])
		if dec := html.UnescapeString(ref); dec != ref {
			if dec == "\u00a0" {
				s.space(i)
			} else {
				s.put(dec, i)
			}
			return k + 1
		}
	}
	s.emit(i, i+1)
	return i + 1
}

// emit copies src[a:b] to the text.
func (s *stripper) emit(a, b int) {
	if a >= b {
		return
	}
	s.flushSep(s.src[a])
	if s.track {
		n := len(s.runs)
		if n == 0 || !s.runs[n-1].copied || int(s.runs[n-1].src)+len(s.out)-int(s.runs[n-1].plain) != a {
			s.runs = append(s.runs, run{plain: int32(len(s.out)), src: int32(a), copied: true})
		}
	}
	s.out = append(s.out, s.src[a:b]...)
}

// put adds text that replaces the markup at source offset at.
func (s *stripper) put(text string, at int) {
	if text == "" {
		return
	}
	s.flushSep(text[0])
	s.mark(at)
	s.out = append(s.out, text...)
}

// mark starts a run of replacement text for the markup at source offset at.
func (s *stripper) mark(at int) {
	if s.track {
		s.runs = append(s.runs, run{plain: int32(len(s.out)), src: int32(at)})
	}
}

// flushSep writes the separator owed before text starting with c. A space before closing
// punctuation goes: it is nearly always left by markup dropped just before it
// ("said <a ...>[00:01]</a>.").
func (s *stripper) flushSep(c byte) {
	if s.sep == 0 {
		return
	}
	if len(s.out) > 0 && !(s.sep == ' ' && closingPunct[c]) {
		s.mark(s.sepAt)
		s.out = append(s.out, s.sep)
	}
	s.sep = 0
}

func (s *stripper) space(at int) {
	if s.sep == 0 {
		s.sep, s.sepAt = ' ', at
	}
}

func (s *stripper) newline(at int) {
	if s.sep != '\n' {
		s.sep, s.sepAt = '\n', at
	}
}

// noString spares the timestamp matcher its string copies: the stripper drops anchors.
func noString([]byte) string { return "" }

// special marks the bytes inline must look at; the rest is copied in runs, with the single
// spaces between words (see textRun).
var special = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\v\f\\`*_~=<[!%&|") {
		t[c] = true
	}
	return t
}()

// inRun marks the bytes a run of text may hold: all but the special ones, and the space.
var inRun = func() (t [256]bool) {
	for c := range t {
		t[c] = !special[c] || c == ' '
	}
	return t
}()

// indexDoubleSpace is bytes.Index(b, "  "), eight bytes a step: in prose a space comes
// every few bytes, and bytes.Index stops at each.
func indexDoubleSpace(b []byte) int {
	const low7, spaces = 0x7f7f7f7f7f7f7f7f, 0x2020202020202020
	prev := false // whether the byte before i is a space
	i := 0
	for ; i+8 <= len(b); i += 8 {
		t := binary.LittleEndian.Uint64(b[i:]) ^ spaces
		m := ^((t&low7 + low7) | t | low7) // the top bit of each byte that is a space
		if prev && m&0x80 != 0 {
			return i - 1
		}
		if pairs := m & (m >> 8); pairs != 0 {
			return i + bits.TrailingZeros64(pairs)/8
		}
		prev = m>>63 != 0
	}
	for ; i < len(b); i++ {
		space := b[i] == ' '
		if prev && space {
			return i - 1
		}
		prev = space
	}
	return -1
}

// textRun returns the length of the text at the start of b that inline copies as it is:
// bytes that are not special, and the single spaces between them. The run goes on to the
// next special byte other than a space, and is cut back to before two spaces in it, or a
// space at its end (markup or the line's end follows), which inline's space handles.
func textRun(b []byte) int {
	if len(b) == 0 || special[b[0]] {
		return 0
	}
	n := runOf(b)
	if k := indexDoubleSpace(b[:n]); k >= 0 {
		n = k
	}
	if b[n-1] == ' ' {
		n--
	}
	return n
}

// runOf returns the length of the leading bytes of b that inRun marks, at least 1: b[0] is
// one of them. Eight bytes are tested a step, since prose is long runs.
func runOf(b []byte) int {
	n := 1
	for n+8 <= len(b) {
		if !inRun[b[n]] || !inRun[b[n+1]] || !inRun[b[n+2]] || !inRun[b[n+3]] ||
			!inRun[b[n+4]] || !inRun[b[n+5]] || !inRun[b[n+6]] || !inRun[b[n+7]] {
			break
		}
		n += 8
	}
	for n < len(b) && inRun[b[n]] {
		n++
	}
	return n
}

var closingPunct = func() (t [256]bool) {
	for _, c := range []byte(".,;:!?)") {
		t[c] = true
	}
	return t
}()

func runLen(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

func skipSpaces(src []byte, p, end int) int {
	for p < end && (src[p] == ' ' || src[p] == '\t') {
		p++
	}
	return p
}

func trimSpace(src []byte, a, b int) (int, int) {
	for a < b && isSpace(src[a]) {
		a++
	}
	for b > a && isSpace(src[b-1]) {
		b--
	}
	return a, b
}

func spaceBefore(src []byte, i, p int) bool { return i == p || isSpace(src[i-1]) }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// isWordByte reports bytes that belong to words: ASCII letters and digits, and every byte
// of a non-ASCII character (so `naïve_word` keeps its underscore).
func isWordByte(c byte) bool { return isASCIIAlnum(c) || c >= 0x80 }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// equalFold compares ASCII case-insensitively.
func equalFold[T ~string | ~[]byte](a T, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}

// isRule reports a thematic break or a setext underline: `---`, `***`, `___` (spaces
// allowed between), or `=` any number of times with spaces anywhere.
func isRule(line []byte) bool {
	if markdown.IsThematicBreak(line) {
		return true
	}
	for _, b := range line {
		if b != '=' && b != ' ' && b != '\t' {
			return false
		}
	}
	return line[0] == '='
}

func isTableDelimiter(line []byte) bool {
	dash := false
	for _, b := range line {
		switch b {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// isSize reports an embed's size `300` or `300x200`, which is not an alias.
func isSize(b []byte) bool {
	digits := 0
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == 'x' && i > 0:
		default:
			return false
		}
	}
	return digits > 0
}

// hidden names the elements whose content is never shown.
var hidden = [...]string{"script", "style", "iframe", "object"}

// hiddenIndex returns the index of name in hidden, or -1.
func hiddenIndex(name string) int {
	for k, h := range hidden {
		if equalFold(name, h) {
			return k
		}
	}
	return -1
}

// indexCloseTag returns the index just past `</name>` in b (any case), or -1.
func indexCloseTag(b []byte, name string) int {
	for i := 0; i+2+len(name) <= len(b); i++ {
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			return -1
		}
		i += k
		if i+2+len(name) <= len(b) && b[i+1] == '/' && equalFold(b[i+2:i+2+len(name)], name) {
			if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
				return i + j + 1
			}
			return -1
		}
	}
	return -1
}
