package app

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"vaultview/vault"
	"vaultview/vault/markdown"
)

// noteArg is the NOTE of `vaultview VAULT NOTE`. It takes every form a wikilink target
// takes (docs/FORMAT.md §2.7): a vault-relative path (`folder/Name.md`, `folder/Name`), a name in any
// of its spellings (`Name`, `name`, `Amazon Web Services AWS` for
// `amazon_web_services_aws.md`), a frontmatter alias, each optionally followed by
// `#Heading` or `#^block`. `[[...]]` around it and an `|alias` after it are allowed and
// ignored, so a link copied from a note works as it is. `#Heading` alone is a heading of the
// note Vaultview would open without NOTE (the last one read in the vault, else its start
// page), as `[[#Heading]]` is a heading of the note it is written in.
type noteArg struct {
	// raw is the argument as given: tried first as a path, since a file name may hold `#`.
	raw string
	// target names the note, as a link target does; "" when only a fragment was given.
	target string
	// fragment is the heading or `^block` after `#`, without the `#`.
	fragment string
}

// parseNoteArg splits NOTE as a wikilink's content is split: the alias at the first `|`,
// then the fragment at the first `#`, every part trimmed.
func parseNoteArg(s string) noteArg {
	a := noteArg{raw: s}
	inner := strings.TrimSpace(s)
	if strings.HasPrefix(inner, "[[") && strings.HasSuffix(inner, "]]") && len(inner) >= 4 {
		inner = inner[2 : len(inner)-2]
	}
	if w, n, ok := markdown.MatchWikilink([]byte("[[" + inner + "]]")); ok && n == len(inner)+4 {
		a.target, a.fragment = w.Target, w.Fragment
		return a
	}
	// Not something a link could hold (a `[`, `]` or line end in it): a plain name or path.
	a.target = inner
	return a
}

// findNote returns the note a NOTE argument names and the fragment to go to there. p is ""
// when the argument names no note, or names only a fragment (a.target is "" then). exists
// says whether a path is a note; dir is the vault's folder on disk ("" for none). aliases
// also looks through the notes' frontmatter aliases, which are known only once the notes
// are read.
//
// The order: the whole argument as a vault-relative path (with or without `.md`, so a file
// whose name holds `#` opens), then the target as such a path, then as a path on this
// computer inside the vault (what a shell completes), then as a link from the top of the
// vault (path in any case, exact name, name in any case, normalised name), then as an alias
// (exact, any case, normalised).
func findNote(ix *vault.Index, dir, note string, exists func(string) bool, aliases bool) (p string, a noteArg) {
	a = parseNoteArg(note)
	if p := vaultPathNote(note, exists); p != "" {
		return p, noteArg{raw: note, target: note}
	}
	if a.target == "" {
		return "", a
	}
	if p := vaultPathNote(a.target, exists); p != "" {
		return p, a
	}
	if p := diskPathNote(dir, a.target, exists); p != "" {
		return p, a
	}
	if p := ix.Resolve("", a.target); p != "" && exists(p) {
		return p, a
	}
	if aliases {
		if p := aliasNote(ix, a.target); p != "" && exists(p) {
			return p, a
		}
	}
	return "", a
}

// vaultPathNote reads s as a vault-relative path, `\` taken for `/`.
func vaultPathNote(s string, exists func(string) bool) string {
	clean := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(s, "\\", "/")), "/")
	if clean == "" {
		return ""
	}
	for _, p := range []string{clean, clean + ".md"} {
		if exists(p) {
			return p
		}
	}
	return ""
}

// diskPathNote reads s as a path on this computer (absolute, or relative to the working
// folder) that lies inside the vault's folder dir.
func diskPathNote(dir, s string, exists func(string) bool) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(s)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return vaultPathNote(filepath.ToSlash(rel), exists)
}

// aliasNote finds the note that has name among its frontmatter aliases: the same spelling
// first, then any case, then the normalised spelling (docs/FORMAT.md §2.4 rule 4). Among
// several notes the one with the fewest folders wins, then the smallest path (rule 5, from
// the top of the vault).
func aliasNote(ix *vault.Index, name string) string {
	name = strings.TrimSpace(name)
	norm := vault.NormalizeName(name)
	const none = 3
	best, bestRank := "", none
	for _, p := range ix.Paths() {
		n := ix.Note(p)
		if n == nil {
			continue
		}
		for _, alias := range n.Aliases {
			alias = strings.TrimSpace(alias)
			rank := none
			switch {
			case alias == name:
				rank = 0
			case strings.EqualFold(alias, name):
				rank = 1
			case norm != "" && vault.NormalizeName(alias) == norm:
				rank = 2
			}
			if rank < bestRank || rank == bestRank && rank < none && shallower(p, best) {
				best, bestRank = p, rank
			}
		}
	}
	return best
}

// shallower says whether path a comes before b by rule 5 from the top of the vault.
func shallower(a, b string) bool {
	if da, db := strings.Count(a, "/"), strings.Count(b, "/"); da != db {
		return da < db
	}
	return a < b
}

// unresolvedName is the name an unknown NOTE's page is shown under: the target as written,
// without a trailing `.md`.
func unresolvedName(a noteArg) string {
	t := a.target
	if len(t) >= 3 && strings.EqualFold(t[len(t)-3:], ".md") {
		t = strings.TrimSpace(t[:len(t)-3])
	}
	return t
}

// blockOffset finds the Obsidian block id `^id` in a note's source: at the end of a line,
// after a space or on a line of its own. It returns its byte offset, or -1.
func blockOffset(src []byte, id string) int {
	if id == "" {
		return -1
	}
	needle := []byte("^" + id)
	for from := 0; from < len(src); {
		i := bytes.Index(src[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(needle)
		before := i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n'
		rest := src[end:]
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			rest = rest[:j]
		}
		if before && len(bytes.TrimSpace(rest)) == 0 {
			return i
		}
		from = end
	}
	return -1
}

// The first screen of a long note is rendered and shown on its own, before the rest: a note
// up to firstScreenMax bytes is rendered whole; a longer one is cut at the first paragraph
// break after firstScreenBytes (more than a tall window shows).
const (
	firstScreenBytes = 16 << 10
	firstScreenMax   = 64 << 10
)

// firstScreen returns where to cut src for its first screen: len(src) when it is short, or
// has no paragraph break where one is looked for.
func firstScreen(src []byte) int {
	if len(src) <= firstScreenMax {
		return len(src)
	}
	window := src[firstScreenBytes:firstScreenMax]
	cut := -1
	for _, brk := range [][]byte{[]byte("\n\n"), []byte("\n\r\n")} {
		if i := bytes.Index(window, brk); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return len(src)
	}
	return firstScreenBytes + cut + 1
}

// restToCome is put after a first screen: it is seen only by a reader who gets to the end
// of it before the whole note is shown.
const restToCome = "\n> [!note] Still reading this note\n> The rest of it appears here in a moment.\n"
