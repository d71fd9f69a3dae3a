package widgets

import (
	"bytes"
	"fmt"
	"image/color"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Resting the pointer on a link to a note (or on a backlink) for a moment shows a preview: the
// note's title and its first paragraphs, or the paragraph a backlink comes from. The preview
// is drawn inside the widget the link is in (NoteView, Backlinks), on top of its content,
// rather than in a canvas overlay (widget.PopUp): while an overlay is shown Fyne sends the
// pointer only to it, so the link under it would at once hear that the pointer left, and
// the overlay would take the keyboard from the widget that has it.

const (
	// previewDelay is how long the pointer rests on a link before its preview shows.
	previewDelay = 500 * time.Millisecond
	// previewGrace is how long a preview stays after the pointer leaves its link: time to
	// cross the gap into the preview, or between the words of the link.
	previewGrace = 300 * time.Millisecond
	// previewMaxWidth and previewMaxHeight bound the preview.
	previewMaxWidth, previewMaxHeight = 420, 280
	// previewBytes is about how much Markdown a preview renders.
	previewBytes = 1500
	// previewBlocks is the most blocks (paragraphs, lists, callouts) a preview shows.
	previewBlocks = 4
)

// previewInput is what previews of the notes a rendered note links to are made from: the
// functions of the RenderInput it was rendered with (never its text). Every field may be nil.
type previewInput struct {
	resolve  func(from, target string) string
	loadNote func(path string) ([]byte, *vault.Note, bool)
	videoURL func(string, int) string
	linking  func(name string) int
}

// previewContent is a preview made off the UI goroutine: data, no widgets.
type previewContent struct {
	title string
	// blocks are the rendered paragraphs shown, in a rendering of their own (act).
	blocks []*noteBlock
	act    *noteActions
	// message says what there is instead of text ("Not written yet — …"), or "".
	message string
}

// Text is the preview as plain text (title, blocks, message), for tests.
func (c *previewContent) Text() string {
	var b strings.Builder
	b.WriteString(c.title + "\n")
	for _, r := range c.blocks {
		r.writeText(&b)
	}
	if c.message != "" {
		b.WriteString(c.message + "\n")
	}
	return b.String()
}

// isNotePath reports whether p is a Markdown note (not an attachment).
func isNotePath(p string) bool {
	return strings.EqualFold(path.Ext(p), ".md")
}

// notePreview previews the note at p from its start, or from the heading or ^block fragment
// names.
func notePreview(in previewInput, p, fragment string) previewContent {
	if in.loadNote == nil {
		return previewContent{title: strings.TrimSuffix(path.Base(p), path.Ext(p)), message: "This note is not loaded here."}
	}
	src, n, ok := in.loadNote(p)
	if !ok || n == nil {
		return previewContent{title: strings.TrimSuffix(path.Base(p), path.Ext(p)), message: "This note could not be read."}
	}
	body := src[min(max(n.BodyOffset, 0), len(src)):]
	title := n.Title
	from, to := 0, len(body)
	skipHeading := false
	switch {
	case strings.HasPrefix(fragment, "^"):
		if at := blockIDOffset(body, fragment[1:]); at >= 0 {
			from, to = paragraphAround(body, at)
		}
	case fragment != "":
		want := vault.NormalizeName(fragment)
		for i, h := range n.Headings {
			if vault.NormalizeName(h.Text) != want && h.Anchor != strings.ToLower(fragment) {
				continue
			}
			title += " › " + h.Text
			from = min(max(h.Offset-n.BodyOffset, 0), len(body))
			skipHeading = true
			for _, next := range n.Headings[i+1:] {
				if next.Level <= h.Level {
					to = min(max(next.Offset-n.BodyOffset, from), len(body))
					break
				}
			}
			break
		}
	}
	snippet := snippetFrom(body[from:to], previewBytes)
	c := renderPreview(in, n, snippet)
	c.title = title
	if len(c.blocks) > 0 && c.blocks[0].heading > 0 {
		var t strings.Builder
		c.blocks[0].writeText(&t)
		if skipHeading || strings.EqualFold(strings.TrimSpace(t.String()), strings.TrimSpace(n.Title)) {
			c.blocks = c.blocks[1:] // the title says it already
		}
	}
	c.blocks = trimPreviewBlocks(c.blocks)
	if len(c.blocks) == 0 {
		c.message = "This note is empty."
	}
	return c
}

// trimPreviewBlocks keeps the first previewBlocks blocks, without a heading at the end that
// nothing follows.
func trimPreviewBlocks(blocks []*noteBlock) []*noteBlock {
	blocks = blocks[:min(len(blocks), previewBlocks)]
	for len(blocks) > 1 && blocks[len(blocks)-1].heading > 0 {
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// footnotePreview previews footnote n, whose text is text.
func footnotePreview(n int, text string) previewContent {
	seg := &widget.TextSegment{Text: text, Style: widget.RichTextStyleParagraph}
	return previewContent{title: fmt.Sprintf("Footnote %d", n), blocks: []*noteBlock{{segs: []widget.RichTextSegment{seg}}}, act: &noteActions{}}
}

// missingPreview previews a link to a note that does not exist yet.
func missingPreview(in previewInput, name string) previewContent {
	msg := "Not written yet"
	if in.linking != nil {
		switch n := in.linking(name); n {
		case 0:
		case 1:
			msg += " — 1 note links here"
		default:
			msg += fmt.Sprintf(" — %d notes link here", n)
		}
	}
	return previewContent{title: name, message: msg}
}

// mentionPreview previews the paragraph of the note at p around byte offset at (into the
// file): where a backlink comes from.
func mentionPreview(in previewInput, p string, at int) previewContent {
	if in.loadNote == nil {
		return previewContent{title: strings.TrimSuffix(path.Base(p), path.Ext(p)), message: "This note is not loaded here."}
	}
	src, n, ok := in.loadNote(p)
	if !ok || n == nil {
		return previewContent{title: strings.TrimSuffix(path.Base(p), path.Ext(p)), message: "This note could not be read."}
	}
	start := min(max(n.BodyOffset, 0), len(src))
	if at < start {
		return notePreview(in, p, "") // a link in the frontmatter: show the note's start
	}
	body := src[start:]
	at = min(at-start, len(body))
	from, to := paragraphAround(body, at)
	snippet := body[from:to]
	if len(snippet) > previewBytes {
		snippet = previewAround(body, from, to, at)
	}
	c := renderPreview(in, n, snippet)
	c.title = n.Title
	c.blocks = trimPreviewBlocks(c.blocks)
	if len(c.blocks) == 0 {
		c.message = "The link is in the note's properties."
	}
	return c
}

// previewAround is about previewBytes of the long paragraph body[from:to] around byte at,
// with "…" where it is cut. It cuts between lines where it can, so that list items, quote
// lines and table rows keep their markers and render as such (a cut inside a line would leave
// "| a | b |" or "2. item" as raw text), and puts back above the first line kept the table
// header or callout title it belongs under. Only inside one long line does it cut at a word.
func previewAround(body []byte, from, to, at int) []byte {
	const lead = previewBytes / 3
	lo := max(from, at-lead)
	atLine := false // lo is at a line's start
	if lo > from {
		ls := from + bytes.LastIndexByte(body[from:lo], '\n') + 1
		switch {
		case lo-ls <= lead && (ls > from || from == 0 || body[from-1] == '\n'):
			lo, atLine = ls, true
		case bytes.IndexByte(body[lo:at], '\n') >= 0:
			lo, atLine = lo+bytes.IndexByte(body[lo:at], '\n')+1, true
		default:
			if i := bytes.IndexByte(body[lo:at], ' '); i >= 0 {
				lo += i + 1
			}
		}
	}
	if atLine {
		// An indented first line (a nested item) would read as code.
		for lo < at && (body[lo] == ' ' || body[lo] == '\t') {
			lo++
		}
	}
	hi := min(to, lo+previewBytes)
	endLine := false
	if hi < to {
		if i := bytes.LastIndexByte(body[at:hi], '\n'); i >= 0 {
			hi, endLine = at+i, true
		} else {
			for hi > lo && !utf8.RuneStart(body[hi]) {
				hi--
			}
		}
	}
	var b []byte
	if lo > from {
		if atLine {
			b = append(b, "…\n\n"...)
			b = append(b, previewHeads(body, from, lo)...)
		} else {
			b = append(b, "… "...)
		}
	}
	b = append(b, body[lo:hi]...)
	if hi < to {
		if endLine {
			b = append(b, "\n\n…"...)
		} else {
			b = append(b, " …"...)
		}
	}
	return b
}

// previewHeads returns the lines of body[from:lo] that the line at lo is shown under: the
// title line of the callout it is in and the header and delimiter rows of the table it is a
// row of (one whose rows start with a pipe), each ending in a newline.
func previewHeads(body []byte, from, lo int) []byte {
	first := previewLine(body, lo)
	depth, text := quoteDepth(first)
	quoted, row := depth > 0, len(text) > 0 && text[0] == '|'
	var title, head []byte
	for e := lo - 1; e > from && (quoted || row); {
		s := from + bytes.LastIndexByte(body[from:e], '\n') + 1
		line := body[s : e+1] // with its newline
		d, t := quoteDepth(line)
		if quoted && d == 0 {
			quoted = false
		}
		if quoted && d <= depth && bytes.HasPrefix(t, []byte("[!")) {
			title, quoted = line, false
		}
		if row && (d != depth || len(t) == 0 || t[0] != '|') {
			row = false
		}
		if row && vault.TableDelimiterRow(t) {
			if s > from {
				hs := from + bytes.LastIndexByte(body[from:s-1], '\n') + 1
				if _, ht := quoteDepth(body[hs : s-1]); len(ht) > 0 && ht[0] == '|' {
					head = body[hs : e+1]
				}
			}
			row = false
		}
		e = s - 1
	}
	return append(bytes.Clone(title), head...)
}

// previewLine is the line of body that starts at s, without its newline.
func previewLine(body []byte, s int) []byte {
	if i := bytes.IndexByte(body[s:], '\n'); i >= 0 {
		return body[s : s+i]
	}
	return body[s:]
}

// quoteDepth counts the quote markers that start line and returns the text after them,
// trimmed.
func quoteDepth(line []byte) (int, []byte) {
	d := 0
	for {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] != '>' {
			return d, line
		}
		line, d = line[1:], d+1
	}
}

// renderPreview renders a piece of the note n's body. Embeds and images are not loaded: a
// preview stays small and quick.
func renderPreview(in previewInput, n *vault.Note, snippet []byte) previewContent {
	part := *n
	part.BodyOffset, part.BodyLine = 0, 1
	part.Headings = nil
	r := RenderNote(RenderInput{Source: snippet, Note: &part, Resolve: in.resolve, VideoURL: in.videoURL})
	for _, b := range r.rows {
		if b.heading > 0 {
			smallHeading(b.segs)
		}
	}
	return previewContent{blocks: r.rows, act: r.act}
}

// smallHeading sets the text of a heading in the body size, bold: in a preview the title is
// the largest text.
func smallHeading(segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			if s.Style.SizeName == theme.SizeNameHeadingText || s.Style.SizeName == theme.SizeNameSubHeadingText {
				s.Style.SizeName = theme.SizeNameText
				s.Style.TextStyle.Bold = true
			}
		case *overlaySegment:
			if s.kind == overlayLink && (s.size == theme.SizeNameHeadingText || s.size == theme.SizeNameSubHeadingText) {
				s.size = theme.SizeNameText
				s.style.Bold = true
			}
		}
	}
}

