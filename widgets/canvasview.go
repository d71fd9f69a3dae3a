package widgets

import (
	"image"
	"image/color"
	"math"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault/jsoncanvas"
)

// CanvasView shows a board of Obsidian's Canvas (issue #16, item 3) on a plane the reader
// pans (drag, arrow keys, the wheel with Shift) and zooms (the wheel, + and -, 0 to fit the
// whole board). Cards are drawn as their kind asks: a text card's Markdown rendered as a
// note (canvas_card.go; zoomed out, as lines that read as it does), a file card with the note's
// title and first lines (a click opens it), a link card with its address (a click opens it
// outside), a group as a labelled frame under its cards; edges join the sides they name,
// with arrowheads, labels and colours.
//
// Only what is in view is drawn, from pools of objects kept between frames, so a board of
// 10,000 cards pans as fast as one of ten.
type CanvasView struct {
	widget.BaseWidget

	// OnOpenNote is called when a file card is clicked, with the file's vault path and the
	// #heading or #^block it shows ("" for none).
	OnOpenNote func(path, fragment string)
	// OnOpenURL is called when a link card is clicked.
	OnOpenURL func(u *url.URL)
	// OnPanned, when set, is told at the end of each drag how many frames the window
	// painted while the board moved, and over how long: the frame rate the reader saw.
	OnPanned func(frames int, took time.Duration)
	// RenderText renders a text card's Markdown as a note of the board's folder; it is called
	// off the UI goroutine. Nil draws text cards as lines of text at every zoom.
	RenderText func(text string) *RenderedNote

	board *jsoncanvas.Board
	byID  map[string]*jsoncanvas.Node
	files map[string]CanvasFile
	// The view shows the board from (x0, y0) at scale: a board point p is drawn at
	// (p - origin) * scale.
	x0, y0, scale float64
	fitted        bool
	// text is a text card's lines, made once per card.
	text map[int][]canvasLine
	// rendered are the text cards rendered by RenderText so far, by node; pending those
	// being rendered.
	rendered map[int]*RenderedNote
	pending  map[int]bool
	// async runs RenderText's work; tests replace it.
	async func(func())
	// panStart is when the drag under way began (zero for none); painted counts the frames
	// painted since.
	panStart time.Time
	painted  atomic.Int64
}

// CanvasFile is what a file card shows of its file: the note's title and first lines, or
// why it cannot be shown.
type CanvasFile struct {
	Path, Title string
	Lines       []string
	Missing     bool
	// Image is the picture of an image file, drawn to fit the card.
	Image fyne.Resource
}

// canvasLine is a line of a card as drawn: its text, and whether it is a heading.
type canvasLine struct {
	text    string
	heading bool
}

// NewCanvasView returns an empty board.
func NewCanvasView() *CanvasView {
	v := &CanvasView{scale: 1, async: func(f func()) { go f() }}
	v.ExtendBaseWidget(v)
	return v
}

// SetBoard shows b; files gives what each file card shows, by the file named in the board.
// The view fits the whole board.
func (v *CanvasView) SetBoard(b *jsoncanvas.Board, files map[string]CanvasFile) {
	v.board, v.files, v.text = b, files, map[int][]canvasLine{}
	v.rendered, v.pending = map[int]*RenderedNote{}, map[int]bool{}
	v.byID = make(map[string]*jsoncanvas.Node, len(b.Nodes))
	for i := range b.Nodes {
		v.byID[b.Nodes[i].ID] = &b.Nodes[i]
	}
	v.fitted = false
	v.Fit()
}

// Fit zooms and pans so that the whole board is in view.
func (v *CanvasView) Fit() {
	s := v.Size()
	if v.board == nil || s.Width <= 0 || s.Height <= 0 {
		return
	}
	v.fitted = true
	x, y, w, h := v.board.Bounds()
	const margin = 40
	v.scale = min(float64(s.Width-2*margin)/max(w, 1), float64(s.Height-2*margin)/max(h, 1))
	v.scale = min(max(v.scale, minCanvasScale), 1.5)
	v.x0 = x + w/2 - float64(s.Width)/2/v.scale
	v.y0 = y + h/2 - float64(s.Height)/2/v.scale
	v.Refresh()
}

const (
	minCanvasScale = 0.005
	maxCanvasScale = 4
)

