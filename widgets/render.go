package widgets

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vaultview/vault"
	md "vaultview/vault/markdown"
)

// RenderInput is what RenderNote needs to turn one note into something a NoteView shows.
// Every function field may be nil: links then stay unresolved, embeds and images show their
// names. The functions are called on RenderNote's goroutine, which is usually not the UI
// goroutine, so they must only read (an Index snapshot and Vault.Source do). Resolve,
// LoadNote, VideoURL and NotesLinkingTo are also kept for the previews of links, and called
// again while the note is shown, on a timer's goroutine.
type RenderInput struct {
	// Source is the note's file as Vault.Source returns it (frontmatter included): Note's
	// offsets point into it.
	Source []byte
	// Note is the parsed note; nil parses Source as a note named "untitled.md".
	Note *vault.Note
	// Resolve finds what a link target written in the note at from points at, as
	// (*vault.Index).Resolve does: a vault-relative path, or "" when it is unresolved.
	Resolve func(from, target string) string
	// LoadNote returns the text and parsed form of another note, for `![[embeds]]` and for
	// the previews a NoteView shows when the pointer rests on a link (then on a goroutine of
	// its own, later, while the note is shown).
	LoadNote func(path string) (src []byte, note *vault.Note, ok bool)
	// LoadImage returns the bytes of a vault file, for images. Remote images are never
	// fetched.
	LoadImage func(path string) ([]byte, error)
	// VideoURL makes the address a timestamp chip opens, for the user's choice of player;
	// nil is vault.VideoURL. It must return "" for an invalid id.
	VideoURL func(videoID string, seconds int) string
	// EpisodeNotes counts the notes about one video; when set, a channel note's episode
	// headings (`### [Title](https://www.youtube.com/watch?v=ID)`) show that count.
	EpisodeNotes func(videoID string) int
	// NotesLinkingTo counts the notes that link to name, which no note has: the preview of a
	// link to a note not written yet says how many. Nil leaves the count out.
	NotesLinkingTo func(name string) int
}

// VaultInput wires a RenderInput to a vault: the note at p is read through v.Source,
// links are resolved in the current index snapshot, embeds and images are read through the
// vault's guarded readers. Call it off the UI goroutine, together with RenderNote.
func VaultInput(v *vault.Vault, p string) (RenderInput, error) {
	ix := v.Index()
	n := ix.Note(p)
	if n == nil {
		return RenderInput{}, fmt.Errorf("render %s: %w", p, errNoSuchNote)
	}
	src, err := v.Source(p)
	if err != nil {
		return RenderInput{}, fmt.Errorf("render %s: %w", p, err)
	}
	return RenderInput{
		Source:  src,
		Note:    n,
		Resolve: ix.Resolve,
		LoadNote: func(p string) ([]byte, *vault.Note, bool) {
			n := ix.Note(p)
			if n == nil {
				return nil, nil, false
			}
			src, err := v.Source(p)
			return src, n, err == nil
		},
		LoadImage: v.ReadFile,
	}, nil
}

var errNoSuchNote = errors.New("no such note")

// RenderedNote is a note turned into rows of rich text, ready for NoteView.ShowNote. It is
// built off the UI goroutine by RenderNote and holds no widgets: those are made when a row
// scrolls into view. Its fold states belong to it, so a note shown again keeps them. One
// NoteView shows it at a time.
type RenderedNote struct {
	// Note is the note rendered (its title, path, properties and tags fill the header).
	Note *vault.Note
	// Problems are what could not be shown as written (a timestamp that is not a time, a
	// missing embed, an image that could not be read), as "line: message" text.
	Problems []string

	rows     []*noteBlock
	headings []renderedHeading
	header   noteHeaderData
	act      *noteActions
}

// renderedHeading is one heading of the shown note and the row it starts.
type renderedHeading struct {
	anchor, text string
	row          int
}

// Path is the vault-relative path of the note.
func (r *RenderedNote) Path() string { return r.Note.Path }

// Text returns the note as the reader sees it, as plain text: one line per paragraph, no
// markup, hidden content left out. It is what tests and a "copy note" command can use, since
// Fyne's rich text cannot be selected.
func (r *RenderedNote) Text() string {
	var b strings.Builder
	for _, row := range r.rows {
		row.writeText(&b)
	}
	return b.String()
}

// noteBlockKind says how a noteBlock is drawn.
type noteBlockKind uint8

