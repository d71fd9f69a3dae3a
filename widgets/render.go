package widgets

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"vaultview/vault"
	"vaultview/vault/bases"
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
	// Videos lists the vault's videos (vault.Index.VideoList), for a ```videos block; nil
	// shows such a block as code. ok is false while the vault is still being read.
	Videos func() (videos []vault.Video, ok bool)
	// RunBase runs the view called view ("" for the first) of the base at path over the
	// vault's notes, this being the note that embeds it, for `![[X.base#View]]`; nil shows
	// such an embed as a card.
	RunBase func(path, view string, this *vault.Note) (bases.Table, []string, error)
	// FileSize returns the size of a vault file, for the card an embedded attachment shows;
	// nil or false leaves the size out.
	FileSize func(path string) (int64, bool)
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
	// deps is what the note shows of other files.
	deps renderDeps
}

// renderDeps is what a rendered note shows of other files than its own.
type renderDeps struct {
	// live is set when it shows what the whole vault holds: an embedded base's rows, a
	// ```videos block.
	live bool
	// embeds are the notes it embeds, at any depth.
	embeds []string
}

// Stale reports whether the reload r leaves the note showing something old of another
// file: any change when it shows a base or a videos block, else a change to a note it
// embeds. (A change to the note itself is the caller's to see.)
func (r *RenderedNote) Stale(rl vault.Reload) bool {
	if r.deps.live || rl.Rescan {
		return r.deps.live || len(r.deps.embeds) > 0
	}
	for _, p := range r.deps.embeds {
		_, renamed := rl.Renamed[p]
		if renamed || slices.Contains(rl.Changed, p) || slices.Contains(rl.Added, p) || slices.Contains(rl.Removed, p) {
			return true
		}
	}
	return false
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
	out := &RenderedNote{Note: n, act: &noteActions{footnotes: map[int]int{}, footnoteRefs: map[int]int{}, footnoteTexts: map[int]string{}}}
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
		formulas: new(int),
		deps:     &out.deps,
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
		// Where the note stops short, the notice is said again there; a note only shown
		// less deep is all there, and once is enough.
		if shown < len(in.Source) || len(body.cuts) > 0 {
			r.rows = append(r.rows, body.limitNotice(len(in.Source), shown, n.BodyLine))
		}
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

	// formulas counts the display formulas typeset so far (math.go), shared with embeds.
	formulas *int
	// deps is RenderedNote.deps, shared with embeds: a base in an embedded note makes the
	// embedding note live too.
	deps *renderDeps
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
		if seg := r.codeBlock(n); seg != nil {
			return append(out, &noteBlock{segs: []widget.RichTextSegment{seg}, offset: r.offset(n)})
		}
		return out
	case *ast.ThematicBreak:
		return append(out, &noteBlock{segs: []widget.RichTextSegment{&widget.SeparatorSegment{}}, offset: r.offset(n)})
	case *md.MathBlock:
		if seg := r.mathBlock(n); seg != nil {
			return append(out, &noteBlock{segs: []widget.RichTextSegment{seg}, offset: r.offset(n)})
		}
		return out
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
