package vault

import (
	"bytes"

	"vaultview/vault/markdown"
)

// This file is the fast path of indexing: a purpose-built scanner that finds exactly what the
// index needs (links, timestamps, tags, headings) while skipping what CommonMark says is code
// or raw HTML. Parsing a 160 MB vault with goldmark costs several seconds; this costs a
// fraction of that. It understands block quotes, list items, fenced and indented code,
// headings and paragraphs with the inline syntax that matters; anything rarer (HTML blocks,
// tables, setext headings, link definitions, tabs in indentation, comments, multi-line raw
// HTML or link destinations) makes it give up, and the note is parsed with goldmark instead.
// TestScanner_AgreesWithGoldmark and FuzzScanner hold the two paths to the same answers.

// bodyFacts is what one parse of a note body yields. Both parse paths fill it; offsets are
// byte offsets in the whole file.
type bodyFacts struct {
	links      []Link
	timestamps []rawTimestamp
	headings   []rawHeading
	tags       []rawTag
}

// reset empties the lists, keeping their room for the next note.
func (f *bodyFacts) reset() {
	f.links, f.timestamps, f.headings, f.tags = f.links[:0], f.timestamps[:0], f.headings[:0], f.tags[:0]
}

// rawTimestamp is a timestamp with its visible text, which only problems report.
type rawTimestamp struct {
	Timestamp
	label string
}

// rawHeading is a heading before its text is made plain: the byte range of its content.
type rawHeading struct {
	level, offset int
	segs          []span
}

type rawTag struct {
	name   string
	offset int
}

// span is a byte range [start, end) of the file.
type span struct{ start, end int }

// container is an open block quote or list item; indent is a list item's content column,
// relative to where its parent's content starts.
type container struct {
	quote  bool
	indent int
	// blocks counts the blocks begun in it so far: a callout is a quote's first paragraph.
	blocks int
}

type scanner struct {
	str   func([]byte) string
	src   []byte
	facts *bodyFacts
	stack []container

	para []span // the open paragraph's lines, leading spaces removed
	// paraCallout: the open paragraph is the first block of a block quote, so its first
	// line may be a callout's `[!type] title`.
	paraCallout bool
	fence       bool
	fenceChar   byte
	fenceLen    int
	indentCode  bool
	gaveUp      bool
	openers     []opener
	// noCommentFrom is where a search for a comment's closing `%%` already failed.
	noCommentFrom int
	closedLinks   []span
}

// opener is a `[` or `![` that may still start a Markdown link.
type opener struct {
	offset int
	image  bool
	active bool
}

// FastScans reports whether the fast scanner reads the note src (a whole file, frontmatter
// included) by itself, as ParseNote would; false means it declines the note and goldmark
// reads it, which costs several times as much. A binary file, which is not parsed at all, is
// reported as scanned. Measuring how many notes of a vault are declined shows how much of it
// takes the slow path.
func FastScans(src []byte) bool {
	n := &Note{}
	src = n.sanitize(src)
	if src == nil {
		return true
	}
	_, _, bodyStart, _, _ := splitFrontmatter(src)
	return scanBody(src, bodyStart, &bodyFacts{}, nil)
}

// scanBody fills facts from src[start:]. ok is false when the note uses syntax the scanner
// does not handle; facts are then incomplete and the caller parses with goldmark.
func scanBody(src []byte, start int, facts *bodyFacts, in *interner) (ok bool) {
	s := scanner{src: src, facts: facts, str: in.str}
	for i := start; ; {
		k := bytes.IndexByte(src[i:], '\r')
		if k < 0 {
			break
		}
		i += k + 1
		if i >= len(src) || src[i] != '\n' {
			return false // a lone CR: goldmark's reading of it is its own
		}
	}
	pos := start
	for pos < len(src) && !s.gaveUp {
		end := pos + bytes.IndexByte(src[pos:], '\n')
		next := end + 1
		if end < pos {
			end, next = len(src), len(src)
		}
		lineEnd := end
		if lineEnd > pos && src[lineEnd-1] == '\r' {
			lineEnd--
		}
		s.line(pos, lineEnd)
		pos = next
	}
	if !s.gaveUp {
		s.closeParagraph()
	}
	return !s.gaveUp
}

func (s *scanner) giveUp() { s.gaveUp = true }

// begin notes that a block starts in the innermost container.
func (s *scanner) begin() {
	if len(s.stack) > 0 {
		s.stack[len(s.stack)-1].blocks++
	}
}

