package vault_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

// fuzzVault is a small vault with the traps of real ones: a case-only pair, one name in two
// folders, isolation marks, non-ASCII names, attachments.
var fuzzVault = fstest.MapFS{
	"index.md":                       {Data: []byte("[[a]]")},
	"a.md":                           {Data: []byte("a")},
	"A.md":                           {Data: []byte("A")},
	"sub/a.md":                       {Data: []byte("sub a")},
	"sub/deeper/note name.md":        {Data: []byte("n")},
	"\u2068channel\u2069/topic.md":   {Data: []byte("t")},
	"ünïcödé/Amazon.com's biz.md":    {Data: []byte("u")},
	"img/pic.png":                    {Data: []byte("\x89PNG")},
	"sub/attachment.pdf":             {Data: []byte("%PDF")},
	"names/a [b] c.md":               {Data: []byte("b")},
	"names/hash#tag.md":              {Data: []byte("h")},
	"names/dots..md":                 {Data: []byte("d")},
	"names/.md":                      {Data: []byte("empty name")},
	"names/trailing space .md":       {Data: []byte("s")},
	"names/\u202egnp.exe\u202c.md":   {Data: []byte("rlo")},
	"very/deep/folder/of/notes/z.md": {Data: []byte("z")},
}

// FuzzResolve resolves arbitrary link targets from arbitrary notes: Resolve never panics,
// and what it returns is "" (unresolved), the linking note itself for an empty target
// (`[[#Heading]]`), or a file of the vault — never a path outside it.
func FuzzResolve(f *testing.F) {
	v, err := vault.Load(fuzzVault)
	if err != nil {
		f.Fatal(err)
	}
	ix := v.Index()
	files := map[string]bool{}
	for _, p := range ix.Paths() {
		files[p] = true
	}
	for _, p := range ix.Attachments() {
		files[p] = true
	}
	for _, seed := range [][2]string{
		{"index.md", "a"}, {"sub/deeper/note name.md", "a"}, {"index.md", "A"}, {"x.md", "sub/a"},
		{"index.md", "../../etc/passwd"}, {"sub/a.md", "../a"}, {"sub/a.md", "/etc/passwd"},
		{"index.md", "/sub/a.md"}, {"index.md", "#Heading"}, {"index.md", " .md "},
		{"index.md", "amazoncoms_biz"}, {"index.md", "Amazon.com's biz"}, {"index.md", "topic"},
		{"index.md", "img/pic.png"}, {"sub/a.md", "deeper/../../a"}, {"index.md", "./a"},
		{"", "a"}, {"index.md", "a|alias"}, {"index.md", "names/dots."}, {"index.md", "\xff\xfe"},
		{"../outside.md", "../a"}, {"index.md", "sub/deeper/../../../etc/passwd"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, from, target string) {
		got := ix.Resolve(from, target)
		switch {
		case got == "":
		case got == from && isEmptyTarget(target):
		case files[got]:
		default:
			t.Fatalf("Resolve(%q, %q) = %q, which is no file of the vault", from, target, got)
		}
		if got != from && (strings.HasPrefix(got, "/") || strings.HasPrefix(got, "../") || strings.Contains(got, "/../")) {
			t.Fatalf("Resolve(%q, %q) = %q, outside the vault", from, target, got)
		}
		if again := ix.Resolve(from, target); again != got {
			t.Fatalf("Resolve(%q, %q) = %q, then %q", from, target, got, again)
		}
	})
}

// isEmptyTarget reports whether a link target names no file, only (at most) a `.md`: such a
// link points at its own note (docs/FORMAT.md §2.4 rule 1).
func isEmptyTarget(target string) bool {
	t := strings.TrimSpace(target)
	if len(t) >= 3 && strings.EqualFold(t[len(t)-3:], ".md") {
		t = strings.TrimSpace(t[:len(t)-3])
	}
	return t == ""
}