// paragraphAround returns the bounds of the paragraph (text between blank lines) of body
// that holds byte at; of a paragraph longer than paragraphReach on a side, the part within
// that reach.
func paragraphAround(body []byte, at int) (from, to int) {
	at = min(max(at, 0), len(body))
	from = max(at-paragraphReach, 0)
	if i := bytes.LastIndex(body[from:at], []byte("\n\n")); i >= 0 {
		from += i + 2
	}
	to = min(at+paragraphReach, len(body))
	if i := bytes.Index(body[at:to], []byte("\n\n")); i >= 0 {
		to = at + i
	}
	return from, to
}

// paragraphReach bounds how far paragraphAround looks for a paragraph's ends.
const paragraphReach = 16 * previewBytes

// snippetFrom returns about the first limit bytes of body, ended at a blank line when there
// is one not too early, else after a word with " …".
func snippetFrom(body []byte, limit int) []byte {
	if len(body) <= limit {
		return body
	}
	if cut := bytes.LastIndex(body[:limit], []byte("\n\n")); cut >= limit/3 {
		return body[:cut]
	}
	cut := bytes.LastIndexByte(body[:limit], ' ')
	if cut < limit/2 {
		cut = limit
		for cut > 0 && !utf8.RuneStart(body[cut]) {
			cut--
		}
	}
	return append(bytes.Clone(body[:cut]), " …"...)
}