// spaces counts the spaces at src[p:end], stopping at max (enough for every decision but
// the trimming of a paragraph line, and it keeps a deeply indented line from being counted
// once per open container). A tab makes the scanner give up, because tab stops make
// columns depend on everything before them.
func (s *scanner) spaces(p, end, max int) int {
	n := 0
	for p+n < end && n < max {
		switch s.src[p+n] {
		case ' ':
			n++
			continue
		case '\t':
			s.giveUp()
		}
		break
	}
	return n
}

const unbounded = int(^uint(0) >> 1)

// line reads one line: it matches the open containers, continues an open code block or
// paragraph, opens new containers, then reads the leaf block.
func (s *scanner) line(start, end int) {
	if markdown.MaybeInlineMath(s.src[start:end]) {
		s.giveUp() // inline math hides what is inside it: left to goldmark
		return
	}
	p, matched := s.matchContainers(start, end)
	if s.gaveUp {
		return
	}
	all := matched == len(s.stack)
	if s.continueCode(p, end, all) {
		return
	}
	if !all && s.lazyContinuation(p, end) {
		return
	}
	if !all {
		s.closeParagraph()
		s.stack = s.stack[:matched]
	}
	p = s.openContainers(p, end)
	if s.gaveUp {
		return
	}
	s.leaf(p, end)
}

// matchContainers matches the line's markers against the open containers and returns where
// the line's content starts and how many containers it continues.
func (s *scanner) matchContainers(start, end int) (p, matched int) {
	src := s.src
	p = start
	for matched < len(s.stack) {
		c := s.stack[matched]
		if c.quote {
			sp := s.spaces(p, end, 5)
			if sp <= 3 && p+sp < end && src[p+sp] == '>' {
				p += sp + 1
				if p < end && src[p] == ' ' {
					p++
				} else if p < end && src[p] == '\t' {
					s.giveUp()
				}
				matched++
				continue
			}
			break
		}
		n := s.spaces(p, end, c.indent)
		if n >= c.indent {
			p += c.indent
			matched++
			continue
		}
		if isBlank(src[p+n : end]) {
			matched++ // a blank line does not end a list item
			continue
		}
		break
	}
	return p, matched
}

// continueCode reads the line as part of an open fenced or indented code block, reporting
// whether it was one; all says whether the line continued every open container.
func (s *scanner) continueCode(p, end int, all bool) bool {
	src := s.src
	if s.fence {
		if all {
			sp := s.spaces(p, end, 5)
			if sp <= 3 && markdown.ClosesFence(src[p+sp:end], s.fenceChar, s.fenceLen) {
				s.fence = false
			}
			return true
		}
		s.fence = false
	}
	if s.indentCode {
		if all && (isBlank(src[p:end]) || s.spaces(p, end, 5) >= 4) {
			return true
		}
		s.indentCode = false
	}
	return false
}

// lazyContinuation reports whether a line that did not continue every container is a lazy
// continuation of the open paragraph, and adds it if so.
func (s *scanner) lazyContinuation(p, end int) bool {
	src := s.src
	if len(s.para) > 0 && !isBlank(src[p:end]) {
		// A lazy continuation line: it continues the open paragraph unless it starts a block.
		if s.startsBlock(p, end) {
			if s.gaveUp {
				return true
			}
		} else {
			sp := s.spaces(p, end, unbounded)
			s.para = append(s.para, span{p + sp, end})
			return true
		}
	}
	return false
}

// openContainers opens the block quotes and list items the line starts with and returns
// where its leaf block starts.
func (s *scanner) openContainers(p, end int) int {
	src := s.src
	for !s.gaveUp {
		sp := s.spaces(p, end, 5)
		if sp >= 4 || p+sp >= end {
			break
		}
		q := p + sp
		if src[q] == '>' {
			s.closeParagraph()
			s.begin()
			s.stack = append(s.stack, container{quote: true})
			p = q + 1
			if p < end && src[p] == ' ' {
				p++
			} else if p < end && src[p] == '\t' {
				s.giveUp()
			}
			continue
		}
		if markdown.IsThematicBreak(src[q:end]) {
			break
		}
		w, ordered, start1 := listMarker(src[q:end])
		if w == 0 {
			break
		}
		after := q + w
		n := s.spaces(after, end, 5)
		if after+n >= end || n >= 5 {
			// An empty item or one starting with indented code: rare, and CommonMark is
			// subtle about both.
			s.giveUp()
			return p
		}
		if len(s.para) > 0 && ordered && !start1 {
			break // only a list starting at 1 may interrupt a paragraph
		}
		s.closeParagraph()
		s.begin()
		s.stack = append(s.stack, container{indent: sp + w + n})
		p = after + n
	}
	return p
}

