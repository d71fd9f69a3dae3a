package vault_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"vaultview/vault"
)

// watched is a vault on disk with a Watcher on it. Every Reload goes through waitFor, so
// last is the newest snapshot the consumer has seen.
type watched struct {
	dir  string
	v    *vault.Vault
	w    *vault.Watcher
	last *vault.Index
}

// watchVault writes files into a temporary folder, loads it and watches it until the test
// ends.
func watchVault(t testing.TB, files map[string]string, opts vault.WatchOptions) *watched {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		write(t, dir, p, s)
	}
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	w, err := vault.Watch(context.Background(), v, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	return &watched{dir: dir, v: v, w: w, last: v.Index()}
}

// waitFor takes Reloads from w until one satisfies ok, failing the test after timeout. It
// returns every Reload it took.
func waitFor(t testing.TB, w *vault.Watcher, ok func(ix *vault.Index) bool, timeout time.Duration) []vault.Reload {
	t.Helper()
	deadline := time.After(timeout)
	var seen []vault.Reload
	for {
		select {
		case r, open := <-w.Updates():
			if !open {
				t.Fatalf("Updates closed after %d reloads", len(seen))
			}
			seen = append(seen, r)
			if ok(r.Index) {
				return seen
			}
		case <-deadline:
			t.Fatalf("no matching snapshot within %v (%d reloads: %s)", timeout, len(seen), describe(seen))
		}
	}
}

// waitFor is the package waitFor, except that a condition the last snapshot already meets
// needs no further Reload.
func (s *watched) waitFor(t *testing.T, ok func(ix *vault.Index) bool) []vault.Reload {
	t.Helper()
	if ok(s.last) {
		return nil
	}
	seen := waitFor(t, s.w, ok, 20*time.Second)
	s.last = seen[len(seen)-1].Index
	return seen
}

func describe(rs []vault.Reload) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "[+%v ~%v -%v rescan=%v] ", r.Added, r.Changed, r.Removed, r.Rescan)
	}
	return b.String()
}