// previewer runs the previews of one widget (its host): it waits for the pointer to rest on
// a link, makes the preview off the UI goroutine, shows it in a layer the host draws over
// its content, and closes it when the pointer has left both the link and the preview. Only
// used on the UI goroutine; its timers come back through fyne.Do.
type previewer struct {
	host  fyne.CanvasObject
	layer *fyne.Container // drawn last by the host; holds the preview box, hidden when none

	delay, grace time.Duration
	// after runs f once d has passed, on a goroutine of its own, and returns a function that
	// stops it; tests replace it to fire the timers themselves.
	after func(d time.Duration, f func()) (stop func() bool)
	// do runs f on the UI goroutine: fyne.Do, which tests replace.
	do func(f func())

	hovered any  // the link the pointer is on (compared with ==), or nil
	pending any  // the link whose preview is being waited for or made
	shown   any  // the link whose preview is shown
	inBox   bool // the pointer is on the preview

	gen, closeGen        int // make late timers harmless
	stopDelay, stopClose func() bool

	anchor  fyne.CanvasObject // what the preview is shown next to
	pointer fyne.Position     // where the pointer came onto it (absolute)
	open    func()            // what tapping the preview does
	box     *previewBox
}

func newPreviewer(host fyne.CanvasObject) *previewer {
	l := &fyne.Container{}
	l.Hide()
	return &previewer{
		host: host, layer: l, delay: previewDelay, grace: previewGrace,
		after: func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop },
		do:    func(f func()) { uiDo(f) },
	}
}

