package vault

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"vaultview/vault/markdown"
)

// Markdown returns the one goldmark configuration of Vaultview. The renderer parses with it
// too, so what the index calls a link is what the reader sees as one.
func Markdown() goldmark.Markdown {
	mdOnce.Do(func() { md = markdown.New() })
	return md
}

var (
	mdOnce sync.Once
	md     goldmark.Markdown
)

// goldmarkFacts parses the body src[start:] with goldmark and collects the same facts the
// scanner does. It is the reference the scanner is tested against, and the path for notes
// the scanner declines.
func goldmarkFacts(src []byte, start int, facts *bodyFacts) {
	body := src[start:]
	doc := Markdown().Parser().Parse(text.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *markdown.Wikilink:
			kind := Wikilink
			if n.Embed {
				kind = Embed
			}
			facts.links = append(facts.links, Link{Kind: kind, Target: n.Target, Fragment: n.Fragment, Alias: n.Alias, Offset: int32(start + n.Pos())})
		case *markdown.Timestamp:
			facts.timestamps = append(facts.timestamps, rawTimestamp{Timestamp{Value: n.Value, Seconds: int32(n.Seconds), Valid: n.Valid, Offset: int32(start + n.Pos())}, n.Label})
		case *markdown.Tag:
			facts.tags = append(facts.tags, rawTag{n.Name, start + n.Pos()})
		case *ast.Heading:
			h := rawHeading{level: n.Level, offset: start + n.Pos()}
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				h.segs = append(h.segs, span{start + seg.Start, start + seg.Stop})
			}
			facts.headings = append(facts.headings, h)
		case *ast.Link:
			if l, ok := markdownLink(n.Destination); ok {
				l.Alias = inlineText(n, body)
				l.Offset = int32(start + n.Pos())
				facts.links = append(facts.links, l)
			}
		case *ast.Image:
			if l, ok := markdownLink(n.Destination); ok {
				l.Alias = inlineText(n, body)
				l.Offset = int32(start + n.Pos())
				facts.links = append(facts.links, l)
			}
		}
		return ast.WalkContinue, nil
	})
}

// inlineText is the text of a link's children, soft line breaks as spaces and tags as
// written.
func inlineText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *markdown.Tag:
			// A tag in link text is still the text's words (`[see #topic](x)`).
			b.WriteByte('#')
			b.WriteString(c.Name)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
