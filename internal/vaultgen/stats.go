package vaultgen

import (
	"fmt"
	"strings"
)

// Stats describe a generated vault. Links are counted by construction, so a test can check a
// parser against them: every wikilink, embed and Markdown link to a note outside frontmatter and
// code counts; wikilinks inside code spans and code blocks do not.
type Stats struct {
	Notes      int   // .md files
	Channels   int   // channel folders
	TopicNotes int   // flat topic notes in channel folders
	Episodes   int   // episodes listed by channel notes
	Bytes      int64 // total size of all files

	Links           int // links to notes (wikilinks, embeds, Markdown links)
	UnresolvedLinks int // links whose target exists nowhere in the vault
	// NormalisedLinks resolve only case-insensitively or after normalisation
	// (docs/FORMAT.md §2.4 rules 3 and 4), e.g. [[Amazon.com's business]].
	NormalisedLinks int
	Embeds          int // ![[...]] embeds, counted in Links too
	MarkdownLinks   int // [text](note.md) links, counted in Links too
	CodeLinks       int // [[...]] inside code spans or blocks: not links

	Timestamps           int // timestamp anchors
	OddTimestamps        int // anchors whose data-t is not HH:MM:SS
	MismatchedTimestamps int // anchors whose visible text differs from data-t
	LegacyTimestamps     int // anchors wrapped as [t](<a ...>[t]</a>)

	Callouts   int
	Tables     int
	CodeBlocks int

	NotesWithoutVideo  int // topic notes without videoId
	InvalidFrontmatter int // notes whose frontmatter is not valid YAML
	HugeNotes          int
	LargestNote        string // vault-relative path
	LargestNoteBytes   int
	SmallestNoteBytes  int
	MedianNoteBytes    int

	DistinctTopicNames int // distinct topic file names
	MaxFoldersPerName  int // most channel folders holding the same topic name
}

func (s *Stats) add(n *Stats) {
	s.Links += n.Links
	s.UnresolvedLinks += n.UnresolvedLinks
	s.NormalisedLinks += n.NormalisedLinks
	s.Embeds += n.Embeds
	s.MarkdownLinks += n.MarkdownLinks
	s.CodeLinks += n.CodeLinks
	s.Timestamps += n.Timestamps
	s.OddTimestamps += n.OddTimestamps
	s.MismatchedTimestamps += n.MismatchedTimestamps
	s.LegacyTimestamps += n.LegacyTimestamps
	s.Callouts += n.Callouts
	s.Tables += n.Tables
	s.CodeBlocks += n.CodeBlocks
	s.InvalidFrontmatter += n.InvalidFrontmatter
}

// String formats the stats as aligned lines for the genvault command.
func (s Stats) String() string {
	var b strings.Builder
	pct := func(n, of int) string {
		if of == 0 {
			return "0%"
		}
		return fmt.Sprintf("%.2f%%", 100*float64(n)/float64(of))
	}
	per := func(n int) string { return fmt.Sprintf("%.1f/note", float64(n)/float64(max(1, s.Notes))) }
	fmt.Fprintf(&b, "notes            %d (%d topic notes, %d channels, %d episodes)\n", s.Notes, s.TopicNotes, s.Channels, s.Episodes)
	fmt.Fprintf(&b, "bytes            %d (%.1f MB, mean %d, median %d, smallest %d)\n", s.Bytes, float64(s.Bytes)/1e6, s.Bytes/int64(max(1, s.Notes)), s.MedianNoteBytes, s.SmallestNoteBytes)
	fmt.Fprintf(&b, "largest note     %s (%d bytes); %d huge notes\n", s.LargestNote, s.LargestNoteBytes, s.HugeNotes)
	fmt.Fprintf(&b, "links            %d (%s), unresolved %d (%s), normalised-only %d (%s)\n", s.Links, per(s.Links), s.UnresolvedLinks, pct(s.UnresolvedLinks, s.Links), s.NormalisedLinks, pct(s.NormalisedLinks, s.Links))
	fmt.Fprintf(&b, "                 embeds %d, markdown links %d, [[...]] inside code %d\n", s.Embeds, s.MarkdownLinks, s.CodeLinks)
	fmt.Fprintf(&b, "timestamps       %d (%s), odd data-t %d (%s), text differs %d (%s), legacy %d\n", s.Timestamps, per(s.Timestamps), s.OddTimestamps, pct(s.OddTimestamps, s.Timestamps), s.MismatchedTimestamps, pct(s.MismatchedTimestamps, s.Timestamps), s.LegacyTimestamps)
	fmt.Fprintf(&b, "blocks           callouts %d, tables %d, code blocks %d\n", s.Callouts, s.Tables, s.CodeBlocks)
	fmt.Fprintf(&b, "notes w/o video  %d; invalid frontmatter %d\n", s.NotesWithoutVideo, s.InvalidFrontmatter)
	fmt.Fprintf(&b, "topic names      %d distinct, up to %d folders share one\n", s.DistinctTopicNames, s.MaxFoldersPerName)
	return b.String()
}