func write(t testing.TB, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// heading is the first heading of the note at p, or "" when there is no such note.
func heading(ix *vault.Index, p string) string {
	n := ix.Note(p)
	if n == nil || len(n.Headings) == 0 {
		return ""
	}
	return n.Headings[0].Text
}

// editorNames are the temporary and backup files of the save styles below; none may ever
// be indexed.
var editorNames = []string{
	"note.md~", "4913", ".note.md.swp", "note.md.tmp", "note.md___jb_tmp___",
	"note.md___jb_old___", ".#note.md", "#note.md#",
}

func assertNoEditorFiles(t *testing.T, seen []vault.Reload) {
	t.Helper()
	for _, r := range seen {
		files := append(r.Index.Paths(), r.Index.Attachments()...)
		for _, f := range files {
			if slices.Contains(editorNames, base(f)) {
				t.Errorf("editor file %s indexed", f)
			}
		}
	}
}

func base(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

func TestWatch_SaveStyles(t *testing.T) {
	const v2 = "# Version 2\n\nLinks to [[other]].\n"
	tests := []struct {
		name string
		save func(t *testing.T, dir string)
	}{
		{"in place", func(t *testing.T, dir string) {
			write(t, dir, "note.md", v2)
		}},
		{"redirect truncates then writes", func(t *testing.T, dir string) {
			f, err := os.OpenFile(filepath.Join(dir, "note.md"), os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			_, err = f.WriteString(v2[:5])
			must(t, err)
			must(t, f.Sync())
			_, err = f.WriteString(v2[5:])
			must(t, err)
			must(t, f.Close())
		}},
		{"temp file and rename (VS Code)", func(t *testing.T, dir string) {
			write(t, dir, "note.md.tmp", v2)
			must(t, os.Rename(filepath.Join(dir, "note.md.tmp"), filepath.Join(dir, "note.md")))
		}},
		{"temp file with an unknown name and rename", func(t *testing.T, dir string) {
			write(t, dir, "note.md.sb-5a1c2f", v2)
			must(t, os.Rename(filepath.Join(dir, "note.md.sb-5a1c2f"), filepath.Join(dir, "note.md")))
		}},
		{"vim", func(t *testing.T, dir string) {
			write(t, dir, "4913", "")
			must(t, os.Remove(filepath.Join(dir, "4913")))
			write(t, dir, ".note.md.swp", "swap")
			must(t, os.Rename(filepath.Join(dir, "note.md"), filepath.Join(dir, "note.md~")))
			f, err := os.Create(filepath.Join(dir, "note.md"))
			must(t, err)
			_, err = f.WriteString(v2)
			must(t, err)
			must(t, f.Close())
			must(t, os.Remove(filepath.Join(dir, "note.md~")))
		}},
		{"JetBrains safe write", func(t *testing.T, dir string) {
			write(t, dir, "note.md___jb_tmp___", v2)
			must(t, os.Rename(filepath.Join(dir, "note.md"), filepath.Join(dir, "note.md___jb_old___")))
			must(t, os.Rename(filepath.Join(dir, "note.md___jb_tmp___"), filepath.Join(dir, "note.md")))
			must(t, os.Remove(filepath.Join(dir, "note.md___jb_old___")))
		}},
		{"emacs", func(t *testing.T, dir string) {
			write(t, dir, "#note.md#", "autosave")
			must(t, os.Symlink("user@host.123", filepath.Join(dir, ".#note.md")))
			must(t, os.Rename(filepath.Join(dir, "note.md"), filepath.Join(dir, "note.md~")))
			write(t, dir, "note.md", v2)
			must(t, os.Remove(filepath.Join(dir, ".#note.md")))
			must(t, os.Remove(filepath.Join(dir, "#note.md#")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := watchVault(t, map[string]string{
				"note.md":  "# Version 1\n",
				"other.md": "Back to [[note]].\n",
			}, vault.WatchOptions{})
			tt.save(t, s.dir)
			seen := s.waitFor(t, func(ix *vault.Index) bool { return heading(ix, "note.md") == "Version 2" })
			ix := s.last
			if got := ix.Links("note.md"); len(got) != 1 || got[0].Resolved != "other.md" {
				t.Errorf("links of note.md = %+v", got)
			}
			if got := ix.Backlinks("note.md"); len(got) != 1 {
				t.Errorf("backlinks of note.md = %d, want 1", len(got))
			}
			assertNoEditorFiles(t, seen)
			if got := ix.Attachments(); strings.Contains(tt.name, "vim") && len(got) > 0 {
				t.Errorf("attachments = %v", got)
			}
			for _, r := range seen {
				if slices.Contains(r.Removed, "note.md") && !slices.Contains(r.Added, "note.md") {
					// Allowed (a batch may end between the rename and the new file), but
					// the debounce should have made it rare enough not to see here.
					t.Logf("a snapshot without note.md was published: %s", describe(seen))
				}
			}
		})
	}
}

func TestWatch_HalfWrittenNoteEndsComplete(t *testing.T) {
	s := watchVault(t, map[string]string{"note.md": "# Start\n"}, vault.WatchOptions{})
	f, err := os.OpenFile(filepath.Join(s.dir, "note.md"), os.O_WRONLY|os.O_TRUNC, 0)
	must(t, err)
	// Write in pieces, each long enough apart to be read on its own.
	var body strings.Builder
	body.WriteString("# Final\n")
	for i := range 200 {
		fmt.Fprintf(&body, "Line %d links to [[n%d]].\n", i, i)
	}
	text := body.String()
	for i := 0; i < len(text); i += 512 {
		_, err := f.WriteString(text[i:min(i+512, len(text))])
		must(t, err)
	}
	must(t, f.Close())
	s.waitFor(t, func(ix *vault.Index) bool {
		n := ix.Note("note.md")
		return n != nil && n.Size == int64(len(text)) && len(ix.Links("note.md")) == 200
	})
	if got := heading(s.last, "note.md"); got != "Final" {
		t.Errorf("heading = %q", got)
	}
}

func TestWatch_DeleteAndRecreate(t *testing.T) {
	s := watchVault(t, map[string]string{"note.md": "# One\n", "other.md": "[[note]]\n"}, vault.WatchOptions{})
	must(t, os.Remove(filepath.Join(s.dir, "note.md")))
	seen := s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("note.md") == nil })
	if r := seen[len(seen)-1]; !slices.Contains(r.Removed, "note.md") {
		t.Errorf("Removed = %v", r.Removed)
	}
	if got := s.last.Links("other.md")[0].Resolved; got != "" {
		t.Errorf("link into the deleted note resolves to %q", got)
	}
	write(t, s.dir, "note.md", "# Two\n")
	seen = s.waitFor(t, func(ix *vault.Index) bool { return heading(ix, "note.md") == "Two" })
	if r := seen[len(seen)-1]; !slices.Contains(r.Added, "note.md") {
		t.Errorf("Added = %v", r.Added)
	}
	if got := s.last.Links("other.md")[0].Resolved; got != "note.md" {
		t.Errorf("link into the re-created note resolves to %q", got)
	}
}

func TestWatch_RenameNote(t *testing.T) {
	s := watchVault(t, map[string]string{
		"old.md":    "# Moving\n",
		"a.md":      "See [[old]].\n",
		"b.md":      "See [[new]].\n",
		"img/x.png": "png",
	}, vault.WatchOptions{})
	must(t, os.Rename(filepath.Join(s.dir, "old.md"), filepath.Join(s.dir, "new.md")))
	seen := s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("new.md") != nil && ix.Note("old.md") == nil })
	ix := s.last
	if got := ix.Links("a.md")[0].Resolved; got != "" {
		t.Errorf("[[old]] resolves to %q after the rename", got)
	}
	if got := ix.UnresolvedBacklinks("old"); len(got) != 1 || got[0].Source.Path != "a.md" {
		t.Errorf("unresolved backlinks of old = %v", got)
	}
	if got := ix.Links("b.md")[0].Resolved; got != "new.md" {
		t.Errorf("[[new]] resolves to %q", got)
	}
	if r := seen[len(seen)-1]; r.Renamed["old.md"] != "new.md" {
		t.Errorf("Renamed = %v (%s)", r.Renamed, describe(seen))
	}
}

func TestWatch_NewFolder(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, dir string)
	}{
		{"mkdir and write", func(t *testing.T, dir string) {
			for _, p := range []string{"new/a.md", "new/deep/er/b.md", "new/deep/c.png"} {
				write(t, dir, p, "# "+p+"\n")
			}
		}},
		{"moved in from outside (unzip)", func(t *testing.T, dir string) {
			outside := t.TempDir()
			for _, p := range []string{"new/a.md", "new/deep/er/b.md", "new/deep/c.png"} {
				write(t, outside, p, "# "+p+"\n")
			}
			must(t, os.Rename(filepath.Join(outside, "new"), filepath.Join(dir, "new")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := watchVault(t, map[string]string{"top.md": "[[b]]\n"}, vault.WatchOptions{})
			tt.make(t, s.dir)
			s.waitFor(t, func(ix *vault.Index) bool {
				return ix.Note("new/a.md") != nil && ix.Note("new/deep/er/b.md") != nil && ix.IsAttachment("new/deep/c.png")
			})
			if got := s.last.Links("top.md")[0].Resolved; got != "new/deep/er/b.md" {
				t.Errorf("[[b]] resolves to %q", got)
			}
			// The new folders are watched: a file written later in the deepest one is seen.
			write(t, s.dir, "new/deep/er/later.md", "# Later\n")
			s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("new/deep/er/later.md") != nil })
		})
	}
}

