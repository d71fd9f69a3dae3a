package app

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"
	"time"

	"vaultview/vault"
	"vaultview/widgets"
)

// startWatch follows a vault on disk: every batch of saved files becomes one new snapshot,
// applied on the UI goroutine. The built-in sample is not on disk and is not watched.
func (w *Window) startWatch(gen uint64, src VaultSource, v *vault.Vault) {
	if src.Dir == "" {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	wt, err := vault.Watch(ctx, v, src.Dir, vault.WatchOptions{Poll: w.poll})
	if err != nil {
		cancel()
		w.setStatus("Not following changes on disk: " + err.Error())
		return
	}
	w.watcher, w.stopWatch = wt, cancel
	go func() {
		for r := range wt.Updates() {
			w.do(func() {
				if w.vaultGen.Load() == gen {
					w.applyReload(r)
				}
			})
		}
	}()
}

func (w *Window) closeWatcher() {
	if w.stopWatch != nil {
		w.stopWatch()
		_ = w.watcher.Close()
		w.watcher, w.stopWatch = nil, nil
	}
}

// applyReload brings the window up to date with a new snapshot: the tree and backlinks
// follow, the open note re-renders in place (keeping its scroll), follows a rename, or says
// it was deleted; in follow mode the view jumps to the note saved last.
func (w *Window) applyReload(r vault.Reload) {
	ix := r.Index
	w.lastReload = time.Now()
	log.Printf("reload: %d added, %d changed, %d removed, %d renamed, rescan %v", len(r.Added), len(r.Changed), len(r.Removed), len(r.Renamed), r.Rescan)
	w.tree.SetIndex(ix)
	w.side.tags.SetIndex(ix)
	w.find.follow(r)
	defer w.updateVaultLine()

	if w.follow {
		if p := lastSaved(ix, r); p != "" && p != w.shown {
			w.Open(p, "")
			return
		}
	}
	cur, ok := w.nav.history.Current()
	if !ok {
		return
	}
	if cur.Path == "" { // an unresolved name's page: it may have been written now
		if p := ix.Resolve("", cur.Unresolved); p != "" && ix.Note(p) != nil {
			w.setStatus(fmt.Sprintf("“%s” now exists", cur.Unresolved))
		}
		w.side.backlinks.SetUnresolved(ix, cur.Unresolved)
		return
	}
	open := cur.Path
	if to, moved := r.Renamed[open]; moved && ix.Note(to) != nil {
		w.nav.history.Retarget(open, to)
		w.setStatus(fmt.Sprintf("%s was renamed to %s", open, to))
		w.rerender(to)
		return
	}
	switch {
	case ix.Note(open) == nil:
		if w.deleted != open {
			w.showDeleted(open)
		}
	case w.deleted == open || slices.Contains(r.Changed, open) || slices.Contains(r.Added, open) || r.Rescan:
		w.rerender(open)
	default:
		w.side.showNote(w.vault, ix, open)
		w.refreshOutgoing(ix, open)
	}
}

// rerender shows the note at p again from the current snapshot; ShowNote keeps the scroll
// place of a note shown again.
func (w *Window) rerender(p string) {
	w.nav.history.SetScroll(w.note.ScrollOffset())
	cur, _ := w.nav.history.Current()
	w.showAt(Place{Path: p, Scroll: cur.Scroll}, spot{offset: -1})
}

// showDeleted replaces the open note with a page saying it is gone; it comes back by itself
// when the file is created again.
func (w *Window) showDeleted(p string) {
	w.showGen.Add(1) // a render of the old text still under way must not land
	w.deleted = p
	body := fmt.Sprintf("> [!warning] Deleted on disk\n> `%s` no longer exists. If it is created again, it comes back here.\n", strings.ReplaceAll(p, "`", "'"))
	n := vault.ParseNote("deleted.md", []byte(body))
	if old := w.note.Note(); old != nil && old.Note != nil {
		n.Title = old.Note.Title
	}
	w.note.ShowNote(widgets.RenderNote(widgets.RenderInput{Source: []byte(body), Note: n}))
	w.side.showNote(w.vault, w.vault.Index(), p)
	w.side.outgoing.SetLinks(vault.OutgoingLinks{})
	w.shownHook(Place{Path: p})
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
	w.follow = on
	w.updateVaultLine()
	w.win.SetMainMenu(w.menu())
}

// updateVaultLine writes the status line: vault, notes, how changes are followed, and when
// the last one arrived.
func (w *Window) updateVaultLine() {
	if w.vault == nil {
		w.vaultLine.SetText(w.source.Name())
		return
	}
	parts := []string{w.source.Name(), fmt.Sprintf("%d notes", w.vault.Index().Len())}
	switch {
	case w.source.Dir == "":
		parts = append(parts, "built in")
	case w.watcher == nil:
		parts = append(parts, "not following changes")
	default:
		mode := w.watcher.Mode().String()
		if err := w.watcher.Err(); err != nil && w.watcher.Mode() == vault.Polling {
			mode += " (" + err.Error() + ")"
		}
		parts = append(parts, mode)
	}
	if w.follow {
		parts = append(parts, "follow mode")
	}
	if !w.lastReload.IsZero() {
		parts = append(parts, "reloaded "+w.lastReload.Format("15:04:05"))
	}
	w.vaultLine.SetText(strings.Join(parts, " · "))
}

// refreshOutgoing gathers the open note's links again off the UI goroutine (a note may
// have 100,000), for a reload that did not change the note itself but may have changed
// where its links point.
func (w *Window) refreshOutgoing(ix *vault.Index, p string) {
	gen := w.showGen.Load()
	go func() {
		out := ix.OutgoingLinks(p)
		w.do(func() {
			if w.showGen.Load() == gen {
				w.side.outgoing.SetLinks(out)
			}
		})
	}()
}