// Zoom scales the view by f around the view point at (a point of the board stays put).
func (v *CanvasView) Zoom(f float64, at fyne.Position) {
	ns := min(max(v.scale*f, minCanvasScale), maxCanvasScale)
	bx := v.x0 + float64(at.X)/v.scale
	by := v.y0 + float64(at.Y)/v.scale
	v.scale = ns
	v.x0 = bx - float64(at.X)/ns
	v.y0 = by - float64(at.Y)/ns
	v.Refresh()
}

// Pan moves the view by d pixels of the screen.
func (v *CanvasView) Pan(dx, dy float32) {
	v.x0 -= float64(dx) / v.scale
	v.y0 -= float64(dy) / v.scale
	v.Refresh()
}

// Scale is the zoom: screen pixels per board pixel.
func (v *CanvasView) Scale() float64 { return v.scale }

// ToScreen is where the board point (x, y) is drawn in the view.
func (v *CanvasView) ToScreen(x, y float64) fyne.Position {
	return fyne.NewPos(float32((x-v.x0)*v.scale), float32((y-v.y0)*v.scale))
}

// Resize implements fyne.CanvasObject: the first size fits the board.
func (v *CanvasView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	if !v.fitted {
		v.Fit()
	}
}

// Scrolled implements fyne.Scrollable: the wheel zooms around the pointer; with Shift it
// pans.
func (v *CanvasView) Scrolled(e *fyne.ScrollEvent) {
	if shiftHeld() {
		v.Pan(e.Scrolled.DX, e.Scrolled.DY)
		return
	}
	v.Zoom(math.Pow(1.0015, float64(e.Scrolled.DY)), e.Position)
}

// Dragged implements fyne.Draggable: the board follows the pointer.
func (v *CanvasView) Dragged(e *fyne.DragEvent) {
	if v.panStart.IsZero() {
		v.panStart = time.Now()
		v.painted.Store(0)
	}
	v.Pan(e.Dragged.DX, e.Dragged.DY)
}

// DragEnd implements fyne.Draggable.
func (v *CanvasView) DragEnd() {
	if !v.panStart.IsZero() && v.OnPanned != nil {
		v.OnPanned(int(v.painted.Load()), time.Since(v.panStart))
	}
	v.panStart = time.Time{}
}

// Tapped implements fyne.Tappable: a click on a file card opens its note, on a link card
// its address; anywhere, it gives the board the keyboard.
func (v *CanvasView) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	n := v.nodeAt(e.Position)
	if n == nil {
		return
	}
	switch n.Type {
	case "file":
		if v.OnOpenNote != nil {
			if f, ok := v.files[n.File]; ok && !f.Missing {
				v.OnOpenNote(f.Path, strings.TrimPrefix(n.Subpath, "#"))
			}
		}
	case "link":
		if u, err := url.Parse(n.URL); err == nil && v.OnOpenURL != nil {
			v.OnOpenURL(u)
		}
	}
}

// nodeAt is the card (not a group) at the view point p, the topmost; nil for none.
func (v *CanvasView) nodeAt(p fyne.Position) *jsoncanvas.Node {
	if v.board == nil {
		return nil
	}
	bx := v.x0 + float64(p.X)/v.scale
	by := v.y0 + float64(p.Y)/v.scale
	for i := len(v.board.Nodes) - 1; i >= 0; i-- {
		n := &v.board.Nodes[i]
		if n.Type != "group" && bx >= n.X && bx < n.X+n.Width && by >= n.Y && by < n.Y+n.Height {
			return n
		}
	}
	return nil
}

// FocusGained implements fyne.Focusable.
func (v *CanvasView) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (v *CanvasView) FocusLost() {}

// TypedRune implements fyne.Focusable: + and - zoom, 0 fits the board.
func (v *CanvasView) TypedRune(r rune) {
	mid := fyne.NewPos(v.Size().Width/2, v.Size().Height/2)
	switch r {
	case '+', '=':
		v.Zoom(1.25, mid)
	case '-':
		v.Zoom(0.8, mid)
	case '0':
		v.Fit()
	}
}

// TypedKey implements fyne.Focusable: the arrows pan.
func (v *CanvasView) TypedKey(e *fyne.KeyEvent) {
	const step = 60
	switch e.Name {
	case fyne.KeyLeft:
		v.Pan(step, 0)
	case fyne.KeyRight:
		v.Pan(-step, 0)
	case fyne.KeyUp:
		v.Pan(0, step)
	case fyne.KeyDown:
		v.Pan(0, -step)
	default:
		if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(e)
		}
	}
}