// leaf reads the line's leaf block, at p: a blank line, indented code, a heading, a fence,
// a thematic break or a paragraph line, or gives up on what the scanner does not handle.
func (s *scanner) leaf(p, end int) {
	src := s.src
	if isBlank(src[p:end]) {
		if bytes.ContainsAny(src[p:end], "\f\v") {
			// A form feed or vertical tab is no blank line to goldmark but a paragraph
			// of nothing (which a setext underline then makes a heading): rare, left to it.
			s.giveUp()
			return
		}
		s.closeParagraph()
		return
	}
	sp := s.spaces(p, end, 5)
	if sp >= 4 {
		if len(s.para) > 0 {
			sp = s.spaces(p, end, unbounded)
			s.para = append(s.para, span{p + sp, end})
			return
		}
		s.begin()
		s.indentCode = true
		return
	}
	q := p + sp
	line := src[q:end]
	switch {
	case line[0] == '#':
		if lvl, segs, ok := atxHeading(src, q, end); ok {
			s.closeParagraph()
			s.begin()
			s.facts.headings = append(s.facts.headings, rawHeading{level: lvl, offset: q, segs: segs})
			s.inline(segs)
			return
		}
	case line[0] == '`' || line[0] == '~':
		if c, n, ok := markdown.OpenFence(line); ok {
			s.closeParagraph()
			s.begin()
			s.fence, s.fenceChar, s.fenceLen = true, c, n
			return
		}
	case line[0] == '=' || line[0] == '-':
		if len(s.para) > 0 && markdown.IsSetextUnderline(line, line[0]) {
			s.giveUp()
			return
		}
	case line[0] == '<':
		if !s.inlineHTMLLine(line) {
			s.giveUp()
			return
		}
	case line[0] == '[':
		if len(s.para) == 0 && bytes.Contains(line, []byte("]:")) || bytes.HasPrefix(line, []byte("[^")) {
			s.giveUp() // a link or footnote definition
			return
		}
	case line[0] == '$':
		if bytes.HasPrefix(line, []byte("$$")) {
			s.giveUp() // maybe display math (markdown.MathBlock): rare, left to goldmark
			return
		}
	}
	if markdown.IsThematicBreak(line) {
		if len(s.para) > 0 && line[0] == '-' {
			s.giveUp() // a setext heading underline
			return
		}
		s.closeParagraph()
		s.begin()
		return
	}
	if len(s.para) == 0 {
		s.paraCallout = len(s.stack) > 0 && s.stack[len(s.stack)-1].quote && s.stack[len(s.stack)-1].blocks == 0
		s.begin()
	}
	s.para = append(s.para, span{q, end})
}

// startsBlock reports whether the line at p would start a block rather than continue a
// paragraph lazily.
func (s *scanner) startsBlock(p, end int) bool {
	sp := s.spaces(p, end, 5)
	if sp >= 4 {
		return false
	}
	q := p + sp
	line := s.src[q:end]
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case '>':
		return true
	case '$':
		if bytes.HasPrefix(line, []byte("$$")) {
			s.giveUp() // maybe display math, which interrupts a paragraph
			return true
		}
	case '#':
		_, _, ok := atxHeading(s.src, q, end)
		return ok
	case '`', '~':
		_, _, ok := markdown.OpenFence(line)
		return ok
	case '<':
		if !s.inlineHTMLLine(line) {
			s.giveUp()
			return true
		}
	case '=':
		if markdown.IsSetextUnderline(line, '=') {
			s.giveUp()
			return true
		}
	}
	if markdown.IsThematicBreak(line) {
		return true
	}
	if w, _, _ := listMarker(line); w > 0 {
		n := s.spaces(q+w, end, 5)
		if q+w+n < end {
			// In a lazy line any list item with content starts a block in goldmark, even
			// one numbered other than 1: the rule that only 1 may interrupt a paragraph
			// holds only where the paragraph's container continues (`0) a` / `0) #` is
			// two items, the second a heading: FuzzScanner).
			return true
		}
		if q+w+n >= end {
			// An empty item cannot start a list inside a paragraph, but one more item of
			// an open list it can be (`* a` / `*`), and goldmark lets one end a quoted
			// paragraph's lazy lines (`>0` / `*` / `0` / `-` is a heading there, FuzzScanner):
			// CommonMark and goldmark are subtle here, decline.
			s.giveUp()
			return true
		}
	}
	return false
}