func TestWatch_DeleteFolder(t *testing.T) {
	s := watchVault(t, map[string]string{
		"keep.md":          "[[a]] [[b]]\n",
		"gone/a.md":        "# A\n",
		"gone/sub/b.md":    "# B\n",
		"gone/sub/pic.png": "png",
	}, vault.WatchOptions{})
	must(t, os.RemoveAll(filepath.Join(s.dir, "gone")))
	s.waitFor(t, func(ix *vault.Index) bool { return ix.Len() == 1 && len(ix.Attachments()) == 0 })
	for _, l := range s.last.Links("keep.md") {
		if l.Resolved != "" {
			t.Errorf("link %s still resolves to %s", l.Target, l.Resolved)
		}
	}
	if got := s.last.Subfolders(""); len(got) != 0 {
		t.Errorf("folders = %v", got)
	}
}

func TestWatch_RenameFolder(t *testing.T) {
	s := watchVault(t, map[string]string{
		"keep.md":         "[[a/one]] [[two]]\n",
		"a/one.md":        "# One\n",
		"a/sub/two.md":    "# Two, longer\n",
		"a/sub/fig.png":   "png",
		"a/sub/deep/x.md": "# X\n",
	}, vault.WatchOptions{})
	must(t, os.Rename(filepath.Join(s.dir, "a"), filepath.Join(s.dir, "b")))
	seen := s.waitFor(t, func(ix *vault.Index) bool {
		return ix.Note("b/one.md") != nil && ix.Note("b/sub/two.md") != nil && ix.Note("b/sub/deep/x.md") != nil &&
			ix.IsAttachment("b/sub/fig.png") && ix.Note("a/one.md") == nil && ix.Len() == 4 && len(ix.Attachments()) == 1
	})
	links := s.last.Links("keep.md")
	if links[0].Resolved != "" || links[1].Resolved != "b/sub/two.md" {
		t.Errorf("links = %+v", links)
	}
	renamed := map[string]string{}
	for _, r := range seen {
		for from, to := range r.Renamed {
			renamed[from] = to
		}
	}
	for _, p := range []string{"one.md", "sub/two.md", "sub/fig.png", "sub/deep/x.md"} {
		if renamed["a/"+p] != "b/"+p {
			t.Errorf("Renamed[a/%s] = %q", p, renamed["a/"+p])
		}
	}
	// Stale watches would report this file under a/.
	write(t, s.dir, "b/sub/deep/new.md", "# New\n")
	s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("b/sub/deep/new.md") != nil })
	if slices.ContainsFunc(s.last.Paths(), func(p string) bool { return strings.HasPrefix(p, "a/") }) {
		t.Errorf("paths under a/: %v", s.last.Paths())
	}
	// And the old name is free again.
	write(t, s.dir, "a/again.md", "# Again\n")
	s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("a/again.md") != nil })
}

