// Package search finds words and phrases in the text of every note of a vault, as the
// reader sees it (not its Markdown), fast enough to search again on each keystroke.
//
// Build reads every note once, strips its markup (Strip) and keeps its lower-cased text in
// a Store, compactly: a 157 MB vault's text takes about 31 MB. Search parses nothing
// itself: ParseQuery turns what the user typed into a Query (words, "phrases", -exclusions,
// tag:, path: and video: filters), and Store.Search scans every note's text on all cores,
// ranks the notes and makes snippets for the best of them by reading their files again.
// When the vault changes on disk, Store.Update makes a new Store for the new snapshot,
// sharing the text of every note that did not change.
//
// The package never imports the GUI toolkit.
package search