// enter is called when the pointer comes onto link key (drawn by anchor, the pointer at the
// absolute position at). After the delay, build is called off the UI goroutine and its
// preview shown; open is what a tap on the preview does.
func (p *previewer) enter(key any, anchor fyne.CanvasObject, at fyne.Position, build func() previewContent, open func()) {
	p.hovered = key
	p.cancelClose()
	if key == p.shown || key == p.pending {
		return
	}
	p.hide()
	p.pending, p.anchor, p.pointer, p.open = key, anchor, at, open
	gen := p.gen
	p.stopDelay = p.after(p.delay, func() {
		c := build()
		p.do(func() {
			if p.gen != gen {
				return
			}
			p.stopDelay = nil
			p.show(key, c)
		})
	})
}

// leave is called when the pointer leaves link key.
func (p *previewer) leave(key any) {
	if p.hovered == key {
		p.hovered = nil
	}
	p.closeLater()
}

// enterBox and leaveBox are called when the pointer comes onto and leaves the preview.
func (p *previewer) enterBox() {
	p.inBox = true
	p.cancelClose()
}

func (p *previewer) leaveBox() {
	p.inBox = false
	p.closeLater()
}

// tapBox opens what the preview shows.
func (p *previewer) tapBox() {
	open := p.open
	p.hide()
	if open != nil {
		open()
	}
}

// closeLater closes the preview after the grace time, unless the pointer is back on the
// link or on the preview by then.
func (p *previewer) closeLater() {
	if p.shown == nil && p.pending == nil {
		return
	}
	p.cancelClose()
	gen := p.closeGen
	p.stopClose = p.after(p.grace, func() {
		p.do(func() {
			if p.closeGen != gen {
				return
			}
			p.stopClose = nil
			if p.hovered == nil && !p.inBox {
				p.hide()
			}
		})
	})
}

