package vault

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"vaultview/vault/markdown"
)

// A backlink's context is the sentence the link stands in, as the reader would say it: the
// Markdown that only shapes the page (quote and callout markers, list markers and task
// boxes, heading marks, the pipes of a table row) is left out, so a row such as
// `| Bezos | founded [[Amazon]] | 1994 |` reads "Bezos · founded Amazon · 1994".

// maxContext bounds a backlink's context; longer sentences are cut around the link.
const maxContext = 280

// cellSeparator stands between the cells of a table row in a context.
const cellSeparator = " · "

// linkContext is the sentence around the link at off, as plain text, and where the link's own
// text lies in it. In a table row the sentence is looked for in the link's own cell, and the
// row's other cells are kept whole beside it.
func linkContext(src []byte, off, bodyStart int) (string, int, int) {
	// Look no further than a few sentences' worth each way: lines can be megabytes long.
	const reach = 1000
	lo := max(0, off-reach)
	ls := lo
	if i := bytes.LastIndexByte(src[lo:off], '\n'); i >= 0 {
		ls = lo + i + 1
	}
	if ls < bodyStart && off >= bodyStart {
		ls = bodyStart
	}
	hi := min(len(src), off+reach)
	le := hi
	if i := bytes.IndexByte(src[off:hi], '\n'); i >= 0 {
		le = off + i
	}
	// ms is where the line's text starts, after its block markers (only at a true line start:
	// the start of a long line's window is somewhere in its text).
	ms, marks := ls, lineMarks(0)
	lineStart := ls == 0 || ls == bodyStart || src[ls-1] == '\n'
	if lineStart {
		var rest []byte
		rest, marks = blockMarkers(src[ls:le])
		ms = min(le-len(rest), off)
		if marks&markHeading != 0 {
			le = max(headingTextEnd(src, ms, le), off)
		}
	}
	skip := linkEnd(src, off, le)
	from, to := ms, le
	row := lineStart && tableRow(src, ls, ms, le, marks, bodyStart)
	if row {
		from, to = cellAround(src, ms, off, skip, le)
	}
	start := from
	for i := off - 1; i > from; i-- {
		if src[i] == ' ' && (src[i-1] == '.' || src[i-1] == '!' || src[i-1] == '?') {
			start = i + 1
			break
		}
	}
	end := to
	for i := skip; i+1 < to; i++ {
		if (src[i] == '.' || src[i] == '!' || src[i] == '?') && src[i+1] == ' ' {
			end = i + 1
			break
		}
	}
	var text string
	var cs, ce int
	switch {
	case !row:
		text, cs, ce = plainTextOf(src[start:end], off-start, false)
	case isBlank(src[from:start]) && isBlank(src[end:to]):
		// The cell is one sentence: the row as it stands.
		text, cs, ce = plainTextOf(src[ms:le], off-ms, true)
	default:
		// The link's sentence in its cell, with the cells around it.
		raw := make([]byte, 0, from-ms+end-start+le-to)
		raw = append(raw, src[ms:from]...)
		raw = append(raw, src[start:end]...)
		raw = append(raw, src[to:le]...)
		text, cs, ce = plainTextOf(raw, from-ms+off-start, true)
	}
	if len(text) > maxContext {
		text, cs, ce = clip(text, cs, ce)
	}
	return text, cs, ce
}

// linkEnd is where the link at off ends, as far as the sentence around it is concerned: after
// a wikilink, at the `)` closing a Markdown link's destination (which may hold full stops),
// and at off itself for plain text (an unlinked mention).
func linkEnd(src []byte, off, le int) int {
	if off >= le {
		return off
	}
	if _, n, ok := markdown.MatchWikilink(src[off:le]); ok {
		return off + n
	}
	if src[off] == '[' || src[off] == '!' {
		if k := bytes.IndexByte(src[off:le], ')'); k >= 0 {
			return off + k
		}
	}
	return off
}

// lineMarks says which kinds of block marker blockMarkers took off a line.
type lineMarks uint8

const (
	markQuote lineMarks = 1 << iota
	markList
	markHeading
)

// trimBlockMarkers drops the quote, callout, list, task box and heading markers that start a
// line.
func trimBlockMarkers(b []byte) []byte {
	rest, _ := blockMarkers(b)
	return rest
}

// blockMarkers returns the text of a line after the quote, callout, list, task box and
// heading markers that start it (always a suffix of b), and which kinds it took off.
func blockMarkers(b []byte) ([]byte, lineMarks) {
	var marks lineMarks
	for {
		t := bytes.TrimLeft(b, " \t")
		if len(t) > 0 && t[0] == '>' {
			b, marks = t[1:], marks|markQuote
			continue
		}
		if bytes.HasPrefix(t, []byte("[!")) && marks&markQuote != 0 {
			if k := bytes.IndexByte(t, ']'); k > 0 {
				b = bytes.TrimLeft(t[k+1:], "+-")
				continue
			}
		}
		if w, _, _ := listMarker(t); w > 0 {
			b, marks = taskBox(t[w:]), marks|markList
			continue
		}
		if n := headingMarker(t); n > 0 {
			b, marks = t[n:], marks|markHeading
			continue
		}
		return t, marks
	}
}

// taskBox drops the `[ ]` or `[x]` that makes a list item a task.
func taskBox(b []byte) []byte {
	t := bytes.TrimLeft(b, " \t")
	if len(t) >= 3 && t[0] == '[' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X') && t[2] == ']' &&
		(len(t) == 3 || t[3] == ' ' || t[3] == '\t') {
		return t[3:]
	}
	return b
}

