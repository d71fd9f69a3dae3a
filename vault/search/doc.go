// Package search finds words and phrases in the text of every note of a vault, as the
// reader sees it (not its Markdown), fast enough to search again on each keystroke.
//
// Build reads every note once, strips its markup (Strip) and keeps its lower-cased text in
// a Store, compactly, as codes into a dictionary of its tokens, with postings saying which
// notes hold which words. The codes are the bulk (a 157 MB vault's take about 26 MB); with
// CodesIn they are kept in a file rather than on the heap, which then holds the dictionary
// and the postings (about 16 MB for that vault). Search parses nothing itself: ParseQuery
// turns what the user typed into a Query (words, "phrases", -exclusions, tag:, path: and
// video: filters), and Store.Search finds by the postings the notes that may hold every
// word, reads and scans those notes' codes on all cores, ranks the notes and makes
// snippets for the best of them by reading their files again. When the vault changes on
// disk, Store.Update makes a new Store for the new snapshot, sharing the text of every note
// that did not change (the codes of the notes it reads are kept in memory). ReadText reads
// the text alone, a quarter of Build's work, into a Store that every search scans whole
// with the same answers, so that a vault opened for the first time is searchable while
// Build indexes that text (FromText). Store.Save keeps
// a built store in a file of the user's cache folder, and Open makes a store from it for the
// vault as it is when opened again, reading only the notes changed since.
//
// The package never imports the GUI toolkit.
package search
