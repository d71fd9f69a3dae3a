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
// By default the vault is calibrated to a real one of our format (21,273 notes, 166 MB,
// measured for issue #14): its vocabulary (~100,000 distinct words with a long tail, lexicon.go),
// line lengths, note sizes, folder count, link spellings and the share of notes the fast
// scanner declines are within 10 % of the real vault's, which internal/vaultstats'
// TestGeneratedVaultMatchesReference checks. Options.Regular gives round 1's vault instead
// (template sentences of ~10,000 words), to reproduce figures measured on it.
//
// All text is made from word lists in this package and made-up words; none is taken from
// real notes.
package vaultgen
