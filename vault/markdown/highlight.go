package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// highlightParser reads `==` runs as delimiters; goldmark's delimiter processing pairs them
// at the end of the block and wraps what lies between in a Highlight, so `==a *b* c==`
// nests like emphasis and an unpaired `==` stays text.
type highlightParser struct{}

// Trigger implements parser.InlineParser.
func (highlightParser) Trigger() []byte { return []byte{'='} }

// Parse implements parser.InlineParser.
func (highlightParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	if before == '=' {
		// The tail of a longer run that was already refused as a whole.
		return nil
	}
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 2, highlightDelimiter{})
	// Exactly two: `===` is a setext underline or prose, never a highlight.
	if d == nil || d.OriginalLength != 2 || (!d.CanOpen && !d.CanClose) {
		return nil
	}
	d.Segment = seg.WithStop(seg.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// highlightDelimiter tells goldmark's delimiter processing how `==` runs pair up.
type highlightDelimiter struct{}

// IsDelimiter implements parser.DelimiterProcessor.
func (highlightDelimiter) IsDelimiter(b byte) bool { return b == '=' }

// CanOpenCloser implements parser.DelimiterProcessor.
func (highlightDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

// OnMatch implements parser.DelimiterProcessor.
func (highlightDelimiter) OnMatch(int) ast.Node { return &Highlight{} }