func (p *previewer) cancelClose() {
	p.closeGen++
	if p.stopClose != nil {
		p.stopClose()
		p.stopClose = nil
	}
}

// hide closes the preview and forgets any that is being waited for.
func (p *previewer) hide() {
	p.gen++
	if p.stopDelay != nil {
		p.stopDelay()
		p.stopDelay = nil
	}
	p.cancelClose()
	p.pending, p.shown, p.inBox = nil, nil, false
	if p.box != nil {
		p.box = nil
		p.layer.Objects = nil
		p.layer.Hide()
		canvas.Refresh(p.host)
	}
}

// show shows c next to the anchor: below it, or above when there is no room below, kept
// inside the host.
func (p *previewer) show(key any, c previewContent) {
	p.pending = nil
	d := fyne.CurrentApp().Driver()
	host := d.AbsolutePositionForObject(p.host)
	hs := p.host.Size()
	if !p.anchor.Visible() || d.CanvasForObject(p.anchor) == nil || hs.Width <= 0 {
		return // the link is gone
	}
	th := theme.CurrentForWidget(p.host)
	pad := th.Size(theme.SizeNamePadding)
	w := min(previewMaxWidth, hs.Width-2*pad)
	if w < minFitWidth {
		return
	}
	box := newPreviewBox(p, c)
	h := box.setWidth(w, min(previewMaxHeight, hs.Height-2*pad))

	a := d.AbsolutePositionForObject(p.anchor).Subtract(host)
	as := p.anchor.Size()
	x := min(max(p.pointer.X-host.X-3*pad, pad), hs.Width-w-pad)
	y := a.Y + as.Height + pad/2
	if y+h > hs.Height-pad {
		if above := a.Y - pad/2 - h; above >= pad {
			y = above
		} else {
			y = max(hs.Height-pad-h, pad)
		}
	}
	box.Move(fyne.NewPos(x, y))
	p.box, p.shown = box, key
	p.layer.Objects = []fyne.CanvasObject{box}
	p.layer.Resize(hs)
	p.layer.Show()
	canvas.Refresh(p.host)
}

// previewBox draws a preview: a framed card with the title in bold above the first
// paragraphs, or above a message. A transparent shield lies over it all, so the links and
// chips inside do nothing: the pointer on the preview keeps it open, a tap opens the note.
type previewBox struct {
	widget.BaseWidget
	p       *previewer
	c       previewContent
	title   *widget.RichText
	message *widget.RichText
	blocks  []fyne.CanvasObject
	body    *fyne.Container
	scroll  *container.Scroll
	shield  *previewShield

	width, titleH, bodyH, viewH float32
}

func newPreviewBox(p *previewer, c previewContent) *previewBox {
	b := &previewBox{p: p, c: c}
	b.ExtendBaseWidget(b)
	bold := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameSubHeadingText, ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Bold: true}}
	b.title = widget.NewRichText(&widget.TextSegment{Style: bold, Text: c.title})
	b.title.Wrapping = fyne.TextWrapWord
	if c.message != "" {
		dim := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
		b.message = widget.NewRichText(&widget.TextSegment{Style: dim, Text: c.message})
		b.message.Wrapping = fyne.TextWrapWord
	}
	for _, r := range c.blocks {
		b.blocks = append(b.blocks, newBlockObject(r, c.act))
	}
	b.body = &fyne.Container{Layout: &fixedLayout{}, Objects: b.blocks}
	b.scroll = container.NewVScroll(b.body)
	b.shield = &previewShield{p: p}
	b.shield.ExtendBaseWidget(b.shield)
	return b
}

// setWidth lays the preview out at width w, at most maxH tall, and returns its height.
func (b *previewBox) setWidth(w, maxH float32) float32 {
	th := b.Theme()
	pad := th.Size(theme.SizeNamePadding)
	inner := w - 2*pad
	b.width = w
	b.titleH = fitWidth(b.title, inner)
	y := float32(0)
	if b.message != nil {
		y = fitWidth(b.message, inner)
	}
	for i, o := range b.blocks {
		if i > 0 || b.message != nil {
			y += pad
		}
		o.Move(fyne.NewPos(0, y))
		y += fitWidth(o, inner)
	}
	b.bodyH = y
	b.body.Layout.(*fixedLayout).size = fyne.NewSize(inner, y)
	b.body.Resize(fyne.NewSize(inner, y))
	b.viewH = max(min(y, maxH-b.titleH-3*pad), 0)
	h := b.titleH + b.viewH + 3*pad
	b.Resize(fyne.NewSize(w, h))
	return h
}

