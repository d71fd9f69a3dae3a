package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's RichText wraps and baseline-aligns only its own text and hyperlink segments; any
// other inline object sits a line too low and never wraps (fyne issue #3393). Chips,
// highlights, task boxes and the words of links (noteview_link.go) are therefore made of two
// segments:
//
//  1. a TextSegment that RichText wraps and aligns like any text (for a chip, a transparent
//     placeholder as wide as the pill; for a link, the word itself), then
//  2. a zero-width inline segment whose visual is a container with a hidden *widget.Hyperlink
//     first: RichText aligns such a container on the text baseline (it measures the link's
//     text). The container draws its second object to its left, over the text of (1).
//
// A zero-width segment is never the last of a RichText row (an empty TextSegment follows
// it), because RichText lays a row's last non-text object out as a block.

// overlayLayout puts the container's second object over the text just before it.
type overlayLayout struct {
	// text, style and size are those of the TextSegment the overlay covers.
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	// spaceAfter stretches the object over the space after the text too: a link's word and
	// the space to its next word, so that the pointer moving along a link never leaves it.
	spaceAfter bool
	owner      fyne.Widget // for theme lookups
}

// Layout implements fyne.Layout.
func (l *overlayLayout) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	size := theme.SizeForWidget(l.size, l.owner)
	s := fyne.MeasureText(l.text, size, l.style)
	objects[1].Move(fyne.NewPos(-s.Width, 0))
	if l.spaceAfter {
		s.Width += fyne.MeasureText(" ", size, l.style).Width
	}
	objects[1].Resize(s)
}

// MinSize implements fyne.Layout: the overlay takes no room of its own in the row.
func (l *overlayLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.Size{}
}

// newOverlay is the visual of a zero-width segment drawing obj over the preceding text.
func newOverlay(text string, style fyne.TextStyle, size fyne.ThemeSizeName, obj fyne.Widget) *fyne.Container {
	// The hidden link is only read by RichText's row layout, for its text metrics; its text
	// is empty so the container is as wide as nothing and as tall as a line of this style.
	marker := &widget.Hyperlink{TextStyle: style, SizeName: size}
	marker.Hidden = true
	return &fyne.Container{
		Layout:  &overlayLayout{text: text, style: style, size: size, owner: obj},
		Objects: []fyne.CanvasObject{marker, obj},
	}
}

// overlayKind says what an overlaySegment draws.
type overlayKind uint8

const (
	// overlayMark draws a word of ==highlighted== text on its highlight: the word's own
	// segment is a placeholder under it.
	overlayMark overlayKind = iota
	// overlayBox draws the read-only box of a task list item over blank space.
	overlayBox
	// overlayChip draws a timestamp chip (chip.go) over its placeholder.
	overlayChip
	// overlayLink lies over a word of a link and the space after it (noteview_link.go).
	overlayLink
	// overlayMath draws a formula inside a line over its placeholder (math.go).
	overlayMath
)

// overlaySegment is a zero-width segment drawing over the text segment just before it: a
// highlight, a task box, a timestamp chip or a word of a link.
type overlaySegment struct {
	unselectable
	kind  overlayKind
	text  string // the text covered
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	// checked is the state of an overlayBox.
	checked bool

	// An overlayChip's placeholder (the text covered), label ("▶ 18:28"), time alone (for
	// Copy timestamp), video address ("" for none) and actions.
	placeholder *widget.TextSegment
	label       string
	clock       string
	url         string
	act         *noteActions

	// An overlayLink's link, which word of it this is, and whether it is the last (no space
	// after it belongs to the link).
	link  *linkRef
	index int
	last  bool

	// An overlayMath's formula, and how much smaller than its text size it is drawn.
	tex    string
	shrink float32
}

