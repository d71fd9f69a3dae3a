package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Priorities of our parsers among goldmark's own (lower runs first at a shared trigger
// character). Code needs no care here: code blocks are never inline-parsed, and a code span
// is consumed whole at its opening backtick, so nothing inside one reaches our parsers.
const (
	// commentPriority: `%` belongs to no other parser; any value works.
	commentPriority = 150
	// timestampPriority: before the wikilink parser at `[` (the legacy wrap) and before the
	// link (200), auto link (300) and raw HTML (400) parsers at `<`.
	timestampPriority = 198
	// wikilinkPriority: before goldmark's link parser, which would otherwise take `[[` as
	// two link labels.
	wikilinkPriority = 199
	// tagPriority: `#` belongs to no other inline parser; headings are blocks and a `#`
	// inside a link destination is consumed by the link parser at `]`.
	tagPriority = 300
	// highlightPriority: the delimiter parsers (emphasis, strikethrough) sit at 500.
	highlightPriority = 500

	// calloutParagraphPriority: before goldmark's link reference (100) and table (200)
	// paragraph transformers, so the body lines under a callout's title line can still
	// become a table or link reference definitions.
	calloutParagraphPriority = 50
	// calloutASTPriority: order among AST transformers does not matter for callouts.
	calloutASTPriority = 100
	// wrappedLinkPriority: a wrapped wikilink is an inline node; callouts move blocks.
	// Either order gives the same tree.
	wrappedLinkPriority = 200

	// lineBreakPriority: before goldmark's HTML block parser (900), which would take a line
	// of `<br>` tags for the start of an HTML block.
	lineBreakPriority = 890
)

// New returns the one goldmark configuration Vaultview parses notes with: CommonMark, GFM
// (tables, strikethrough, linkify, task lists), footnotes and the Obsidian syntax of
// Extension. Custom attributes (`{#id .class}`) stay off: in real vaults braces are prose.
//
// Every call builds a new goldmark.Markdown whose parser prepares its tables on first use,
// so callers should call New once and keep the result; its Parser().Parse is safe for
// concurrent use, which lets the indexer and the renderer share it. Only the AST matters:
// the HTML renderer goldmark attaches is never used and does not know our node kinds.
func New() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, Extension()),
	)
}

// Extension returns the Obsidian syntax alone (wikilinks and embeds, Markdown links to
// wikilinks, timestamp anchors, tags, highlights, comments, callouts, lines of `<br>` read as
// line breaks, display and inline math) as a goldmark.Extender, for adding to a configuration other than New's. It
// registers parsers and transformers only, no renderer.
func Extension() goldmark.Extender {
	return obsidian{}
}

// obsidian is the Extender behind Extension. It holds no state: every parser keeps what it
// needs in the parser.Context of one Parse call, so one instance serves all goroutines.
type obsidian struct{}

// Extend implements goldmark.Extender.
func (obsidian) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(
			util.Prioritized(lineBreakParser{}, lineBreakPriority),
			util.Prioritized(mathBlockParser{}, mathBlockPriority),
		),
		parser.WithInlineParsers(
			util.Prioritized(commentParser{}, commentPriority),
			util.Prioritized(mathInlineParser{}, mathInlinePriority),
			util.Prioritized(timestampParser{}, timestampPriority),
			util.Prioritized(wikilinkParser{}, wikilinkPriority),
			util.Prioritized(tagParser{}, tagPriority),
			util.Prioritized(highlightParser{}, highlightPriority),
		),
		parser.WithParagraphTransformers(
			util.Prioritized(calloutParagraphTransformer{}, calloutParagraphPriority),
		),
		parser.WithASTTransformers(
			util.Prioritized(calloutASTTransformer{}, calloutASTPriority),
			util.Prioritized(wrappedLinkTransformer{}, wrappedLinkPriority),
		),
	)
}
