package app

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// fileState is what must not change in a vault: every file's bytes, size and mtime.
type fileState struct {
	sum   [32]byte
	size  int64
	mtime time.Time
}

func snapshotTree(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{size: info.Size(), mtime: info.ModTime()}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			st.sum = sha256.Sum256(b)
		}
		out[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPromise_TheAppNeverWritesToTheVault drives the window's real flows over a vault on
// disk — open, follow links both ways, history, an unresolved page, the quick switcher, search
// in all notes, the side panel's tabs, the source view, copy, reload, zoom and theme — and
// checks that no file changed and none appeared.
func TestPromise_TheAppNeverWritesToTheVault(t *testing.T) {
	w, shown, dir := diskWindow(t, map[string]string{
		"a.md":          "---\ntitle: A\nvideoId: APvj15_YCqk\n---\n# A\n\nSee [[b]] and [[Not yet]] <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a>.\n",
		"b.md":          "Back to [[a#A]]. ![[a]]\n",
		"sub/c.md":      "[[a]] [x](../b.md)\n",
		"img/pic.png":   "\x89PNG\r\n\x1a\n",
		".obsidian/app": "{}",
	}, "a.md")
	before := snapshotTree(t, dir)
	ready := make(chan string, 16)
	onUI(w, func() { w.afterReady = func(what string) { ready <- what } })
	if st := w.find.search.state.Load(); st == nil || st.store == nil {
		waitReady(t, ready, "search")
	}
	steps := []func(){
		func() { w.Open("b.md", "") },
		func() { w.Open("a.md", "A") },
		func() { w.OpenUnresolved("Not yet") },
		w.Back, w.Back, w.Forward,
		func() { w.Open("sub/c.md", "") },
	}
	for _, step := range steps {
		onUI(w, step)
		waitShown(t, shown)
	}
	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "b", fyne.KeyReturn)
	waitShown(t, shown)
	shortcut(w, fyne.KeyF, shortcutKey|fyne.KeyModifierShift)
	typeKeys(t, w, "back", fyne.KeyReturn)
	waitShown(t, shown)
	for i := range w.side.tabs {
		onUI(w, func() { w.showSideTab(i) })
	}
	onUI(w, func() {
		w.showSource()
		w.copyMarkdown()
		w.SetZoom(1.5)
		w.SetTheme(ThemeDark)
		w.reloadVault()
	})
	waitShown(t, shown)
	onUI(w, w.reload.stop)
	after := snapshotTree(t, dir)
	for p, st := range before {
		if got, ok := after[p]; !ok || got != st {
			t.Errorf("%s changed or vanished", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared in the vault", p)
		}
	}
}

// inotifyCount is the number of inotify instances this process holds open.
func inotifyCount(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc: not Linux")
	}
	n := 0
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.Contains(target, "inotify") {
			n++
		}
	}
	return n
}

// TestPromise_SwitchingVaultsLeaksNothing opens vault after vault in one window: watches
// and goroutines of the earlier ones must all be gone.
func TestPromise_SwitchingVaultsLeaksNothing(t *testing.T) {
	w, shown, first := diskWindow(t, map[string]string{"a.md": "first\n"}, "a.md")
	_ = first
	baseWatches := inotifyCount(t)
	baseRoutines := runtime.NumGoroutine()
	for i := range 8 {
		dir := t.TempDir()
		write(t, dir, "n.md", "vault number "+string(rune('0'+i))+"\n")
		src, err := DirSource(dir)
		if err != nil {
			t.Fatal(err)
		}
		onUI(w, func() { w.OpenVault(src, "") })
		if p := waitShown(t, shown); p.Path != "n.md" {
			t.Fatalf("switch %d showed %+v", i, p)
		}
	}
	if got := inotifyCount(t); got > baseWatches {
		t.Errorf("after 8 vault switches %d inotify instances are open, %d before", got, baseWatches)
	}
	// The readers of old watchers end when their channels close; give them until a deadline.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseRoutines+2 && time.Now().Before(deadline) {
		runtime.Gosched()
	}
	if got := runtime.NumGoroutine(); got > baseRoutines+2 {
		t.Errorf("%d goroutines after 8 vault switches, %d before", got, baseRoutines)
	}
}
