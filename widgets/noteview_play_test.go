package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// While a video plays, the row of the timestamp it passed last is marked, and the view
// scrolls to it when it is out of view; scrolling by hand stops the scrolling (not the mark)
// until ResumeFollowing.
func TestNoteView_PlayheadFollowsAndStopsForTheReader(t *testing.T) {
	test.NewTempApp(t)
	var b strings.Builder
	b.WriteString("---\nvideoId: dQw4w9WgXcQ\n---\n")
	for i := range 60 {
		fmt.Fprintf(&b, "Passage %d of the talk <a class=\"yt-timestamp\" data-t=\"00:%02d:00\">[00:%02d:00]</a> goes on a while.\n\n", i, i, i)
	}
	src := []byte(b.String())
	n := vault.ParseNote("talk.md", src)
	nv := widgets.NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(700, 400))
	nv.ShowNote(widgets.RenderNote(widgets.RenderInput{Source: src, Note: n}))
	at := func(minute int) int {
		ts, ok := n.PlayingAt(float64(minute*60 + 30))
		if !ok {
			t.Fatalf("no timestamp before minute %d", minute)
		}
		return int(ts.Offset)
	}
	shows := func(s string) bool { return strings.Contains(strings.Join(canvasTexts(w), "|"), s) }

	nv.SetPlayhead(at(2), true) // in view already: no scroll
	if nv.PlayheadRow() < 0 || nv.ScrollOffset() != 0 {
		t.Errorf("row %d marked, scrolled to %v", nv.PlayheadRow(), nv.ScrollOffset())
	}
	nv.SetPlayhead(at(40), true)
	if !shows("Passage 40 of the talk") || !widgets.PlayheadInView(nv) {
		t.Fatalf("playing minute 40, the view is at %v", nv.ScrollOffset())
	}
	marked := nv.PlayheadRow()

	// The reader scrolls away: the mark moves on, the view stays.
	test.Scroll(w.Canvas(), fyne.NewPos(300, 200), 0, 2000)
	if nv.Following() {
		t.Fatal("still following after the reader scrolled")
	}
	stay := nv.ScrollOffset()
	nv.SetPlayhead(at(50), true)
	if nv.ScrollOffset() != stay || nv.PlayheadRow() <= marked || widgets.PlayheadInView(nv) {
		t.Errorf("after the reader scrolled: view %v (was %v), row %d (was %d)", nv.ScrollOffset(), stay, nv.PlayheadRow(), marked)
	}
	// The next chip: following again.
	nv.ResumeFollowing()
	nv.SetPlayhead(at(51), true)
	if !shows("Passage 51 of the talk") || !widgets.PlayheadInView(nv) {
		t.Errorf("following again, minute 51 is not in view (view at %v)", nv.ScrollOffset())
	}
	nv.SetPlayhead(-1, false)
	if nv.PlayheadRow() != -1 {
		t.Error("the mark stays after it was cleared")
	}
}