// inlineHTMLLine reports whether a line starting with `<` is plain paragraph text: a tag that
// cannot start an HTML block, followed by more text (a timestamp anchor at the start of a
// line is the common case), or a line of `<br>` tags alone, which Vaultview's Markdown reads
// as a line break (markdown.IsLineBreakLine). Anything else might be an HTML block.
func (s *scanner) inlineHTMLLine(line []byte) bool {
	if markdown.IsLineBreakLine(line) {
		return true
	}
	n, name, res := matchTag(line)
	if res != tagMatch || htmlBlockTag(name) {
		return false
	}
	return !isBlank(line[n:])
}

// closeParagraph scans the open paragraph's inline text. A paragraph may turn out to hold a
// GFM table (goldmark decides that when the paragraph closes, as here): its cells are then
// scanned one by one, since inline syntax never crosses a cell border.
func (s *scanner) closeParagraph() {
	lines := s.para
	if len(lines) == 0 {
		return
	}
	s.para = s.para[:0] // the buffer is reused; lines stays valid, nothing appends meanwhile
	if s.paraCallout {
		if title, ok := calloutTitle(s.src, lines[0]); ok {
			// The title line is a block of its own; the rest is a paragraph that may
			// still hold link definitions.
			if title.end > title.start {
				s.inline([]span{title})
			}
			lines = lines[1:]
			if len(lines) > 0 && s.src[lines[0].start] == '[' && bytes.Contains(s.src[lines[0].start:lines[0].end], []byte("]:")) {
				s.giveUp()
				return
			}
		}
	}
	for i := 1; i < len(lines); i++ {
		cols := tableColumns(s.src[lines[i].start:lines[i].end])
		if cols < 0 {
			continue
		}
		header := tableCells(s.src, lines[i-1], -1)
		if len(header) > cols {
			break // not a table after all
		}
		if i > 1 {
			s.inline(lines[:i-1])
		}
		for _, c := range header {
			s.inline([]span{c})
		}
		for _, row := range lines[i+1:] {
			for _, c := range tableCells(s.src, row, cols) {
				s.inline([]span{c})
			}
		}
		return
	}
	s.inline(lines)
}

// calloutTitle reads `[!type]`, an optional fold sign and the title from a callout's first
// line, returning the title's range.
func calloutTitle(src []byte, line span) (span, bool) {
	v := src[line.start:line.end]
	_, _, k, ok := markdown.CalloutMarker(v)
	if !ok {
		return span{}, false
	}
	for k < len(v) && (v[k] == ' ' || v[k] == '\t') {
		k++
	}
	end := len(v)
	for end > k && (v[end-1] == ' ' || v[end-1] == '\t') {
		end--
	}
	return span{line.start + k, line.start + end}, true
}

// tableColumns reads a GFM delimiter row such as `| --- | :-: |` and returns its number of
// columns, or -1 when the line is not one.
func tableColumns(line []byte) int {
	allDash := true
	for _, b := range line {
		if b != '-' {
			allDash = false
		}
		if !isSpaceByte(b) && b != '-' && b != '|' && b != ':' {
			return -1
		}
	}
	if allDash {
		return -1
	}
	cols := bytes.Split(line, []byte{'|'})
	if isBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && isBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	if len(cols) == 0 {
		return -1
	}
	for _, c := range cols {
		c = bytes.TrimFunc(c, func(r rune) bool { return r < 128 && isSpaceByte(byte(r)) })
		c = bytes.TrimPrefix(c, []byte{':'})
		c = bytes.TrimSuffix(c, []byte{':'})
		if len(c) == 0 || runLen(c, '-') != len(c) {
			return -1
		}
	}
	return len(cols)
}

// tableCells splits a table row into its cells' ranges, trimmed. With max >= 0 (body rows)
// cells past the header's count are dropped, as goldmark drops them.
func tableCells(src []byte, row span, max int) []span {
	a, b := row.start, row.end
	for a < b && isSpaceByte(src[a]) {
		a++
	}
	for b > a && isSpaceByte(src[b-1]) {
		b--
	}
	pos, limit := a, b
	if pos < limit && src[pos] == '|' {
		pos++
	}
	if limit > a && src[limit-1] == '|' {
		limit--
	}
	var cells []span
	for pos < limit {
		if max >= 0 && len(cells) >= max {
			break
		}
		end := pos
		for end < limit && !(src[end] == '|' && (end == a || src[end-1] != '\\')) {
			end++
		}
		c := span{pos, end}
		for c.start < c.end && isSpaceByte(src[c.start]) {
			c.start++
		}
		for c.end > c.start && isSpaceByte(src[c.end-1]) {
			c.end--
		}
		cells = append(cells, c)
		pos = end + 1
	}
	return cells
}
