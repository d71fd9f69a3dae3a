package app

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/widgets"
)

// reloader is the window's reload part: it follows the open vault on disk and brings the
// window up to date with each change. It owns the watcher, the --poll and follow settings,
// the page of a note deleted on disk, and the status line under the panes (vault, notes,
// how changes are followed, the last reload). It shows notes through the navigation, note
// view and side panel it is given, and knows the rest of the window through its hooks.
type reloader struct {
	reloadHooks
	nav  *navigation
	note *widgets.NoteView
	side *sidePanel
	// watcher follows the open vault on disk; stopWatch ends it.
	watcher   *vault.Watcher
	stopWatch context.CancelFunc
	// poll and follow are the --poll and --follow settings.
	poll, follow bool
	// deleted is the path of the open note when it was deleted on disk.
	deleted string
	// line is the status line under the panes: vault, notes, watching, last reload.
	line       *widget.Label
	lastReload time.Time
}

// reloadHooks are what the reloader needs from the window.
type reloadHooks struct {
	// opened is the vault open or being read, its vault once read (nil until then), and
	// the path of the note shown ("" for none or an unresolved name's page).
	opened func() (src VaultSource, v *vault.Vault, shown string)
	// snapshot brings the parts that show the whole vault (the tree, the tags, the finder)
	// up to date with a reload's snapshot.
	snapshot func(r vault.Reload)
	// open opens a note as a new place in the history; showAt shows a place without one.
	open   func(p string)
	showAt func(pl Place, at spot)
	// setStatus gives a message; shown says a page is shown (for tests).
	setStatus func(msg string)
	shown     func(pl Place)
	// gen is the vault generation; showGen counts note switches, so a render or a
	// gathering of links started for an older one is dropped.
	gen     func() uint64
	showGen *atomic.Uint64
	do      func(f func())
}

// newReloader builds the status line; nothing is followed until start.
func newReloader(nav *navigation, note *widgets.NoteView, side *sidePanel, hooks reloadHooks) *reloader {
	r := &reloader{reloadHooks: hooks, nav: nav, note: note, side: side, line: widget.NewLabel("")}
	r.line.Importance = widget.LowImportance
	r.line.Truncation = fyne.TextTruncateEllipsis
	return r
}