const (
	// flowBlock is rich text: paragraphs, headings, lists, tables, code, rules, images.
	flowBlock noteBlockKind = iota
	// calloutBlock is a coloured box with a title and foldable body.
	calloutBlock
	// quoteBlock is a block quote: its children behind a bar.
	quoteBlock
	// embedBlock is another note (or a section of it) shown inside a frame.
	embedBlock
)

// noteBlock is one block of a rendered note. The top level of a note is a list of them, one
// per Markdown block, so a long note can be shown a screenful at a time.
type noteBlock struct {
	kind     noteBlockKind
	segs     []widget.RichTextSegment // flowBlock
	children []*noteBlock             // calloutBlock, quoteBlock, embedBlock
	callout  *calloutState
	embed    *embedInfo
	// offset is the byte offset of the block in the note's file (-1 inside embeds).
	offset int
	// heading is the level of a heading row, 0 otherwise.
	heading int
	// continued is set on the rows after the first of a paragraph cut into several.
	continued bool
}

// calloutState is what a callout shows and whether it is folded now.
type calloutState struct {
	family calloutFamily
	// title is the title line; nil shows the type's name.
	title    []widget.RichTextSegment
	typeName string
	foldable bool
	folded   bool
}

// embedInfo describes an embedded note.
type embedInfo struct {
	title, path, fragment string
	// problem explains why nothing (or not everything) is shown; "" when all is well.
	problem string
}

// maxEmbedDepth bounds how deep embeds nest (an embed in an embed in an embed).
const maxEmbedDepth = 3

// maxEmbedBytes bounds how much of another note an embed shows: the rest is one tap away.
const maxEmbedBytes = 64 << 10

// maxListRow is how many items of a long top-level list go in one row.
const maxListRow = 40

// RenderNote turns a note into a RenderedNote. It parses with vault.Markdown(), walks the
// syntax tree once and does no UI work, so it may run on any goroutine; the result is shown
// with NoteView.ShowNote on the UI goroutine. Images are decoded here too. What the UI
// goroutine does with the result is bounded (see render_limit.go): a note too large, a line
// too long or nesting too deep is shown in part, with a notice at its top and bottom, and a
// block too large to lay out at once is split into rows.
func RenderNote(in RenderInput) *RenderedNote {
	n := in.Note
	if n == nil {
		n = vault.ParseNote("untitled.md", in.Source)
	}
	out := &RenderedNote{Note: n, act: &noteActions{footnotes: map[int]int{}, footnoteRefs: map[int]int{}}}
	start := min(max(n.BodyOffset, 0), len(in.Source))
	body := limitBody(in.Source[start:], maxShownBytes, maxShownLine, maxShownRun)
	r := &noteRenderer{
		in:       &in,
		note:     n,
		src:      body.src,
		base:     start,
		videoID:  n.VideoID,
		videoURL: in.VideoURL,
		episodes: in.EpisodeNotes,
		act:      out.act,
		top:      true,
		problems: &out.Problems,
		images:   map[string]*loadedImage{},
	}
	// Any link may be previewed, in the body, the header or an embed.
	out.act.keepPreviewInput(&in)
	// Headings are found by their offset in what is parsed.
	r.headingAnchors = map[int]vault.Heading{}
	for _, h := range n.Headings {
		if at, ok := body.srcOffset(h.Offset - start); ok {
			r.headingAnchors[start+at] = h
		}
	}
	shown := start + body.shown
	notice := body.limitNotice(len(in.Source), shown, n.BodyLine)
	if notice != nil {
		r.rows = append(r.rows, notice)
	}
	doc := vault.Markdown().Parser().Parse(text.NewReader(r.src))
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		from := len(r.rows)
		r.row = from
		r.rows = boundRows(r.blockNode(c, r.rows), from, r.act)
	}
	if notice != nil {
		body.mapOffsets(r.rows, start)
		r.rows = append(r.rows, body.limitNotice(len(in.Source), shown, n.BodyLine))
		out.Problems = append(out.Problems, body.limitProblems(n.BodyLine, len(in.Source), shown)...)
	}
	out.rows = r.rows
	out.headings = r.headings
	out.header = r.header(out.Problems)
	return out
}

