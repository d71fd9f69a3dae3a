// Package markdown is the one goldmark configuration Vaultview uses: CommonMark + GFM plus the
// Obsidian syntax of real vaults (wikilinks, embeds, timestamp anchors, callouts, tags,
// highlights, comments). The indexer and the renderer both parse with New, so a link is the
// same link everywhere.
package markdown

import (
	"github.com/yuin/goldmark/ast"
)

// KindWikilink is the ast.NodeKind of a Wikilink.
var KindWikilink = ast.NewNodeKind("Wikilink")

// Wikilink is `[[target#fragment|alias]]`, or an embed `![[...]]`. It has no children: the
// renderer decides what to show (alias, else target and fragment).
type Wikilink struct {
	ast.BaseInline
	// Embed is true for `![[...]]`.
	Embed bool
	// Target is the text before the first `#` and `|`, trimmed; a trailing `.md` is kept
	// (resolution drops it). Empty for `[[#Heading]]`.
	Target string
	// Fragment is the text after the first `#` (before `|`), trimmed, without the `#`:
	// a heading, or `^block-id`.
	Fragment string
	// Alias is the text after the first `|`, trimmed. For image embeds it may be a size
	// such as `300`.
	Alias string
	// HasFragment reports whether a `#` was present (so `[[a#]]` differs from `[[a]]`).
	HasFragment bool
	// Raw is the source text from `[[` (or `![[`) through `]]`.
	Raw string
	// Wrapped is true for a Markdown link whose destination is the wikilink,
	// `[text]([[target]])`: Alias then holds the link's text (the wikilink's own alias when
	// the text is blank), and Raw the wikilink inside the parentheses.
	Wrapped bool
}

// Kind implements ast.Node.
func (n *Wikilink) Kind() ast.NodeKind { return KindWikilink }

// Dump implements ast.Node.
func (n *Wikilink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Embed": boolString(n.Embed), "Target": n.Target, "Fragment": n.Fragment, "Alias": n.Alias,
		"Wrapped": boolString(n.Wrapped),
	}, nil)
}

// KindTimestamp is the ast.NodeKind of a Timestamp.
var KindTimestamp = ast.NewNodeKind("Timestamp")

// Timestamp is a `<a class="yt-timestamp" data-t="00:18:28">[00:18:28]</a>` anchor, or the
// legacy `[00:18:28](<a class="yt-timestamp" ...>...</a>)` wrapping of one. It has no children.
type Timestamp struct {
	ast.BaseInline
	// Value is the data-t attribute as written.
	Value string
	// Label is the anchor's visible text with surrounding brackets and spaces removed.
	Label string
	// Seconds is the offset into the video; meaningful only when Valid.
	Seconds int
	// Valid is false when neither Value nor Label reads as a time (docs/FORMAT.md §3).
	Valid bool
	// Legacy is true for the `[hh:mm:ss](<a ...>...</a>)` wrapping.
	Legacy bool
}

// Kind implements ast.Node.
func (n *Timestamp) Kind() ast.NodeKind { return KindTimestamp }

// Dump implements ast.Node.
func (n *Timestamp) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Value": n.Value, "Label": n.Label}, nil)
}

// KindTag is the ast.NodeKind of a Tag.
var KindTag = ast.NewNodeKind("Tag")

// Tag is an inline `#tag` (letters, digits, `_`, `-`, `/`; at least one non-digit), preceded
// by the start of a line or a space. It has no children.
type Tag struct {
	ast.BaseInline
	// Name is the tag without its `#`, as written (nested tags keep their `/`).
	Name string
}

// Kind implements ast.Node.
func (n *Tag) Kind() ast.NodeKind { return KindTag }

// Dump implements ast.Node.
func (n *Tag) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// KindHighlight is the ast.NodeKind of a Highlight.
var KindHighlight = ast.NewNodeKind("Highlight")

// Highlight is `==text==`; its children are the highlighted inlines.
type Highlight struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *Highlight) Kind() ast.NodeKind { return KindHighlight }

// Dump implements ast.Node.
func (n *Highlight) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindComment is the ast.NodeKind of a Comment.
var KindComment = ast.NewNodeKind("Comment")

// Comment is `%%hidden%%` inside one block. It has no children and renders as nothing;
// nothing inside it is a link, tag or timestamp.
type Comment struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *Comment) Kind() ast.NodeKind { return KindComment }

// Dump implements ast.Node.
func (n *Comment) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindCallout is the ast.NodeKind of a Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Callout replaces a block quote whose first line is `[!type] Optional title`. Its first child
// is a CalloutTitle; the rest are the body blocks.
type Callout struct {
	ast.BaseBlock
	// CalloutType is the type lower-cased as written (`info`, `warning`, `faq`, ...); unknown
	// types are kept as written and look like `note` when rendered.
	CalloutType string
	// Fold is '-' (folded), '+' (foldable, open) or 0 (not foldable).
	Fold byte
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Type": n.CalloutType, "Fold": string(rune(n.Fold))}, nil)
}

// KindCalloutTitle is the ast.NodeKind of a CalloutTitle.
var KindCalloutTitle = ast.NewNodeKind("CalloutTitle")

// CalloutTitle holds the inlines of a callout's title line (empty when the title is omitted).
type CalloutTitle struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *CalloutTitle) Kind() ast.NodeKind { return KindCalloutTitle }

// Dump implements ast.Node.
func (n *CalloutTitle) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
