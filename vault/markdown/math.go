package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Display math (docs/FORMAT.md §5.6): a block that starts with `$$` at the start of a line
// and runs to the line that ends with `$$`, the same line included (`$$E = mc^2$$`). Its TeX
// is kept as written: no Markdown inside it (no emphasis, links, tags or timestamps), and
// `\\` is two backslashes. Inline math (`$…$`) is not read yet: it stays text.

// KindMathBlock is the kind of MathBlock nodes.
var KindMathBlock = ast.NewNodeKind("MathBlock")

// MathBlock is a block of display math. Its Lines hold the TeX, from after the opening `$$`
// to before the closing one.
type MathBlock struct {
	ast.BaseBlock
	// closed is set once the closing `$$` is read.
	closed bool
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: its lines are TeX, never parsed as Markdown.
func (n *MathBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// TeX returns the block's formula.
func (n *MathBlock) TeX(source []byte) string {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// mathBlockPriority: before goldmark's paragraph parser (1000) and with no other block
// parser at `$`.
const mathBlockPriority = 700

type mathBlockParser struct{}

// Trigger implements parser.BlockParser.
func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

// Open implements parser.BlockParser. A `$$` opens display math only when a line ending in
// `$$` closes it within maxMathLines: an unclosed `$$` (a price, a typo) stays text and
// does not swallow the rest of the note.
func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos+2 > len(line) || line[pos] != '$' || line[pos+1] != '$' {
		return nil, parser.NoChildren
	}
	// The line begins with the padding of a tab that was split (in a block quote, say),
	// which is not in the source.
	start := seg.Start - seg.Padding + pos + 2
	if start < seg.Start || start > len(reader.Source()) || !mathCloses(reader.Source()[start:]) {
		return nil, parser.NoChildren
	}
	n := &MathBlock{}
	n.addLine(text.NewSegment(start, seg.Stop), reader.Source())
	return n, parser.NoChildren
}

// maxMathLines bounds how far below its `$$` a display formula may close.
const maxMathLines = 200

// mathCloses reports whether src, the source after an opening `$$`, has a line ending in
// `$$` within maxMathLines lines (the first line's `$$` must not be the opener's own).
func mathCloses(src []byte) bool {
	for range maxMathLines {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if bytes.HasSuffix(bytes.TrimRight(line, " \t\r"), []byte("$$")) {
			return true
		}
		if src == nil {
			return false
		}
	}
	return false
}

// addLine adds a line of TeX, up to a closing `$$` at its end if it has one.
func (n *MathBlock) addLine(seg text.Segment, source []byte) {
	v := seg.Value(source)
	trimmed := bytes.TrimRight(v, " \t\r\n")
	if bytes.HasSuffix(trimmed, []byte("$$")) {
		n.closed = true
		// v begins with the segment's padding, which is not in the source.
		seg = text.NewSegmentPadding(seg.Start, max(seg.Start, seg.Start+len(trimmed)-seg.Padding-2), seg.Padding)
	}
	n.Lines().Append(seg)
}

// Continue implements parser.BlockParser.
func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	if n.closed {
		return parser.Close
	}
	_, seg := reader.PeekLine()
	n.addLine(seg, reader.Source())
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: a `$$` line starts display math
// wherever it is, as in Obsidian.
func (mathBlockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser: indented four spaces it is code.
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// Inline math (docs/FORMAT.md §5.6): `$x^2$` inside a line of text. The opening `$` is not
// followed by white space, the closing one, on the same line, not preceded by white space
// nor followed by a digit (so "from $5 to $10" holds none); `\$` is a dollar sign.
// `$$x$$` inside a line is inline too. What is inside is TeX: not Markdown.

// KindMathInline is the kind of MathInline nodes.
var KindMathInline = ast.NewNodeKind("MathInline")

// MathInline is a formula inside a line. TeX is its text without the dollars; Offset is
// where its first dollar is in the source.
type MathInline struct {
	ast.BaseInline
	TeX    string
	Offset int
}

// Kind implements ast.Node.
func (n *MathInline) Kind() ast.NodeKind { return KindMathInline }

// Dump implements ast.Node.
func (n *MathInline) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"TeX": n.TeX}, nil)
}

// mathInlinePriority: `$` belongs to no other inline parser.
const mathInlinePriority = 150

type mathInlineParser struct{}

// Trigger implements parser.InlineParser.
func (mathInlineParser) Trigger() []byte { return []byte{'$'} }

// Parse implements parser.InlineParser.
func (mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	n := InlineMathAt(line)
	if n == 0 {
		return nil
	}
	d := 1
	if line[1] == '$' {
		d = 2
	}
	node := &MathInline{TeX: string(line[d : n-d]), Offset: seg.Start}
	block.Advance(n)
	return node
}

// InlineMathAt returns the length of the inline formula line starts with (its dollars
// included), or 0 when it starts with none.
func InlineMathAt(line []byte) int {
	if len(line) < 3 || line[0] != '$' {
		return 0
	}
	if line[1] == '$' { // $$…$$ on one line
		for k := 2; k+1 < len(line); k++ {
			if line[k] == '\n' {
				return 0
			}
			if line[k] == '$' && line[k+1] == '$' {
				if k == 2 {
					return 0
				}
				return k + 2
			}
		}
		return 0
	}
	if isMathSpace(line[1]) {
		return 0
	}
	for k := 1; k < len(line); k++ {
		switch line[k] {
		case '\n', '\r':
			return 0
		case '\\':
			k++ // an escaped character, \$ included
		case '$':
			if k > 1 && !isMathSpace(line[k-1]) && (k+1 == len(line) || line[k+1] < '0' || line[k+1] > '9') {
				return k + 1
			}
		}
	}
	return 0
}

func isMathSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// MaybeInlineMath reports whether line may hold an inline formula: a `$` that is not
// followed by white space and a later `$` not preceded by it. It errs towards yes, for the
// fast scanner, which leaves such lines to goldmark.
func MaybeInlineMath(line []byte) bool {
	i := bytes.IndexByte(line, '$')
	for i >= 0 && i+1 < len(line) {
		if !isMathSpace(line[i+1]) {
			for k := i + 2; k < len(line); k++ {
				if line[k] == '$' && !isMathSpace(line[k-1]) {
					return true
				}
			}
			return false
		}
		j := bytes.IndexByte(line[i+1:], '$')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
