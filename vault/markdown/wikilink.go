package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// wikilinkParser reads `[[...]]` and `![[...]]` into a Wikilink, and so a Markdown link
// with plain text whose destination is a wikilink, `[text]([[target]])`. Whatever it declines
// falls through to goldmark's link parser, so `[text](url)` and `![alt](src)` are unaffected.
type wikilinkParser struct{}

// Trigger implements parser.InlineParser.
func (wikilinkParser) Trigger() []byte { return []byte{'[', '!'} }

// Parse implements parser.InlineParser.
func (wikilinkParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if w, n, ok := MatchWikilink(line); ok {
		block.Advance(n)
		return newWikilink(w, line[:n], false)
	}
	w, n, ok := MatchWrappedWikilink(line)
	if !ok {
		return nil
	}
	block.Advance(n)
	return newWikilink(w, innerWikilink(line[:n]), true)
}

func newWikilink(w WikilinkMatch, raw []byte, wrapped bool) *Wikilink {
	return &Wikilink{
		Embed: w.Embed, Target: w.Target, Fragment: w.Fragment, Alias: w.Alias,
		HasFragment: w.HasFragment, Raw: string(raw), Wrapped: wrapped,
	}
}

// innerWikilink returns the `[[...]]` inside a wrapped wikilink `[text]([[...]])`; the text
// holds no brackets and the wikilink no `]`, so the first `[[` and the `]]` after it are its
// ends.
func innerWikilink(b []byte) []byte {
	i := bytes.Index(b, []byte("[["))
	j := bytes.Index(b[i:], []byte("]]"))
	return b[i : i+j+2]
}

// splitWikilink splits the inside of `[[...]]` as docs/FORMAT.md §2.4 rule 1 says: the alias
// at the first `|`, then the fragment at the first `#` of what precedes it, every part
// trimmed. A `\` right before the `|` is dropped: inside a GFM table the pipe has to be
// written `\|` to stay in its cell, and goldmark leaves the backslash in the cell text.
func splitWikilink(content string) (target, fragment, alias string, hasFragment bool) {
	head := content
	if i := strings.IndexByte(content, '|'); i >= 0 {
		head = strings.TrimSuffix(content[:i], `\`)
		alias = strings.TrimSpace(content[i+1:])
	}
	if i := strings.IndexByte(head, '#'); i >= 0 {
		fragment = strings.TrimSpace(head[i+1:])
		head = head[:i]
		hasFragment = true
	}
	return strings.TrimSpace(head), fragment, alias, hasFragment
}
