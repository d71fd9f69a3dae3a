// Package vaultgen writes deterministic synthetic vaults in the format of docs/FORMAT.md
// (§6 gives the shape and the shares it imitates): channel folders of transcript notes with
// frontmatter, wikilinks in every spelling, timestamp anchors, callouts, lists, tables and
// code, plus the traps of real vaults (case-only name pairs, U+2068/U+2069 folder names,
// non-ASCII names, unresolved links, the same topic name in many folders).
//
// Benchmarks and tests use it instead of a real vault: the same Options and seed always give
// byte-identical files, and the size scales with Options.Notes, so a test can build a small
// vault in memory (MapFS, Generate) while a benchmark writes the full 160 MB one (Write).
//
// All text is made from word lists in this package; none is taken from real notes.
package vaultgen
