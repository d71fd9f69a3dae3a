package app

import (
	"net/url"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2/test"
)

// testWindow opens a window on a vault in the test driver and returns it with a channel of
// the pages it shows and the URLs it opened.
func testWindow(t testing.TB, src VaultSource, note string) (*Window, chan Place, *[]string) {
	t.Helper()
	w, shown, opened := newTestWindow(t)
	onUI(w, func() { w.OpenVault(src, note) })
	return w, shown, opened
}

// newTestWindow is testWindow before a vault is opened, for tests that set more hooks.
func newTestWindow(t testing.TB) (*Window, chan Place, *[]string) {
	t.Helper()
	a := test.NewTempApp(t)
	var opened []string
	var w *Window
	// Made under the UI lock: another test's window may still be finishing work.
	onUILock(func() { w = NewWindow(a, func(u *url.URL) error { opened = append(opened, u.String()); return nil }) })
	shown := make(chan Place, 16)
	w.afterShow = func(p Place) { shown <- p }
	w.do = onUILock
	// What the window writes to the cache folder is finished before the test's folders are
	// removed: removing a folder being written to fails the test.
	t.Cleanup(func() {
		done := make(chan struct{})
		go func() { w.caching.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("the window was still writing to its cache folder 30 s after the test")
		}
	})
	return w, shown, &opened
}

// onUI runs f the way the window's own UI work runs, so a test's actions never overlap it.
func onUI(w *Window, f func()) { w.do(f) }

func waitShown(t testing.TB, shown chan Place) Place {
	t.Helper()
	return waitShownWithin(t, shown, 20*time.Second)
}

// waitShownWithin is waitShown with a deadline of d, for vaults that take long to load
// (the race detector slows loading tenfold, and CI runs packages side by side).
func waitShownWithin(t testing.TB, shown chan Place, d time.Duration) Place {
	t.Helper()
	select {
	case p := <-shown:
		return p
	case <-time.After(d):
		t.Fatalf("no page was shown within %v", d)
	}
	return Place{}
}

var testVault = fstest.MapFS{
	"Start.md":      {Data: []byte("---\ntitle: The start\n---\nGo to [[Second]] or [[Nowhere Yet]].\n")},
	"sub/Second.md": {Data: []byte("# Second\n\nBack to [[Start]].\n")},
}

func TestWindow_TitleFollowsTheNote(t *testing.T) {
	if got := NewWindow(test.NewTempApp(t), nil).Title(); got != "Vaultview" {
		t.Errorf("title with no note = %q, want Vaultview", got)
	}
	w, shown, _ := testWindow(t, SampleSource(), "")
	waitShown(t, shown)
	if got, want := w.Title(), "Welcome to Vaultview — Vaultview"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestWindow_OpensTheNoteNamedOnTheCommandLine(t *testing.T) {
	for _, note := range []string{"sub/Second.md", "sub/Second", "second"} {
		w, shown, _ := testWindow(t, VaultSource{FS: testVault}, note)
		if p := waitShown(t, shown); p.Path != "sub/Second.md" {
			t.Errorf("NOTE %q opened %+v", note, p)
		}
		if got := w.Title(); got != "Second — Vaultview" {
			t.Errorf("NOTE %q: title %q", note, got)
		}
	}
}

func TestWindow_BackAndForward(t *testing.T) {
	w, shown, _ := testWindow(t, VaultSource{FS: testVault}, "Start")
	waitShown(t, shown)
	onUI(w, func() { w.Open("sub/Second.md", "") })
	waitShown(t, shown)
	onUI(w, func() { w.OpenUnresolved("Nowhere Yet") })
	if p := waitShown(t, shown); p.Unresolved != "Nowhere Yet" || w.Title() != "Nowhere Yet — Vaultview" {
		t.Fatalf("unresolved page: %+v, title %q", p, w.Title())
	}
	onUI(w, w.Back)
	if p := waitShown(t, shown); p.Path != "sub/Second.md" {
		t.Fatalf("back showed %+v", p)
	}
	onUI(w, w.Back)
	if p := waitShown(t, shown); p.Path != "Start.md" || w.Title() != "The start — Vaultview" {
		t.Fatalf("back showed %+v, title %q", p, w.Title())
	}
	if !w.nav.back.Disabled() || w.nav.fwd.Disabled() {
		t.Error("at the start of history Back must be disabled and Forward enabled")
	}
	onUI(w, w.Forward)
	if p := waitShown(t, shown); p.Path != "sub/Second.md" {
		t.Fatalf("forward showed %+v", p)
	}
}

func TestWindow_OnlySafeURLsAreOpened(t *testing.T) {
	w, shown, opened := testWindow(t, VaultSource{FS: testVault}, "")
	waitShown(t, shown)
	for _, raw := range []string{
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s",
		"http://example.com/",
		"mailto:someone@example.com",
		"javascript:alert(1)",
		"file:///etc/passwd",
		"vscode://file/x",
		"data:text/html,hi",
		"https:///nohost",
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		onUI(w, func() { w.openURL(u) })
	}
	want := []string{"https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s", "http://example.com/", "mailto:someone@example.com"}
	if len(*opened) != len(want) {
		t.Fatalf("opened %v, want %v", *opened, want)
	}
	for i := range want {
		if (*opened)[i] != want[i] {
			t.Errorf("opened[%d] = %q, want %q", i, (*opened)[i], want[i])
		}
	}
}

func TestWindow_CopyNoteAsMarkdown(t *testing.T) {
	w, shown, _ := testWindow(t, VaultSource{FS: testVault}, "sub/Second.md")
	waitShown(t, shown)
	status := make(chan string, 4)
	onUI(w, func() {
		w.afterStatus = func(s string) { status <- s }
		w.copyMarkdown()
	})
	select {
	case msg := <-status:
		if msg != "Copied sub/Second.md as Markdown" {
			t.Fatalf("status = %q", msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("copying gave no message")
	}
	var got string
	onUI(w, func() { got = w.app.Clipboard().Content() })
	if got != "# Second\n\nBack to [[Start]].\n" {
		t.Errorf("clipboard = %q", got)
	}
}
