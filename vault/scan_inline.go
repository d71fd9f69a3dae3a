package vault

import (
	"bytes"
	"strings"
	"unicode"

	"vaultview/vault/markdown"
)

// The scanner's inline pass: links, wikilinks, tags, timestamps and comments within the
// text of a block, and the small byte tests the scanner shares.

// inline scans the inline text of one paragraph or heading, given as line spans.
func (s *scanner) inline(segs []span) {
	src := s.src
	s.openers = s.openers[:0]
	s.noCommentFrom = len(src)
	for si := 0; si < len(segs) && !s.gaveUp; si++ {
		seg := segs[si]
		i := seg.start
		for i < seg.end && !s.gaveUp {
			c := src[i]
			if !interesting[c] {
				i++
				continue
			}
			switch c {
			case '\\':
				if i+1 < seg.end && isASCIIPunct(src[i+1]) {
					i += 2
				} else {
					i++
				}
			case '`':
				n := runLen(src[i:seg.end], '`')
				if sj, k, ok := findCodeClose(src, segs, si, i+n, n); ok {
					si, seg, i = sj, segs[sj], k
				} else {
					i += n
				}
			case '<':
				i = s.angle(i, seg.end)
			case '[', '!':
				i = s.bracket(i, seg, si == 0 && i == seg.start)
			case ']':
				i = s.closeBracket(i, seg.end)
			case '#':
				boundary := i == seg.start || unicode.IsSpace(lastRune(src[:i]))
				if name, n, ok := markdown.MatchTag(src[i:seg.end], boundary); ok {
					s.facts.tags = append(s.facts.tags, rawTag{name, i})
					i += n
				} else {
					i++
				}
			case '%':
				if i+1 < seg.end && src[i+1] == '%' && i < s.noCommentFrom {
					if sj, k, ok := findComment(src, segs, si, i+2); ok {
						si, seg, i = sj, segs[sj], k
						continue
					}
					s.noCommentFrom = i
				}
				i++
			case ':', '@':
				s.checkAutolinkToken(i, seg)
				i++
			case 'w', 'W':
				if i+4 <= seg.end && (i == seg.start || isLinkifyLead(src[i-1])) && bytes.EqualFold(src[i:i+4], []byte("www.")) {
					s.checkAutolinkToken(i, seg)
				}
				i++
			default:
				i++
			}
		}
	}
}

// interesting marks the bytes at which inline syntax that matters may begin.
var interesting = func() (t [256]bool) {
	for _, c := range []byte("\\`<[!]#%:@wW") {
		t[c] = true
	}
	return t
}()

// checkAutolinkToken gives up when a bare URL or e-mail address (which GFM turns into a link
// of its own) holds characters that would otherwise start syntax, since where GFM ends such a
// token is intricate.
func (s *scanner) checkAutolinkToken(i int, seg span) {
	src := s.src
	if src[i] == ':' && !(i+2 < seg.end && src[i+1] == '/' && src[i+2] == '/') {
		return
	}
	a, b := i, i
	for a > seg.start && !isSpaceByte(src[a-1]) {
		a--
	}
	for b < seg.end && !isSpaceByte(src[b]) {
		b++
	}
	if bytes.ContainsAny(src[a:b], "[]<`\\%") {
		s.giveUp()
	}
}

func isLinkifyLead(c byte) bool {
	return isSpaceByte(c) || c == '*' || c == '_' || c == '~' || c == '('
}

// angle handles `<`: a timestamp anchor, an autolink, or raw HTML (skipped: nothing inside a
// tag is a link).
// replacementChar is U+FFFD in UTF-8.
var replacementChar = []byte("\uFFFD")

func (s *scanner) angle(i, end int) int {
	src := s.src
	if ts, n, ok := markdown.MatchTimestampWith(src[i:end], s.str); ok {
		s.addTimestamp(ts, i)
		return i + n
	}
	if n := markdown.MatchAutolink(src[i:end]); n > 0 {
		return i + n
	}
	if i+1 < end && (src[i+1] == '!' || src[i+1] == '?') {
		s.giveUp() // comments, declarations, processing instructions may span lines
		return end
	}
	n, _, res := matchTag(src[i:end])
	switch res {
	case tagMatch:
		if bytes.Contains(src[i:i+n], replacementChar) {
			// Invalid UTF-8 reaches here as U+FFFD (sanitize), and goldmark does not take
			// a tag holding one for raw HTML. Found by fuzzing: decline.
			s.giveUp()
			return end
		}
		return i + n
	case tagNeedsMore:
		s.giveUp()
		return end
	}
	return i + 1
}

func (s *scanner) addTimestamp(ts markdown.TimestampMatch, offset int) {
	s.facts.timestamps = append(s.facts.timestamps, rawTimestamp{Timestamp{
		Value: ts.Value, Seconds: int32(ts.Seconds), Valid: ts.Valid, Offset: int32(offset),
	}, ts.Label})
}