// noteRenderer walks one note's syntax tree into blocks. An embed gets a renderer of its own
// (sub) for the embedded note, one level deeper.
type noteRenderer struct {
	in       *RenderInput
	note     *vault.Note
	src      []byte // the note's body: the goldmark input
	base     int    // offset of src in the file
	videoID  string
	videoURL func(string, int) string
	episodes func(string) int
	act      *noteActions
	problems *[]string
	images   map[string]*loadedImage

	// top is true for the note shown (not an embed): only it has rows, anchors, footnotes.
	top            bool
	rows           []*noteBlock
	row            int // the top-level row being built
	headings       []renderedHeading
	headingAnchors map[int]vault.Heading

	depth int      // embed depth
	chain []string // the notes embedding this one, outermost first
}

// problem records something that could not be shown as written, with its line.
func (r *noteRenderer) problem(n ast.Node, format string, args ...any) {
	if !r.top {
		return
	}
	line := 1 + bytes.Count(r.src[:min(max(n.Pos(), 0), len(r.src))], []byte{'\n'}) + max(r.note.BodyLine-1, 0)
	*r.problems = append(*r.problems, fmt.Sprintf("%d: %s", line, fmt.Sprintf(format, args...)))
}

// offset is the file offset of n, or -1 inside an embed.
func (r *noteRenderer) offset(n ast.Node) int {
	if !r.top {
		return -1
	}
	return r.base + n.Pos()
}

// blockNode appends the blocks of one block-level node to out.
func (r *noteRenderer) blockNode(n ast.Node, out []*noteBlock) []*noteBlock {
	switch n := n.(type) {
	case *ast.Heading:
		return append(out, r.heading(n))
	case *ast.Paragraph, *ast.TextBlock:
		return r.paragraph(n, out)
	case *ast.List:
		return r.topList(n, out)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if seg := codeBlock(n, r.src); seg != nil {
			return append(out, &noteBlock{segs: []widget.RichTextSegment{seg}, offset: r.offset(n)})
		}
		return out
	case *ast.ThematicBreak:
		return append(out, &noteBlock{segs: []widget.RichTextSegment{&widget.SeparatorSegment{}}, offset: r.offset(n)})
	case *md.Callout:
		return append(out, r.callout(n))
	case *ast.Blockquote:
		return append(out, &noteBlock{kind: quoteBlock, children: r.nested(n), offset: r.offset(n)})
	case *ast.HTMLBlock:
		f := &noteFlow{}
		r.htmlBlock(n, f)
		if !f.hasContent() {
			return out
		}
		return append(out, &noteBlock{segs: f.paragraph(), offset: r.offset(n)})
	case *extast.Table:
		return append(out, &noteBlock{segs: []widget.RichTextSegment{r.table(n)}, offset: r.offset(n)})
	case *extast.FootnoteList:
		return r.footnotes(n, out)
	case *md.CalloutTitle:
		return out // read by callout
	}
	// Anything else with block children (a future extension): show its children.
	if n.Type() == ast.TypeBlock && n.HasChildren() {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out = r.blockNode(c, out)
		}
	}
	return out
}

// nested renders the block children of n for a box (callout, quote, embed): runs of rich
// text are merged so the box holds few widgets.
func (r *noteRenderer) nested(n ast.Node) []*noteBlock {
	var out []*noteBlock
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.blockNode(c, out)
	}
	return mergeFlows(out)
}

// mergeFlows joins neighbouring flow blocks into one.
func mergeFlows(blocks []*noteBlock) []*noteBlock {
	var out []*noteBlock
	for _, b := range blocks {
		if last := len(out) - 1; b.kind == flowBlock && last >= 0 && out[last].kind == flowBlock {
			prev := out[last]
			out[last] = &noteBlock{segs: append(append([]widget.RichTextSegment(nil), prev.segs...), b.segs...), offset: prev.offset}
			continue
		}
		out = append(out, b)
	}
	return out
}

// headingStyle is the text style of a heading level.
func headingStyle(level int) inlineStyle {
	st := inlineStyle{style: fyne.TextStyle{Bold: true}, size: theme.SizeNameText}
	switch level {
	case 1:
		st.size = theme.SizeNameHeadingText
	case 2:
		st.size = theme.SizeNameSubHeadingText
	case 3:
		st.color = theme.ColorNamePrimary
	default:
		st.style.Italic = level >= 5
	}
	return st
}

// chipURL is the address a chip at seconds opens, "" without a valid video.
func (r *noteRenderer) chipURL(seconds int) string {
	if r.videoURL != nil {
		return r.videoURL(r.videoID, seconds)
	}
	return vault.VideoURL(r.videoID, seconds)
}

