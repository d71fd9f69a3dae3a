package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// wrappedLinkTransformer turns a Markdown link whose destination is wholly a wikilink into a
// Wikilink: `[*text*]([[target]])`, `[text](<[[target]]>)`, `[text]([[target]] "title")`.
// The inline parser takes the common plain form `[text]([[target]])` itself (wikilinkParser);
// these are the forms whose text holds markup or whose destination goldmark had to read.
// Without this the link would point at a note named `[[target]]`.
type wrappedLinkTransformer struct{}

// Transform implements parser.ASTTransformer.
func (wrappedLinkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if _, ok := WikilinkDestination(l.Destination); ok {
				links = append(links, l)
			}
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	for _, l := range links {
		w, _ := WikilinkDestination(l.Destination)
		if t := strings.TrimSpace(linkText(l, src)); t != "" {
			w.Alias = t
		}
		node := newWikilink(w, l.Destination, true)
		node.SetPos(l.Pos())
		l.Parent().ReplaceChild(l.Parent(), l, node)
	}
}

// linkText is the text a link shows, markup dropped: what the wikilink it becomes shows.
func linkText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(html.UnescapeString(string(util.UnescapePunctuations(c.Value(src)))))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Value(src)), "\n", " "))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *Wikilink:
			b.WriteString(wikilinkText(c))
		case *Timestamp:
			b.WriteString(c.Label)
		case *Tag:
			b.WriteString("#" + c.Name)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// wikilinkText is what a wikilink shows as text: its alias, else its target and heading.
func wikilinkText(w *Wikilink) string {
	if w.Alias != "" {
		return w.Alias
	}
	target := strings.TrimSuffix(w.Target, ".md")
	fragment := strings.TrimPrefix(w.Fragment, "^")
	switch {
	case w.Fragment == "":
		return target
	case target == "":
		return fragment
	}
	return target + " › " + fragment
}