// TypedShortcut hands shortcuts to the window.
func (v *CanvasView) TypedShortcut(s fyne.Shortcut) {
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// linesOf is what a text card reads as, made once.
func (v *CanvasView) linesOf(i int) []canvasLine {
	if l, ok := v.text[i]; ok {
		return l
	}
	var out []canvasLine
	for _, raw := range strings.Split(v.board.Nodes[i].Text, "\n") {
		out = append(out, markdownLine(raw))
	}
	v.text[i] = out
	return out
}

// maxRenderedCards bounds the rendered text cards a board keeps.
const maxRenderedCards = 256

// renderCard renders text card i in the background; the board is drawn again when it is.
// The rendered note's links open as a file card's do.
func (v *CanvasView) renderCard(i int) {
	if v.pending[i] || v.RenderText == nil {
		return
	}
	v.pending[i] = true
	board, text, render := v.board, v.board.Nodes[i].Text, v.RenderText
	v.async(func() {
		rn := render(text)
		uiDo(func() {
			if v.board != board || rn == nil {
				return
			}
			rn.act.elsewhere = &linkHandlers{
				openNote: func(p, fragment string) {
					if v.OnOpenNote != nil {
						v.OnOpenNote(p, fragment)
					}
				},
				openURL: func(u *url.URL) {
					if v.OnOpenURL != nil {
						v.OnOpenURL(u)
					}
				},
			}
			if len(v.rendered) >= maxRenderedCards {
				// A reader touring a big board: forget some, they render again if needed.
				for k := range v.rendered {
					delete(v.rendered, k)
					delete(v.pending, k)
					if len(v.rendered) < maxRenderedCards*3/4 {
						break
					}
				}
			}
			v.rendered[i] = rn
			v.Refresh()
		})
	})
}

// markdownLine is a line of Markdown as a card shows it: a heading bold without its #s, a
// list item with a bullet, emphasis and links as their text.
func markdownLine(raw string) canvasLine {
	t := strings.TrimRight(raw, " \t")
	heading := false
	if h := strings.TrimLeft(t, "#"); len(h) < len(t) && strings.HasPrefix(h, " ") {
		t, heading = strings.TrimSpace(h), true
	}
	trimmed := strings.TrimLeft(t, " ")
	for _, b := range []string{"- ", "* ", "+ "} {
		if strings.HasPrefix(trimmed, b) {
			t = t[:len(t)-len(trimmed)] + "• " + trimmed[2:]
		}
	}
	return canvasLine{text: plainMarkdown(t), heading: heading}
}

// plainMarkdown is a line of Markdown as it reads: no emphasis markers or HTML tags, links as
// their text.
func plainMarkdown(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "[["):
			end := strings.Index(s, "]]")
			if end < 0 {
				b.WriteString(s)
				return b.String()
			}
			target, alias, ok := strings.Cut(s[2:end], "|")
			if !ok {
				alias = target
			}
			b.WriteString(strings.TrimSpace(alias))
			s = s[end+2:]
		case s[0] == '[':
			close := strings.Index(s, "](")
			end := strings.IndexByte(s, ')')
			if close > 0 && end > close {
				b.WriteString(s[1:close])
				s = s[end+1:]
				continue
			}
			b.WriteByte('[')
			s = s[1:]
		case s[0] == '<' && len(s) > 1 && (s[1] == '/' || s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z'):
			// An HTML tag (a line break, a timestamp's anchor): its text stays, the tag goes.
			end := strings.IndexByte(s, '>')
			if end < 0 {
				b.WriteString(s)
				return b.String()
			}
			s = s[end+1:]
		case s[0] == '*' || s[0] == '`' || strings.HasPrefix(s, "==") || strings.HasPrefix(s, "~~"):
			if s[0] == '=' || s[0] == '~' {
				s = s[2:]
			} else {
				s = s[1:]
			}
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return b.String()
}

// CreateRenderer implements fyne.Widget.
func (v *CanvasView) CreateRenderer() fyne.WidgetRenderer {
	r := &canvasViewRenderer{v: v, bg: canvas.NewRectangle(color.Transparent), cards: map[int]*richCard{}}
	// A pixel drawn again in every frame: the painter calls its generator when it paints
	// the window, which counts the frames painted.
	r.tick = canvas.NewRaster(func(int, int) image.Image {
		v.painted.Add(1)
		return tickImage
	})
	r.tick.Resize(fyne.NewSize(1, 1))
	r.overview = canvas.NewRaster(r.paintOverview)
	return r
}

// tickImage is the frame counter's pixel: nothing to see.
var tickImage = image.NewNRGBA(image.Rect(0, 0, 1, 1))

// canvasViewRenderer draws what is in view from pools of objects.
type canvasViewRenderer struct {
	v          *CanvasView
	bg         *canvas.Rectangle
	rects      []*canvas.Rectangle
	texts      []*canvas.Text
	lines      []*canvas.Line
	images     []*canvas.Image
	objects    []fyne.CanvasObject
	nr, nt, nl int
	ni         int
	// cards are the rendered text cards drawn lately, by node; frame counts the frames.
	cards map[int]*richCard
	frame uint64
	// tick counts the frames painted while a drag pans the board (CanvasView.OnPanned).
	tick *canvas.Raster
	// overview is the board drawn as one picture when it is zoomed out too far to read
	// (canvas_overview.go), in overviewColors; overviewImg is its last picture.
	overview       *canvas.Raster
	overviewColors overviewColors
	overviewImg    *image.RGBA
}

// richCard is text card i as a rendered note, or nil while it is being rendered.
func (r *canvasViewRenderer) richCard(i int, th fyne.Theme, factor float32) *richCard {
	rn := r.v.rendered[i]
	if rn == nil {
		r.v.renderCard(i)
		return nil
	}
	c := r.cards[i]
	if c == nil || c.note != rn {
		c = newRichCard(rn, th, factor)
		r.cards[i] = c
	}
	c.frame = r.frame
	return c
}

func (r *canvasViewRenderer) Destroy() {}

func (r *canvasViewRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *canvasViewRenderer) MinSize() fyne.Size { return fyne.NewSize(100, 100) }

func (r *canvasViewRenderer) Layout(fyne.Size) { r.draw() }

func (r *canvasViewRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.v)
}

