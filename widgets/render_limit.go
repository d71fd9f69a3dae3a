package widgets

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// What RenderNote shows of a note is bounded, so that what the UI goroutine does with it
// (estimate every row, lay out the rows in view) stays well under a frame's worth of work
// whatever the file holds. A note is shown up to maxShownBytes of its body; a line longer
// than maxShownLine, or with a run of maxShownRun bytes without white space, is cut there.
// (Long runs are broken into short texts that wrap cheaply, see maxRowRun; the run limit
// bounds what cannot be broken, a line of a code block or the word of a link.) The limits
// are far above what people write: the largest notes of real vaults are about 1 MB in many
// lines.
const (
	maxShownBytes = 2 << 20
	maxShownLine  = 1 << 20
	maxShownRun   = 128 << 10
)

// maxShownIndent and maxShownQuotes bound how deep a line nests: goldmark takes time that
// grows with the square of the depth to parse a list indented 2,000 levels deep or 10,000
// list markers on one line, and the note view as long to lay out quotes nested 10,000 deep.
// White space at the start of a line beyond maxShownIndent bytes, and quote and list markers
// beyond maxShownQuotes, are left out.
const (
	maxShownIndent = 128
	maxShownQuotes = 32
)

// shownBody is the part of a note's body that RenderNote parses, and where its bytes come
// from in the body.
type shownBody struct {
	// src is what is parsed: the body, or the start of it with long lines cut and deep
	// nesting flattened.
	src []byte
	// spans say which bytes of the body src holds, in order: bytes of the body between two
	// spans are left out, bytes of src between two spans mark a cut line. Nil when src is a
	// prefix of the body.
	spans []shownSpan
	// shown is how many bytes of the body src covers; it is less than the body's length
	// when the note is too large to show in full.
	shown int
	// cuts are the lines cut short.
	cuts []lineCut
	// flattened counts the lines that nest too deep, shown less deep; flatLine is the first.
	flattened, flatLine int
}

// shownSpan says that body[from:from+n] is src[at:at+n].
type shownSpan struct{ from, at, n int }

// lineCut is one line cut short: its 1-based line in the body and how many bytes of it are
// not shown.
type lineCut struct{ line, hidden int }

// limitBody returns what RenderNote parses of a note's body. A body within every limit is
// returned as it is.
func limitBody(body []byte, maxBytes, maxLine, maxRun int) shownBody {
	if len(body) <= maxBytes && !overLimits(body, maxLine, maxRun) {
		return shownBody{src: body, shown: len(body)}
	}
	s := shownBody{}
	var out []byte
	copying := false // out is body[:len(out)] until the first change
	line := 1
	for pos := 0; pos < len(body); line++ {
		end := len(body) // the end of the line, before its line break
		next := len(body)
		if i := bytes.IndexByte(body[pos:], '\n'); i >= 0 {
			end, next = pos+i, pos+i+1
		}
		// The line is shown as text[:a], then text[b:b+keep] and a mark when it is cut.
		text := body[pos:end]
		a, b := tooDeep(text)
		keep := cutAt(text[b:], maxLine, maxRun)
		mark := ""
		if b+keep < len(text) {
			mark = cutMark(len(text) - b - keep)
		}
		if len(out)+a+keep+len(mark)+next-end > maxBytes {
			break // the lines that fit are shown; the notice says the rest is not
		}
		if a == b && mark == "" {
			if copying {
				s.add(pos, len(out), next-pos)
				out = append(out, body[pos:next]...)
			} else {
				out = body[:next]
			}
		} else {
			if !copying {
				copying = true
				prefix := out
				out = make([]byte, 0, min(len(body), maxBytes))
				out = append(out, prefix...)
				s.add(0, 0, len(prefix))
			}
			s.add(pos, len(out), a)
			out = append(out, text[:a]...)
			s.add(pos+b, len(out), keep)
			out = append(out, text[b:b+keep]...)
			out = append(out, mark...)
			s.add(end, len(out), next-end)
			out = append(out, body[end:next]...)
			if a < b {
				if s.flattened++; s.flattened == 1 {
					s.flatLine = line
				}
			}
			if mark != "" {
				s.cuts = append(s.cuts, lineCut{line: line, hidden: len(text) - b - keep})
			}
		}
		pos = next
		s.shown = next
	}
	if !copying {
		s.spans = nil
	}
	s.src = out
	return s
}

