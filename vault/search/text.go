package search

import (
	"bytes"
	"slices"
	"sort"
	"unicode/utf8"

	"vaultview/vault/markdown"
)

// Text is a note's text as a reader sees it: the Markdown body without its markup. Search
// runs over it so that `**bold**` is found by "bold" and a link by its words, never by its
// target's file name or an anchor's attributes.
type Text struct {
	// Plain is the text: frontmatter, HTML tags, timestamp anchors, link destinations,
	// emphasis, heading, list, quote and callout markers and %%comments%% dropped; wikilinks
	// shown by their alias or target; code kept. Runs of white space are one space, or one
	// newline where a line ended.
	Plain []byte
	runs  []run
	// size is the source's length.
	size int
}

// run is a stretch of Plain that comes from one place of the source. A copied run's bytes
// are the source's bytes from src on; any other run stands for markup it replaced (a space,
// a decoded entity) that starts at src.
type run struct {
	plain, src int32
	copied     bool
}

// Strip returns the text of a note whose source is src and whose body starts at body (the
// note's BodyOffset; 0 when unknown). It reads any bytes without failing: what it does not
// recognise as markup is text.
func Strip(src []byte, body int) Text {
	s := stripper{track: true}
	s.strip(src, body)
	return Text{Plain: s.out, runs: s.runs, size: len(src)}
}

// SourceOffset returns the byte offset in the source of the character at offset i of Plain,
// so that a match found in the text can be shown where it is in the note. An offset at or
// past the end maps past the last character.
func (t Text) SourceOffset(i int) int {
	if len(t.runs) == 0 {
		return 0
	}
	if i < 0 {
		i = 0
	}
	k := sort.Search(len(t.runs), func(k int) bool { return int(t.runs[k].plain) > i }) - 1
	if k < 0 {
		k = 0
	}
	r := t.runs[k]
	if !r.copied {
		return int(r.src)
	}
	return min(t.size, int(r.src)+i-int(r.plain))
}

// stripper turns a note's source into its plain text in one pass over the lines. It keeps
// only the block state that changes what a line means (fenced code, a comment or a script
// that runs on) and reads each line's inline markup by hand: it is not a CommonMark parser,
// just close enough that every word a reader sees is in the text and little else is.
type stripper struct {
	src []byte
	out []byte
	// track makes the stripper record runs (for SourceOffset); building the store for a
	// whole vault does not need them.
	track bool
	runs  []run
	// limit, when positive, stops the stripper at the end of the line where the text
	// reaches limit bytes (see stripPrefix).
	limit int

	// sep is the separator owed before the next text (0, ' ' or '\n'), for markup at sepAt.
	sep   byte
	sepAt int

	// fence is the character of the open code fence (0 outside code) and fenceLen its length.
	fence    byte
	fenceLen int
	// resume, when past the current line's start, is where text starts again after a
	// comment or a script that ran over lines.
	resume int
	// table is true while the line being read is a table row: `|` separates cells.
	table bool
	// noTicks[n] is set when no closing run of n backticks follows on the current line,
	// so that a line full of unmatched backticks is searched once per length.
	noTicks [maxTicks + 1]bool
	// noLongTicks is noTicks for runs longer than maxTicks (rare; nil until one is seen):
	// goldmark pairs runs of any length, so Strip must too.
	noLongTicks map[int]bool
	// noClose[k] is set once no closing tag of hidden[k] follows, so that a note full of
	// unclosed `<script>` tags is searched once.
	noClose [len(hidden)]bool
	depth   int
	// quotes is the number of quote markers the last line read began with; quoteBlank is
	// set when the quote at that depth has had only blank lines so far.
	quotes     int
	quoteBlank bool
}

const (
	maxTicks = 16
	// maxLinkText and maxLinkDest bound the look-ahead of a Markdown link, so that a line
	// full of brackets is read in linear time; real link texts and URLs are far shorter.
	maxLinkText = 1000
	maxLinkDest = 4000
	// maxDepth bounds links nested in link texts and aliases.
	maxDepth = 4
)

// stripPrefix is Strip reading only the lines that make the first limit bytes of the text
// (a few more: it stops after the line that reaches limit), and whether that was the whole
// note. The text it returns is a prefix of Strip's, with the same offsets.
func stripPrefix(src []byte, body, limit int) (Text, bool) {
	s := stripper{track: true, limit: limit}
	whole := s.strip(src, body)
	return Text{Plain: s.out, runs: s.runs, size: len(src)}, whole
}