// CreateRenderer implements fyne.Widget.
func (b *previewBox) CreateRenderer() fyne.WidgetRenderer {
	r := &previewBoxRenderer{b: b, shadow: canvas.NewRectangle(color.Transparent), bg: canvas.NewRectangle(color.Transparent), line: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type previewBoxRenderer struct {
	b                *previewBox
	shadow, bg, line *canvas.Rectangle
}

func (r *previewBoxRenderer) Destroy() {}

func (r *previewBoxRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.shadow, r.bg, r.b.title, r.line}
	if r.b.message != nil {
		objs = append(objs, r.b.message)
	} else {
		objs = append(objs, r.b.scroll)
	}
	return append(objs, r.b.shield)
}

func (r *previewBoxRenderer) Layout(size fyne.Size) {
	b := r.b
	pad := b.Theme().Size(theme.SizeNamePadding)
	r.shadow.Move(fyne.NewPos(1, 2))
	r.shadow.Resize(size)
	r.bg.Resize(size)
	b.title.Move(fyne.NewPos(pad, pad))
	b.title.Resize(fyne.NewSize(size.Width-2*pad, b.titleH))
	r.line.Move(fyne.NewPos(pad, pad+b.titleH+pad/2))
	r.line.Resize(fyne.NewSize(size.Width-2*pad, 1))
	top := fyne.NewPos(pad, 2*pad+b.titleH)
	view := fyne.NewSize(size.Width-2*pad, b.viewH)
	if b.message != nil {
		b.message.Move(top)
		b.message.Resize(fyne.NewSize(view.Width, b.bodyH))
	} else {
		b.scroll.Move(top)
		b.scroll.Resize(view)
	}
	b.shield.Move(fyne.NewPos(0, 0))
	b.shield.Resize(size)
}

func (r *previewBoxRenderer) MinSize() fyne.Size { return r.b.Size() }

func (r *previewBoxRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameSelectionRadius)
	r.shadow.FillColor = th.Color(theme.ColorNameShadow, v)
	r.shadow.CornerRadius = radius
	r.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = radius
	r.line.FillColor = th.Color(theme.ColorNameSeparator, v)
	r.Layout(r.b.Size())
	r.shadow.Refresh()
	r.bg.Refresh()
	r.line.Refresh()
}

// previewShield lies over a preview: it keeps the preview open while the pointer is on it
// and opens what it shows when tapped.
type previewShield struct {
	widget.BaseWidget
	p *previewer
}

// CreateRenderer implements fyne.Widget.
func (s *previewShield) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// Tapped opens the note previewed.
func (s *previewShield) Tapped(*fyne.PointEvent) { s.p.tapBox() }

// Cursor implements desktop.Cursorable: the preview is a link too.
func (s *previewShield) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn keeps the preview open.
func (s *previewShield) MouseIn(*desktop.MouseEvent) { s.p.enterBox() }

// MouseMoved implements desktop.Hoverable.
func (s *previewShield) MouseMoved(*desktop.MouseEvent) {}

// MouseOut closes the preview, unless the pointer goes back to the link.
func (s *previewShield) MouseOut() { s.p.leaveBox() }

// fixedLayout leaves objects where they were put and asks for a set size: the preview places
// its blocks itself, and its scroll needs their whole height.
type fixedLayout struct{ size fyne.Size }

// Layout implements fyne.Layout.
func (l *fixedLayout) Layout([]fyne.CanvasObject, fyne.Size) {}

// MinSize implements fyne.Layout.
func (l *fixedLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.size }

// text is the shown preview as plain text, "" when none is shown.
func (p *previewer) text() string {
	if p.box == nil {
		return ""
	}
	return p.box.c.Text()
}
