package app

import (
	"fmt"
	"log"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"vaultview/vault"
	"vaultview/widgets"
)

// Attachments (issue #16, item 4): a link to an image opens a page showing it, to a Canvas
// board the board (canvas.go); a link to any
// other attachment, or a click on its card, hands it to the system's application, but only
// a kind of file that holds a document or media (vault.AttachmentKind) and only a regular
// file inside the vault. Nothing else is ever opened.

// openAttachment opens the attachment at p, as a link to it asks.
func (w *Window) openAttachment(p string) {
	switch kind, _ := vault.AttachmentKind(p); kind {
	case "image", "canvas", "base":
		w.leaveNote()
		w.nav.saveScroll()
		w.nav.history.Visit(Place{Path: p})
		switch kind {
		case "canvas":
			w.showCanvas(p)
		case "base":
			w.showBase(p, "")
		default:
			w.showAttachmentPage(p)
		}
	default:
		w.openFile(p)
	}
}

// showAttachmentPage shows an image of the vault on a page of its own.
func (w *Window) showAttachmentPage(p string) {
	w.updateNav()
	w.shown = ""
	w.setCenter(w.note)
	v, ix, ok := w.openingFile(p)
	if !ok {
		return
	}
	body := "![[" + p + "]]\n"
	in := widgets.SnapshotInput(v, ix, videoURL(w.player))
	in.Source = []byte(body)
	in.Note = vault.ParseNote(strings.TrimSuffix(p, path.Ext(p))+".md", in.Source)
	in.Note.Title = path.Base(p)
	w.note.ShowNote(widgets.RenderNote(in))
}

// openFile hands the vault file at p to the system's application, when it may be.
func (w *Window) openFile(p string) {
	kind, ok := vault.AttachmentKind(p)
	switch {
	case !ok:
		w.setStatus(fmt.Sprintf("%s is not opened: a %s may be a program", p, kind))
		return
	case w.source.Dir == "" || w.vault == nil:
		w.setStatus(fmt.Sprintf("%s is inside the sample vault: there is no file to open", p))
		return
	}
	if _, err := w.vault.Stat(p); err != nil {
		w.setStatus(fmt.Sprintf("%s is not opened: %v", p, err))
		return
	}
	abs := filepath.Join(w.source.Dir, filepath.FromSlash(p))
	if rel, ok := within(w.source.Dir, abs); !ok || filepath.ToSlash(rel) != p {
		w.setStatus(fmt.Sprintf("%s is not opened: it is not inside the vault", p))
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	log.Printf("open %s with the system's application", u)
	if err := w.open(u); err != nil {
		w.setStatus("Could not open " + p + ": " + err.Error())
	}
}

// openingFile names the window after the file at p, which is about to show in the note's
// place (a board, a base, a picture), selects it in the tree, turns the side panel to it
// (the notes linking to it, not those of the note shown before), puts it among the quick
// switcher's recent places, and returns the vault and snapshot to read it from; ok is
// false with no vault open.
func (w *Window) openingFile(p string) (v *vault.Vault, ix *vault.Index, ok bool) {
	if w.vault == nil {
		return nil, nil, false
	}
	w.setTitle(path.Base(p))
	w.tree.Select(p)
	ix = w.vault.Index()
	w.side.showFile(w.vault, ix, p)
	w.video.clear(w.player)
	w.find.switcher.noteRead(p)
	return w.vault, ix, true
}
