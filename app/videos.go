package app

import (
	"fmt"
	"log"
	"net/url"
	"time"

	"vaultview/widgets"
)

// The Videos view (issue #16, item 2; Go › Videos): every video of the vault as a table, in
// the place of the note. Opening a note from it (or from anywhere) shows the note again.

// newVideosView makes the view and wires its rows to the window.
func (w *Window) newVideosView() *widgets.VideosView {
	v := widgets.NewVideosView()
	v.OnOpenNote = func(p string) { w.Open(p, "") }
	v.OnOpenVideo = func(id string) {
		u, err := url.Parse(videoURL(w.player)(id, 0))
		if err != nil || u.String() == "" {
			w.setStatus(fmt.Sprintf("no address for the video %s", id))
			return
		}
		w.openURL(u)
	}
	return v
}

// showVideos lists the vault's videos, gathered off the UI goroutine (the channel notes are
// read for the episodes' titles), and shows the view with the keyboard in its filter.
func (w *Window) showVideos() {
	if w.vault == nil {
		return
	}
	v := w.vault
	ix := v.Index()
	go func() {
		started := time.Now()
		list := ix.VideoList(v.Source)
		log.Printf("videos: %d listed in %v", len(list), time.Since(started).Round(time.Millisecond))
		w.do(func() {
			if w.vault != v {
				return
			}
			w.videos.SetVideos(list)
			w.setCenter(w.videos)
			w.setTitle("Videos")
			if c := w.win.Canvas(); c != nil {
				c.Focus(w.videos.Filter())
			}
		})
	}()
}