func (r *canvasViewRenderer) rect() *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	o := r.rects[r.nr]
	r.nr++
	r.objects = append(r.objects, o)
	return o
}

func (r *canvasViewRenderer) text(s string, size float32, c color.Color, bold bool, at fyne.Position) *canvas.Text {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	o := r.texts[r.nt]
	r.nt++
	o.Text, o.TextSize, o.Color = s, size, c
	o.TextStyle = fyne.TextStyle{Bold: bold}
	o.Move(at)
	o.Resize(o.MinSize())
	o.Refresh()
	r.objects = append(r.objects, o)
	return o
}

func (r *canvasViewRenderer) image(res fyne.Resource, at fyne.Position, size fyne.Size) {
	if r.ni == len(r.images) {
		img := canvas.NewImageFromResource(nil)
		img.FillMode = canvas.ImageFillContain
		r.images = append(r.images, img)
	}
	o := r.images[r.ni]
	r.ni++
	if o.Resource != res {
		o.Resource = res
		o.Refresh()
	}
	o.Move(at)
	o.Resize(size)
	r.objects = append(r.objects, o)
}

func (r *canvasViewRenderer) line(a, b fyne.Position, c color.Color, width float32) {
	if r.nl == len(r.lines) {
		r.lines = append(r.lines, canvas.NewLine(color.Black))
	}
	o := r.lines[r.nl]
	r.nl++
	o.StrokeColor, o.StrokeWidth = c, width
	o.Position1, o.Position2 = a, b
	o.Refresh()
	r.objects = append(r.objects, o)
}

