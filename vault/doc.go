// Package vault is Vaultview's engine: it reads a folder of Markdown notes, indexes them and
// answers what the window asks (a note, where a link goes, who links here, tags, timestamps)
// without any UI. The note format it reads, and the rules by which a link finds its note, are
// described in docs/FORMAT.md.
//
// A Vault holds the current Index, an immutable snapshot: a change builds a new one that
// shares what it did not touch, so any goroutine may read a snapshot at any time without a
// lock.
//
// Where things live:
//
//   - load.go: Load walks the folder (hidden files, editor scratch files and symbolic links
//     left out), reads and parses every note in parallel, or takes it from a cache of an
//     earlier run (Cached; package notecache); Vault, Source, Update, Remove.
//   - watch.go, poll.go: Watcher keeps a Vault in step with the disk, from file events or by
//     polling, and sends each Reload; watch_loop.go is its event loop, watch_apply.go
//     reads each batch of changed files into the vault and publishes it.
//   - index.go, shardmap.go: Index, Build and Apply; the sharded maps under it.
//   - query.go: what an Index answers: notes, paths, attachments, links, backlinks,
//     unresolved names, folders, videos, problems, ambiguous names and case clashes.
//   - resolve.go: NormalizeName and Index.Resolve, the link rules of docs/FORMAT.md §2.4;
//     Index.ResolveRule also says which rule found the file.
//   - note.go: Note, Link, Heading, Property, Problem: what one note is to the index.
//   - parse.go: ParseNote, one file into a Note: text checks, frontmatter, body facts,
//     heading anchors.
//   - frontmatter.go: the YAML header (docs/FORMAT.md §1.2), with a fast path for plain
//     `key: value` lines and a loose reader for YAML that does not parse.
//   - scan.go (blocks), scan_inline.go (inlines), syntax.go: the fast body scanner; the
//     line recognisers it shares with search and goldmark live in package markdown. It gives
//     up on anything rare, and extract.go then reads the note with goldmark; FastScans says
//     whether it gives up on a note.
//   - extract.go: Markdown, the one goldmark configuration (from package markdown), and the
//     goldmark path that finds the same facts as the scanner.
//   - context.go: the sentence around a link, shown with each backlink; FillLinkContexts
//     reads it from the source notes for a vault loaded WithoutLinkContexts (the window).
//   - outgoinglinks.go: OutgoingLinks, a note's links grouped for the outgoing-links pane;
//     NotesLinkingTo, how many notes link to a name no note has.
//   - clock.go: Clock, the one way a number of seconds is written as a time.
//   - mentions.go: UnlinkedMentions, notes that name a note without linking to it.
//   - graph.go: Neighbourhood, the local graph around a note or an unresolved name.
//   - tags.go: Tags and TagNotes, nested tags counted under their parents.
//   - timeline.go: Timeline, the timestamps of a note with their sentences; SiblingNotes,
//     TopicMentions and Episodes, the notes that share a video; YouTubeID.
//   - video.go, player.go: the address a timestamp opens: VideoURL and the user's Player.
//
// Packages below this one: markdown (the goldmark extension for the Obsidian syntax of
// docs/FORMAT.md §2–§5), search (full-text search over every note: posting lists in memory,
// the text's codes in a file), switcher (the quick switcher's fuzzy matcher) and notecache
// (a vault's parsed notes kept between runs, in the user's cache folder).
package vault
