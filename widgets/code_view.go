package widgets

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"
)

// codeSegment is a fenced or indented code block in a note: its lines, coloured when its
// language is one chroma knows (see highlightCode), on a panel with the language's name and
// a button that copies the block. A long block is cut into parts of whole lines for the
// render limit (splitCode); every part keeps the whole block's text for the copy button, and
// only the first shows the header.
type codeSegment struct {
	unselectable
	// lang is the fence's language as written ("" for none); lines are the part's lines.
	lang  string
	lines [][]codeSpan
	// text is the part's text, whole the whole block's; first says this is its first part.
	text, whole string
	first       bool
	// note is said in the header after the language: why a diagram is shown as its source.
	note string
}

// newCodeSegment makes the segment of a block of text written in lang.
func newCodeSegment(lang, text string) *codeSegment {
	lines := highlightCode(lang, text)
	if lines == nil {
		for line := range strings.SplitSeq(text, "\n") {
			lines = append(lines, []codeSpan{{text: line, kind: chroma.Text}})
		}
	}
	return &codeSegment{lang: strings.TrimSpace(lang), lines: lines, text: text, whole: text, first: true}
}

// split cuts the segment into parts of at most n lines.
func (s *codeSegment) split(n int) []*codeSegment {
	var out []*codeSegment
	for i := 0; i < len(s.lines); i += n {
		part := s.lines[i:min(i+n, len(s.lines))]
		out = append(out, &codeSegment{lang: s.lang, lines: part, text: linesText(part), whole: s.whole, first: i == 0 && s.first, note: s.note})
	}
	return out
}

func linesText(lines [][]codeSpan) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, sp := range l {
			b.WriteString(sp.text)
		}
	}
	return b.String()
}

// Inline implements widget.RichTextSegment.
func (s *codeSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment.
func (s *codeSegment) Textual() string { return s.text }

// Visual implements widget.RichTextSegment.
func (s *codeSegment) Visual() fyne.CanvasObject { return newCodeView(s) }

// Update implements widget.RichTextSegment.
func (s *codeSegment) Update(o fyne.CanvasObject) {
	if v, ok := o.(*codeView); ok && v.seg != s {
		v.seg = s
		v.Refresh()
	}
}

// codeView draws a code segment: a bordered panel, the header (the language's name and the
// copy button) on the first part, and the lines, scrolled sideways when wider than the note.
type codeView struct {
	widget.BaseWidget
	seg    *codeSegment
	button *iconButton // the copy button, once drawn
}

func newCodeView(s *codeSegment) *codeView {
	v := &codeView{seg: s}
	v.ExtendBaseWidget(v)
	return v
}

// copyText puts the whole block on the clipboard, and shows a tick on the button for a
// moment to say so.
func (v *codeView) copyText() {
	if a := fyne.CurrentApp(); a != nil {
		a.Clipboard().SetContent(v.seg.whole)
	}
	if b := v.button; b != nil {
		b.setIcon(theme.ConfirmIcon())
		time.AfterFunc(copiedFor, func() { uiDo(func() { b.setIcon(theme.ContentCopyIcon()) }) })
	}
}

// copiedFor is how long the copy button shows its tick.
const copiedFor = 1500 * time.Millisecond

func (v *codeView) CreateRenderer() fyne.WidgetRenderer {
	r := &codeViewRenderer{v: v, bg: canvas.NewRectangle(color.Transparent), lang: canvas.NewText("", color.Black)}
	r.lines = &codeLines{}
	r.lines.ExtendBaseWidget(r.lines)
	r.scroll = container.NewHScroll(r.lines)
	r.copy = newIconButton(theme.ContentCopyIcon(), v.copyText)
	v.button = r.copy
	r.Refresh()
	return r
}

type codeViewRenderer struct {
	v      *codeView
	bg     *canvas.Rectangle
	lang   *canvas.Text
	copy   *iconButton
	lines  *codeLines
	scroll *container.Scroll
}

func (r *codeViewRenderer) Destroy() {}

func (r *codeViewRenderer) Objects() []fyne.CanvasObject {
	if r.v.seg.first {
		return []fyne.CanvasObject{r.bg, r.scroll, r.lang, r.copy}
	}
	return []fyne.CanvasObject{r.bg, r.scroll}
}

// header is the height of the header row, the language's name and the copy button, on the
// first part only: an inline icon's, as small as the button can be and still be hit.
func (r *codeViewRenderer) header() float32 {
	if !r.v.seg.first {
		return 0
	}
	return theme.SizeForWidget(theme.SizeNameInlineIcon, r.v) + r.pad()/2
}

func (r *codeViewRenderer) pad() float32 { return theme.SizeForWidget(theme.SizeNameInnerPadding, r.v) }

func (r *codeViewRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad, head := r.pad(), r.header()
	if r.v.seg.first {
		icon := theme.SizeForWidget(theme.SizeNameInlineIcon, r.v)
		r.copy.Resize(fyne.NewSquareSize(icon))
		r.copy.Move(fyne.NewPos(size.Width-icon-pad/2, pad/4))
		l := r.lang.MinSize()
		r.lang.Resize(l)
		r.lang.Move(fyne.NewPos(pad, (head-l.Height)/2))
	}
	// Half a padding above the lines, a whole one below them: descenders need the room.
	r.scroll.Move(fyne.NewPos(pad, head+pad/2))
	r.scroll.Resize(fyne.NewSize(size.Width-2*pad, size.Height-head-1.5*pad))
}

func (r *codeViewRenderer) MinSize() fyne.Size {
	lines := r.lines.MinSize()
	// The height is the lines' and, when they are wider than the note, the scroll bar's,
	// which Fyne draws over the content: no room is kept for it.
	return fyne.NewSize(2*r.pad()+theme.SizeForWidget(theme.SizeNameScrollBar, r.v), r.header()+lines.Height+1.5*r.pad())
}

func (r *codeViewRenderer) Refresh() {
	v := r.v
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, variant)
	r.bg.FillColor = blend(bg, th.Color(theme.ColorNameForeground, variant), 0.04)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, variant)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.lang.Text = v.seg.lang
	if v.seg.note != "" {
		r.lang.Text += " · " + v.seg.note
	}
	r.lang.TextSize = th.Size(theme.SizeNameCaptionText)
	r.lang.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	r.lines.seg = v.seg
	r.lines.style = lightCode
	if isDark(bg) {
		r.lines.style = darkCode
	}
	r.lines.Refresh()
	r.bg.Refresh()
	r.lang.Refresh()
	r.copy.Refresh()
	r.Layout(v.Size())
}

