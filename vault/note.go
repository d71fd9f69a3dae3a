package vault

import (
	"path"
	"strconv"
	"strings"
	"time"
)

// Note is one Markdown file of the vault as the index knows it: what it is called, what it
// links to, where its timestamps are. A Note is never changed once it is part of a published
// Index; an edit on disk produces a new Note.
type Note struct {
	// Path is vault-relative with `/` separators, e.g. "acquired/amazon.md".
	Path string
	// Title is the frontmatter title, else the file name without `.md`.
	Title string
	// VideoID is the frontmatter videoId when it is a valid YouTube id, else "".
	VideoID string
	// Tags are the frontmatter tags followed by the inline #tags, without `#`, de-duplicated
	// in order of first appearance.
	Tags []string
	// Aliases are other names the note goes by (frontmatter aliases).
	Aliases []string
	// Properties are the frontmatter keys other than title, videoId, tags and aliases, in
	// the order written.
	Properties []Property
	// Headings are the note's headings in order.
	Headings []Heading
	// Links are the note's outgoing links in source order: wikilinks and embeds in the body
	// and frontmatter, and Markdown links to files of the vault.
	Links []Link
	// Timestamps are the note's timestamp anchors in source order.
	Timestamps []Timestamp
	// Problems are what was wrong with the file; the note is still loaded as far as possible.
	Problems []Problem
	// BodyOffset is the byte offset where the Markdown body starts (after any frontmatter);
	// BodyLine is its 1-based line.
	BodyOffset, BodyLine int
	// Size and ModTime are the file's, used to notice changes.
	Size    int64
	ModTime time.Time
}

// Name is the note's file name without folder and without `.md`: what `[[Name]]` matches.
func (n *Note) Name() string { return noteName(n.Path) }

// Folder is the vault-relative folder of the note, "" at the top.
func (n *Note) Folder() string { return folderOf(n.Path) }

// Property is one frontmatter entry that Vaultview has no special meaning for.
type Property struct {
	Key string
	// Value is the value as display text; lists are joined with ", ".
	Value string
	// Line is the 1-based line of the key.
	Line int
}

// Heading is one heading of a note.
type Heading struct {
	Level int
	// Text is the heading as plain text (links shown by their alias or target).
	Text string
	// Anchor is a stable slug for the heading, unique within the note.
	Anchor string
	Line   int
	Offset int
}

// LinkKind says how a link was written.
type LinkKind uint8

const (
	// Wikilink is `[[target]]` in any of its forms.
	Wikilink LinkKind = iota
	// Embed is `![[target]]`.
	Embed
	// MarkdownLink is `[text](target.md)` or `![alt](image.png)` pointing into the vault.
	MarkdownLink
)

// String returns the kind as `vaultview index --json` spells it.
func (k LinkKind) String() string {
	switch k {
	case Embed:
		return "embed"
	case MarkdownLink:
		return "markdown"
	}
	return "wikilink"
}

// Link is one outgoing link of a note. Where it points is decided by the Index, because that
// depends on which other notes exist.
type Link struct {
	Kind LinkKind
	// Target is the link text before `|` and `#`, trimmed (percent-decoded for Markdown
	// links); empty for `[[#Heading]]`, which points at the note itself.
	Target string
	// Fragment is the heading or `^block` after `#`, without the `#`.
	Fragment string
	// Alias is the text after `|` (the link text for Markdown links).
	Alias string
	// Context is the sentence around the link as plain text, for the backlinks panel;
	// ContextStart and ContextEnd delimit the link's own text in it.
	Context string
	// Line is 1-based and counts frontmatter lines; Offset is the byte offset of the link's
	// first character in the file. (The numbers are 32-bit: a large vault holds hundreds of
	// thousands of links and timestamps, and notes are far below 2 GB.)
	Line, Offset             int32
	ContextStart, ContextEnd int32
	// Timestamp is the index in Note.Timestamps of the nearest timestamp at or before the
	// link, or -1.
	Timestamp int32
}

// Timestamp is one timestamp anchor of a note. (Its visible text is not kept: a large vault
// holds some 700,000 timestamps, the text nearly always equals Value, and the renderer
// reads it from the note itself.)
type Timestamp struct {
	// Value is the data-t attribute as written.
	Value string
	// Seconds is the offset into the video; meaningful only when Valid.
	Seconds int32
	// Line is 1-based, counting frontmatter lines; Offset is the byte offset of the anchor.
	Line, Offset int32
	Valid        bool
}

// Problem is something wrong with a file of the vault, reported to the user with its place.
type Problem struct {
	Path string
	// Line is 1-based; 0 when the problem is with the file as a whole.
	Line    int
	Message string
	Kind    ProblemKind
}

// ProblemKind groups problems for reports.
type ProblemKind uint8

const (
	// FileProblem: the file could not be read, or was skipped.
	FileProblem ProblemKind = iota
	// FrontmatterProblem: the YAML header is broken or says something invalid.
	FrontmatterProblem
	// TimestampProblem: a timestamp anchor that is not a time.
	TimestampProblem
	// TextProblem: bad bytes in the text (invalid UTF-8, NUL).
	TextProblem
)

// String formats the problem as path:line: message, the way compilers do, so editors can
// jump to it.
func (p Problem) String() string {
	if p.Line > 0 {
		return p.Path + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	}
	return p.Path + ": " + p.Message
}

// noteName is the base name of a vault path without a `.md` extension.
func noteName(p string) string {
	base := path.Base(p)
	if strings.HasSuffix(strings.ToLower(base), ".md") {
		return base[:len(base)-3]
	}
	return base
}

// folderOf is the vault-relative folder of a path, "" at the top.
func folderOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}