// Inline implements widget.RichTextSegment.
func (s *overlaySegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment: the text covered is the preceding segment.
func (s *overlaySegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (s *overlaySegment) Visual() fyne.CanvasObject {
	var w fyne.Widget
	switch s.kind {
	case overlayBox:
		w = newTaskBox(s)
	case overlayChip:
		c := newTimeChip()
		s.showChip(c)
		w = c
	case overlayLink:
		w = s.linkWord()
	case overlayMath:
		w = newInlineMathView(s)
	default:
		w = newMarkWord(s)
	}
	c := newOverlay(s.text, s.style, s.size, w)
	c.Layout.(*overlayLayout).spaceAfter = s.kind == overlayLink && !s.last
	return c
}

// Update implements widget.RichTextSegment.
func (s *overlaySegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*overlayLayout)
	l.text, l.style, l.size, l.spaceAfter = s.text, s.style, s.size, s.kind == overlayLink && !s.last
	if chip, ok := c.Objects[1].(*timeChip); ok && s.kind == overlayChip {
		s.showChip(chip)
	}
	if m, ok := c.Objects[1].(*inlineMathView); ok && s.kind == overlayMath {
		m.seg = s
	}
	c.Objects[1].Refresh()
}

// markWord is one word of highlighted text: an opaque highlight with the word drawn on it,
// exactly where the placeholder word under it is.
type markWord struct {
	widget.BaseWidget
	seg  *overlaySegment
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newMarkWord(s *overlaySegment) *markWord {
	m := &markWord{seg: s, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText(s.text, color.Black)}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer implements fyne.Widget.
func (m *markWord) CreateRenderer() fyne.WidgetRenderer {
	r := &markWordRenderer{m: m}
	r.Refresh()
	return r
}

type markWordRenderer struct{ m *markWord }

func (r *markWordRenderer) Destroy() {}

func (r *markWordRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.m.bg, r.m.text}
}

func (r *markWordRenderer) Layout(size fyne.Size) {
	r.m.bg.Move(fyne.NewPos(0, 0))
	r.m.bg.Resize(size)
	r.m.text.Move(fyne.NewPos(0, 0))
	r.m.text.Resize(size)
}

func (r *markWordRenderer) MinSize() fyne.Size { return r.m.text.MinSize() }

func (r *markWordRenderer) Refresh() {
	m := r.m
	th := m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	m.bg.FillColor = blend(th.Color(theme.ColorNameBackground, v), markColor, 0.4)
	m.text.Text = m.seg.text
	m.text.TextStyle = m.seg.style
	m.text.TextSize = th.Size(m.seg.size)
	m.text.Color = th.Color(theme.ColorNameForeground, v)
	m.bg.Refresh()
	m.text.Refresh()
}

// markColor is the colour of a highlighter pen.
var markColor = color.NRGBA{R: 0xff, G: 0xd2, B: 0x00, A: 0xff}

// highlight appends ==highlighted== text, a word (or the space between words) at a time, so
// that it wraps like any text.
func highlight(text string, st widget.RichTextStyle, f *noteFlow) {
	for text != "" {
		i := strings.IndexAny(text, " \n")
		switch {
		case i == 0 && text[0] == '\n':
			f.text("\n", st)
			text = text[1:]
			continue
		case i == 0:
			i = 1
		case i < 0:
			i = len(text)
		}
		word := text[:i]
		text = text[i:]
		if f.atBreak() && word == " " {
			continue
		}
		f.add(&widget.TextSegment{Style: st, Text: word})
		f.add(&overlaySegment{kind: overlayMark, text: word, style: st.TextStyle, size: st.SizeName})
	}
	f.trail(widget.RichTextStyle{Inline: true, SizeName: st.SizeName, ColorName: theme.ColorNameForeground})
}

// taskBox draws a task list item's box, checked or not; it is not a control.
type taskBox struct {
	widget.BaseWidget
	seg  *overlaySegment
	icon *canvas.Image
}

func newTaskBox(s *overlaySegment) *taskBox {
	b := &taskBox{seg: s, icon: canvas.NewImageFromResource(nil)}
	b.icon.FillMode = canvas.ImageFillContain
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *taskBox) CreateRenderer() fyne.WidgetRenderer {
	r := &taskBoxRenderer{b: b}
	r.Refresh()
	return r
}

type taskBoxRenderer struct{ b *taskBox }

func (r *taskBoxRenderer) Destroy() {}

func (r *taskBoxRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.icon} }

func (r *taskBoxRenderer) Layout(size fyne.Size) {
	side := min(size.Height, size.Width)
	r.b.icon.Resize(fyne.NewSquareSize(side))
	r.b.icon.Move(fyne.NewPos((size.Width-side)/2, (size.Height-side)/2))
}

func (r *taskBoxRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *taskBoxRenderer) Refresh() {
	if r.b.seg.checked {
		r.b.icon.Resource = theme.NewPrimaryThemedResource(theme.CheckButtonCheckedIcon())
	} else {
		r.b.icon.Resource = theme.CheckButtonIcon()
	}
	r.b.icon.Refresh()
}

// taskMarker appends the read-only box that starts a task list item.
func taskMarker(indent string, checked bool, f *noteFlow) {
	if indent != "" {
		f.add(&widget.TextSegment{Style: widget.RichTextStyleInline, Text: indent})
	}
	st := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground, TextStyle: chipStyle}
	const blank = "  " // two cells of monospace: room for the box, and no ink under it
	f.add(&widget.TextSegment{Style: st, Text: blank})
	f.add(&overlaySegment{kind: overlayBox, text: blank, style: st.TextStyle, size: st.SizeName, checked: checked})
	f.add(&widget.TextSegment{Style: widget.RichTextStyleInline, Text: " "})
}

// unresolvedLink appends a link to a note that does not exist yet, called name: dimmed,
// underlined words that are one link (linkWords), the same in the body, the header and an
// embed: a click offers to create the note, the pointer resting on it previews it, Tab
// reaches it.
func unresolvedLink(label, name string, st inlineStyle, act *noteActions, f *noteFlow) {
	look := st
	look.color = theme.ColorNamePlaceHolder
	look.style.Underline = true
	linkWords(label, &linkRef{name: name, act: act}, look, st, f)
}

// trail appends the empty text that must follow a zero-width segment; text of the same style
// that follows joins it.
func (f *noteFlow) trail(st widget.RichTextStyle) {
	f.flush()
	t := &widget.TextSegment{Style: st}
	f.segs = append(f.segs, t)
	f.last = t
}
