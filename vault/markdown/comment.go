package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// commentParser reads `%%hidden%%` into a Comment. The closing `%%` may be on a later line
// of the same block; without one the `%%` is literal text. Everything between is consumed
// raw, so nothing in a comment becomes a link, tag or timestamp.
type commentParser struct{}

// Trigger implements parser.InlineParser.
func (commentParser) Trigger() []byte { return []byte{'%'} }

// commentKey keys the noCommentClose of one Parse call.
var commentKey = parser.NewContextKey()

// noCommentClose records that the block being parsed holds no `%%` after source offset
// from, so a block full of unclosed `%%` is searched once instead of once per opener.
type noCommentClose struct {
	block ast.Node
	from  int
}

var commentMarker = []byte("%%")

// Parse implements parser.InlineParser.
func (commentParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[1] != '%' {
		return nil
	}
	if known, _ := pc.Get(commentKey).(*noCommentClose); known != nil && known.block == parent && seg.Start >= known.from {
		return nil
	}
	savedLine, savedSeg := block.Position()
	block.Advance(2)
	for {
		line, _ = block.PeekLine()
		if line == nil {
			break
		}
		if i := bytes.Index(line, commentMarker); i >= 0 {
			block.Advance(i + len(commentMarker))
			return &Comment{}
		}
		block.AdvanceLine()
	}
	block.SetPosition(savedLine, savedSeg)
	pc.Set(commentKey, &noCommentClose{block: parent, from: seg.Start})
	return nil
}
