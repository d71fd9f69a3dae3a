package app

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/vault"
)

// longBody is n paragraphs of filler, enough to push what follows off the first screen.
func longBody(what string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d about %s, long enough to fill a line of the note view or two when the window is narrow.\n\n", i+1, what)
	}
	return b.String()
}

const (
	awsNote = "---\ntitle: Amazon Web Services\naliases: [AWS, Amazon cloud]\n---\n" +
		"# Overview\n\n"
	awsHeading = "## Pricing history\n"
	awsBlock   = "AWS launched its storage service in 2006. ^launch-2006\n"
	bigHeading = "## The far heading\n"
)

// noteArgVault has a note reached by a normalised spelling and by aliases, with a heading
// and a block far down; a start page with a heading of its own; a file name holding `#`;
// and a note long enough (300 KB) to be shown a first screen at a time.
var noteArgVault = fstest.MapFS{
	"Start.md": {Data: []byte("---\ntitle: The start\n---\nSee [[Nowhere Yet]].\n\n" +
		longBody("the start", 60) + "## Further reading\n\nThe list.\n\n" + longBody("reading", 60))},
	"sub/Second.md": {Data: []byte("# Second\n\nBack to [[Start]].\n")},
	"companies/amazon_web_services_aws.md": {Data: []byte(awsNote + longBody("the overview", 60) +
		awsHeading + "\n" + longBody("prices", 20) + awsBlock + "\n" + longBody("the rest", 60))},
	"notes/C# tips.md": {Data: []byte("# C# tips\n\nUse spans.\n")},
	"big.md": {Data: []byte("---\ntitle: A big note\n---\n" + longBody("the top", 1500) + bigHeading + "\n" +
		longBody("the end", 300))},
}

// noteArgText returns the text of a note of noteArgVault.
func noteArgText(p string) string { return string(noteArgVault[p].Data) }

// TestNoteArg_EveryLinkFormOpensItsNote: NOTE takes every form a wikilink target takes and
// opens that note, at its heading or block when one is named; a name no note has opens
// that name's page and says so, never another note.
func TestNoteArg_EveryLinkFormOpensItsNote(t *testing.T) {
	aws := "companies/amazon_web_services_aws.md"
	awsTitle := "Amazon Web Services — Vaultview"
	for _, tc := range []struct {
		note       string
		path       string // "" for the page of an unresolved name
		title      string
		top        string // text at the top of the view ("" for the top of the note)
		unresolved string
		status     string // part of a status message
	}{
		{note: "sub/Second.md", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "sub/Second", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "SUB/second.MD", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "second", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "Second.md", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: `sub\Second.md`, path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "[[Second|the second note]]", path: "sub/Second.md", title: "Second — Vaultview"},
		{note: "Amazon Web Services AWS", path: aws, title: awsTitle},
		{note: "amazon_web_services_aws", path: aws, title: awsTitle},
		{note: "AWS", path: aws, title: awsTitle},
		{note: "amazon cloud", path: aws, title: awsTitle},
		{note: "Amazon Web Services AWS#Pricing history", path: aws, title: awsTitle, top: awsHeading},
		{note: "AWS # pricing history", path: aws, title: awsTitle, top: awsHeading},
		{note: "companies/amazon_web_services_aws.md#^launch-2006", path: aws, title: awsTitle, top: awsBlock},
		{note: "AWS#No such heading", path: aws, title: awsTitle, status: "No heading “No such heading” in Amazon Web Services"},
		{note: "AWS#^no-such-block", path: aws, title: awsTitle, status: "No block ^no-such-block in Amazon Web Services"},
		{note: "#Further reading", path: "Start.md", title: "The start — Vaultview", top: "## Further reading"},
		{note: "notes/C# tips.md", path: "notes/C# tips.md", title: "C# tips — Vaultview"},
		{note: "big", path: "big.md", title: "A big note — Vaultview"},
		{note: "big#The far heading", path: "big.md", title: "A big note — Vaultview", top: bigHeading},
		{note: "Nowhere Yet", unresolved: "Nowhere Yet", title: "Nowhere Yet — Vaultview", status: "No note called “Nowhere Yet”"},
		{note: "Nowhere Yet#Some heading", unresolved: "Nowhere Yet", title: "Nowhere Yet — Vaultview", status: "No note called “Nowhere Yet”"},
		{note: "missing/Folder/Note.md", unresolved: "missing/Folder/Note", title: "missing/Folder/Note — Vaultview", status: "No note called “missing/Folder/Note”"},
	} {
		t.Run(tc.note, func(t *testing.T) {
			w, shown, _ := newTestWindow(t)
			status := make(chan string, 64)
			w.afterStatus = func(s string) { status <- s }
			onUI(w, func() { w.OpenVault(VaultSource{FS: noteArgVault}, tc.note) })
			t.Cleanup(func() { onUI(w, func() { w.reload.stop(); w.find.search.stop(); w.vaultGen.Add(1) }) })
			p := waitShown(t, shown)
			if p.Path != tc.path || p.Unresolved != tc.unresolved {
				t.Fatalf("opened %+v, want path %q unresolved %q", p, tc.path, tc.unresolved)
			}
			var title string
			var top int
			onUI(w, func() { title, top = w.Title(), w.note.TopOffset() })
			if title != tc.title {
				t.Errorf("title %q, want %q", title, tc.title)
			}
			// The view starts at the heading or block asked for, or just above it (the
			// space above a heading shows the end of the paragraph before).
			if tc.path != "" {
				text, want := noteArgText(tc.path), 0
				if tc.top != "" {
					want = strings.Index(text, tc.top)
				} else if strings.HasPrefix(text, "---\n") {
					want = strings.Index(text, "\n---\n") + len("\n---\n") // the body's start
				}
				if top > want || strings.Contains(strings.TrimRight(text[max(top, 0):want], "\n"), "\n\n") {
					t.Errorf("the view starts at byte %d (%q…), want %d (%q…)", top, snippet(text, top), want, tc.top)
				}
			}
			if tc.status != "" {
				waitStatusIn(t, status, tc.status)
			}
		})
	}
}

