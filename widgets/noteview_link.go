package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A link to a note is drawn the way chip_overlay.go draws chips and highlights: each word is
// a TextSegment that RichText wraps like any text, followed by a zero-width overlaySegment
// whose visual (a linkWord) lies over the word. Fyne's own HyperlinkSegment wraps
// too, but its visual tells nobody when the pointer rests on it, and a link has to: resting
// on it for a moment shows a preview of the note it points at (preview.go).

// linkRef is one link of a rendered note, shared by the words it is drawn as.
type linkRef struct {
	// path and fragment are where a link to a note of the vault goes; path is "" for a link
	// to a note that does not exist yet, which is called name.
	path, fragment, name string
	// footnote, when not 0, makes this a footnote reference: tapping it scrolls to the
	// footnote, resting on it shows the footnote.
	footnote int
	act      *noteActions
	// words are the live widgets of the link's words, by index, so that the whole link
	// underlines when the pointer is on any word of it.
	words   []*linkWord
	hovered bool
}

// resolved reports whether the link goes to a file of the vault.
func (l *linkRef) resolved() bool { return l.path != "" }

func (l *linkRef) open() {
	if l.footnote != 0 {
		l.act.scrollToRow(l.act.footnotes[l.footnote])
		return
	}
	if l.resolved() {
		l.act.openLink(l.path, l.fragment)
	} else {
		l.act.openUnresolved(l.name)
	}
}

// setHovered underlines the link's words, or ends that.
func (l *linkRef) setHovered(on bool) {
	if l.hovered == on {
		return
	}
	l.hovered = on
	for _, w := range l.words {
		if w != nil {
			w.Refresh()
		}
	}
}

// noteLinkWords appends a link to the file at target of the vault (fragment is its heading or
// ^block, "" for none), in the link colour.
func (r *noteRenderer) noteLinkWords(label, target, fragment string, st inlineStyle, f *noteFlow) {
	look := st
	look.color = theme.ColorNameHyperlink
	linkWords(label, &linkRef{path: target, fragment: fragment, act: r.act}, look, st, f)
}

// linkWords appends the words of label in the style look, each with the overlaySegment that
// makes it a part of link; text after it continues in the style after.
func linkWords(label string, link *linkRef, look, after inlineStyle, f *noteFlow) {
	style := look.text()
	words := strings.Fields(label)
	if len(words) == 0 {
		return
	}
	link.words = make([]*linkWord, len(words))
	for i, w := range words {
		if i > 0 {
			f.add(&widget.TextSegment{Style: style, Text: " "})
		}
		f.add(&widget.TextSegment{Style: style, Text: w})
		f.add(&overlaySegment{kind: overlayLink, link: link, index: i, text: w, last: i == len(words)-1, style: style.TextStyle, size: style.SizeName})
	}
	f.trail(after.text())
}

// linkWord is the visual of an overlayLink. The first word of a link takes the keyboard
// focus (Tab), as Fyne's hyperlinks do; the others do not, so Tab stops once per link.
func (s *overlaySegment) linkWord() fyne.Widget {
	w := &linkWord{link: s.link}
	w.self = w
	if s.index == 0 {
		fw := &focusLinkWord{linkWord: w}
		w.self = fw
	}
	w.ExtendBaseWidget(w.self)
	if s.index < len(s.link.words) {
		s.link.words[s.index] = w
	}
	return w.self
}

// linkWord is the tappable, hoverable area over one word of a link. It draws only the
// underline of a link under the pointer (a missing note's link is always underlined) and the
// focus ring.
type linkWord struct {
	widget.BaseWidget
	link *linkRef
	// self is the widget in the canvas: this linkWord, or the focusLinkWord holding it.
	self    fyne.Widget
	focused bool
}

// Tapped opens the link.
func (w *linkWord) Tapped(*fyne.PointEvent) { w.link.open() }

// Cursor implements desktop.Cursorable: a hand, as over any link.
func (w *linkWord) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn underlines the link and starts the wait for its preview.
func (w *linkWord) MouseIn(e *desktop.MouseEvent) {
	l := w.link
	l.setHovered(true)
	l.act.hoverLink(l, w.self, e.AbsolutePosition)
}

// MouseMoved implements desktop.Hoverable.
func (w *linkWord) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the underline; the preview closes unless the pointer comes back or goes into
// it.
func (w *linkWord) MouseOut() {
	l := w.link
	l.setHovered(false)
	l.act.leaveLink(l)
}

// CreateRenderer implements fyne.Widget.
func (w *linkWord) CreateRenderer() fyne.WidgetRenderer {
	r := &linkWordRenderer{w: w, under: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent)}
	r.ring.StrokeWidth = 1
	r.Refresh()
	return r
}

type linkWordRenderer struct {
	w           *linkWord
	under, ring *canvas.Rectangle
}

func (r *linkWordRenderer) Destroy() {}

func (r *linkWordRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.under, r.ring}
}

func (r *linkWordRenderer) Layout(size fyne.Size) {
	r.under.Move(fyne.NewPos(0, size.Height-1))
	r.under.Resize(fyne.NewSize(size.Width, 1))
	r.ring.Move(fyne.NewPos(-1, 0))
	r.ring.Resize(fyne.NewSize(size.Width+2, size.Height))
}

func (r *linkWordRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *linkWordRenderer) Refresh() {
	w := r.w
	th := w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	l := w.link
	r.under.FillColor = th.Color(theme.ColorNameHyperlink, v)
	r.under.Hidden = !l.resolved() || !(l.hovered || w.focused)
	r.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
	r.ring.Hidden = !w.focused
	r.Layout(w.Size())
	// The lines start hidden: the canvas only learns of them through their widget.
	canvas.Refresh(w.self)
}

// focusLinkWord is the first word of a link: it takes the keyboard focus, and Space or
// Return opens the link.
type focusLinkWord struct {
	*linkWord
}

// CreateRenderer implements fyne.Widget.
func (w *focusLinkWord) CreateRenderer() fyne.WidgetRenderer { return w.linkWord.CreateRenderer() }

// FocusGained implements fyne.Focusable.
func (w *focusLinkWord) FocusGained() {
	w.focused = true
	w.Refresh()
}

// FocusLost implements fyne.Focusable.
func (w *focusLinkWord) FocusLost() {
	w.focused = false
	w.Refresh()
}

// TypedRune implements fyne.Focusable.
func (w *focusLinkWord) TypedRune(rune) {}

// TypedKey opens the link on Space or Return; the note takes the other keys, so that they
// scroll it while a link has the focus as they do while the note has it.
func (w *focusLinkWord) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		w.link.open()
	default:
		if v := w.link.act.view; v != nil {
			v.TypedKey(e)
		}
	}
}

// TypedShortcut implements fyne.Shortcutable: the note takes Ctrl+Home and Ctrl+End and hands
// the other shortcuts to the window.
func (w *focusLinkWord) TypedShortcut(s fyne.Shortcut) {
	if v := w.link.act.view; v != nil {
		v.TypedShortcut(s)
	} else if c, ok := fyne.CurrentApp().Driver().CanvasForObject(w.self).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}
