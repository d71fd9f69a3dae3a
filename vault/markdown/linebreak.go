package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// lineBreakParser starts a paragraph at a line holding only `<br>` tags (IsLineBreakLine).
// CommonMark would open an HTML block there (kind 7: a lone complete tag) that runs to the
// next blank line, so the `[[target|Label]]` lines real notes put under such a line would
// show as raw text. Everything past the first line is goldmark's own paragraph parser: the
// lines after it continue the paragraph, or interrupt it, exactly as after any text.
type lineBreakParser struct{}

var paragraphParser = parser.NewParagraphParser()

// Trigger implements parser.BlockParser.
func (lineBreakParser) Trigger() []byte { return []byte{'<'} }

// Open implements parser.BlockParser.
func (lineBreakParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	if !IsLineBreakLine(line) {
		return nil, parser.NoChildren
	}
	return paragraphParser.Open(parent, reader, pc)
}

// Continue implements parser.BlockParser.
func (lineBreakParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return paragraphParser.Continue(node, reader, pc)
}

// Close implements parser.BlockParser.
func (lineBreakParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	paragraphParser.Close(node, reader, pc)
}

// CanInterruptParagraph implements parser.BlockParser. Inside a paragraph such a line is a
// continuation line already: CommonMark's kind 7 cannot interrupt a paragraph either.
func (lineBreakParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser: indented four spaces it is code.
func (lineBreakParser) CanAcceptIndentedLine() bool { return false }