// draw lays out everything in view.
func (r *canvasViewRenderer) draw() {
	v := r.v
	// The app's theme, not theme.Current(): the window lays the board out again while it
	// walks the cards' theme overrides, and Current is then a card's scaled theme, which the
	// cards would scale again.
	th := fyne.CurrentApp().Settings().Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	size := v.Size()
	r.objects, r.nr, r.nt, r.nl, r.ni = r.objects[:0], 0, 0, 0, 0
	r.frame++
	defer r.dropCards()
	r.bg.FillColor = th.Color(theme.ColorNameBackground, variant)
	r.bg.Resize(size)
	r.objects = append(r.objects, r.bg)
	if !v.panStart.IsZero() {
		r.tick.Refresh()
		r.objects = append(r.objects, r.tick)
	}
	if v.board == nil {
		return
	}
	textSize := th.Size(theme.SizeNameText) * float32(v.scale)
	showText := textSize >= 5
	card := th.Color(theme.ColorNameInputBackground, variant)
	if !showText {
		r.overviewColors = overviewColors{
			card:   toNRGBA(card),
			stroke: toNRGBA(th.Color(theme.ColorNamePlaceHolder, variant)),
			edge:   toNRGBA(th.Color(theme.ColorNameForeground, variant)),
		}
		r.overview.Resize(size)
		r.overview.Refresh()
		r.objects = append(r.objects, r.overview)
		return
	}
	fg := th.Color(theme.ColorNameForeground, variant)
	dim := th.Color(theme.ColorNamePlaceHolder, variant)
	edge := th.Color(theme.ColorNameForeground, variant)
	link := th.Color(theme.ColorNameHyperlink, variant)
	rich, factor := v.RenderText != nil && textSize >= minRichTextSize, float32(v.scale)
	nrich := 0
	inView := func(x, y, w, h float64) bool {
		p := v.ToScreen(x, y)
		return p.X < size.Width && p.Y < size.Height && p.X+float32(w*v.scale) > 0 && p.Y+float32(h*v.scale) > 0
	}
	nodes := v.byID
	pad := float32(8 * v.scale)
	// Groups first, then the edges, then the cards: an edge never runs over a card's text.
	drawNodes := func(groups bool) {
		for i := range v.board.Nodes {
			n := &v.board.Nodes[i]
			if (n.Type == "group") != groups || !inView(n.X, n.Y-40, n.Width, n.Height+40) {
				continue
			}
			at := v.ToScreen(n.X, n.Y)
			w, h := float32(n.Width*v.scale), float32(n.Height*v.scale)
			tint, tinted := jsoncanvas.Color(n.Color)
			rc := r.rect()
			rc.Move(at)
			rc.Resize(fyne.NewSize(w, h))
			rc.CornerRadius = float32(6 * v.scale)
			rc.StrokeWidth = max(1, float32(2*v.scale))
			rc.StrokeColor = dim
			rc.FillColor = card
			if tinted {
				rc.StrokeColor = tint
				rc.FillColor = blend(card, tint, 0.12)
			}
			if n.Type == "group" {
				rc.FillColor = color.Transparent
				if tinted {
					rc.FillColor = color.NRGBA{tint.R, tint.G, tint.B, 0x18}
				}
			}
			rc.Refresh()
			if !showText {
				continue
			}
			x, y := at.X+pad, at.Y+pad
			bottom := at.Y + h - pad
			lineH := textSize * 1.35
			write := func(s string, c color.Color, bold bool) bool {
				for _, l := range wrapWords(s, w-2*pad, textSize, bold) {
					if y+lineH > bottom+pad/2 {
						return false
					}
					r.text(l, textSize, c, bold, fyne.NewPos(x, y))
					y += lineH
				}
				return true
			}
			switch n.Type {
			case "group":
				if n.Label != "" {
					r.text(n.Label, textSize*1.1, fg, true, fyne.NewPos(at.X, at.Y-textSize*1.6))
				}
			case "text":
				if rich && nrich < maxRichCards {
					if c := r.richCard(i, th, factor); c != nil {
						nrich++
						c.place(fyne.NewPos(x, y), fyne.NewSize(w-2*pad, h-2*pad), th, factor)
						r.objects = append(r.objects, c.clip)
						continue
					}
				}
				for _, l := range v.linesOf(i) {
					if !write(l.text, fg, l.heading) {
						break
					}
				}
			case "file":
				f := v.files[n.File]
				title := f.Title
				if title == "" {
					title = n.File
				}
				if n.Subpath != "" {
					title += " › " + strings.TrimLeft(n.Subpath, "#^")
				}
				write(title, link, true)
				if f.Image != nil && bottom-y > 8 {
					r.image(f.Image, fyne.NewPos(x, y), fyne.NewSize(w-2*pad, bottom-y))
				}
				if f.Missing {
					write("Not in the vault: "+n.File, dim, false)
				}
				for _, raw := range f.Lines {
					l := markdownLine(raw)
					if !write(l.text, fg, l.heading) {
						break
					}
				}
			case "link":
				write(n.URL, link, false)
			}
		}
	}
	drawEdges := func() {
		for _, e := range v.board.Edges {
			from, to := nodes[e.FromNode], nodes[e.ToNode]
			if from == nil || to == nil {
				continue
			}
			a := v.sidePoint(from, e.FromSide, to)
			b := v.sidePoint(to, e.ToSide, from)
			if (a.X < 0 && b.X < 0) || (a.Y < 0 && b.Y < 0) || (a.X > size.Width && b.X > size.Width) || (a.Y > size.Height && b.Y > size.Height) {
				continue
			}
			c := edge
			if t, ok := jsoncanvas.Color(e.Color); ok {
				c = t
			}
			width := max(1, float32(2*v.scale))
			r.line(a, b, c, width)
			head := float32(12 * v.scale)
			if head >= 3 {
				if e.ToArrow {
					r.arrow(a, b, head, c, width)
				}
				if e.FromArrow {
					r.arrow(b, a, head, c, width)
				}
			}
			if e.Label != "" && showText {
				// On a patch of the board's colour, so the line does not run through it.
				mid := fyne.NewPos((a.X+b.X)/2, (a.Y+b.Y)/2)
				back := r.rect()
				t := r.text(e.Label, textSize, fg, false, mid)
				m := t.MinSize()
				t.Move(fyne.NewPos(mid.X-m.Width/2, mid.Y-m.Height/2))
				back.FillColor, back.StrokeWidth, back.CornerRadius = r.bg.FillColor, 0, 3
				back.Move(fyne.NewPos(mid.X-m.Width/2-4, mid.Y-m.Height/2))
				back.Resize(fyne.NewSize(m.Width+8, m.Height))
				back.Refresh()
			}
		}
	}
	drawNodes(true)
	drawEdges()
	drawNodes(false)
}