// iconButton is an icon that acts when tapped, drawn on a faint square while the pointer is
// over it: a button for tight places (Fyne's own is as tall as a line of widgets).
type iconButton struct {
	widget.BaseWidget
	icon    fyne.Resource
	tapped  func()
	hovered bool
}

func newIconButton(icon fyne.Resource, tapped func()) *iconButton {
	b := &iconButton{icon: icon, tapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped implements fyne.Tappable.
func (b *iconButton) Tapped(*fyne.PointEvent) { b.tapped() }

// Cursor implements desktop.Cursorable.
func (b *iconButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn implements desktop.Hoverable.
func (b *iconButton) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (b *iconButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (b *iconButton) MouseOut() { b.hovered = false; b.Refresh() }

func (b *iconButton) setIcon(icon fyne.Resource) {
	b.icon = icon
	b.Refresh()
}

func (b *iconButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	img := widget.NewIcon(b.icon)
	r := &iconButtonRenderer{b: b, bg: bg, img: img}
	r.Refresh()
	return r
}

type iconButtonRenderer struct {
	b   *iconButton
	bg  *canvas.Rectangle
	img *widget.Icon
}

func (r *iconButtonRenderer) Destroy()                     {}
func (r *iconButtonRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.img} }
func (r *iconButtonRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.SizeForWidget(theme.SizeNameInlineIcon, r.b))
}

func (r *iconButtonRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.img.Resize(size)
}

func (r *iconButtonRenderer) Refresh() {
	th := r.b.Theme()
	r.bg.FillColor = color.Transparent
	if r.b.hovered {
		r.bg.FillColor = th.Color(theme.ColorNameHover, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Refresh()
	r.img.SetResource(r.b.icon)
}

// codeLines draws the lines of a code segment in the theme's monospace font, each span in
// its token's colour.
type codeLines struct {
	widget.BaseWidget
	seg   *codeSegment
	style codeColours
}

func (l *codeLines) CreateRenderer() fyne.WidgetRenderer { return newDrawnRenderer(l, l.draw) }

// draw makes one text object per span, placed by measuring what comes before it on its line
// (the font is monospace, but a line may hold wide characters). Spans differ only in
// colour: Fyne's monospace font has no bold or italic faces.
func (l *codeLines) draw() ([]fyne.CanvasObject, fyne.Size) {
	if l.seg == nil {
		return nil, fyne.Size{}
	}
	th := l.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, variant)
	size := th.Size(theme.SizeNameText)
	mono := fyne.TextStyle{Monospace: true}
	lineHeight := fyne.MeasureText("M", size, mono).Height
	var texts []fyne.CanvasObject
	var width float32
	for i, line := range l.seg.lines {
		var x float32
		y := float32(i) * lineHeight
		for _, sp := range line {
			col, ok := l.style.of(sp.kind)
			if !ok || sp.kind == chroma.Text || sp.kind == chroma.TextWhitespace {
				col = fg // text that is no token of the language reads as the note's text
			}
			t := canvas.NewText(sp.text, col)
			t.TextSize = size
			t.TextStyle = mono
			w := fyne.MeasureText(sp.text, size, mono).Width
			t.Move(fyne.NewPos(x, y))
			t.Resize(fyne.NewSize(w, lineHeight))
			texts = append(texts, t)
			x += w
		}
		width = max(width, x)
	}
	return texts, fyne.NewSize(width, float32(len(l.seg.lines))*lineHeight)
}
