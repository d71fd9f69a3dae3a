package hostile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vaultview/internal/hostile"
)

func TestWarning_Matches(t *testing.T) {
	w := hostile.Warning{Path: "a.md", Line: 1, Message: "bad"}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"  a.md:1: bad thing", true},
		{"  x/a.md:1: bad thing", true}, // a report names paths in full; the test's path is enough
		{"  a.md:12: bad thing", false},
		{"  a.md:1: good thing", false},
		{"  b.md:1: bad", false},
		{`  "x": 1 link, first a.md:1`, false},
		{`  "bad": 1 link, first a.md:1`, true},
		{"  a.md:12: bad, then a.md:1: bad", true},
	} {
		if got := w.Matches(c.line); got != c.want {
			t.Errorf("Matches(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	whole := hostile.Warning{Path: "a.md", Message: "skipped"}
	if !whole.Matches("  a.md: skipped") || whole.Matches("  b.md: skipped") {
		t.Error("a warning without a line matches by path and message")
	}
}

func TestGenerators_SizesAndCounts(t *testing.T) {
	huge := hostile.HugeNote(hostile.HugeNoteSize)
	if len(huge) < hostile.HugeNoteSize || len(huge) > hostile.HugeNoteSize+8<<10 {
		t.Errorf("huge note: %d bytes", len(huge))
	}
	for name, src := range map[string][]byte{
		"long line": hostile.LongLine(hostile.LongLineSize),
		"long blob": hostile.LongBlob(hostile.LongLineSize),
	} {
		body := src[bytes.LastIndex(src, []byte("---\n"))+1:]
		if name == "long blob" {
			body = src
		}
		if n := bytes.Count(body, []byte{'\n'}); n > 2 || len(src) < hostile.LongLineSize {
			t.Errorf("%s: %d bytes, %d line breaks in the body", name, len(src), n)
		}
	}
	if bytes.ContainsAny(hostile.LongBlob(1000), " \t") {
		t.Error("the blob has white space")
	}
	if got := bytes.Count(hostile.LinksNote(hostile.ManyLinks), []byte("[[")); got != hostile.ManyLinks {
		t.Errorf("links note: %d links, want %d", got, hostile.ManyLinks)
	}
	if got := bytes.Count(hostile.TimestampsNote(hostile.ManyTimestamps), []byte(`class="yt-timestamp"`)); got != hostile.ManyTimestamps+1 {
		t.Errorf("timestamps note: %d anchors, want %d", got, hostile.ManyTimestamps+1)
	}
	if !bytes.Equal(hostile.HugeNote(1<<20), hostile.HugeNote(1<<20)) {
		t.Error("the huge note is not the same every time")
	}
}

func TestWrite_EveryCaseIsOnDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 80 MB")
	}
	dir := t.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Errorf("only %d cases", len(cases))
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Name] {
			t.Errorf("two cases are called %q", c.Name)
		}
		seen[c.Name] = true
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(c.Path))); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		for _, w := range c.Warnings {
			if !strings.Contains(w.Path, "\uFFFD") && w.Path != c.Path {
				t.Errorf("%s: a warning about %q, not %q", c.Name, w.Path, c.Path)
			}
		}
	}
	for _, want := range []string{"a 20 MB note", "a symbolic link to /", "a folder of 10,000 notes", "100,000 links in one note"} {
		if !seen[want] {
			t.Errorf("no case %q", want)
		}
	}
	if n := hostile.Notes(cases); n < hostile.FolderNotes+hostile.EmbedChain {
		t.Errorf("%d notes", n)
	}
}

func TestSnapshot_SeesEveryChange(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "a")
	write("b.md", "b")
	if err := os.Symlink("/", filepath.Join(dir, "root")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	before, err := hostile.Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := hostile.Snapshot(dir); len(hostile.Diff(before, again)) != 0 {
		t.Fatalf("two snapshots of an unchanged folder differ: %v", hostile.Diff(before, again))
	}
	for _, c := range []struct {
		name   string
		change func()
	}{
		{"same size, new bytes", func() { write("a.md", "z") }},
		{"touched", func() {
			old := time.Now().Add(-time.Hour)
			os.Chtimes(filepath.Join(dir, "b.md"), old, old)
		}},
		{"created", func() { write("c.md", "c") }},
		{"removed", func() { os.Remove(filepath.Join(dir, "c.md")) }},
		{"link retargeted", func() {
			os.Remove(filepath.Join(dir, "root"))
			os.Symlink("/etc", filepath.Join(dir, "root"))
		}},
	} {
		prev, err := hostile.Snapshot(dir)
		if err != nil {
			t.Fatal(err)
		}
		c.change()
		next, err := hostile.Snapshot(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(hostile.Diff(prev, next)) == 0 {
			t.Errorf("%s: no difference seen", c.name)
		}
	}
}
