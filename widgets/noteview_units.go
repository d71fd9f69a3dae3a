package widgets

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Selecting in the note (issue #15, item 1) sees each row as a run of units, each with a place
// in the row's text: a piece of text (a word, the space after it, a link's word) that can be
// selected a character at a time; an atom (a chip, a task box, a code block, a table, a
// formula, an image…) that is selected whole; and a break between paragraphs, list items and
// blocks. A position in the note is a row and an offset into that text.
//
// The offsets depend only on the text the row shows, not on how its segments are cut: the
// find bar's marks and the selection's own word mode (noteview_select.go) split text
// segments and add zero-width ones, and every offset stays where it was.

// unitKind says what a unit is.
type unitKind uint8

const (
	unitText unitKind = iota
	unitAtom
	unitBreak
)

// selUnit is one unit of a row.
type selUnit struct {
	kind  unitKind
	start int // offset in the row
	n     int // length: the text's bytes, 1 for an atom or a break
	// text is the text of a text unit, the plain text an atom copies as.
	text string
	// md is how an atom copies as Markdown ("" for as text).
	md string
	// style is the text unit's style.
	style fyne.TextStyle
	mark  bool     // ==highlighted==
	link  *linkRef // a word of a link to a note, or of a footnote reference
	url   *url.URL // a web link
	chip  *overlaySegment
	// sel is the unit's zero-width segment in word mode, nil before.
	sel *selSegment
}

func (u *selUnit) end() int { return u.start + u.n }

// unitWalker walks a row's segments into units and, in word mode, makes the segments again
// with a selSegment after every unit that shows on screen.
type unitWalker struct {
	units  []selUnit
	off    int
	row    int
	words  bool // word mode: make the segments
	sel    *noteSelection
	groups int // segment lists seen, for the selSegments to know which RichText holds them
}

// rowUnits returns the units of row b.
func rowUnits(b *noteBlock) []selUnit {
	w := &unitWalker{}
	w.block(b, nil)
	return w.units
}

// block walks a block; in word mode, undo collects the segment lists it replaces.
func (w *unitWalker) block(b *noteBlock, undo *[]matchUndo) {
	switch b.kind {
	case flowBlock:
		out := w.segs(b.segs)
		if w.words {
			*undo = append(*undo, matchUndo{block: b, segs: b.segs})
			b.segs = out
		}
	case calloutBlock:
		if t := b.callout.title; t != nil {
			out := w.segs(t)
			if w.words {
				*undo = append(*undo, matchUndo{block: b, title: true, segs: t})
				b.callout.title = out
			}
		} else {
			w.atom(calloutDefaultTitle(b.callout.typeName), "", nil)
		}
		w.brk()
		// A folded callout's body is walked too: offsets must not move as it folds.
		for _, c := range b.children {
			w.block(c, undo)
			w.brk()
		}
	case quoteBlock:
		for _, c := range b.children {
			w.block(c, undo)
			w.brk()
		}
	case embedBlock:
		var s strings.Builder
		b.writeText(&s)
		w.atom(strings.TrimRight(s.String(), "\n"), "![["+b.embed.title+"]]", nil)
	}
}

// add appends a unit at the current offset.
func (w *unitWalker) add(u selUnit) *selUnit {
	u.start = w.off
	w.off += u.n
	w.units = append(w.units, u)
	return &w.units[len(w.units)-1]
}

func (w *unitWalker) brk() {
	if n := len(w.units); n > 0 && w.units[n-1].kind == unitBreak {
		return // one break between two blocks, however they nest
	}
	w.add(selUnit{kind: unitBreak, n: 1, text: "\n"})
}

func (w *unitWalker) atom(text, md string, chip *overlaySegment) *selUnit {
	return w.add(selUnit{kind: unitAtom, n: 1, text: text, md: md, chip: chip})
}

// selFor returns the zero-width segment that draws the selection over u, which covers text
// in style; nil out of word mode.
func (w *unitWalker) selFor(u *selUnit, text string, style fyne.TextStyle, size fyne.ThemeSizeName, colour fyne.ThemeColorName) *selSegment {
	if !w.words {
		return nil
	}
	if size == "" {
		size = theme.SizeNameText
	}
	s := &selSegment{text: text, style: style, size: size, color: colour, row: w.row, start: u.start, n: u.n,
		atom: u.kind == unitAtom, group: w.groups, sel: w.sel}
	u.sel = s
	return s
}

// drawsOver reports whether s takes no room of its own and draws over the text before it.
func drawsOver(s widget.RichTextSegment) bool {
	switch s.(type) {
	case *overlaySegment, *matchSegment, *selSegment:
		return true
	}
	return false
}

// segs walks one list of segments; in word mode it returns them made again.
func (w *unitWalker) segs(segs []widget.RichTextSegment) []widget.RichTextSegment {
	w.groups++
	return w.list(segs)
}

func (w *unitWalker) list(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	emit := func(s ...widget.RichTextSegment) {
		if w.words {
			out = append(out, s...)
		}
	}
	for i := 0; i < len(segs); i++ {
		switch s := segs[i].(type) {
		case *widget.TextSegment:
			j := i + 1
			var over *overlaySegment
			for j < len(segs) && drawsOver(segs[j]) {
				if o, ok := segs[j].(*overlaySegment); ok && over == nil {
					over = o
				}
				j++
			}
			if j == i+1 {
				w.text(s, emit)
				continue
			}
			// Text with something drawn over it: one unit, not cut.
			var u *selUnit
			switch {
			case over != nil && over.kind == overlayChip:
				md := over.clock
				if over.url != "" {
					md = "[" + over.clock + "](" + over.url + ")"
				}
				u = w.atom(strings.TrimPrefix(over.label, "▶ "), md, over)
				u.text = md // plain text copies a chip as its link too
			case over != nil && over.kind == overlayMath:
				u = w.atom("$"+over.tex+"$", "$"+over.tex+"$", nil)
			case over != nil && over.kind == overlayBox:
				box := "[ ] "
				if over.checked {
					box = "[x] "
				}
				u = w.atom(box, box, nil)
			default:
				u = w.add(selUnit{kind: unitText, n: len(s.Text), text: s.Text, style: s.Style.TextStyle})
				if over != nil && over.kind == overlayMark {
					u.mark = true
				}
				if over != nil && over.kind == overlayLink {
					u.link = over.link
				}
			}
			emit(s)
			for _, z := range segs[i+1 : j] {
				if _, old := z.(*selSegment); !old {
					emit(z)
				}
			}
			if sel := w.selFor(u, s.Text, s.Style.TextStyle, s.Style.SizeName, s.Style.ColorName); sel != nil {
				emit(sel)
			}
			i = j - 1
		case *widget.ParagraphSegment:
			inner := w.list(s.Texts)
			if w.words {
				p := *s
				p.Texts = inner
				emit(&p)
			}
			if len(s.Texts) == 0 || s.Texts[len(s.Texts)-1].Inline() {
				w.brk()
			}
		case *overlaySegment, *matchSegment, *selSegment:
			if _, old := s.(*selSegment); !old {
				emit(s)
			}
		case *punctSegment:
			emit(s)
			if !s.reserve() && s.text != "" {
				u := w.add(selUnit{kind: unitText, n: len(s.text), text: s.text, style: s.style.TextStyle})
				if sel := w.selFor(u, s.text, s.style.TextStyle, s.style.SizeName, s.style.ColorName); sel != nil {
					emit(sel)
				}
			}
		case *widget.HyperlinkSegment:
			emit(s)
			u := w.add(selUnit{kind: unitText, n: len(s.Text), text: s.Text, style: s.TextStyle, url: s.URL})
			if sel := w.selFor(u, s.Text, s.TextStyle, s.SizeName, theme.ColorNameHyperlink); sel != nil {
				emit(sel, &widget.TextSegment{Style: widget.RichTextStyleInline})
			}
			if !s.Inline() {
				w.brk()
			}
		default:
			emit(s)
			var plain strings.Builder
			writeSegment(&plain, s)
			w.atom(strings.TrimRight(plain.String(), "\n"), atomMarkdown(s), nil)
			if !s.Inline() {
				w.brk()
			}
		}
	}
	return out
}

// text walks a text segment with nothing over it: in word mode, a unit for each word and
// each run of spaces, so that the selection is drawn where RichText wraps them.
func (w *unitWalker) text(s *widget.TextSegment, emit func(...widget.RichTextSegment)) {
	if !w.words {
		if s.Text != "" {
			w.add(selUnit{kind: unitText, n: len(s.Text), text: s.Text, style: s.Style.TextStyle})
		}
		if !s.Inline() {
			w.brk()
		}
		return
	}
	inline := s.Style
	inline.Inline = true
	text := s.Text
	for text != "" {
		i := 0
		sp := text[0] == ' '
		for i < len(text) && (text[i] == ' ') == sp && text[i] != '\n' {
			i++
		}
		if i == 0 { // a line break: no room to draw on
			w.add(selUnit{kind: unitText, n: 1, text: "\n", style: s.Style.TextStyle})
			emit(&widget.TextSegment{Style: inline, Text: "\n"})
			text = text[1:]
			continue
		}
		piece := text[:i]
		text = text[i:]
		u := w.add(selUnit{kind: unitText, n: len(piece), text: piece, style: s.Style.TextStyle})
		emit(&widget.TextSegment{Style: inline, Text: piece}, w.selFor(u, piece, s.Style.TextStyle, s.Style.SizeName, s.Style.ColorName))
	}
	// The segment's own style ends it: it may end the paragraph, and a zero-width segment
	// must never end a row.
	emit(&widget.TextSegment{Style: s.Style})
	if !s.Inline() {
		w.brk()
	}
}

// atomMarkdown is how a block copies as Markdown.
func atomMarkdown(s widget.RichTextSegment) string {
	switch s := s.(type) {
	case *codeSegment:
		return "```" + s.lang + "\n" + s.text + "\n```"
	case *diagramSegment:
		return "```mermaid\n" + s.source + "\n```"
	case *mathSegment:
		return s.Textual()
	case *widget.SeparatorSegment:
		return "---"
	case *imageSegment:
		return "![" + s.alt + "]"
	case *attachmentSegment:
		return "![[" + s.path + "]]"
	case *widget.TableSegment:
		var b strings.Builder
		row := func(cells [][]widget.RichTextSegment) {
			b.WriteString("|")
			for _, c := range cells {
				var t strings.Builder
				writeSegments(&t, c)
				b.WriteString(" " + strings.ReplaceAll(strings.TrimSpace(t.String()), "|", `\|`) + " |")
			}
			b.WriteString("\n")
		}
		head := s.Headers
		if head == nil && len(s.Rows) > 0 {
			head = make([][]widget.RichTextSegment, len(s.Rows[0]))
		}
		row(head)
		b.WriteString("|")
		for range head {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
		for _, r := range s.Rows {
			row(r)
		}
		return strings.TrimRight(b.String(), "\n")
	}
	return ""
}
