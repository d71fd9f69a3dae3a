package widgets

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"vaultview/vault"
	md "vaultview/vault/markdown"
)

// embed renders `![[target]]`: an image, another note (or a section of it) in a frame, or a
// link to any other attachment.
func (r *noteRenderer) embed(w *md.Wikilink, target string, st inlineStyle, f *noteFlow) {
	label := wikilinkLabel(w)
	if target == "" {
		unresolvedLink(label, unresolvedName(w.Target), st, r.act, f)
		return
	}
	ext := strings.ToLower(path.Ext(target))
	switch {
	case imageExts[ext]:
		r.imageEmbed(w, target, st, f)
	case ext == ".md":
		b := r.embedNote(w, target)
		if b.embed.problem != "" && b.embed.problem != embedCycle && b.embed.problem != embedTooDeep {
			r.problem(w, "embed %s: %s", target, b.embed.problem)
		}
		if f.split != nil {
			f.split(b)
		} else {
			f.add(&blockSegment{block: b, act: r.act})
		}
	case ext == ".base" && r.in.RunBase != nil:
		r.baseEmbed(w, target, f)
	default:
		size := int64(-1)
		if r.in.FileSize != nil {
			if n, ok := r.in.FileSize(target); ok {
				size = n
			}
		}
		f.add(&attachmentSegment{path: target, size: size, act: r.act})
	}
}

// What an embed says when it stops, rather than showing a note again or ever deeper.
var (
	embedCycle   = "This note is already shown here: embedding it again would never end."
	embedTooDeep = fmt.Sprintf("Embeds nest more than %d deep here; open the note to read it.", maxEmbedDepth)
)

// embedNote renders the note at target, or the section w names, inside a frame. Embeds
// nest at most maxEmbedDepth deep and a note never embeds itself, however indirectly.
func (r *noteRenderer) embedNote(w *md.Wikilink, target string) *noteBlock {
	info := &embedInfo{title: strings.TrimSuffix(path.Base(target), ".md"), path: target, fragment: w.Fragment}
	b := &noteBlock{kind: embedBlock, embed: info, offset: -1}
	switch {
	case target == r.note.Path || slices.Contains(r.chain, target):
		info.problem = embedCycle
		return b
	case r.depth >= maxEmbedDepth:
		info.problem = embedTooDeep
		return b
	case r.in.LoadNote == nil:
		info.problem = "Embedded notes are not loaded here."
		return b
	}
	if r.deps != nil && !slices.Contains(r.deps.embeds, target) {
		r.deps.embeds = append(r.deps.embeds, target)
	}
	src, n, ok := r.in.LoadNote(target)
	if !ok || n == nil {
		info.problem = "The note could not be read."
		return b
	}
	info.title = n.Title
	start := min(max(n.BodyOffset, 0), len(src))
	sub := &noteRenderer{
		in:       r.in,
		note:     n,
		src:      src[start:],
		base:     start,
		videoID:  n.VideoID,
		act:      r.act,
		problems: r.problems,
		images:   r.images,
		depth:    r.depth + 1,
		chain:    append(slices.Clone(r.chain), r.note.Path),
		formulas: r.formulas,
		deps:     r.deps,
	}
	doc := vault.Markdown().Parser().Parse(text.NewReader(sub.src))
	var blocks []*noteBlock
	var found bool
	switch {
	case strings.HasPrefix(w.Fragment, "^"):
		blocks, found = sub.blockRef(doc, w.Fragment[1:])
	case w.Fragment != "":
		blocks, found = sub.section(doc, w.Fragment)
	default:
		blocks, found = sub.whole(doc, info), true
	}
	if !found {
		info.problem = fmt.Sprintf("There is no %q in this note.", w.Fragment)
	}
	b.children = mergeFlows(blocks)
	return b
}

// whole renders a whole note, up to maxEmbedBytes of it.
func (r *noteRenderer) whole(doc ast.Node, info *embedInfo) []*noteBlock {
	var out []*noteBlock
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Pos() > maxEmbedBytes {
			info.problem = "The note goes on; open it to read the rest."
			break
		}
		out = r.blockNode(c, out)
	}
	return out
}

// section renders the heading named by fragment and what follows it up to the next heading
// of the same or a higher level.
func (r *noteRenderer) section(doc ast.Node, fragment string) ([]*noteBlock, bool) {
	want := vault.NormalizeName(fragment)
	offset := -1
	for _, h := range r.note.Headings {
		if vault.NormalizeName(h.Text) == want || h.Anchor == strings.ToLower(fragment) {
			offset = h.Offset
			break
		}
	}
	var out []*noteBlock
	level := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, isHeading := c.(*ast.Heading)
		if level == 0 {
			if isHeading && (r.base+c.Pos() == offset || offset < 0 && vault.NormalizeName(plainText(h, r.src)) == want) {
				level = h.Level
				out = r.blockNode(c, out)
			}
			continue
		}
		if isHeading && h.Level <= level || c.Pos() > maxEmbedBytes+r.base+offset {
			break
		}
		out = r.blockNode(c, out)
	}
	return out, level > 0
}

// blockRef renders the block that ends with `^id`: the paragraph, or the list item, it
// names.
func (r *noteRenderer) blockRef(doc ast.Node, id string) ([]*noteBlock, bool) {
	at := blockIDOffset(r.src, id)
	if at < 0 {
		return nil, false
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		next := len(r.src)
		if s := c.NextSibling(); s != nil {
			next = s.Pos()
		}
		if at < c.Pos() || at >= next {
			continue
		}
		if l, ok := c.(*ast.List); ok {
			i := 0
			for item := l.FirstChild(); item != nil; item = item.NextSibling() {
				end := next
				if s := item.NextSibling(); s != nil {
					end = s.Pos()
				}
				if at < end {
					return []*noteBlock{{segs: r.list(l, 0, i, i+1), offset: -1}}, true
				}
				i++
			}
		}
		return r.blockNode(c, nil), true
	}
	return nil, false
}

// blockIDOffset finds ` ^id` at the end of a line of src.
func blockIDOffset(src []byte, id string) int {
	needle := []byte("^" + id)
	for from := 0; ; {
		i := bytes.Index(src[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(needle)
		before := i == 0 || src[i-1] == ' ' || src[i-1] == '\t'
		after := end == len(src) || src[end] == '\n' || src[end] == '\r' || src[end] == ' '
		if before && after {
			return i
		}
		from = end
	}
}
