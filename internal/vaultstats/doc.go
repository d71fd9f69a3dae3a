// Package vaultstats measures a vault the way issue #14 compares vaults: how large its
// vocabulary is, how its notes are sized and shaped, how its links are spelled and how much
// of it the fast scanner declines. `go run ./tools/genvault --stats DIR` prints the figures
// for any vault beside Reference, the figures of a real vault of our format, so that a
// generated vault can be held to them.
//
// The figures are only comparable if they are counted the same way everywhere, so here is
// exactly what each one is:
//
//   - Notes are the files vault.Load indexes as notes (`.md`, hidden files and folders and
//     editor scratch files left out, symbolic links not followed). Every other figure is
//     over these notes only.
//   - Word tokens are maximal runs of Unicode letters and digits (unicode.IsLetter,
//     unicode.IsDigit; punctuation, '_', marks, spaces and invalid UTF-8 split words), each
//     letter case-folded with unicode.ToLower, counted over the whole bytes of every note:
//     frontmatter, HTML markup, link targets and URLs included. So a timestamp anchor's
//     "00:18:28" is three tokens. This is the count that gives, on round 1's generated vault
//     (genvault -regular), the figures issue #14 quotes for it: 26.3 M tokens and 10,102
//     distinct words against its 26.1 M and 10,382, 35.0 % / 99.7 % against 35.3 % / 99.6 %;
//     letters alone give 21.9 M and 8,658, digits and '_' together 36,682 distinct words. Distinct words are the different tokens; a
//     word "occurs once" when it is one token in the whole vault. The top-10 and
//     top-1,000 shares are the fraction of all tokens that are one of the 10 (1,000) most
//     frequent words.
//   - Folders are the directories under the vault's root that hold at least one note
//     directly; the root itself is not counted, nor a directory that holds only folders.
//   - Note sizes are file sizes in bytes; KB is 1,000 bytes and MB 1,000,000. The median
//     and 99th percentile are nearest-rank: the smallest size that at least half (99 %) of
//     the notes do not exceed.
//   - Lines: a note's bytes split at '\n'; a final '\n' ends the last line rather than
//     starting an empty one, so "a\nb\n" and "a\nb" are both two lines and an empty file
//     none. Lines per note is the mean over notes. A line is non-empty when it holds a
//     character other than white space (unicode.IsSpace); the mean non-empty line is the
//     mean length in runes, over every non-empty line of the vault, of the line without a
//     trailing '\r'.
//   - Links and timestamps are the ones the vault package itself finds in each note
//     (Note.Links, Note.Timestamps), frontmatter links included. Wikilinks are `[[…]]` and
//     embeds `![[…]]`; Markdown links are `[text](target)` links into the vault. A
//     timestamp is invalid when the vault package marks it so (Timestamp.Valid false: a
//     data-t that is not a time).
//   - Every link is resolved by Index.ResolveRule from the note that holds it. It resolves
//     exactly when found by a path (docs/FORMAT.md §2.4 rule 2), by its exact file name
//     (rule 3, first step) or is a link into its own note (`[[#Heading]]`); only after
//     normalising when found only by the name in another case (rule 3, second step) or by
//     the normalised name (rule 4); otherwise it is unresolved. Distinct unresolved names
//     are the vault's unresolved pages (Index.Unresolved): spellings that normalise to the
//     same last path element are one name.
//   - Declined notes are those vault.FastScans says the fast scanner hands to goldmark
//     (link reference definitions, HTML blocks, setext headings, tabs in indentation and
//     the like), as a share of the notes and of their bytes.
//
// Measure holds the vault's index while it counts links, then drops it before reading the
// notes again for words, lines and sizes; from then on memory is the vocabulary (a map per
// worker, merged at the end) and one note per worker.
package vaultstats