// tooDeep returns the bytes line[a:b] to leave out of a line that nests too deep: white
// space at its start beyond maxShownIndent, or quote and list markers (`>`, `-`, `1.`)
// beyond maxShownQuotes. a == b when the line is fine.
func tooDeep(line []byte) (a, b int) {
	ws := 0
	for ws < len(line) && (line[ws] == ' ' || line[ws] == '\t') {
		ws++
	}
	if ws > maxShownIndent {
		return 0, ws - maxShownIndent
	}
	markers := 0
	for i := ws; i < len(line); {
		n := nestMarker(line[i:])
		if n == 0 {
			if line[i] == ' ' || line[i] == '\t' {
				i++
				continue
			}
			break
		}
		i += n
		if markers++; markers == maxShownQuotes {
			a = i
		}
		b = i
	}
	if markers <= maxShownQuotes {
		return 0, 0
	}
	return a, b
}

// nestMarker is the length of the quote or list marker at the start of s, 0 for none.
func nestMarker(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	switch c := s[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		if len(s) > 1 && (s[1] == ' ' || s[1] == '\t') {
			return 1
		}
	case c >= '0' && c <= '9':
		i := 1
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
			return i + 1
		}
	}
	return 0
}

// add records that body[from:from+n] is src[at:at+n], joining it to the span before when
// they follow on.
func (s *shownBody) add(from, at, n int) {
	if n == 0 {
		return
	}
	if k := len(s.spans) - 1; k >= 0 && s.spans[k].from+s.spans[k].n == from && s.spans[k].at+s.spans[k].n == at {
		s.spans[k].n += n
		return
	}
	s.spans = append(s.spans, shownSpan{from, at, n})
}

// bodyOffset turns an offset into src into the offset of the same byte in the body; an
// offset inside a cut notice is the end of the text before it.
func (s *shownBody) bodyOffset(at int) int {
	if s.spans == nil {
		return at
	}
	i := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].at > at }) - 1
	if i < 0 {
		return at
	}
	sp := s.spans[i]
	return sp.from + min(at-sp.at, sp.n)
}

// srcOffset turns an offset into the body into the offset of the same byte in src; ok is
// false when that byte is not shown.
func (s *shownBody) srcOffset(from int) (int, bool) {
	if s.spans == nil {
		return from, from < len(s.src) || from == 0
	}
	i := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].from > from }) - 1
	if i < 0 || from >= s.spans[i].from+s.spans[i].n {
		return 0, false
	}
	return s.spans[i].at + from - s.spans[i].from, true
}

// overLimits reports whether a line of body is longer than maxLine, has a run of more than
// maxRun bytes without white space, or nests too deep.
func overLimits(body []byte, maxLine, maxRun int) bool {
	for pos := 0; pos < len(body); {
		end := len(body)
		if i := bytes.IndexByte(body[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		line := body[pos:end]
		if len(line) > maxLine {
			return true
		}
		if len(line) > maxShownIndent || len(line) > 2*maxShownQuotes {
			if a, b := tooDeep(line); a < b {
				return true
			}
		}
		if len(line) > maxRun {
			run := 0
			for _, c := range line {
				if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
					run = 0
				} else if run++; run > maxRun {
					return true
				}
			}
		}
		pos = end + 1
	}
	return false
}

// cutAt is how much of a line (without its line break) is shown: all of it, or up to
// maxLine bytes and the first run of maxRun bytes without white space, backed up to the
// start of a character.
func cutAt(line []byte, maxLine, maxRun int) int {
	keep := len(line)
	if keep > maxLine {
		keep = maxLine
	}
	run := 0
	for i, c := range line[:keep] {
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			run = 0
			continue
		}
		if run++; run > maxRun {
			keep = i
			break
		}
	}
	if keep == len(line) {
		return keep
	}
	for keep > 0 && !utf8.RuneStart(line[keep]) {
		keep--
	}
	return keep
}

// cutMark is the text that ends a line cut short. It is parsed with the note, so it avoids
// Markdown syntax.
func cutMark(hidden int) string {
	return fmt.Sprintf(" … (%s more of this line are not shown)", byteSize(hidden))
}