// episodeVideo returns the video id of a channel note's episode heading: one whose link
// points at a YouTube watch page.
func episodeVideo(n *ast.Heading) string {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		l, ok := c.(*ast.Link)
		if !ok {
			continue
		}
		u, err := url.Parse(string(l.Destination))
		if err != nil || !strings.HasSuffix(strings.ToLower(u.Host), "youtube.com") || u.Path != "/watch" {
			continue
		}
		if id := u.Query().Get("v"); vault.ValidVideoID(id) {
			return id
		}
	}
	return ""
}

func (r *noteRenderer) heading(n *ast.Heading) *noteBlock {
	f := &noteFlow{}
	r.inlines(n, headingStyle(n.Level), f)
	if r.episodes != nil {
		if id := episodeVideo(n); id != "" {
			if k := r.episodes(id); k > 0 {
				label := fmt.Sprintf("  · %d notes", k)
				if k == 1 {
					label = "  · 1 note"
				}
				f.text(label, widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder})
			}
		}
	}
	b := &noteBlock{segs: f.paragraph(), offset: r.offset(n), heading: n.Level}
	if r.top {
		h, ok := r.headingAnchors[r.base+n.Pos()]
		if !ok {
			h = vault.Heading{Text: strings.TrimSpace(f.plain()), Anchor: ""}
		}
		r.headings = append(r.headings, renderedHeading{anchor: h.Anchor, text: h.Text, row: r.row})
	}
	return b
}

// paragraph renders a paragraph. A note embed on its own becomes a block of its own, so the
// paragraph is split around it.
func (r *noteRenderer) paragraph(n ast.Node, out []*noteBlock) []*noteBlock {
	f := &noteFlow{}
	off := r.offset(n)
	f.split = func(b *noteBlock) {
		if f.hasContent() {
			out = append(out, &noteBlock{segs: f.paragraph(), offset: off})
		}
		f.reset()
		b.offset = off
		out = append(out, b)
	}
	r.inlines(n, inlineStyle{}, f)
	if !f.hasContent() {
		return out
	}
	if !r.top {
		return append(out, &noteBlock{segs: f.paragraph(), offset: off})
	}
	for i, part := range splitParagraph(f.paragraph(), maxParagraphRow) {
		out = append(out, &noteBlock{segs: part, offset: off, continued: i > 0})
	}
	return out
}

// maxParagraphRow is about how much text of one paragraph goes in one row: a transcript
// pasted as one huge paragraph is shown a screenful at a time like any long note.
const maxParagraphRow = 4 << 10

// splitParagraph cuts a long paragraph into parts of about size bytes of text, after the end
// of a sentence where it can. Each part is rich text of its own, ended like a paragraph.
func splitParagraph(segs []widget.RichTextSegment, size int) [][]widget.RichTextSegment {
	total := 0
	for _, s := range segs {
		total += len(s.Textual())
	}
	if total < 2*size {
		return [][]widget.RichTextSegment{segs}
	}
	var parts [][]widget.RichTextSegment
	var cur []widget.RichTextSegment
	n := 0
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		t, plain := s.(*widget.TextSegment)
		if plain && t.Style.Inline && n+len(t.Text) > size && (i+1 == len(segs) || !zeroWidth(segs[i+1])) {
			if cut := sentenceEnd(t.Text, max(size-n, 0)); cut > 0 && cut < len(t.Text) {
				head := &widget.TextSegment{Style: t.Style, Text: t.Text[:cut]}
				parts = append(parts, append(cur, head, paragraphEnd()))
				cur, n = nil, 0
				rest := &widget.TextSegment{Style: t.Style, Text: strings.TrimLeft(t.Text[cut:], " ")}
				segs = append(segs[:i+1:i+1], segs[i+1:]...)
				segs[i] = rest
				i--
				continue
			}
		}
		cur = append(cur, s)
		n += len(s.Textual())
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts
}

// sentenceEnd is where to cut text at or after byte from: after a sentence's end, else after
// a space; 0 when there is neither.
func sentenceEnd(text string, from int) int {
	if from >= len(text) {
		return 0
	}
	if i := strings.Index(text[from:], ". "); i >= 0 {
		return from + i + 2
	}
	if i := strings.IndexByte(text[from:], ' '); i >= 0 {
		return from + i + 1
	}
	return 0
}