// headingMarker is the length of the `#` to `######` that opens an ATX heading at the start
// of t, or 0 (`#tag` is a tag, not a heading).
func headingMarker(t []byte) int {
	n := runLen(t, '#')
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

// headingTextEnd is where the text of the heading in src[ms:le] ends: before its optional
// closing run of `#`.
func headingTextEnd(src []byte, ms, le int) int {
	e := le
	for e > ms && (src[e-1] == ' ' || src[e-1] == '\t' || src[e-1] == '\r') {
		e--
	}
	h := e
	for h > ms && src[h-1] == '#' {
		h--
	}
	if h < e && (h == ms || src[h-1] == ' ' || src[h-1] == '\t') {
		return h
	}
	return le
}

// tableRow reports whether the line src[ls:le], whose text starts at ms after the block
// markers marks, is a row of a GFM table: its text starts with a pipe, or it holds one and a
// delimiter row (`--- | :-:`) is the next line or above it in the same block.
func tableRow(src []byte, ls, ms, le int, marks lineMarks, bodyStart int) bool {
	if ms < le && src[ms] == '|' {
		return true
	}
	if marks&(markList|markHeading) != 0 || bytes.IndexByte(src[ms:le], '|') < 0 {
		return false
	}
	// The header row: the delimiter row comes next.
	if le < len(src) {
		next := src[le+1:]
		if i := bytes.IndexByte(next[:min(len(next), 1000)], '\n'); i >= 0 {
			next = next[:i]
		}
		if tableColumns(quoteText(next)) > 0 {
			return true
		}
	}
	// A body row: the delimiter row is above, with no blank line or list item between. Rows
	// are short lines: a long one above ends the search.
	const reach, longLine = 4096, 1000
	for p := ls; p > bodyStart && p > ls-reach; {
		lo := max(bodyStart, p-1-longLine)
		ps := lo
		if i := bytes.LastIndexByte(src[lo:p-1], '\n'); i >= 0 {
			ps = lo + i + 1
		} else if lo > bodyStart {
			return false
		}
		line := quoteText(src[ps : p-1])
		switch w, _, _ := listMarker(line); {
		case isBlank(line), w > 0, headingMarker(line) > 0:
			return false
		case tableColumns(line) > 0:
			return true
		}
		p = ps
	}
	return false
}

// quoteText is a line without the quote markers that start it, trimmed of spaces.
func quoteText(b []byte) []byte {
	for {
		b = bytes.Trim(b, " \t\r")
		if len(b) == 0 || b[0] != '>' {
			return b
		}
		b = b[1:]
	}
}

// cellAround returns the bounds of the table cell holding the link from off to skip in the row
// whose text is src[ms:le]: between the pipes around it (a pipe after a backslash is text).
func cellAround(src []byte, ms, off, skip, le int) (from, to int) {
	from, to = ms, le
	for i := off - 1; i >= ms; i-- {
		if src[i] == '|' && (i == 0 || src[i-1] != '\\') {
			from = i + 1
			break
		}
	}
	for i := skip; i < le; i++ {
		if src[i] == '|' && (i == 0 || src[i-1] != '\\') {
			to = i
			break
		}
	}
	return from, to
}

// clip shortens a long context to about maxContext around [cs, ce). A link whose own text is
// longer than that keeps only its start.
func clip(text string, cs, ce int) (string, int, int) {
	if ce-cs > maxContext {
		ce = cs + maxContext
		for ce > cs && !utf8.RuneStart(text[ce]) {
			ce--
		}
	}
	from := max(0, cs-maxContext/2)
	to := min(len(text), max(ce, from+maxContext))
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	out := text[from:to]
	prefix := ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(text) {
		out += "…"
	}
	return prefix + out, cs - from + len(prefix), ce - from + len(prefix)
}

// FillLinkContexts sets the Context, ContextStart and ContextEnd of every backlink in bs
// from the text of its source note, exactly as a load with contexts would have. A vault
// loaded WithoutLinkContexts keeps no sentences in its index (a fifth of its bytes), so a
// window computes only the ones it shows. Each source note is read once, through Source, on
// several goroutines: call it off the UI goroutine. A note that cannot be read, or whose
// file has changed since the snapshot parsed it (a reload follows), leaves its links'
// contexts empty, as does a ctx done before its turn; the error is then ctx.Err(). On a
// vault loaded with contexts the links have them already, and nothing is read.
func (v *Vault) FillLinkContexts(ctx context.Context, bs []Backlink) error {
	if !v.noContexts || len(bs) == 0 {
		return nil
	}
	// Group the links by source, in the order of their first link.
	var sources []*Note
	links := map[*Note][]int{}
	for i := range bs {
		n := bs[i].Source
		if n == nil {
			continue
		}
		if _, ok := links[n]; !ok {
			sources = append(sources, n)
		}
		links[n] = append(links[n], i)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sources)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sources) || ctx.Err() != nil {
					return
				}
				n := sources[i]
				src := v.parsedSource(n)
				if src == nil {
					continue
				}
				for _, j := range links[n] {
					l := &bs[j].Link
					if off := int(l.Offset); off >= 0 && off <= len(src) {
						var cs, ce int
						l.Context, cs, ce = linkContext(src, off, n.BodyOffset)
						l.ContextStart, l.ContextEnd = int32(cs), int32(ce)
					}
				}
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// parsedSource is the text of n as it was parsed (see Source), or nil when the file cannot
// be read or is no longer the one n was parsed from: its size or modification time differ.
func (v *Vault) parsedSource(n *Note) []byte {
	raw, info, err := v.readFile(n.Path)
	if err != nil || int64(len(raw)) != n.Size || !info.ModTime().Equal(n.ModTime) {
		return nil
	}
	return (&Note{Path: n.Path}).sanitize(raw)
}
