package app

import (
	"net/url"
	"testing"
)

// Without mpv, choosing the controlled player changes nothing a user depends on: a chip
// opens its video in the browser, at its second, and the status line says what to install.
func TestPlay_WithoutMPVChipsOpenTheBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no mpv here
	w, _, opened := newTestWindow(t)
	status := make(chan string, 16)
	w.afterStatus = func(s string) { status <- s }
	onUI(w, func() {
		if err := w.SetPlayer(controlledPlayer); err != nil {
			t.Error(err)
		}
	})
	waitStatusIn(t, status, "mpv is not installed") // said when chosen
	u, _ := url.Parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1108s")
	onUI(w, func() { w.openURL(u) })
	waitStatusIn(t, status, "mpv is not installed")
	var got []string
	onUI(w, func() { got = append(got, *opened...) })
	if len(got) != 1 || got[0] != u.String() {
		t.Errorf("opened %q, want the video in the browser", got)
	}
	// Another address is not a video: it opens as ever, without a word about mpv.
	other, _ := url.Parse("https://example.org/tides")
	onUI(w, func() { w.openURL(other) })
	onUI(w, func() { got = append(got[:0], *opened...) })
	if len(got) != 2 || got[1] != other.String() {
		t.Errorf("opened %q", got)
	}
	onUI(w, func() { _ = w.SetPlayer("youtube") })
	if w.play.on {
		t.Error("the controlled player stays chosen after choosing YouTube")
	}
}