// topList renders a list; a long list at the top level is cut into rows of maxListRow items.
func (r *noteRenderer) topList(n *ast.List, out []*noteBlock) []*noteBlock {
	count := n.ChildCount()
	if !r.top || count <= maxListRow {
		return append(out, &noteBlock{segs: r.list(n, 0, 0, count), offset: r.offset(n)})
	}
	item := n.FirstChild()
	for from := 0; from < count; from += maxListRow {
		out = append(out, &noteBlock{segs: r.list(n, 0, from, from+maxListRow), offset: r.offset(item)})
		for i := 0; i < maxListRow && item != nil; i++ {
			item = item.NextSibling()
		}
		r.row = len(out)
	}
	return out
}

// listIndent is the indentation of one list level, in spaces of the body font.
const listIndent = "     "

// list renders items [from, to) of a list at the given depth.
func (r *noteRenderer) list(n *ast.List, depth, from, to int) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	num := n.Start
	i := 0
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if i >= from && i < to {
			segs = append(segs, r.listItem(item, n, depth, num)...)
		}
		i++
		num++
	}
	return segs
}

// bullets are the unordered list markers by depth.
var bullets = []string{"•", "◦", "–"}

func (r *noteRenderer) listItem(item ast.Node, list *ast.List, depth, num int) []widget.RichTextSegment {
	indent := strings.Repeat(listIndent, depth)
	marker := &noteFlow{}
	if list.IsOrdered() {
		marker.text(fmt.Sprintf("%s%d%c ", indent, num, list.Marker), widget.RichTextStyleStrong)
	} else if box := taskBoxOf(item); box != nil {
		taskMarker(indent, box.IsChecked, marker)
	} else {
		marker.text(indent+bullets[depth%len(bullets)]+"  ", widget.RichTextStyleStrong)
	}
	content := &noteFlow{}
	var after []widget.RichTextSegment
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.TextBlock, *ast.Paragraph:
			if content.hasContent() {
				content.add(paragraphEnd())
			}
			r.inlines(c, inlineStyle{}, content)
		case *ast.List:
			after = append(after, r.list(c, depth+1, 0, c.ChildCount())...)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if seg := codeBlock(c, r.src); seg != nil {
				content.add(seg)
			}
		default:
			for _, b := range r.blockNode(c, nil) {
				if b.kind == flowBlock {
					content.add(&widget.ParagraphSegment{Texts: b.segs})
				} else {
					content.add(&blockSegment{block: b, act: r.act})
				}
			}
		}
	}
	row := &widget.ParagraphSegment{Texts: append(marker.done(), &widget.ParagraphSegment{Texts: content.done()})}
	return append([]widget.RichTextSegment{row}, after...)
}

// taskBoxOf returns the check box a task list item starts with, or nil.
func taskBoxOf(item ast.Node) *extast.TaskCheckBox {
	if first := item.FirstChild(); first != nil {
		box, _ := first.FirstChild().(*extast.TaskCheckBox)
		return box
	}
	return nil
}

// paragraphEnd ends a paragraph inside rich text, as Fyne's own Markdown renderer does.
func paragraphEnd() *widget.TextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph}
}

// codeBlock is a fenced or indented code block as one monospace panel.
func codeBlock(n ast.Node, src []byte) widget.RichTextSegment {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	s := strings.TrimRight(b.String(), "\n")
	if s == "" {
		return nil
	}
	return &widget.CodeBlockSegment{Text: strings.ReplaceAll(s, "\t", "    ")}
}

func (r *noteRenderer) callout(n *md.Callout) *noteBlock {
	st := &calloutState{family: calloutFamilyOf(n.CalloutType), typeName: n.CalloutType, foldable: n.Fold != 0, folded: n.Fold == '-'}
	b := &noteBlock{kind: calloutBlock, callout: st, offset: r.offset(n)}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*md.CalloutTitle); ok {
			f := &noteFlow{}
			r.inlines(t, inlineStyle{style: fyne.TextStyle{Bold: true}}, f)
			if f.hasContent() {
				st.title = f.done()
			}
		}
	}
	b.children = r.nested(n)
	return b
}

// table renders a GFM table; each cell holds inline content.
func (r *noteRenderer) table(n *extast.Table) widget.RichTextSegment {
	seg := &widget.TableSegment{}
	for _, a := range n.Alignments {
		switch a {
		case extast.AlignCenter:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignCenter)
		case extast.AlignRight:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignTrailing)
		default:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignLeading)
		}
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]widget.RichTextSegment
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			f := &noteFlow{}
			r.inlines(cell, inlineStyle{}, f)
			cells = append(cells, f.done())
		}
		if _, ok := row.(*extast.TableHeader); ok {
			seg.Headers = cells
		} else {
			seg.Rows = append(seg.Rows, cells)
		}
	}
	return seg
}

