package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	md "vaultview/vault/markdown"
)

// The blocks of a note: long paragraphs split at sentences, lists, code, callouts, tables
// and footnotes, each turned into rich text.

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
			if seg := r.codeBlock(c); seg != nil {
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

// codeBlock is a fenced or indented code block as one monospace panel, coloured when its
// fence names a language (codeSegment); a mermaid block is drawn as its diagram when it can
// be (mermaidBlock).
func (r *noteRenderer) codeBlock(n ast.Node) widget.RichTextSegment {
	src := r.src
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	s := strings.TrimRight(b.String(), "\n")
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	if lang == "videos" && r.in.Videos != nil {
		return r.videosBlock(s)
	}
	if s == "" {
		return nil
	}
	if lang == "mermaid" {
		return r.mermaidBlock(s)
	}
	return newCodeSegment(lang, strings.ReplaceAll(s, "\t", "    "))
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
		b := &noteBlock{segs: f.paragraph(), offset: r.offset(fn)}
		var text strings.Builder
		b.writeText(&text)
		r.act.footnoteTexts[fn.Index] = footnoteText(text.String(), fn.Index)
		out = append(out, b)
	}
	return out
}

// footnoteText is the text of footnote n as its row reads, without its number in front and
// the ↑ back to the reference at its end.
func footnoteText(row string, n int) string {
	row = strings.TrimPrefix(strings.TrimSpace(row), fmt.Sprintf("%d. ", n))
	return strings.TrimSpace(strings.TrimSuffix(row, "↑"))
}
