package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Callouts are found in two steps, because goldmark parses inlines only after all blocks:
//
//  1. calloutParagraphTransformer runs when the first paragraph of a block quote closes,
//     still before inline parsing. If its first line is `[!type]...`, that line leaves the
//     paragraph and becomes a CalloutTitle block holding just the title text. The title is
//     then parsed on its own, so `[!type]` never meets the link parser, no inline can reach
//     from the title into the body, and body lines can still form a table or a heading.
//  2. calloutASTTransformer runs after parsing and turns each marked block quote into a
//     Callout. It cannot be done in step 1: the block quote is still open then, and
//     goldmark keeps adding the following lines to that very node.

// pendingCalloutsKey keys the []pendingCallout of one Parse call.
var pendingCalloutsKey = parser.NewContextKey()

// pendingCallout is a block quote that step 1 found to be a callout.
type pendingCallout struct {
	quote *ast.Blockquote
	title *CalloutTitle
	typ   string
	fold  byte
}

// calloutParagraphTransformer is step 1.
type calloutParagraphTransformer struct{}

// Transform implements parser.ParagraphTransformer.
func (calloutParagraphTransformer) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	quote, ok := p.Parent().(*ast.Blockquote)
	if !ok || quote.FirstChild() != p || p.Lines().Len() == 0 {
		return
	}
	lines := p.Lines()
	first := lines.At(0)
	typ, fold, title, ok := parseCalloutLine(first, reader.Source())
	if !ok {
		return
	}
	t := &CalloutTitle{}
	t.SetPos(first.Start)
	if title.Len() > 0 {
		t.Lines().Append(title)
	}
	t.SetBlankPreviousLines(p.HasBlankPreviousLines())
	quote.InsertBefore(quote, p, t)
	if lines.Len() == 1 {
		quote.RemoveChild(quote, p)
	} else {
		lines.SetSliced(1, lines.Len())
		p.SetPos(lines.At(0).Start)
		p.SetBlankPreviousLines(false)
	}
	pending, _ := pc.Get(pendingCalloutsKey).([]pendingCallout)
	pc.Set(pendingCalloutsKey, append(pending, pendingCallout{quote: quote, title: t, typ: typ, fold: fold}))
}

// parseCalloutLine reads `[!type]`, an optional fold sign and an optional title from the
// first line of a block quote's paragraph. The returned title segment is trimmed and may
// be empty.
func parseCalloutLine(line text.Segment, source []byte) (typ string, fold byte, title text.Segment, ok bool) {
	v := line.Value(source)
	i := 0
	for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
		i++
	}
	t, f, n, ok := CalloutMarker(v[i:])
	if !ok {
		return "", 0, title, false
	}
	typ, fold = strings.ToLower(string(t)), f
	k := i + n
	for k < len(v) && (v[k] == ' ' || v[k] == '\t') {
		k++
	}
	end := len(v)
	for end > k && (v[end-1] == ' ' || v[end-1] == '\t' || v[end-1] == '\r' || v[end-1] == '\n') {
		end--
	}
	// v starts with line.Padding spaces that are not in source; k sits past the `]`,
	// hence past them.
	off := line.Start - line.Padding
	title = text.NewSegment(off+k, off+end)
	return typ, fold, title, true
}

// calloutASTTransformer is step 2.
type calloutASTTransformer struct{}

// Transform implements parser.ASTTransformer.
func (calloutASTTransformer) Transform(_ *ast.Document, _ text.Reader, pc parser.Context) {
	pending, _ := pc.Get(pendingCalloutsKey).([]pendingCallout)
	pc.Set(pendingCalloutsKey, nil)
	for _, c := range pending {
		parent := c.quote.Parent()
		if parent == nil || c.quote.FirstChild() != c.title {
			continue
		}
		callout := &Callout{CalloutType: c.typ, Fold: c.fold}
		callout.SetPos(c.quote.Pos())
		callout.SetBlankPreviousLines(c.quote.HasBlankPreviousLines())
		for child := c.quote.FirstChild(); child != nil; {
			next := child.NextSibling()
			callout.AppendChild(callout, child)
			child = next
		}
		parent.ReplaceChild(parent, c.quote, callout)
	}
}