// dropCards forgets the rendered cards not drawn in this frame once there are more of them
// than two frames' worth.
func (r *canvasViewRenderer) dropCards() {
	if len(r.cards) <= 2*maxRichCards {
		return
	}
	for i, c := range r.cards {
		if c.frame != r.frame {
			delete(r.cards, i)
		}
	}
}

// arrow draws an arrowhead at b, pointing from a.
func (r *canvasViewRenderer) arrow(a, b fyne.Position, size float32, c color.Color, width float32) {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	l := math.Hypot(dx, dy)
	if l < 1 {
		return
	}
	ux, uy := dx/l, dy/l
	for _, s := range []float64{1, -1} {
		px := float64(b.X) - ux*float64(size) + s*uy*float64(size)*0.5
		py := float64(b.Y) - uy*float64(size) - s*ux*float64(size)*0.5
		r.line(b, fyne.NewPos(float32(px), float32(py)), c, width)
	}
}

// sidePoint is where an edge leaves n on the screen: the middle of the side it names, or of
// the side facing other.
func (v *CanvasView) sidePoint(n *jsoncanvas.Node, side string, other *jsoncanvas.Node) fyne.Position {
	if side == "" {
		dx := (other.X + other.Width/2) - (n.X + n.Width/2)
		dy := (other.Y + other.Height/2) - (n.Y + n.Height/2)
		switch {
		case math.Abs(dx) > math.Abs(dy) && dx > 0:
			side = "right"
		case math.Abs(dx) > math.Abs(dy):
			side = "left"
		case dy > 0:
			side = "bottom"
		default:
			side = "top"
		}
	}
	x, y := n.X+n.Width/2, n.Y+n.Height/2
	switch side {
	case "top":
		y = n.Y
	case "bottom":
		y = n.Y + n.Height
	case "left":
		x = n.X
	case "right":
		x = n.X + n.Width
	}
	return v.ToScreen(x, y)
}

// wrapWords breaks s into lines that fit width at size, at spaces; a word too long for a
// line is cut with "…". An empty s is one empty line.
func wrapWords(s string, width, size float32, bold bool) []string {
	st := fyne.TextStyle{Bold: bold}
	if s == "" || fyne.MeasureText(s, size, st).Width <= width {
		return []string{s}
	}
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if fyne.MeasureText(try, size, st).Width <= width {
			line = try
			continue
		}
		if line != "" {
			out = append(out, line)
		}
		line = fitText(w, width, size, bold)
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// fitText cuts s with "…" to fit width at size.
func fitText(s string, width, size float32, bold bool) string {
	st := fyne.TextStyle{Bold: bold}
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, st).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, st).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}