// start follows a vault on disk: every batch of saved files becomes one new snapshot,
// applied on the UI goroutine. The built-in sample is not on disk and is not watched.
func (rl *reloader) start(gen uint64, src VaultSource, v *vault.Vault) {
	if src.Dir == "" {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	wt, err := vault.Watch(ctx, v, src.Dir, vault.WatchOptions{Poll: rl.poll})
	if err != nil {
		cancel()
		rl.setStatus("Not following changes on disk: " + err.Error())
		return
	}
	rl.watcher, rl.stopWatch = wt, cancel
	go func() {
		for r := range wt.Updates() {
			rl.do(func() {
				if rl.gen() == gen {
					rl.apply(r)
				}
			})
		}
	}()
}

// stop stops following the vault on disk.
func (rl *reloader) stop() {
	if rl.stopWatch != nil {
		rl.stopWatch()
		_ = rl.watcher.Close()
		rl.watcher, rl.stopWatch = nil, nil
	}
}

// apply brings the window up to date with a new snapshot: the tree and backlinks
// follow, the open note re-renders in place (keeping its scroll), follows a rename, or says
// it was deleted; in follow mode the view jumps to the note saved last.
func (rl *reloader) apply(r vault.Reload) {
	ix := r.Index
	rl.lastReload = time.Now()
	log.Printf("reload: %d added, %d changed, %d removed, %d renamed, rescan %v", len(r.Added), len(r.Changed), len(r.Removed), len(r.Renamed), r.Rescan)
	rl.snapshot(r)
	defer rl.updateLine()

	_, v, shown := rl.opened()
	if rl.follow {
		if p := lastSaved(ix, r); p != "" && p != shown {
			rl.open(p)
			return
		}
	}
	cur, ok := rl.nav.history.Current()
	if !ok {
		return
	}
	if cur.Path == "" { // an unresolved name's page: it may have been written now
		if p := ix.Resolve("", cur.Unresolved); p != "" && ix.Note(p) != nil {
			rl.setStatus(fmt.Sprintf("“%s” now exists", cur.Unresolved))
		}
		rl.side.backlinks.SetUnresolved(ix, cur.Unresolved)
		return
	}
	open := cur.Path
	if to, moved := r.Renamed[open]; moved && ix.Note(to) != nil {
		rl.nav.history.Retarget(open, to)
		rl.setStatus(fmt.Sprintf("%s was renamed to %s", open, to))
		rl.rerender(to)
		return
	}
	switch {
	case ix.Note(open) == nil && ix.IsAttachment(open):
		// A base, a board or an attachment on show: a base runs again (the snapshot hook),
		// the others stand as they are.
	case ix.Note(open) == nil:
		if rl.deleted != open {
			rl.showDeleted(v, open)
		}
	case rl.deleted == open || slices.Contains(r.Changed, open) || slices.Contains(r.Added, open) || r.Rescan:
		rl.rerender(open)
	case rl.note.Note() != nil && rl.note.Note().Path() == open && rl.note.Note().Stale(r):
		// The note embeds a base, a videos block or a note that changed: shown again, in
		// place, it shows them as they are now.
		rl.rerender(open)
	default:
		rl.side.showNote(v, ix, open)
		rl.refreshOutgoing(ix, open)
	}
}

// rerender shows the note at p again from the current snapshot; ShowNote keeps the scroll
// place of a note shown again.
func (rl *reloader) rerender(p string) {
	rl.nav.history.SetScroll(rl.note.ScrollOffset())
	cur, _ := rl.nav.history.Current()
	rl.showAt(Place{Path: p, Scroll: cur.Scroll}, spot{offset: -1})
}

// showDeleted replaces the open note, p of v, with a page saying it is gone; it comes back
// by itself when the file is created again.
func (rl *reloader) showDeleted(v *vault.Vault, p string) {
	rl.showGen.Add(1) // a render of the old text still under way must not land
	rl.deleted = p
	body := fmt.Sprintf("> [!warning] Deleted on disk\n> `%s` no longer exists. If it is created again, it comes back here.\n", strings.ReplaceAll(p, "`", "'"))
	n := vault.ParseNote("deleted.md", []byte(body))
	if old := rl.note.Note(); old != nil && old.Note != nil {
		n.Title = old.Note.Title
	}
	rl.note.ShowNote(widgets.RenderNote(widgets.RenderInput{Source: []byte(body), Note: n}))
	rl.side.showNote(v, v.Index(), p)
	rl.side.outgoing.SetLinks(vault.OutgoingLinks{})
	rl.shown(Place{Path: p})
}

// lastSaved is the note of a batch with the newest modification time: where follow mode
// goes.
func lastSaved(ix *vault.Index, r vault.Reload) string {
	best := ""
	var bestTime time.Time
	for _, p := range append(slices.Clone(r.Changed), r.Added...) {
		n := ix.Note(p)
		if n == nil {
			continue
		}
		if best == "" || n.ModTime.After(bestTime) {
			best, bestTime = p, n.ModTime
		}
	}
	return best
}

// SetFollow turns follow mode on or off: the view jumps to whichever note was saved last.
func (w *Window) SetFollow(on bool) {
	w.reload.follow = on
	w.reload.updateLine()
	w.win.SetMainMenu(w.menu())
}

// updateLine writes the status line: vault, notes, how changes are followed, and when the
// last one arrived.
func (rl *reloader) updateLine() {
	src, v, _ := rl.opened()
	if v == nil {
		rl.line.SetText(src.Name())
		return
	}
	parts := []string{src.Name(), widgets.Count(v.Index().Len(), "note")}
	switch {
	case src.Dir == "":
		parts = append(parts, "built in")
	case rl.watcher == nil:
		parts = append(parts, "not following changes")
	default:
		mode := rl.watcher.Mode().String()
		if err := rl.watcher.Err(); err != nil && rl.watcher.Mode() == vault.Polling {
			mode += " (" + err.Error() + ")"
		}
		parts = append(parts, mode)
	}
	if rl.follow {
		parts = append(parts, "follow mode")
	}
	if !rl.lastReload.IsZero() {
		parts = append(parts, "reloaded "+rl.lastReload.Format("15:04:05"))
	}
	rl.line.SetText(strings.Join(parts, " · "))
}

// refreshOutgoing gathers the open note's links again off the UI goroutine (a note may
// have 100,000), for a reload that did not change the note itself but may have changed
// where its links point.
func (rl *reloader) refreshOutgoing(ix *vault.Index, p string) {
	gen := rl.showGen.Load()
	go func() {
		out := ix.OutgoingLinks(p)
		rl.do(func() {
			if rl.showGen.Load() == gen {
				rl.side.outgoing.SetLinks(out)
			}
		})
	}()
}