// footnotes renders the footnote list at the end of a note, one row per footnote so a
// reference scrolls right to it.
func (r *noteRenderer) footnotes(n *extast.FootnoteList, out []*noteBlock) []*noteBlock {
	if !r.top {
		return out
	}
	out = append(out, &noteBlock{segs: []widget.RichTextSegment{&widget.SeparatorSegment{}}, offset: r.offset(n)})
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*extast.Footnote)
		if !ok {
			continue
		}
		r.row = len(out)
		r.act.footnotes[fn.Index] = r.row
		f := &noteFlow{}
		f.text(fmt.Sprintf("%d. ", fn.Index), widget.RichTextStyleStrong)
		for p := fn.FirstChild(); p != nil; p = p.NextSibling() {
			if p != fn.FirstChild() && p.Type() == ast.TypeBlock {
				f.text(" ", widget.RichTextStyleInline)
			}
			r.inlines(p, inlineStyle{size: theme.SizeNameText}, f)
		}
		out = append(out, &noteBlock{segs: f.paragraph(), offset: r.offset(fn)})
	}
	return out
}

// inlineStyle is the style inline content inherits from what encloses it.
type inlineStyle struct {
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	color fyne.ThemeColorName
	mark  bool // ==highlight==
}

// text is the RichTextStyle of plain text in this style.
func (s inlineStyle) text() widget.RichTextStyle {
	st := widget.RichTextStyle{Inline: true, SizeName: s.size, ColorName: s.color, TextStyle: s.style}
	if st.SizeName == "" {
		st.SizeName = theme.SizeNameText
	}
	if st.ColorName == "" {
		st.ColorName = theme.ColorNameForeground
	}
	return st
}

// write appends text in this style.
func (s inlineStyle) write(text string, f *noteFlow) {
	if s.mark {
		highlight(text, s.text(), f)
		return
	}
	f.text(text, s.text())
}

// sizeName is the size of text in this style.
func (s inlineStyle) sizeName() fyne.ThemeSizeName {
	if s.size == "" {
		return theme.SizeNameText
	}
	return s.size
}

// suppressedHTML are the elements whose content is never shown (docs/FORMAT.md §5.2).
var suppressedHTML = map[string]bool{"script": true, "style": true, "iframe": true, "object": true, "noscript": true, "template": true, "embed": false}

// inlines renders the inline children of parent into f.
func (r *noteRenderer) inlines(parent ast.Node, st inlineStyle, f *noteFlow) {
	skip := "" // the element whose content is being skipped (<script> ... </script>)
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		if skip != "" {
			if h, ok := c.(*ast.RawHTML); ok {
				if name, closing := htmlTagName(rawHTML(h, r.src)); closing && name == skip {
					skip = ""
				}
			}
			continue
		}
		switch n := c.(type) {
		case *ast.Text:
			var s string
			s, c = r.textRun(n)
			st.write(s, f)
		case *ast.String:
			st.write(string(n.Value), f)
		case *ast.CodeSpan:
			code := widget.RichTextStyleCodeInline
			code.SizeName = st.sizeName()
			f.text(codeSpanText(n, r.src), code)
		case *ast.Emphasis:
			inner := st
			if n.Level >= 2 {
				inner.style.Bold = true
			} else {
				inner.style.Italic = true
			}
			r.inlines(n, inner, f)
		case *extast.Strikethrough:
			inner := st
			inner.style.Strikethrough = true
			r.inlines(n, inner, f)
		case *md.Highlight:
			inner := st
			inner.mark = true
			r.inlines(n, inner, f)
		case *md.Comment:
			f.squeeze = true
		case *md.Tag:
			tag := st
			tag.color = theme.ColorNamePrimary
			f.text("#"+n.Name, tag.text())
		case *md.Timestamp:
			r.timestamp(n, st, f)
		case *md.Wikilink:
			r.wikilink(n, st, f)
		case *ast.Link:
			r.markdownLink(n, st, f)
		case *ast.AutoLink:
			r.autoLink(n, st, f)
		case *ast.Image:
			r.image(n, st, f)
		case *ast.RawHTML:
			raw := rawHTML(n, r.src)
			name, closing := htmlTagName(raw)
			switch {
			case name == "br":
				f.text("\n", st.text())
			case !closing && suppressedHTML[name] && !strings.HasSuffix(raw, "/>"):
				skip = name
				f.squeeze = true
			}
		case *extast.TaskCheckBox:
			// Drawn as the item's marker by listItem.
		case *extast.FootnoteLink:
			r.footnoteLink(n.Index, st, f)
		case *extast.FootnoteBacklink:
			r.footnoteBacklink(n.Index, st, f)
		default:
			if n.HasChildren() {
				r.inlines(n, st, f)
			}
		}
	}
}