func snippet(s string, at int) string {
	if at < 0 || at > len(s) {
		return ""
	}
	return s[at:min(len(s), at+30)]
}

// waitStatusIn waits for a status message holding want among those given so far and to come.
func waitStatusIn(t *testing.T, status chan string, want string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	var seen []string
	for {
		select {
		case s := <-status:
			if strings.Contains(s, want) {
				return
			}
			seen = append(seen, s)
		case <-deadline:
			t.Fatalf("no status message with %q within 20 s; seen %q", want, seen)
		}
	}
}

// TestNoteArg_FindNote reads the NOTE forms on the names alone, as the window does before
// any note is parsed: aliases wait for the notes, a path on this computer inside the vault
// is taken, and `#Heading` alone names no note.
func TestNoteArg_FindNote(t *testing.T) {
	v, err := vault.Load(noteArgVault)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	exists := func(p string) bool { return ix.Note(p) != nil }
	dir := "/home/reader/vault"
	for _, tc := range []struct {
		note     string
		aliases  bool
		path     string
		target   string
		fragment string
	}{
		{"sub/Second.md", false, "sub/Second.md", "sub/Second.md", ""},
		{"/home/reader/vault/sub/Second.md", false, "sub/Second.md", "/home/reader/vault/sub/Second.md", ""},
		{"/home/reader/other/sub/Second.md", false, "", "/home/reader/other/sub/Second.md", ""},
		{"/home/reader/vault/../vault/sub/Second.md#Second", false, "sub/Second.md", "/home/reader/vault/../vault/sub/Second.md", "Second"},
		{"AWS", false, "", "AWS", ""},
		{"AWS", true, "companies/amazon_web_services_aws.md", "AWS", ""},
		{"aws#^launch-2006", true, "companies/amazon_web_services_aws.md", "aws", "^launch-2006"},
		{"Amazon Web Services AWS#Pricing history", false, "companies/amazon_web_services_aws.md", "Amazon Web Services AWS", "Pricing history"},
		{"#Further reading", false, "", "", "Further reading"},
		{"[[second#Second|shown text]]", false, "sub/Second.md", "second", "Second"},
		{"notes/C# tips.md", false, "notes/C# tips.md", "notes/C# tips.md", ""},
		{"../Start.md", false, "Start.md", "../Start.md", ""}, // path.Clean keeps it in the vault
		{"Nowhere Yet", true, "", "Nowhere Yet", ""},
	} {
		p, a := findNote(ix, dir, tc.note, exists, tc.aliases)
		if p != tc.path || a.target != tc.target || a.fragment != tc.fragment {
			t.Errorf("findNote(%q, aliases %v) = %q, target %q, fragment %q; want %q, %q, %q",
				tc.note, tc.aliases, p, a.target, a.fragment, tc.path, tc.target, tc.fragment)
		}
	}
}

func TestNoteArg_FirstScreenCutsAtAParagraphBreak(t *testing.T) {
	short := []byte(longBody("x", 10))
	if got := firstScreen(short); got != len(short) {
		t.Errorf("a short note is cut at %d of %d", got, len(short))
	}
	long := []byte(longBody("x", 2000))
	cut := firstScreen(long)
	if cut < firstScreenBytes || cut > firstScreenMax || long[cut-1] != '\n' || long[cut] != '\n' {
		t.Errorf("cut at %d: %q|%q", cut, long[max(0, cut-10):cut], long[cut:cut+10])
	}
	oneLine := []byte(strings.Repeat("word ", 30000))
	if got := firstScreen(oneLine); got != len(oneLine) {
		t.Errorf("a note with no paragraph break is cut at %d", got)
	}
}

func TestNoteArg_BlockOffset(t *testing.T) {
	src := []byte("Para one ^not-this-one here\n\nThe block. ^b-1\n\n| a |\n| - |\n\n^table-id\nx^b-1\n")
	for id, want := range map[string]int{
		"b-1":          strings.Index(string(src), "^b-1"),
		"table-id":     strings.Index(string(src), "^table-id"),
		"not-this-one": -1,
		"b":            -1,
		"":             -1,
	} {
		if got := blockOffset(src, id); got != want {
			t.Errorf("blockOffset(%q) = %d, want %d", id, got, want)
		}
	}
}