func TestWatch_Storm(t *testing.T) {
	const n = 5000
	s := watchVault(t, map[string]string{"index.md": "[[n0]] [[n4999]]\n", "storm/.keep": ""}, vault.WatchOptions{})
	for i := range n {
		write(t, s.dir, fmt.Sprintf("storm/n%d.md", i), fmt.Sprintf("# Note %d\n\n[[n%d]]\n", i, (i+1)%n))
	}
	seen := s.waitFor(t, func(ix *vault.Index) bool { return ix.Len() == n+1 })
	if len(seen) > n/20 {
		t.Errorf("%d reloads for %d files", len(seen), n)
	}
	t.Logf("%d files in %d reloads", n, len(seen))
	ix := s.last
	if got := ix.Backlinks("storm/n0.md"); len(got) != 2 {
		t.Errorf("backlinks of n0 = %d, want 2", len(got))
	}

	// A checkout: a thousand notes deleted, a thousand rewritten, in one burst.
	for i := range 1000 {
		must(t, os.Remove(filepath.Join(s.dir, "storm", fmt.Sprintf("n%d.md", i))))
		write(t, s.dir, fmt.Sprintf("storm/n%d.md", 1000+i), fmt.Sprintf("# Rewritten %d\n", 1000+i))
	}
	s.waitFor(t, func(ix *vault.Index) bool {
		return ix.Len() == n+1-1000 && heading(ix, "storm/n1999.md") == "Rewritten 1999"
	})
	for i := range 1000 {
		if p := fmt.Sprintf("storm/n%d.md", 1000+i); heading(s.last, p) != fmt.Sprintf("Rewritten %d", 1000+i) {
			t.Fatalf("%s: heading %q", p, heading(s.last, p))
		}
	}
	if got := s.last.Links("index.md")[0].Resolved; got != "" {
		t.Errorf("[[n0]] resolves to %q after n0 was deleted", got)
	}
}