// textRun reads the text of n and of the text nodes right after it: goldmark splits text at
// every character another parser might start at, even inside `&#33;`. It returns the text
// and the last node read.
func (r *noteRenderer) textRun(n *ast.Text) (string, ast.Node) {
	var b strings.Builder
	last := n
	for {
		b.Write(last.Value(r.src))
		next, ok := last.NextSibling().(*ast.Text)
		if !ok || last.SoftLineBreak() || last.HardLineBreak() || next.IsRaw() != n.IsRaw() || next.Segment.Start != last.Segment.Stop {
			break
		}
		last = next
	}
	s := b.String()
	if !n.IsRaw() {
		s = unescape(s)
	}
	if last.NextSibling() == nil {
		s = stripBlockID(s)
	}
	switch {
	case last.HardLineBreak():
		s += "\n"
	case last.SoftLineBreak():
		s += " "
	}
	return s, last
}

// unescape resolves backslash escapes and character references in Markdown text, as
// goldmark's HTML renderer does.
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	return html.UnescapeString(string(util.UnescapePunctuations([]byte(s))))
}

// stripBlockID drops a trailing Obsidian block id (` ^abc-123`): it names the block for
// `[[note#^abc-123]]` links and is not shown.
func stripBlockID(s string) string {
	t := strings.TrimRight(s, " \t")
	i := strings.LastIndexByte(t, '^')
	if i < 0 || i == len(t)-1 || (i > 0 && t[i-1] != ' ' && t[i-1] != '\t') {
		return s
	}
	for _, c := range t[i+1:] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return s
		}
	}
	return strings.TrimRight(t[:i], " \t")
}

// codeSpanText is the text of a code span: its raw children, line ends as spaces.
func codeSpanText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Value(src)
			if len(v) > 0 && v[len(v)-1] == '\n' {
				b.Write(v[:len(v)-1])
				b.WriteByte(' ')
			} else {
				b.Write(v)
			}
		case *ast.String:
			b.Write(t.Value)
		}
	}
	return b.String()
}

// plainText is the text inside n, for link labels and alt texts.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(string(t.Value(src))))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			b.WriteString(codeSpanText(t, src))
			return ast.WalkSkipChildren, nil
		case *md.Wikilink:
			b.WriteString(wikilinkLabel(t))
		case *md.Timestamp:
			b.WriteString(t.Label)
		case *md.Tag:
			b.WriteString("#" + t.Name)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// wikilinkLabel is what a wikilink shows: its alias, else its target and heading.
func wikilinkLabel(w *md.Wikilink) string {
	if w.Alias != "" {
		return w.Alias
	}
	target := strings.TrimSuffix(w.Target, ".md")
	switch {
	case w.Fragment == "":
		return target
	case target == "":
		return strings.TrimPrefix(w.Fragment, "^")
	default:
		return target + " › " + strings.TrimPrefix(w.Fragment, "^")
	}
}

// resolve finds a link target from this note.
func (r *noteRenderer) resolve(target string) string {
	if r.in.Resolve == nil {
		return ""
	}
	return r.in.Resolve(r.note.Path, target)
}

func (r *noteRenderer) wikilink(w *md.Wikilink, st inlineStyle, f *noteFlow) {
	target := r.resolve(w.Target)
	if w.Embed {
		r.embed(w, target, st, f)
		return
	}
	label := wikilinkLabel(w)
	if target == "" {
		unresolvedLink(label, unresolvedName(w.Target), st, r.act, f)
		return
	}
	r.noteLinkWords(label, target, w.Fragment, st, f)
}

// unresolvedName is the name an unresolved link points at, as its backlinks know it.
func unresolvedName(target string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(target), ".md"))
}

// noteLink is a link to a file of the vault as a plain Fyne hyperlink, for the header and
// attachments; links in the text are noteLinkWords, which preview the note.
func (r *noteRenderer) noteLink(label, target, fragment string, st inlineStyle) *widget.HyperlinkSegment {
	act := r.act
	return &widget.HyperlinkSegment{Text: label, TextStyle: st.style, SizeName: st.size, OnTapped: func() { act.openLink(target, fragment) }}
}

