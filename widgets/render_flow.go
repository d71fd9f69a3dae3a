package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// noteFlow gathers a block's rich text segments as the inlines are written, and the plain
// text of rendered blocks is read back from them.

// noteFlow collects the rich text segments of one block.
type noteFlow struct {
	segs []widget.RichTextSegment
	last *widget.TextSegment // text that more text of the same style may join
	// run is text joining last that is not in last.Text yet: goldmark cuts text at every
	// character another parser might start at, and joining the pieces one by one would cost
	// time quadratic in the length of a paragraph.
	run strings.Builder
	// content is set once anything but white space was added.
	content bool
	// split, when set, takes a block that cannot sit inside rich text (a note embed): the
	// text so far is ended and the block placed after it.
	split func(*noteBlock)
	// squeeze is set after hidden content: white space that follows joins the space before.
	squeeze bool
}

// flush moves the pending run into the last text segment.
func (f *noteFlow) flush() {
	if f.last != nil && f.run.Len() > 0 {
		f.last.Text += f.run.String()
		f.run.Reset()
	}
}

// done returns the segments collected.
func (f *noteFlow) done() []widget.RichTextSegment {
	f.flush()
	return f.segs
}

// endsWith reports whether the text so far ends with suffix.
func (f *noteFlow) endsWith(suffix string) bool {
	if len(f.segs) == 0 {
		return false
	}
	t, ok := f.segs[len(f.segs)-1].(*widget.TextSegment)
	if !ok {
		return false
	}
	if t == f.last && f.run.Len() > 0 {
		return strings.HasSuffix(f.run.String(), suffix)
	}
	return strings.HasSuffix(t.Text, suffix)
}

// text appends plain text, joining it to the previous text when the style is the same.
func (f *noteFlow) text(s string, st widget.RichTextStyle) {
	if s = f.chipPunct(s, st); s == "" {
		return
	}
	if f.squeeze {
		// Hidden content was left out here: do not show the spaces on both sides of it.
		f.squeeze = false
		if f.last != nil && f.endsWith(" ") {
			if s = strings.TrimLeft(s, " "); s == "" {
				return
			}
		}
	}
	if f.atBreak() {
		if s = strings.TrimLeft(s, " \t"); s == "" {
			return
		}
	}
	if s[0] == '\n' {
		f.trimRight()
	}
	if !f.content && strings.TrimSpace(s) != "" {
		f.content = true
	}
	if f.last != nil && f.last.Style == st {
		f.run.WriteString(s)
		return
	}
	f.flush()
	t := &widget.TextSegment{Style: st, Text: s}
	f.segs = append(f.segs, t)
	f.last = t
}

// atBreak reports whether the text so far ends with a line break, after which white space is
// not shown.
func (f *noteFlow) atBreak() bool {
	return f.endsWith("\n")
}

// trimRight drops white space at the end of the text so far, before a line break.
func (f *noteFlow) trimRight() {
	f.flush()
	if len(f.segs) == 0 {
		return
	}
	if t, ok := f.segs[len(f.segs)-1].(*widget.TextSegment); ok && t.Style.Inline {
		t.Text = strings.TrimRight(t.Text, " \t")
	}
	trimChipPunct(f.segs)
}

// add appends a segment that no text joins.
func (f *noteFlow) add(s widget.RichTextSegment) {
	f.flush()
	f.segs = append(f.segs, s)
	f.last = nil
	f.content = true
}

// hasContent reports whether anything but white space was added.
func (f *noteFlow) hasContent() bool {
	return f.content
}

// paragraph returns the segments as one paragraph: trailing white space trimmed, ended.
func (f *noteFlow) paragraph() []widget.RichTextSegment {
	segs := f.done()
	for len(segs) > 0 {
		t, ok := segs[len(segs)-1].(*widget.TextSegment)
		if !ok || t.Style == widget.RichTextStyleParagraph {
			break
		}
		t.Text = strings.TrimRight(t.Text, " \t\n")
		if t.Text != "" || len(segs) > 1 && zeroWidth(segs[len(segs)-2]) {
			break
		}
		segs = segs[:len(segs)-1]
	}
	trimChipPunct(segs)
	for len(segs) > 0 {
		t, ok := segs[0].(*widget.TextSegment)
		if !ok {
			break
		}
		t.Text = strings.TrimLeft(t.Text, " \t\n")
		if t.Text != "" {
			break
		}
		segs = segs[1:]
	}
	if len(segs) > 0 && !segs[len(segs)-1].Inline() {
		return segs // an image: it ends its line already
	}
	return append(segs, paragraphEnd())
}

