package widgets

import (
	"image/color"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A search result opens its note at the match: ShowMatch scrolls the block holding it into
// view and marks the matching text in that block, word by word as chip_overlay.go marks
// ==highlighted== text, so that the marks wrap with the text. The marks stay until the next
// ShowNote, ShowMatch or ClearMatch.

// ShowMatch scrolls the block (paragraph, list, callout…) holding the byte offset (into the
// note's file, as ScrollToOffset takes) into view and marks every occurrence of text in it,
// compared as plain text without regard to case or accents, any run of white space matching
// any other.
// It reports whether the offset is in the note (a stale result may point past its end); when
// the block does not show text as such (a code block, a table) it is only scrolled to. An
// offset in the frontmatter scrolls to the top.
func (v *NoteView) ShowMatch(offset int, text string) bool {
	v.HideFind() // its marks and these would rewrite the same rows
	v.ClearMatch()
	v.uncutRows()
	v.preview.hide()
	if v.note == nil || offset < 0 || v.note.Note.Size > 0 && int64(offset) >= v.note.Note.Size {
		return false
	}
	if offset < v.note.Note.BodyOffset {
		return v.ScrollToOffset(offset)
	}
	rows := v.note.rows
	last := -1
	for i, b := range rows {
		if b.offset >= 0 && b.offset <= offset {
			last = i
		} else if b.offset > offset {
			break
		}
	}
	if last < 0 {
		return false
	}
	// A long paragraph is cut into rows that all start at its offset: mark them all.
	first := last
	for first > 0 && rows[first].continued {
		first--
	}
	m := &shownMatch{}
	var near occurrence // the occurrence nearest the offset
	target, best := first, -1
	plainAt := 0 // where each row starts in the plain text of the block
	want := offset - rows[first].offset
	for i := first; i <= last; i++ {
		found, n := m.mark(rows[i], text)
		for _, o := range found {
			if d := abs(plainAt + o.start - want); best < 0 || d < best {
				target, best, near = i, d, o
			}
		}
		plainAt += n
	}
	if len(m.undo) > 0 {
		v.match = m
		for _, s := range near.segs {
			m.text += s.text
		}
		for i := first; i <= last; i++ {
			delete(v.body.live, i) // made again from the marked segments
		}
	}
	v.body.showRow(target)
	if len(near.segs) > 0 {
		v.revealMatch(target, near.segs[0], 0)
	}
	return true
}

// MarkedText is the text of the occurrence ShowMatch scrolled to, as the note shows it
// (marked words and the spaces between them); "" when nothing is marked.
func (v *NoteView) MarkedText() string {
	if v.match == nil {
		return ""
	}
	return v.match.text
}

// ClearMatch removes the marks ShowMatch made.
func (v *NoteView) ClearMatch() {
	m := v.match
	v.clearMatch()
	if m == nil || v.note == nil {
		return
	}
	for i, b := range v.note.rows {
		for _, u := range m.undo {
			if u.row == b {
				delete(v.body.live, i) // made again from the segments put back
			}
		}
	}
	v.body.sync()
}

// clearMatch puts back the segments ShowMatch replaced; the rows' widgets are left to the
// caller.
func (v *NoteView) clearMatch() {
	if v.match == nil {
		return
	}
	v.uncutRows() // cut after the marks were made: put back first
	for i := len(v.match.undo) - 1; i >= 0; i-- {
		u := v.match.undo[i]
		if u.title {
			u.block.callout.title = u.segs
		} else {
			u.block.segs = u.segs
		}
	}
	v.match = nil
}

// revealMatch scrolls further when the mark is out of view, as in a long list: the row is
// shown from its top, the mark may be far below. The top hidden pixels of the view count as
// out of it (the find bar covers them).
func (v *NoteView) revealMatch(row int, mark *matchSegment, hidden float32) {
	b := v.body
	o, ok := b.live[row]
	if mark == nil || mark.visual == nil || !ok {
		return
	}
	var y float32
	if _, ok := o.(*widget.RichText); ok {
		// The marks of a row of text are laid out by its RichText itself.
		y = b.ys[row] + mark.visual.Position().Y
	} else {
		d := fyne.CurrentApp().Driver()
		if d.CanvasForObject(mark.visual) == nil {
			return
		}
		y = d.AbsolutePositionForObject(mark.visual).Y - d.AbsolutePositionForObject(b).Y
	}
	view := b.viewHeight()
	line := mark.visual.MinSize().Height
	top := b.scroll.Offset.Y
	if y >= top+hidden && y+line <= top+view {
		return
	}
	b.scroll.Offset.Y = max(min(y-view/3, b.total()-view), 0)
	b.sync()
	b.scroll.Refresh()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// shownMatch is the marks of one ShowMatch and how to take them away.
type shownMatch struct {
	undo []matchUndo
	text string // the occurrence scrolled to
}

// occurrence is one occurrence marked: where it starts in the plain text of its row, and its
// marks.
type occurrence struct {
	start int
	segs  []*matchSegment
}

// matchUndo is the segments of a block (or of its callout title) before they were marked.
type matchUndo struct {
	row   *noteBlock // the top-level row
	block *noteBlock
	title bool
	segs  []widget.RichTextSegment
}

// mark marks the occurrences of text in row and returns them and the length of the row's
// plain text. A nil m only finds them: the occurrences have no marks and row is unchanged.
func (m *shownMatch) mark(row *noteBlock, text string) (found []occurrence, length int) {
	var walk func(b *noteBlock)
	walk = func(b *noteBlock) {
		apply := func(segs []widget.RichTextSegment, title bool) []widget.RichTextSegment {
			h := newMatchMarker(segs, text, length)
			length += len(h.flat)
			if len(h.found) == 0 {
				return segs
			}
			if m == nil {
				for _, f := range h.found {
					found = append(found, occurrence{start: h.base + f[0]})
				}
				return segs
			}
			out, _ := h.rewrite(segs)
			for i, f := range h.found {
				found = append(found, occurrence{start: h.base + f[0], segs: h.segs[i]})
			}
			m.undo = append(m.undo, matchUndo{row: row, block: b, title: title, segs: segs})
			return out
		}
		switch b.kind {
		case flowBlock:
			b.segs = apply(b.segs, false)
		case calloutBlock:
			if b.callout.title != nil {
				b.callout.title = apply(b.callout.title, true)
			}
			fallthrough
		case quoteBlock:
			for _, c := range b.children {
				walk(c)
			}
		}
		// An embed shows another note: the match is not in it.
	}
	walk(row)
	return found, length
}

// matchMarker finds the occurrences of a text in rich text segments and makes the segments
// that mark them.
type matchMarker struct {
	// flat is the plain text of the segments that can be marked; a NUL stands between
	// paragraphs and for anything else, so a match never spans them.
	flat  string
	at    map[*widget.TextSegment]int // where a segment's text starts in flat
	found [][2]int                    // the occurrences, as byte ranges of flat
	base  int                         // where flat starts in the plain text of the row
	// segs are the marks of each occurrence, made by rewrite.
	segs [][]*matchSegment
}

func newMatchMarker(segs []widget.RichTextSegment, text string, base int) *matchMarker {
	h := &matchMarker{at: map[*widget.TextSegment]int{}, base: base}
	var b []byte
	var collect func(segs []widget.RichTextSegment)
	collect = func(segs []widget.RichTextSegment) {
		for i, s := range segs {
			switch s := s.(type) {
			case *widget.TextSegment:
				if i+1 < len(segs) && covered(segs[i+1]) {
					b = append(b, 0)
					continue
				}
				h.at[s] = len(b)
				b = append(b, s.Text...)
				if !s.Inline() {
					b = append(b, 0)
				}
			case *widget.ParagraphSegment:
				b = append(b, 0)
				collect(s.Texts)
				b = append(b, 0)
			case *overlaySegment, *matchSegment:
				// Zero width: the text is in the segment before.
			default:
				b = append(b, 0)
			}
		}
	}
	collect(segs)
	h.flat = string(b)
	h.found = findAll(h.flat, text)
	h.segs = make([][]*matchSegment, len(h.found))
	return h
}

// covered reports whether s draws over the text segment before it, hiding it: a chip's pill,
// a highlight, a task box.
func covered(s widget.RichTextSegment) bool {
	o, ok := s.(*overlaySegment)
	return ok && o.kind != overlayLink
}

// rewrite returns segs with the occurrences marked, and whether anything changed. Segments
// that change are replaced, never modified: the old ones are put back by ClearMatch.
func (h *matchMarker) rewrite(segs []widget.RichTextSegment) ([]widget.RichTextSegment, bool) {
	var out []widget.RichTextSegment
	changed := false
	for _, s := range segs {
		switch t := s.(type) {
		case *widget.ParagraphSegment:
			if inner, ok := h.rewrite(t.Texts); ok {
				p := *t
				p.Texts = inner
				out = append(out, &p)
				changed = true
				continue
			}
		case *widget.TextSegment:
			if start, ok := h.at[t]; ok {
				if pieces := h.split(t, start); pieces != nil {
					out = append(out, pieces...)
					changed = true
					continue
				}
			}
		}
		out = append(out, s)
	}
	return out, changed
}

// split cuts t, whose text starts at start in flat, around the occurrences in it; nil when
// none touches it.
func (h *matchMarker) split(t *widget.TextSegment, start int) []widget.RichTextSegment {
	end := start + len(t.Text)
	var out []widget.RichTextSegment
	inline := t.Style
	inline.Inline = true
	pos := start
	for k, f := range h.found {
		lo, hi := max(f[0], start), min(f[1], end)
		if lo >= hi {
			continue
		}
		if lo > pos {
			out = append(out, &widget.TextSegment{Style: inline, Text: t.Text[pos-start : lo-start]})
		}
		n := len(out)
		out = h.marks(out, t.Text[lo-start:hi-start], inline)
		for _, s := range out[n:] {
			if m, ok := s.(*matchSegment); ok {
				h.segs[k] = append(h.segs[k], m)
			}
		}
		pos = hi
	}
	if out == nil {
		return nil
	}
	// The rest, in the segment's own style: it may end the paragraph. It also keeps the last
	// mark from ending the row, which RichText would lay out as a block.
	return append(out, &widget.TextSegment{Style: t.Style, Text: t.Text[pos-start:]})
}

// marks appends text marked, a word (or a run of spaces) at a time so that it wraps.
func (h *matchMarker) marks(out []widget.RichTextSegment, text string, st widget.RichTextStyle) []widget.RichTextSegment {
	for text != "" {
		i := 0
		sp := text[0] == ' '
		for i < len(text) && (text[i] == ' ') == sp && text[i] != '\n' {
			i++
		}
		if i == 0 { // a line break
			out = append(out, &widget.TextSegment{Style: st, Text: "\n"})
			text = text[1:]
			continue
		}
		word := text[:i]
		text = text[i:]
		seg := &matchSegment{text: word, style: st}
		out = append(out, &widget.TextSegment{Style: st, Text: word}, seg)
	}
	return out
}

// findAll returns the byte ranges of s where text occurs, compared without regard to case,
// any run of white space in text matching any run in s.
func findAll(s, text string) [][2]int {
	var out [][2]int
	if len(trimSpace(text)) == 0 {
		return nil
	}
	text = trimSpace(text)
	for i := 0; i < len(s); {
		if n := matchAt(s[i:], text); n > 0 {
			out = append(out, [2]int{i, i + n})
			i += n
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return out
}

func trimSpace(s string) string {
	for s != "" {
		r, w := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[w:]
	}
	for s != "" {
		r, w := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-w]
	}
	return s
}

// baseLetter is r in lower case, without its accent when it is an accented Latin letter
// (é, Å, ç, ő, ł…), so that "cafe" finds "Café" and "ecole" finds "ÉCOLE".
func baseLetter(r rune) rune {
	r = unicode.ToLower(r)
	if r >= 0xC0 && r < 0xC0+rune(len(latinBase)) {
		if b := latinBase[r-0xC0]; b != 0 {
			return rune(b)
		}
	}
	return r
}

// latinBase gives the base letter of each of U+00C0 to U+024F in lower case, or 0 for one
// that has none (×, Æ, ß…): the first letter of its canonical decomposition, and o, d, l, h
// for ø, đ, ł, ħ, which have none.
const latinBase = "aaaaaa\x00ceeeeiiii\x00nooooo\x00ouuuuy\x00\x00aaaaaa\x00ceeeeiiii\x00nooooo\x00ouuuuy\x00yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiii\x00\x00\x00jjkk\x00llllll\x00\x00llnnnnnn\x00\x00\x00oooooo\x00\x00rrrrrrsssssssstttt\x00\x00uuuuuuuuuuuuwwyyyzzzzzz\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00oo\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00uu\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00aaiioouuuuuuuuuu\x00aaaa\x00\x00\x00\x00ggkkoooo\x00\x00j\x00\x00\x00gg\x00\x00nnaa\x00\x00\x00\x00aaaaeeeeiiiioooorrrruuuusstt\x00\x00hh\x00\x00\x00\x00\x00\x00aaeeooooooooyy\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// matchAt returns how many bytes at the start of s match pattern (which neither starts nor
// ends with white space), or 0.
func matchAt(s, pattern string) int {
	i, j := 0, 0
	for j < len(pattern) {
		pr, pw := utf8.DecodeRuneInString(pattern[j:])
		if unicode.IsSpace(pr) {
			for j < len(pattern) {
				r, w := utf8.DecodeRuneInString(pattern[j:])
				if !unicode.IsSpace(r) {
					break
				}
				j += w
			}
			n := 0
			for i < len(s) {
				r, w := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += w
				n++
			}
			if n == 0 {
				return 0
			}
			continue
		}
		if i >= len(s) {
			return 0
		}
		sr, sw := utf8.DecodeRuneInString(s[i:])
		if sr != pr && baseLetter(sr) != baseLetter(pr) && unicode.ToUpper(sr) != unicode.ToUpper(pr) {
			return 0
		}
		i += sw
		j += pw
	}
	return i
}

// matchSegment is the zero-width segment after a marked word: its visual draws the word on
// the mark, over the word's own segment.
type matchSegment struct {
	unselectable
	text  string
	style widget.RichTextStyle
	// current marks the occurrence the find bar is at, in a stronger colour.
	current bool
	// visual is the last visual made (the overlay container RichText places), for ShowMatch
	// to find where the mark is.
	visual fyne.CanvasObject
}

// Inline implements widget.RichTextSegment.
func (s *matchSegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment: the word is the segment before.
func (s *matchSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (s *matchSegment) Visual() fyne.CanvasObject {
	w := &matchWord{seg: s, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText(s.text, color.Black)}
	w.ExtendBaseWidget(w)
	s.visual = newOverlay(s.text, s.style.TextStyle, s.sizeName(), w)
	return s.visual
}

func (s *matchSegment) sizeName() fyne.ThemeSizeName {
	if s.style.SizeName == "" {
		return theme.SizeNameText
	}
	return s.style.SizeName
}

// Update implements widget.RichTextSegment.
func (s *matchSegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*overlayLayout)
	l.text, l.style, l.size = s.text, s.style.TextStyle, s.sizeName()
	c.Objects[1].Refresh()
}

// matchWord draws a marked word: the word again, on the mark's colour.
type matchWord struct {
	widget.BaseWidget
	seg  *matchSegment
	bg   *canvas.Rectangle
	text *canvas.Text
}

// CreateRenderer implements fyne.Widget.
func (w *matchWord) CreateRenderer() fyne.WidgetRenderer {
	r := &matchWordRenderer{w: w}
	r.Refresh()
	return r
}

type matchWordRenderer struct{ w *matchWord }

func (r *matchWordRenderer) Destroy() {}

func (r *matchWordRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.w.bg, r.w.text}
}

func (r *matchWordRenderer) Layout(size fyne.Size) {
	r.w.bg.Resize(size)
	r.w.text.Resize(size)
}

func (r *matchWordRenderer) MinSize() fyne.Size { return r.w.text.MinSize() }

func (r *matchWordRenderer) Refresh() {
	w := r.w
	th := w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	// Square corners: the marks of neighbouring words join into one.
	w.bg.FillColor = blend(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameWarning, v), 0.7)
	if w.seg.current {
		w.bg.FillColor = blend(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNamePrimary, v), 0.75)
	}
	w.text.Text = w.seg.text
	w.text.TextStyle = w.seg.style.TextStyle
	w.text.TextSize = th.Size(w.seg.sizeName())
	name := w.seg.style.ColorName
	if name == "" || name == theme.ColorNamePlaceHolder {
		name = theme.ColorNameForeground
	}
	w.text.Color = th.Color(name, v)
	w.bg.Refresh()
	w.text.Refresh()
}