// externalLink is a link that opens outside the app; only http, https and mailto qualify.
func (r *noteRenderer) externalLink(label string, u *url.URL, st inlineStyle) *widget.HyperlinkSegment {
	act := r.act
	return &widget.HyperlinkSegment{Text: label, URL: u, TextStyle: st.style, SizeName: st.size, OnTapped: func() { act.openURL(u) }}
}

// allowedURL reports whether a link may be opened outside the app.
func allowedURL(u *url.URL) bool {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != "" || u.Path != ""
	}
	return false
}

func (r *noteRenderer) markdownLink(n *ast.Link, st inlineStyle, f *noteFlow) {
	label := strings.TrimSpace(plainText(n, r.src))
	dest := strings.TrimSpace(string(n.Destination))
	if label == "" {
		label = dest
	}
	if u, ok := parseExternal(dest); ok {
		if allowedURL(u) {
			f.add(r.externalLink(label, u, st))
		} else {
			f.text(label, st.text()) // javascript:, file:, data:... are never links
		}
		return
	}
	target, fragment, _ := strings.Cut(dest, "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if f2, err := url.PathUnescape(fragment); err == nil {
		fragment = f2
	}
	if target == "" {
		r.noteLinkWords(label, r.note.Path, fragment, st, f)
		return
	}
	if p := r.resolve(target); p != "" {
		r.noteLinkWords(label, p, fragment, st, f)
		return
	}
	if strings.HasSuffix(strings.ToLower(target), ".md") {
		unresolvedLink(label, unresolvedName(path.Base(target)), st, r.act, f)
		return
	}
	f.text(label, st.text())
}

// parseExternal parses a destination that names a scheme or a host; ok is false for a
// vault-relative destination.
func parseExternal(dest string) (*url.URL, bool) {
	u, err := url.Parse(dest)
	if err != nil {
		// Not a URL; if it looks like one with a scheme it is still not a vault path.
		if i := strings.IndexByte(dest, ':'); i > 0 && !strings.ContainsAny(dest[:i], "/#?") {
			return &url.URL{Scheme: "invalid"}, true
		}
		return nil, false
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return u, true
	}
	return nil, false
}

func (r *noteRenderer) autoLink(n *ast.AutoLink, st inlineStyle, f *noteFlow) {
	label := string(n.Label(r.src))
	raw := string(n.URL(r.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
		raw = "mailto:" + raw
	} else if strings.HasPrefix(strings.ToLower(raw), "www.") {
		raw = "https://" + raw
	}
	if u, err := url.Parse(raw); err == nil && allowedURL(u) {
		f.add(r.externalLink(label, u, st))
		return
	}
	f.text(label, st.text())
}

// timestamp renders a timestamp anchor as a chip, or its text when it is not a time.
func (r *noteRenderer) timestamp(n *md.Timestamp, st inlineStyle, f *noteFlow) {
	if !n.Valid {
		// The vault reports it (Note.Problems); show the text the note shows.
		label := n.Label
		if label == "" {
			label = n.Value
		}
		f.text("["+label+"]", st.text())
		return
	}
	addChip(f, vault.Clock(n.Seconds), r.chipURL(n.Seconds), st.sizeName(), r.act)
}

func (r *noteRenderer) footnoteLink(index int, st inlineStyle, f *noteFlow) {
	label := fmt.Sprintf("[%d]", index)
	if !r.top {
		f.text(label, st.text())
		return
	}
	if _, seen := r.act.footnoteRefs[index]; !seen {
		r.act.footnoteRefs[index] = r.row
	}
	act := r.act
	f.add(&widget.HyperlinkSegment{Text: label, TextStyle: st.style, SizeName: theme.SizeNameCaptionText, OnTapped: func() { act.scrollToRow(act.footnotes[index]) }})
}

func (r *noteRenderer) footnoteBacklink(index int, st inlineStyle, f *noteFlow) {
	if !r.top {
		return
	}
	act := r.act
	f.text(" ", st.text())
	f.add(&widget.HyperlinkSegment{Text: "↑", TextStyle: st.style, OnTapped: func() { act.scrollToRow(act.footnoteRefs[index]) }})
}

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
	case *overlaySegment, *matchSegment, *punctSegment:
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
			if next, ok := segs[i+1].(*overlaySegment); ok && (next.kind == overlayBox || next.kind == overlayChip && next.placeholder == s) {
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
	case *widget.CodeBlockSegment:
		w.WriteString(s.Text + "\n")
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
