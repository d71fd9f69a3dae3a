package widgets

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
		case *codeSegment:
			n += codeLineCost * (len(s.lines) - 1)
		case *diagramSegment:
			n += codeLineCost * s.size()
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
		case *codeSegment:
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
func splitCode(s *codeSegment) [][]widget.RichTextSegment {
	var out [][]widget.RichTextSegment
	for _, part := range s.split(maxRowCost / codeLineCost) {
		out = append(out, []widget.RichTextSegment{part})
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
