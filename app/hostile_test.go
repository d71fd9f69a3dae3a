package app

import (
	"strings"
	"sync"
	"testing"
	"time"

	"vaultview/internal/hostile"
)

// uiClock records how long each piece of work on the UI goroutine took.
type uiClock struct {
	mu    sync.Mutex
	worst time.Duration
}

// take returns the longest piece since the last take, and starts again.
func (c *uiClock) take() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.worst
	c.worst = 0
	return d
}

// hostileWindow opens a window on the hostile vault in dir, as testWindow does, with the
// URLs it opened and a clock on its UI work.
func hostileWindow(t *testing.T, dir string) (*Window, chan Place, *[]string, *uiClock) {
	t.Helper()
	src, err := DirSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, shown, opened := newTestWindow(t)
	clock := &uiClock{}
	w.do = func(f func()) {
		onUILock(func() {
			start := time.Now()
			f()
			d := time.Since(start)
			clock.mu.Lock()
			clock.worst = max(clock.worst, d)
			clock.mu.Unlock()
		})
	}
	onUI(w, func() { w.OpenVault(src, "bad/target.md") })
	t.Cleanup(func() { onUI(w, func() { w.reload.stop(); w.find.search.stop(); w.vaultGen.Add(1) }) })
	if p := waitShownWithin(t, shown, 3*time.Minute); p.Path != "bad/target.md" { // 10,000 notes, 88 MB
		t.Fatalf("opened %+v", p)
	}
	return w, shown, opened, clock
}

// TestHostile_TheWindowOpensEveryNote opens every note of the hostile vault
// (internal/hostile) through the window's own path, as a click in the page tree does: none
// crashes the window, each shows its title (and, when too large to show whole, says so),
// nothing outside the vault is read (the vault holds exactly the notes written), nothing is
// opened by itself, and no file of the vault changes. How long the UI goroutine was held for
// each note is logged (go test -run Hostile -v); BenchmarkShowNote_Hostile in widgets/
// measures the note view alone.
func TestHostile_TheWindowOpensEveryNote(t *testing.T) {
	if testing.Short() {
		t.Skip("writes an 80 MB vault")
	}
	dir := t.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, err := hostile.Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, shown, opened, clock := hostileWindow(t, dir)

	var notes int
	onUI(w, func() { notes = w.vault.Index().Len() })
	if want := hostile.Notes(cases); notes != want {
		t.Errorf("the window's vault holds %d notes, want the %d written: something outside was read, or a note lost", notes, want)
	}

	for _, c := range cases {
		if c.Notes == 0 {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			var title string
			onUI(w, func() {
				title = w.vault.Index().Note(c.Path).Title
				clock.take()
				w.Open(c.Path, "")
			})
			if p := waitShownWithin(t, shown, 2*time.Minute); p.Path != c.Path {
				t.Fatalf("showed %+v", p)
			}
			if got, want := w.Title(), title+" — Vaultview"; got != want {
				t.Errorf("title %q, want %q", got, want)
			}
			text := shownText(w)
			if c.OpenError != "" {
				if !strings.Contains(text, c.OpenError) {
					t.Errorf("the note's page does not say why it is not shown (%q):\n%.300s", c.OpenError, text)
				}
				return
			}
			if cut := strings.Contains(text, "to show in full"); cut != c.Cut {
				t.Errorf("notice that the note is not shown in full: %v, want %v\n%.300s", cut, c.Cut, text)
			}
			onUI(w, func() { w.note.SetScrollOffset(1e9) })
			t.Logf("longest UI work while opening and scrolling: %v", clock.take().Round(time.Millisecond))
		})
	}

	onUI(w, w.reloadVault)
	waitShownWithin(t, shown, 2*time.Minute)
	onUI(w, w.reload.stop)
	onUI(w, func() {
		if len(*opened) > 0 {
			t.Errorf("the window opened %v by itself", *opened)
		}
	})
	after, err := hostile.Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range hostile.Diff(before, after) {
		t.Errorf("the window changed the vault: %s", d)
	}
}