// byteSize says how large n bytes are, for people.
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// limitNotice is the row that says a note is not shown in full, or nil when it is. file is
// the size of the note's file, shown how much of it is rendered, bodyLine the line its body
// starts at.
func (s *shownBody) limitNotice(file, shown, bodyLine int) *noteBlock {
	var msg string
	if shown < file {
		msg = fmt.Sprintf("This note is too large to show in full — showing the first %s of %s.", byteSize(shown), byteSize(file))
	}
	switch k := len(s.cuts); {
	case k == 1:
		msg += fmt.Sprintf(" Line %d is too long to show in full: it is cut where marked.", s.cuts[0].line+bodyLine-1)
	case k > 1:
		msg += fmt.Sprintf(" %d lines are too long to show in full: they are cut where marked.", k)
	}
	switch k := s.flattened; {
	case k == 1:
		msg += fmt.Sprintf(" Line %d nests too deep to show as written: it is shown less deep.", s.flatLine+bodyLine-1)
	case k > 1:
		msg += fmt.Sprintf(" %d lines nest too deep to show as written: they are shown less deep.", k)
	}
	if msg == "" {
		return nil
	}
	msg += " Open the note in your editor for the rest."
	if s.flattened > 0 && shown == file && len(s.cuts) == 0 {
		msg = msg[:len(msg)-len(" for the rest.")] + " to see it as written."
	}
	if msg[0] == ' ' {
		msg = msg[1:]
	}
	title := "Not shown as written"
	switch {
	case shown < file:
		title = "Note too large to show in full"
	case len(s.cuts) > 0:
		title = "Not shown in full"
	}
	text := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground}
	return &noteBlock{
		kind:   calloutBlock,
		offset: -1,
		callout: &calloutState{
			family:   calloutFamilyOf("warning"),
			typeName: "warning",
			title:    []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Bold: true}}, Text: title}},
		},
		children: []*noteBlock{{segs: []widget.RichTextSegment{&widget.TextSegment{Style: text, Text: msg}, paragraphEnd()}, offset: -1}},
	}
}

// limitProblems are the problems a cut note reports, as "line: message" with the line in
// the file (bodyLine is the line the body starts at).
func (s *shownBody) limitProblems(bodyLine, file, shown int) []string {
	var out []string
	for _, c := range s.cuts {
		out = append(out, fmt.Sprintf("%d: line too long to show in full; %s of it not shown", c.line+bodyLine-1, byteSize(c.hidden)))
	}
	if s.flattened > 0 {
		out = append(out, fmt.Sprintf("%d: nests too deep to show as written; shown less deep", s.flatLine+bodyLine-1))
	}
	if shown < file {
		end := 1 + bytes.Count(s.src, []byte{'\n'}) + bodyLine - 1
		out = append(out, fmt.Sprintf("%d: the note is shown up to here, %s of %s", end, byteSize(shown), byteSize(file)))
	}
	return out
}

// mapOffsets turns the offsets of rows rendered from a cut body (file offsets of bytes of
// src) back into offsets of the same bytes in the file.
func (s *shownBody) mapOffsets(rows []*noteBlock, base int) {
	if s.spans == nil {
		return
	}
	for _, b := range rows {
		if b.offset >= base {
			b.offset = base + s.bodyOffset(b.offset-base)
		}
		s.mapOffsets(b.children, base)
	}
}

// The row in view is laid out whole on the UI goroutine, so no row may hold too much
// either, whatever the size of the note: a fenced block of 30,000 log lines, a table of
// 10,000 rows, a paragraph of 100,000 links or a quote of 10,000 lines each take seconds to
// minutes to lay out as one. rowCost estimates the work of a row; a row over maxRowCost is
// split into rows that follow on (continued), and a row that cannot be split and costs more
// than maxRowCost*crowdedFactor is replaced by a notice.
const (
	maxRowCost    = 600
	codeLineCost  = 4 // a code block of 150 lines costs a row's worth
	crowdedFactor = 4
	textCostBytes = 128 // text costs one per 128 bytes: 75 KB of text cost a row
	// maxRowRun bounds the text without white space in one text segment: Fyne wraps such
	// text character by character, at a cost that grows faster than its length (32 KB take
	// 60 ms, 5 MB never finish). Longer runs (text in a language written without spaces, a
	// pasted blob) are broken into segments of this size, which wrap as one text does.
	maxRowRun = 4 << 10
)

// blockCost estimates the layout work of a row: one per segment, one per 128 bytes of text, and
// more per line of code.
func blockCost(b *noteBlock) int {
	n := segsCost(b.segs)
	if b.callout != nil {
		n += segsCost(b.callout.title)
	}
	for _, c := range b.children {
		n += blockCost(c)
	}
	return n
}

func segsCost(segs []widget.RichTextSegment) int {
	n := 0
	for _, s := range segs {
		n++
		switch s := s.(type) {
		case *widget.TextSegment:
			n += len(s.Text) / textCostBytes
			if len(s.Text) > maxRowRun && longestRun(s.Text) > maxRowRun {
				n += maxRowCost
			}
		case *widget.ParagraphSegment:
			n += segsCost(s.Texts)
		case *widget.TableSegment:
			for _, c := range s.Headers {
				n += segsCost(c)
			}
			for _, r := range s.Rows {
				for _, c := range r {
					n += segsCost(c)
				}
			}
		case *widget.CodeBlockSegment:
			n += codeLineCost * strings.Count(s.Text, "\n")
		case *blockSegment:
			n += blockCost(s.block)
		}
	}
	return n
}