func TestWatch_IgnoresEditorFiles(t *testing.T) {
	s := watchVault(t, map[string]string{"note.md": "# Note\n"}, vault.WatchOptions{})
	for _, name := range append(editorNames, "x.swx", "a.swp", "note.md.TMP", ".hidden.md", ".obsidian/workspace.json") {
		write(t, s.dir, name, "temp")
	}
	write(t, s.dir, "sentinel.md", "# After the editor files\n")
	seen := s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("sentinel.md") != nil })
	assertNoEditorFiles(t, seen)
	if got := s.last.Attachments(); len(got) != 0 {
		t.Errorf("attachments = %v", got)
	}
	if got := s.last.Paths(); !slices.Equal(got, []string{"note.md", "sentinel.md"}) {
		t.Errorf("paths = %v", got)
	}
}

func TestWatch_Polling(t *testing.T) {
	s := watchVault(t, map[string]string{"a.md": "# A\n", "b.md": "# B\n"},
		vault.WatchOptions{Poll: true, PollInterval: 20 * time.Millisecond})
	if s.w.Mode() != vault.Polling {
		t.Fatalf("mode = %v", s.w.Mode())
	}
	write(t, s.dir, "new/c.md", "# C\n")
	seen := s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("new/c.md") != nil })
	if r := seen[len(seen)-1]; !r.Rescan || !slices.Equal(r.Added, []string{"new/c.md"}) {
		t.Errorf("reload = %s", describe(seen))
	}
	write(t, s.dir, "a.md", "# A, edited\n")
	seen = s.waitFor(t, func(ix *vault.Index) bool { return heading(ix, "a.md") == "A, edited" })
	if r := seen[len(seen)-1]; !slices.Equal(r.Changed, []string{"a.md"}) {
		t.Errorf("reload = %s", describe(seen))
	}
	must(t, os.Remove(filepath.Join(s.dir, "b.md")))
	seen = s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("b.md") == nil })
	if r := seen[len(seen)-1]; !slices.Equal(r.Removed, []string{"b.md"}) {
		t.Errorf("reload = %s", describe(seen))
	}
}

func TestWatch_CatchesUpWithChangesSinceLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", "# A\n")
	write(t, dir, "b.md", "# B\n")
	v, err := vault.Load(os.DirFS(dir))
	must(t, err)
	write(t, dir, "a.md", "# A, edited since\n")
	must(t, os.Remove(filepath.Join(dir, "b.md")))
	write(t, dir, "c.md", "# C\n")
	w, err := vault.Watch(context.Background(), v, dir, vault.WatchOptions{})
	must(t, err)
	defer w.Close()
	seen := waitFor(t, w, func(ix *vault.Index) bool {
		return heading(ix, "a.md") == "A, edited since" && ix.Note("b.md") == nil && ix.Note("c.md") != nil
	}, 20*time.Second)
	r := seen[0]
	if !r.Rescan || !slices.Equal(r.Added, []string{"c.md"}) || !slices.Equal(r.Changed, []string{"a.md"}) || !slices.Equal(r.Removed, []string{"b.md"}) {
		t.Errorf("first reload = %s", describe(seen))
	}
}