// zeroWidth reports whether s is a chip, overlay or a chip's punctuation, which must be
// followed by text.
func zeroWidth(s widget.RichTextSegment) bool {
	switch s.(type) {
	case *overlaySegment, *matchSegment, *selSegment, *punctSegment:
		return true
	}
	return false
}

// reset forgets the segments collected so far.
func (f *noteFlow) reset() {
	f.segs, f.last, f.content = nil, nil, false
	f.run.Reset()
}

// plain is the text of the segments.
func (f *noteFlow) plain() string {
	var b strings.Builder
	writeSegments(&b, f.done())
	return b.String()
}

// writeSegments writes segments as the plain text they read as.
func writeSegments(w *strings.Builder, segs []widget.RichTextSegment) {
	for i, s := range segs {
		if i+1 < len(segs) {
			// A chip reads as its label and a task box as [ ] or [x], not as the
			// placeholders under them.
			if next, ok := segs[i+1].(*overlaySegment); ok && (next.kind == overlayBox || (next.kind == overlayChip || next.kind == overlayMath) && next.placeholder == s) {
				continue
			}
		}
		writeSegment(w, s)
	}
}

// writeSegment writes one segment as plain text.
func writeSegment(w *strings.Builder, s widget.RichTextSegment) {
	switch s := s.(type) {
	case *overlaySegment:
		switch {
		case s.kind == overlayChip:
			w.WriteString(s.label)
		case s.kind == overlayMath:
			w.WriteString("$" + s.tex + "$")
		case s.kind == overlayBox && s.checked:
			w.WriteString("[x]")
		case s.kind == overlayBox:
			w.WriteString("[ ]")
		}
	case *widget.TableSegment:
		row := func(cells [][]widget.RichTextSegment) {
			for i, c := range cells {
				if i > 0 {
					w.WriteByte('\t')
				}
				writeSegments(w, c)
			}
			w.WriteByte('\n')
		}
		if s.Headers != nil {
			row(s.Headers)
		}
		for _, r := range s.Rows {
			row(r)
		}
	case *widget.TextSegment:
		w.WriteString(s.Text)
		if !s.Inline() {
			w.WriteByte('\n')
		}
	case *widget.ParagraphSegment:
		writeSegments(w, s.Texts)
		if len(s.Texts) == 0 || s.Texts[len(s.Texts)-1].Inline() {
			w.WriteByte('\n')
		}
	case *codeSegment:
		w.WriteString(s.text + "\n")
	case *diagramSegment:
		w.WriteString(s.source + "\n")
	case *mathSegment:
		w.WriteString(s.Textual() + "\n")
	case *widget.SeparatorSegment:
		w.WriteString("---\n")
	case *imageSegment:
		w.WriteString("[image: " + s.alt + "]\n")
	case *blockSegment:
		s.block.writeText(w)
	default:
		w.WriteString(s.Textual())
		if !s.Inline() {
			w.WriteByte('\n')
		}
	}
}

// writeText writes the block as plain text.
func (b *noteBlock) writeText(w *strings.Builder) {
	switch b.kind {
	case flowBlock:
		writeSegments(w, b.segs)
	case calloutBlock:
		w.WriteString("[" + b.callout.typeName + "] ")
		if b.callout.title != nil {
			writeSegments(w, b.callout.title)
		} else {
			w.WriteString(calloutDefaultTitle(b.callout.typeName))
		}
		w.WriteString("\n")
		for _, c := range b.children {
			c.writeText(w)
		}
	case quoteBlock:
		for _, c := range b.children {
			c.writeText(w)
		}
	case embedBlock:
		w.WriteString("[embed: " + b.embed.title + "]\n")
		if b.embed.problem != "" {
			w.WriteString(b.embed.problem + "\n")
		}
		for _, c := range b.children {
			c.writeText(w)
		}
	}
}

// unselectable gives a rich text segment of ours the selection methods of
// widget.RichTextSegment, none of which does anything: Fyne's rich text does not select
// (issue #15, item 1, is for the note to select on its own).
type unselectable struct{}

// Select implements widget.RichTextSegment.
func (unselectable) Select(_, _ fyne.Position) {}

// SelectedText implements widget.RichTextSegment.
func (unselectable) SelectedText() string { return "" }

// Unselect implements widget.RichTextSegment.
func (unselectable) Unselect() {}