// boundRows bounds the rows rendered from one top-level block, rows[from:]. The rows that
// footnotes and their references recorded while the block was rendered are moved along
// with the rows split before them.
func boundRows(rows []*noteBlock, from int, act *noteActions) []*noteBlock {
	over := false
	for _, b := range rows[from:] {
		if blockCost(b) > maxRowCost {
			over = true
			break
		}
	}
	if !over {
		return rows
	}
	tail := slices.Clone(rows[from:])
	moved := make([]int, len(tail)) // moved[k] is where row from+k is now
	rows = rows[:from]
	for k, b := range tail {
		moved[k] = len(rows)
		for _, p := range splitRow(b) {
			if blockCost(p) > crowdedFactor*maxRowCost {
				p = crowdedNotice(p)
			}
			rows = append(rows, p)
		}
	}
	for _, m := range []map[int]int{act.footnotes, act.footnoteRefs} {
		for key, row := range m {
			if row >= from && row-from < len(moved) {
				m[key] = moved[row-from]
			}
		}
	}
	return rows
}

// splitRow splits a row that costs too much into rows that follow on, where it can.
func splitRow(b *noteBlock) []*noteBlock {
	if blockCost(b) <= maxRowCost {
		return []*noteBlock{b}
	}
	breakAllRuns(b)
	if blockCost(b) <= maxRowCost {
		return []*noteBlock{b}
	}
	var parts []*noteBlock
	switch {
	case b.kind == flowBlock:
		for i, segs := range splitFlow(b.segs) {
			part := &noteBlock{segs: segs, offset: b.offset, continued: b.continued || i > 0}
			if i == 0 {
				part.heading = b.heading
			}
			parts = append(parts, part)
		}
	case b.kind == quoteBlock, b.kind == calloutBlock && !b.callout.folded:
		parts = splitBox(b)
	default:
		parts = []*noteBlock{b}
	}
	return parts
}

// splitFlow cuts the segments of a flow row into parts of about maxRowCost: a code block by
// lines, a table by rows, text by sentences and then between segments.
func splitFlow(segs []widget.RichTextSegment) [][]widget.RichTextSegment {
	if len(segs) == 1 {
		switch s := segs[0].(type) {
		case *widget.CodeBlockSegment:
			return splitCode(s)
		case *widget.TableSegment:
			return splitTable(s)
		}
	}
	var out [][]widget.RichTextSegment
	for _, part := range splitParagraph(segs, maxParagraphRow) {
		out = append(out, splitSegments(breakRuns(part))...)
	}
	return out
}

// longestRun is the length of the longest run of s without white space.
func longestRun(s string) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			run = 0
		default:
			run++
			longest = max(longest, run)
		}
	}
	return longest
}

// breakAllRuns breaks the long runs of every text in a row, however deep (list items,
// table cells, boxes, embeds): several short texts in a row cost little more than their
// length to wrap.
func breakAllRuns(b *noteBlock) {
	b.segs = breakRunsDeep(b.segs)
	if b.callout != nil {
		b.callout.title = breakRunsDeep(b.callout.title)
	}
	for _, c := range b.children {
		breakAllRuns(c)
	}
}

// breakRunsDeep is breakRuns on segs and on the rich text inside them.
func breakRunsDeep(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ParagraphSegment:
			s.Texts = breakRunsDeep(s.Texts)
		case *widget.TableSegment:
			for i := range s.Headers {
				s.Headers[i] = breakRunsDeep(s.Headers[i])
			}
			for _, row := range s.Rows {
				for i := range row {
					row[i] = breakRunsDeep(row[i])
				}
			}
		case *blockSegment:
			breakAllRuns(s.block)
		}
	}
	return breakRuns(segs)
}

// breakRuns cuts inline text with runs longer than maxRowRun into pieces of at most
// maxRowRun bytes, after a space where there is one, else between characters, so that
// splitSegments can put them in rows of their own.
func breakRuns(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for i, s := range segs {
		t, ok := s.(*widget.TextSegment)
		if !ok || !t.Style.Inline || len(t.Text) <= maxRowRun || longestRun(t.Text) <= maxRowRun {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]widget.RichTextSegment, 0, len(segs)+len(t.Text)/maxRowRun), segs[:i]...)
		}
		for text := t.Text; text != ""; {
			cut := len(text)
			if cut > maxRowRun {
				cut = maxRowRun
				if sp := strings.LastIndexByte(text[:cut], ' '); sp > 0 {
					cut = sp + 1
				}
				for cut > 0 && !utf8.RuneStart(text[cut]) {
					cut--
				}
				if cut == 0 {
					cut = maxRowRun
				}
			}
			out = append(out, &widget.TextSegment{Style: t.Style, Text: text[:cut]})
			text = text[cut:]
		}
	}
	if out == nil {
		return segs
	}
	return out
}