func TestWatch_CloseStopsEverything(t *testing.T) {
	for _, opts := range []vault.WatchOptions{{}, {Poll: true, PollInterval: 10 * time.Millisecond}} {
		before := runtime.NumGoroutine()
		s := watchVault(t, map[string]string{"a.md": "# A\n", "f/b.md": "# B\n"}, opts)
		write(t, s.dir, "f/c.md", "# C\n")
		s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("f/c.md") != nil })
		must(t, s.w.Close())
		must(t, s.w.Close()) // twice is fine
		for range s.w.Updates() {
		}
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				t.Fatalf("%d goroutines after Close, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
			}
			runtime.Gosched()
		}
	}
}

func TestWatch_StopsWithContext(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", "# A\n")
	v, err := vault.Load(os.DirFS(dir))
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	w, err := vault.Watch(ctx, v, dir, vault.WatchOptions{})
	must(t, err)
	cancel()
	select {
	case _, open := <-w.Updates():
		if open {
			t.Error("a reload after cancel, from an unchanged vault")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Updates not closed after the context was cancelled")
	}
	must(t, w.Close())
}

func TestWatch_VaultFolderRemovedAndBack(t *testing.T) {
	s := watchVault(t, map[string]string{"a.md": "# A\n", "f/b.md": "# B\n"},
		vault.WatchOptions{PollInterval: 20 * time.Millisecond})
	must(t, os.RemoveAll(s.dir))
	must(t, os.Mkdir(s.dir, 0o755))
	write(t, s.dir, "back.md", "# Back\n")
	s.waitFor(t, func(ix *vault.Index) bool {
		return slices.Equal(ix.Paths(), []string{"back.md"})
	})
	// Whichever way it was found (new watches or polling), later changes are seen too.
	write(t, s.dir, "f/later.md", "# Later\n")
	s.waitFor(t, func(ix *vault.Index) bool { return ix.Note("f/later.md") != nil })
}

// The window keeps one Watcher for the open vault and applies each Reload on the UI
// goroutine (in app, inside fyne.Do): swap in r.Index, refresh the tree when files were
// added or removed, re-render the open note when it changed, follow it when it was renamed.
func ExampleWatch() {
	dir := "/path/to/vault"
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := vault.Watch(context.Background(), v, dir, vault.WatchOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Close()
	if w.Mode() == vault.Polling {
		fmt.Println("not watching:", w.Err())
	}
	open := "notes/today.md"
	for r := range w.Updates() {
		if to, ok := r.Renamed[open]; ok {
			open = to
		}
		if slices.Contains(r.Changed, open) {
			fmt.Println("re-render", open, "from", r.Index.Note(open).Path)
		}
	}
}

func TestWatch_DropsEditorFilesThatLoadIndexed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "note.md", "# Note\n")
	write(t, dir, "note.md~", "backup")
	write(t, dir, "draft.md.tmp", "temp")
	v, err := vault.Load(os.DirFS(dir))
	must(t, err)
	if !v.Index().IsAttachment("note.md~") {
		t.Skip("Load skips editor files itself now; nothing for the watcher to drop")
	}
	w, err := vault.Watch(context.Background(), v, dir, vault.WatchOptions{})
	must(t, err)
	defer w.Close()
	seen := waitFor(t, w, func(ix *vault.Index) bool { return len(ix.Attachments()) == 0 }, 20*time.Second)
	if r := seen[len(seen)-1]; !r.Rescan || !slices.Equal(r.Removed, []string{"draft.md.tmp", "note.md~"}) {
		t.Errorf("reload = %s", describe(seen))
	}
}
