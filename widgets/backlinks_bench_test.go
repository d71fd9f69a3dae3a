package widgets_test

import (
	"fmt"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

var (
	backlinksHubOnce  sync.Once
	backlinksHubIndex *vault.Index
)

// backlinksHub5000 is a vault of 2,500 video notes in 40 folders that each link twice to hub.md,
// after a timestamp, in sentences long enough to wrap: 5,000 backlinks with chips.
func backlinksHub5000(b *testing.B) *vault.Index {
	backlinksHubOnce.Do(func() {
		files := map[string]string{"hub.md": "# Hub\n"}
		for i := range 2500 {
			files[fmt.Sprintf("channel %d/episode %04d.md", i%40, i)] = fmt.Sprintf(
				"---\ntitle: Episode %d of the long running show\nvideoId: AbCdEfGhIjK\n---\n"+
					"Intro <a class=\"yt-timestamp\" data-t=\"00:%02d:%02d\">[x]</a>. The panel spent a while on "+
					"the [[hub]] and what it means for everyone who listens to these episodes every week.\n\n"+
					"Later they came back to the [[hub | central hub of it all]] once more, as they always do in note %d.\n",
				i, i%60, i%60, i)
		}
		backlinksHubIndex = pageTreeIndex(b, files)
	})
	return backlinksHubIndex
}

func shownBacklinks(b *testing.B) (*widgets.Backlinks, fyne.Window) {
	ix := backlinksHub5000(b)
	test.NewTempApp(b)
	p := widgets.NewBacklinks()
	w := test.NewTempWindow(b, p)
	w.Resize(fyne.NewSize(340, 900))
	p.SetNote(ix, "hub.md")
	return p, w
}

// BenchmarkBacklinks_SetNoteHub5000 opens the panel on a note with 5,000 backlinks.
func BenchmarkBacklinks_SetNoteHub5000(b *testing.B) {
	p, _ := shownBacklinks(b)
	ix := backlinksHub5000(b)
	b.ResetTimer()
	for b.Loop() {
		p.SetNote(ix, "episode 0000.md")
		p.SetNote(ix, "hub.md")
	}
}

// BenchmarkBacklinks_ScrollHub5000 scrolls the 5,000 backlinks one screen per op, down to the
// end and back up: every op binds and lays out a screenful of new rows.
func BenchmarkBacklinks_ScrollHub5000(b *testing.B) {
	_, w := shownBacklinks(b)
	c := w.Canvas()
	at := fyne.NewPos(170, 500)
	dir := float32(-800)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		test.Scroll(c, at, 0, dir)
		i++
		if i%200 == 0 {
			dir = -dir
		}
	}
}