// splitCode cuts a code block into blocks of whole lines.
func splitCode(s *widget.CodeBlockSegment) [][]widget.RichTextSegment {
	const lines = maxRowCost / codeLineCost
	var out [][]widget.RichTextSegment
	text := s.Text
	for text != "" {
		cut := len(text)
		for i, k := 0, 0; i < len(text); i++ {
			if text[i] == '\n' {
				if k++; k == lines {
					cut = i
					break
				}
			}
		}
		out = append(out, []widget.RichTextSegment{&widget.CodeBlockSegment{Text: text[:cut]}})
		text = strings.TrimPrefix(text[cut:], "\n")
	}
	return out
}

// splitTable cuts a table into tables of whole rows; the first keeps the header row.
func splitTable(s *widget.TableSegment) [][]widget.RichTextSegment {
	var out [][]widget.RichTextSegment
	cur := &widget.TableSegment{Headers: s.Headers, Alignments: s.Alignments}
	cost := 0
	for _, h := range s.Headers {
		cost += segsCost(h)
	}
	for _, row := range s.Rows {
		c := 0
		for _, cell := range row {
			c += segsCost(cell)
		}
		if cost+c > maxRowCost && len(cur.Rows) > 0 {
			out = append(out, []widget.RichTextSegment{cur})
			cur, cost = &widget.TableSegment{Alignments: s.Alignments}, 0
		}
		cur.Rows = append(cur.Rows, row)
		cost += c
	}
	return append(out, []widget.RichTextSegment{cur})
}

// splitSegments cuts rich text between segments into parts of about maxRowCost, each ended
// like a paragraph. It cuts only before plain text that does not follow a chip or a link
// overlay (those must stay with the text they cover), or between the items of a list.
func splitSegments(segs []widget.RichTextSegment) [][]widget.RichTextSegment {
	var out [][]widget.RichTextSegment
	start, cost, size := 0, 0, 0
	for i, s := range segs {
		t, ok := s.(*widget.TextSegment)
		_, item := s.(*widget.ParagraphSegment)
		n := 0
		if ok {
			n = len(t.Text)
		}
		c := segsCost(segs[i : i+1])
		if (ok && t.Style.Inline || item) && (cost > 0 && cost+c > maxRowCost || size+n > 2*maxRowRun) && i > start && !zeroWidth(segs[i-1]) {
			part := slices.Clone(segs[start:i])
			if part[len(part)-1].Inline() {
				part = append(part, paragraphEnd())
			}
			out = append(out, part)
			start, cost, size = i, 0, 0
		}
		cost += c
		size += n
	}
	return append(out, segs[start:])
}

// splitBox cuts a quote or an open callout whose content costs too much into boxes that
// follow on: the first keeps the title, the others are titled as its continuation.
func splitBox(b *noteBlock) []*noteBlock {
	var children []*noteBlock
	for _, c := range b.children {
		children = append(children, splitRow(c)...)
	}
	var groups [][]*noteBlock
	cost := maxRowCost + 1
	for _, c := range children {
		k := blockCost(c)
		if cost+k > maxRowCost {
			groups = append(groups, nil)
			cost = 0
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
		cost += k
	}
	out := make([]*noteBlock, len(groups))
	for i, g := range groups {
		part := *b
		part.children = g
		if i > 0 {
			part.continued = true
			if b.callout != nil {
				st := *b.callout
				st.foldable = false
				st.title = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}, Text: "(continued)"}}
				part.callout = &st
			}
		}
		out[i] = &part
	}
	return out
}

// crowdedNotice stands for a row that holds too much to lay out and cannot be split (a list
// item of thousands of links, say).
func crowdedNotice(b *noteBlock) *noteBlock {
	msg := fmt.Sprintf("This part of the note holds too much to show here (about %d links, words and lines). Open the note in your editor to read it.", blockCost(b))
	dim := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
	return &noteBlock{segs: []widget.RichTextSegment{&widget.TextSegment{Style: dim, Text: msg}, paragraphEnd()}, offset: b.offset, continued: b.continued}
}