// strip reads a note, reusing the stripper's buffers, and reports whether it read it to the
// end (it stops early only with a limit).
func (s *stripper) strip(src []byte, body int) bool {
	*s = stripper{track: s.track, limit: s.limit, out: s.out[:0], runs: s.runs[:0], src: src}
	if body < 0 || body > len(src) {
		body = 0
	}
	for body < len(src) && !utf8.RuneStart(src[body]) {
		body++
	}
	s.out = slices.Grow(s.out, len(src)-body)
	for p := body; p < len(src); {
		end := len(src)
		next := end
		if e := bytes.IndexByte(src[p:], '\n'); e >= 0 {
			end = p + e
			next = end + 1
		}
		lineEnd := end
		if lineEnd > p && src[lineEnd-1] == '\r' {
			lineEnd--
		}
		switch {
		case s.resume >= next:
			// Inside a comment or script that goes on past this line.
		case s.resume > p:
			s.inline(s.resume, lineEnd)
		default:
			s.line(p, lineEnd)
		}
		s.newline(end)
		p = next
		if s.limit > 0 && len(s.out) >= s.limit && p < len(src) {
			return false
		}
	}
	return true
}

// line reads one line's block markers, then its text.
func (s *stripper) line(p, end int) {
	src := s.src
	s.table = false
	clear(s.noTicks[:])
	clear(s.noLongTicks)
	q := p
	quotes := 0
	for {
		q = skipSpaces(src, q, end)
		if q < end && src[q] == '>' {
			q++
			quotes++
			continue
		}
		break
	}
	// Only a quote's first line may be a callout's (docs/FORMAT.md §4): the first that is
	// not blank, since blank ones start no paragraph (`>` then `> [!note]`).
	firstQuoted := quotes > s.quotes || quotes > 0 && quotes == s.quotes && s.quoteBlank
	s.quotes, s.quoteBlank = quotes, false
	if s.fence != 0 {
		if markdown.ClosesFence(src[q:end], s.fence, s.fenceLen) {
			s.fence = 0
			return
		}
		s.code(q, end)
		return
	}
	if c, n, ok := markdown.OpenFence(src[q:end]); ok {
		s.fence, s.fenceLen = c, n
		return
	}
	if q == end {
		s.quoteBlank = firstQuoted
		return
	}
	if isRule(src[q:end]) {
		return
	}
	heading := false
	if _, a, b, ok := markdown.ATXHeading(src[q:end]); ok {
		q, end, heading = q+a, q+b, true
	}
	item, container := false, false
	for !heading { // each marker skipped moves q on
		r, bullet := s.listMarker(q, end, item)
		k := skipSpaces(src, q, end)
		if r == k {
			break // only spaces: the item (if any) is still open for a fence
		}
		box := item && !bullet && k < end && src[k] == '['
		q, item = r, bullet
		if box {
			break // what follows a task box is the item's text
		}
		container = true
	}
	q = skipSpaces(src, q, end)
	if c, n, ok := markdown.OpenFence(src[q:end]); ok && container {
		s.fence, s.fenceLen = c, n // a fence opening a list item or a quote in one
		return
	}
	if firstQuoted && q+2 < end && src[q] == '[' && src[q+1] == '!' {
		q = calloutMarker(src, q, end)
	}
	if q < end && src[q] == '|' {
		if isTableDelimiter(src[q:end]) {
			return
		}
		s.table = true
	}
	s.inline(q, end)
}

// code keeps a line of a fenced code block as written.
func (s *stripper) code(p, end int) {
	if p < end {
		s.emit(p, end)
	}
}

// listMarker skips a list item's bullet or number, a quote marker inside an item, or, right
// after a bullet (item), a task box, returning where the text starts (p itself when there is
// none) and whether it skipped a bullet. A task box is `[ ]`, `[x]` or `[X]`, as goldmark's
// task list reads it (`- [x]done` too): `[0]` and `[?]` are text.
func (s *stripper) listMarker(p, end int, item bool) (int, bool) {
	src := s.src
	p = skipSpaces(src, p, end)
	if p >= end {
		return p, false
	}
	switch src[p] {
	case '>':
		return p + 1, false
	case '[':
		if item && p+3 <= end && src[p+2] == ']' && (src[p+1] == ' ' || src[p+1] == '\t' || src[p+1] == 'x' || src[p+1] == 'X') {
			return p + 3, false
		}
		return p, false
	}
	w, _, _ := markdown.ListMarker(src[p:end])
	return p + w, w > 0
}

// calloutMarker skips `[!type]`, `[!type]-` or `[!type]+` at src[q] and returns where the
// callout's title starts; q when it is not a callout marker.
func calloutMarker(src []byte, q, end int) int {
	_, _, n, _ := markdown.CalloutMarker(src[q:end])
	return q + n
}
