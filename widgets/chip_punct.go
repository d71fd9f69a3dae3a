package widgets

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Punctuation right after a chip ("… at ▶ 18:28." or "▶ 18:28), then") must stay on the
// chip's line. RichText wraps each text segment on its own and may break between any two
// segments: left in the text that follows the chip, the punctuation started the next line
// whenever the chip only just fitted. A custom inline segment, though, is never wrapped (fyne
// issue #3393): it stays on the row of whatever precedes it. So the punctuation is taken out
// of that text and drawn by such a segment right after the chip, and an empty one before the
// chip's placeholder reserves its width, so that RichText moves the placeholder to the next
// line unless chip and punctuation both fit:
//
//	[reserve] [placeholder "_▶_18:28_"] [chip] [punctuation ". "] [text "And so on"]
//
// The spaces after the punctuation go with it: the text that follows must not start with a
// space, since RichText keeps that space at the start of the next line when the text's first
// word wraps.
//
// Both segments are containers whose first object is a hidden *widget.Hyperlink holding the
// punctuation (the reserve: nothing), as in chip_overlay.go: RichText takes such a container's
// width and baseline from the link's text, so the punctuation is drawn where the text would
// have put it, in its style. Neither segment ever ends a row: text follows both.

// maxChipPunct is the most punctuation kept with a chip, in characters.
const maxChipPunct = 8

// closingPunct returns how many bytes at the start of s are punctuation that must not start
// a line: full stops, commas, closing brackets and quotes and the like.
func closingPunct(s string) int {
	n := 0
	for i := 0; i < maxChipPunct && n < len(s); i++ {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isClosingPunct(r) {
			break
		}
		n += size
	}
	return n
}

func isClosingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '…', '’', '”', '»', '›',
		'。', '、', '，', '．', '：', '；', '！', '？', '）', '］', '」', '』', '】':
		return true
	}
	return false
}

// chipPunct keeps the closing punctuation at the start of s, text about to follow a chip in
// style st, with that chip, and the spaces after it; a line break that comes next ends the
// text after the chip. It returns the rest of s. Text in another place is returned as it
// is, and so is punctuation in a code span.
func (f *noteFlow) chipPunct(s string, st widget.RichTextStyle) string {
	n := len(f.segs)
	// Right after addChip the flow ends with the placeholder, the chip and the empty text
	// that follows it; once the punctuation is kept, with the chip, the punctuation and
	// that text.
	if n < 3 || f.last == nil || f.last.Text != "" || f.run.Len() > 0 || f.segs[n-1] != widget.RichTextSegment(f.last) {
		return s
	}
	switch prev := f.segs[n-2].(type) {
	case *overlaySegment:
		if prev.kind != overlayChip || f.segs[n-3] != widget.RichTextSegment(prev.placeholder) {
			return s
		}
		if k := closingPunct(s); k > 0 && st.Inline && !st.TextStyle.Monospace {
			for k < len(s) && s[k] == ' ' {
				k++
			}
			drawn, trail := &punctSegment{text: s[:k], style: st}, f.last
			f.segs = append(f.segs[:n-3], &punctSegment{style: st, drawn: drawn}, prev.placeholder, prev, drawn, trail)
			s = s[k:]
		}
	case *punctSegment:
		if prev.reserve() {
			return s
		}
	default:
		return s
	}
	if strings.HasPrefix(s, "\n") {
		// A line break right after the chip ends the text that follows it, and the next
		// line starts a text of its own: RichText wraps every line of a text that starts
		// with a line break into the room left on the first line ("The end." after a chip
		// near the end of a line became "The" / "end.", or moved a line further down).
		f.trimRight()
		f.last.Text = "\n"
		f.last = nil
		s = s[1:]
	}
	return s
}

// trimChipPunct drops the spaces kept with a chip's punctuation when nothing follows them
// (segs end with the punctuation and the empty text after it): they end a paragraph or a
// line.
func trimChipPunct(segs []widget.RichTextSegment) {
	n := len(segs)
	if n < 2 {
		return
	}
	if t, ok := segs[n-1].(*widget.TextSegment); !ok || t.Text != "" {
		return
	}
	if p, ok := segs[n-2].(*punctSegment); ok && p.drawn == nil {
		p.text = strings.TrimRight(p.text, " ")
	}
}

// punctSegment is punctuation kept on a chip's line: drawn after the chip, or reserved
// before the chip's placeholder.
type punctSegment struct {
	unselectable
	text  string // the punctuation drawn; "" on a reserve
	style widget.RichTextStyle
	// drawn is set on the reserve before the placeholder, to the segment drawn after the
	// chip: the reserve draws nothing and takes no room in its row, but RichText counts the
	// width of drawn's text (the reserve's MinSize) when it wraps the placeholder after it.
	drawn *punctSegment
}

// reserve reports whether s is the reserve before a chip's placeholder.
func (s *punctSegment) reserve() bool { return s.drawn != nil }

// punct is the punctuation s draws or reserves room for.
func (s *punctSegment) punct() string {
	if s.drawn != nil {
		return s.drawn.text
	}
	return s.text
}

// Inline implements widget.RichTextSegment.
func (s *punctSegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment: the punctuation, once.
func (s *punctSegment) Textual() string { return s.text }

// Visual implements widget.RichTextSegment.
func (s *punctSegment) Visual() fyne.CanvasObject {
	marker := &widget.Hyperlink{}
	marker.Hidden = true
	c := &fyne.Container{Layout: &punctLayout{seg: s, owner: marker}, Objects: []fyne.CanvasObject{marker, canvas.NewText("", nil)}}
	s.Update(c)
	return c
}

// Update implements widget.RichTextSegment.
func (s *punctSegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*punctLayout)
	l.seg = s
	marker := c.Objects[0].(*widget.Hyperlink)
	marker.TextStyle, marker.SizeName = s.style.TextStyle, s.size()
	text := c.Objects[1].(*canvas.Text)
	text.Hidden = s.reserve()
	if s.reserve() {
		// Nothing to draw, and no room in the row: only MinSize counts the punctuation.
		marker.Text = ""
		return
	}
	marker.Text = s.text
	text.Text = s.text
	text.TextStyle = s.style.TextStyle
	text.TextSize = theme.SizeForWidget(s.size(), l.owner)
	name := s.style.ColorName
	if name == "" {
		name = theme.ColorNameForeground
	}
	text.Color = theme.ColorForWidget(name, l.owner)
	text.Refresh()
}

// size is the theme size name of the punctuation.
func (s *punctSegment) size() fyne.ThemeSizeName {
	if s.style.SizeName == "" {
		return theme.SizeNameText
	}
	return s.style.SizeName
}

// punctLayout draws the punctuation in the room RichText gives the container.
type punctLayout struct {
	seg   *punctSegment
	owner fyne.Widget // for theme lookups
}

// Layout implements fyne.Layout.
func (l *punctLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[1].Move(fyne.NewPos(0, 0))
	objects[1].Resize(size)
}

// MinSize implements fyne.Layout: RichText wraps by it. The reserve counts the punctuation
// before the placeholder; the one drawn counts it again, since the placeholder may have
// moved to the next line without its reserve: text after a chip may wrap a few pixels early,
// it never runs past the edge. The one drawn also has the height of its text.
func (l *punctLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := fyne.MeasureText(l.seg.punct(), theme.SizeForWidget(l.seg.size(), l.owner), l.seg.style.TextStyle)
	if l.seg.reserve() {
		s.Height = 0
	}
	return s
}