// bracket handles `[` and `!`: a legacy timestamp, a wikilink or embed, a Markdown link to a
// wikilink, else a possible Markdown link opener.
func (s *scanner) bracket(i int, seg span, blockStart bool) int {
	src := s.src
	line := src[i:seg.end]
	if line[0] == '[' {
		if ts, n, ok := markdown.MatchTimestampWith(line, s.str); ok {
			s.addTimestamp(ts, i)
			return i + n
		}
	}
	if w, n, ok := markdown.MatchWikilink(line); ok {
		kind := Wikilink
		if w.Embed {
			kind = Embed
		}
		s.facts.links = append(s.facts.links, Link{Kind: kind, Target: w.Target, Fragment: w.Fragment, Alias: w.Alias, Offset: int32(i)})
		return i + n
	}
	if line[0] == '!' {
		if len(line) > 1 && line[1] == '[' {
			s.openers = append(s.openers, opener{offset: i, image: true, active: true})
			return i + 2
		}
		return i + 1
	}
	if len(line) > 1 && line[1] == '^' {
		s.giveUp() // footnote references depend on definitions
		return seg.end
	}
	if blockStart && len(line) > 2 && line[2] == ']' && (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') {
		// Possibly a task-list box, which GFM takes before any link.
		s.giveUp()
		return seg.end
	}
	if w, n, ok := markdown.MatchWrappedWikilink(line); ok {
		s.facts.links = append(s.facts.links, Link{Kind: Wikilink, Target: w.Target, Fragment: w.Fragment, Alias: w.Alias, Offset: int32(i)})
		return i + n
	}
	s.openers = append(s.openers, opener{offset: i, active: true})
	return i + 1
}

// closeBracket handles `]`: it closes the nearest opener as a Markdown link when an inline
// destination follows.
func (s *scanner) closeBracket(i, end int) int {
	if len(s.openers) == 0 {
		return i + 1
	}
	op := s.openers[len(s.openers)-1]
	s.openers = s.openers[:len(s.openers)-1]
	if !op.active || i+1 >= end || s.src[i+1] != '(' {
		if i+1 < end && s.src[i+1] == '[' && op.active {
			s.giveUp() // a reference link; goldmark's handling of undefined ones is subtle
			return end
		}
		return i + 1
	}
	dest, n, res := parseDestination(s.src[i+1 : end])
	if res != tagMatch {
		// Multi-line destinations, and goldmark's leniency with malformed ones, are left
		// to goldmark; `](` that is not a link is rare in prose.
		s.giveUp()
		return end
	}
	if !op.image {
		for k := range s.openers {
			if !s.openers[k].image {
				s.openers[k].active = false
			}
		}
	}
	if w, ok := markdown.WikilinkDestination(dest); ok && !op.image {
		// `[text]([[target]] "title")` and the like (the plain form was read at its `[`).
		text := s.src[op.offset+1 : i]
		if !markdown.IsPlainLinkText(text) {
			s.giveUp() // its text as goldmark reads it is left to goldmark
			return end
		}
		if t := strings.TrimSpace(string(text)); t != "" {
			w.Alias = t
		}
		s.facts.links = append(s.facts.links, Link{Kind: Wikilink, Target: w.Target, Fragment: w.Fragment, Alias: w.Alias, Offset: int32(op.offset)})
		return i + 1 + n
	}
	if l, ok := markdownLink(dest); ok {
		text := s.src[op.offset+1 : i]
		if op.image {
			text = s.src[op.offset+2 : i]
		}
		if bytes.ContainsAny(text, "\\&*_`~=<[]!%\n\r") || bytes.ContainsAny(dest, "\\&") {
			// Link text with markup, or with `%` that may open a comment the text hides
			// (`[%%%%](x)`, FuzzScanner): leave its plain text to goldmark.
			s.giveUp()
			return end
		}
		l.Alias = string(text)
		l.Offset = int32(op.offset)
		s.facts.links = append(s.facts.links, l)
	}
	return i + 1 + n
}

// findCodeClose finds the backtick run of exactly n that closes a code span opened before
// position from in segment si; it returns where scanning resumes.
func findCodeClose(src []byte, segs []span, si, from, n int) (int, int, bool) {
	for sj := si; sj < len(segs); sj++ {
		j := from
		if sj != si {
			j = segs[sj].start
		}
		end := segs[sj].end
		for j < end {
			k := bytes.IndexByte(src[j:end], '`')
			if k < 0 {
				break
			}
			j += k
			m := runLen(src[j:end], '`')
			if m == n {
				return sj, j + m, true
			}
			j += m
		}
	}
	return 0, 0, false
}

// findComment finds the `%%` that closes a comment opened before position from in segment si.
func findComment(src []byte, segs []span, si, from int) (int, int, bool) {
	for sj := si; sj < len(segs); sj++ {
		j := from
		if sj != si {
			j = segs[sj].start
		}
		if k := bytes.Index(src[j:segs[sj].end], []byte("%%")); k >= 0 {
			return sj, j + k + 2, true
		}
	}
	return 0, 0, false
}

func runLen(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// atxHeading recognises `## Heading ##` at src[q:end] and returns the content's range.
func atxHeading(src []byte, q, end int) (level int, segs []span, ok bool) {
	level, a, b, ok := markdown.ATXHeading(src[q:end])
	if !ok || a == b {
		return level, nil, ok
	}
	return level, []span{{q + a, q + b}}, true
}

// listMarker is markdown.ListMarker, which the context reader also uses.
func listMarker(line []byte) (w int, ordered, start1 bool) { return markdown.ListMarker(line) }
