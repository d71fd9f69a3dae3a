package markdown

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// tagParser reads an inline `#tag` into a Tag. Headings never reach it (they are blocks),
// nor does the `#` of a link destination (the link parser consumes it at `]`).
type tagParser struct{}

// Trigger implements parser.InlineParser.
func (tagParser) Trigger() []byte { return []byte{'#'} }

// Parse implements parser.InlineParser.
func (tagParser) Parse(parent ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	// A tag starts a word: `a#b` and `issue#12` are prose. A line start counts even when
	// the source byte before is a container marker, as in `>#tag`.
	boundary := unicode.IsSpace(block.PrecendingCharacter()) || atLineStart(parent, seg.Start)
	name, n, ok := MatchTag(line, boundary)
	if !ok {
		return nil
	}
	block.Advance(n)
	return &Tag{Name: name}
}

// atLineStart reports whether offset starts one of the lines of the block holding parent.
func atLineStart(parent ast.Node, offset int) bool {
	for n := parent; n != nil; n = n.Parent() {
		if n.Type() != ast.TypeBlock {
			continue
		}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			if lines.At(i).Start == offset {
				return true
			}
		}
		return false
	}
	return false
}

// isTagRune reports whether r may appear in a tag name. Combining marks count with the
// letters they modify, or tags in scripts such as Devanagari would stop mid-word.
func isTagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '-' || r == '/'
}

// hasNonDigit reports whether name has at least one rune that is not a decimal digit.
func hasNonDigit(name []byte) bool {
	for _, r := range string(name) {
		if !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
