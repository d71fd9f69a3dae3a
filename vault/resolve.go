package vault

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName is docs/FORMAT.md §2.4 rule 4: lower-case, letters and digits kept, every
// run of spaces, `_` and `-` one `_`, everything else dropped, `_` trimmed at both ends. It
// is why `[[Amazon.com's business]]` finds `amazoncoms_business.md`. Letters are taken in
// their composed form (NFC) first: a name whose accents are separate combining marks, as
// macOS may store a file's name, would otherwise lose them and miss `[[Café]]`.
func NormalizeName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = norm.NFC.String(s) // s itself when it is composed already
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '_' || r == '-':
			sep = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// splitTarget applies rule 1 to a link target: trimmed, without a trailing `.md`.
func splitTarget(target string) string {
	t := strings.TrimSpace(target)
	if len(t) >= 3 && strings.EqualFold(t[len(t)-3:], ".md") {
		t = strings.TrimSpace(t[:len(t)-3])
	}
	return t
}

// unresolvedKey names the page of a link target that matches no file: the normalised last
// path element, so `[[Foo Bar]]` and `[[foo_bar]]` share one page, as they would share the
// note once it is written.
func unresolvedKey(target string) string {
	t := splitTarget(target)
	if i := strings.LastIndexByte(t, '/'); i >= 0 {
		t = t[i+1:]
	}
	if k := NormalizeName(t); k != "" {
		return k
	}
	return strings.ToLower(t)
}

// vaultPath cleans a path-like target, refusing anything that would leave the vault.
func vaultPath(p string) (string, bool) {
	p = strings.TrimLeft(p, "/")
	if p == "" {
		return "", false
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || p == "." {
		return "", false
	}
	return p, true
}

// Resolve finds the file a link target written in the note at from points at, by
// docs/FORMAT.md §2.4 rules 1–6. It returns a vault-relative path, or "" when the link is
// unresolved. An empty target (`[[#Heading]]`) is the note itself.
func (ix *Index) Resolve(from, target string) string {
	p, _ := ix.ResolveRule(from, target)
	return p
}

// ResolveRule says which rule of docs/FORMAT.md §2.4 found a link's target. It tells how a
// vault spells its links: exactly, or only in a spelling that case folding or normalising
// forgives.
type ResolveRule uint8

const (
	// RuleUnresolved: no file matched (rule 6).
	RuleUnresolved ResolveRule = iota
	// RuleSelf: the target is empty (`[[#Heading]]`), the note itself (rule 1).
	RuleSelf
	// RulePath: the target is a path, found among the vault's paths (rule 2, which ignores
	// case).
	RulePath
	// RuleExactName: a file name equal to the target (rule 3, first step).
	RuleExactName
	// RuleAnyCase: a file name equal to the target when both are lower-cased (rule 3,
	// second step).
	RuleAnyCase
	// RuleNormalised: a file name equal to the target when both are normalised (rule 4).
	RuleNormalised
)

// String names the rule as `unresolved`, `self`, `path`, `exact`, `any-case` or `normalised`.
func (r ResolveRule) String() string {
	switch r {
	case RuleSelf:
		return "self"
	case RulePath:
		return "path"
	case RuleExactName:
		return "exact"
	case RuleAnyCase:
		return "any-case"
	case RuleNormalised:
		return "normalised"
	}
	return "unresolved"
}

// ResolveRule is Resolve that also says which rule found the file (RuleUnresolved, with
// resolved "", when none did). Resolve is this function, so the two never disagree.
func (ix *Index) ResolveRule(from, target string) (resolved string, rule ResolveRule) {
	t := splitTarget(target)
	if t == "" {
		return from, RuleSelf
	}
	folder := folderOf(from)
	if strings.ContainsRune(t, '/') {
		if p, ok := vaultPath(t); ok {
			if c := ix.paths.get(strings.ToLower(p)); len(c) > 0 {
				return pick(c, folder), RulePath
			}
		}
		if !strings.HasPrefix(t, "/") {
			if p, ok := vaultPath(folder + "/" + t); ok {
				if c := ix.paths.get(strings.ToLower(p)); len(c) > 0 {
					return pick(c, folder), RulePath
				}
			}
		}
		return "", RuleUnresolved
	}
	if c := ix.exact.get(t); len(c) > 0 {
		return pick(c, folder), RuleExactName
	}
	if c := ix.lower.get(strings.ToLower(t)); len(c) > 0 {
		return pick(c, folder), RuleAnyCase
	}
	if k := NormalizeName(t); k != "" {
		if c := ix.norm.get(k); len(c) > 0 {
			return pick(c, folder), RuleNormalised
		}
	}
	return "", RuleUnresolved
}

// pick applies rule 5 to several candidates: the linking note's own folder first, then the
// shortest path (fewest folders), then the smallest path.
func pick(cands []string, folder string) string {
	if len(cands) == 1 {
		return cands[0]
	}
	best := ""
	for _, c := range cands {
		if best == "" || better(c, best, folder) {
			best = c
		}
	}
	return best
}

func better(a, b, folder string) bool {
	ah, bh := folderOf(a) == folder, folderOf(b) == folder
	if ah != bh {
		return ah
	}
	ad, bd := strings.Count(a, "/"), strings.Count(b, "/")
	if ad != bd {
		return ad < bd
	}
	return a < b
}

// nameKeys are the keys under which a file is found by rules 2–4.
func nameKeys(p string) (exact, lower, norm, pathKey string) {
	name := noteName(p)
	pk := p
	if name != path.Base(p) {
		pk = p[:len(p)-3]
	}
	return name, strings.ToLower(name), NormalizeName(name), strings.ToLower(pk)
}
