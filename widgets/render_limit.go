package widgets

import (
	"bytes"
	"fmt"
	"sort"
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
