// Package hostile writes an adversarial vault for tests: every input that has ever been
// written to break a Markdown viewer, gathered in one folder — broken YAML and alias bombs,
// binary and non-UTF-8 files, NUL bytes, a 20 MB note, a 5 MB line, 100,000 links and 50,000
// timestamps in one note, embeds that cycle or nest 100 deep, links and images aimed outside
// the vault or at `javascript:`, file names with invalid UTF-8, bidi controls and `[ ] # |`,
// names that differ only by case, a folder of 10,000 notes, symbolic links to `/`, to `..`
// and in a loop, a named pipe.
//
// Write puts it in a folder (a test's t.TempDir(): the large files are made at test time,
// never committed) and returns one Case per input, saying which file it is and what
// `vaultview check` must report about it, so tests iterate over the cases. Snapshot records
// the folder, so a test can prove that nothing in it changed.
//
// Some inputs cannot exist on every file system: a NUL byte is never allowed in a file name,
// invalid UTF-8 and case-only name pairs are refused by some, symbolic links and named pipes
// need a Unix system. Write leaves out what the file system refuses, and the cases it returns
// are the ones it wrote.
package hostile
