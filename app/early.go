package app

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"sync/atomic"
	"time"

	"vaultview/vault"
	"vaultview/widgets"
)

// earlyNote is the first note of a vault, shown while the rest of the vault is read. It is
// owned by the UI goroutine.
//
// The window is titled, and the first screen of the note shown, as soon as the names of the
// vault's files are known: a long note's first screen is rendered on its own (firstScreen),
// the whole note follows from a goroutine, and once the index is published the whole render
// is kept (finishEarly), unless it asked for what only the index knows.
type earlyNote struct {
	// note is the NOTE argument; path and fragment are where it led.
	note, path, fragment string
	// pending says the whole note is being rendered.
	pending bool
	// rendered is the whole note's render, once done; onScreen says it is shown (and
	// scrolled to fragment).
	rendered *widgets.RenderedNote
	onScreen bool
	// needsIndex says rendered asked what only the index knows (a channel note's episode
	// counts), so it is rendered again once the index is there.
	needsIndex bool
	// message is what was said about the fragment (a heading the note does not have), said
	// again once the vault is read, since that clears the status line.
	message string
}

// showEarly shows the note the window opens on while the vault is still read: names says
// what every file is called, nothing is parsed yet. It runs on vault.Load's goroutine, which
// waits for it, so the first screen does not share the cores with the parsing of the whole
// vault; what takes longer (a long note's whole render) runs on a goroutine of its own.
//
// A NOTE that names no file shows nothing here: it may be a frontmatter alias, known only
// once the notes are read (openStart decides then).
func (w *Window) showEarly(gen uint64, v *vault.Vault, names *vault.Index, note string, vurl func(string, int) string, started time.Time) {
	p, fragment, _ := w.startPath(names, note, noteOnDisk(names), false)
	if p == "" {
		return
	}
	src, err := v.Source(p)
	if err != nil {
		return
	}
	// Links resolve from the names until the index is published, then from it.
	var asked atomic.Bool
	in := widgets.NewRenderInput(v, func() (*vault.Index, bool) {
		if ix := v.Index(); ix != nil {
			return ix, true
		}
		return names, false
	}, vurl, &asked)
	cut := firstScreen(src)
	whole := cut == len(src)
	var first *widgets.RenderedNote
	title := ""
	if whole {
		in.Source, in.Note = src, vault.ParseNote(p, src)
		first, title = widgets.RenderNote(in), in.Note.Title
	} else {
		head := append(src[:cut:cut], restToCome...)
		hn := vault.ParseNote(p, head)
		// A header that goes on past the first screen is read with the whole note.
		if hn.BodyOffset > 0 || !bytes.HasPrefix(src, []byte("---")) {
			title = hn.Title
			if fragment == "" { // else the heading may be anywhere: wait for the whole note
				in.Source, in.Note = head, hn
				first = widgets.RenderNote(in)
			}
		}
	}
	w.do(func() {
		if w.vaultGen.Load() != gen || w.vault != nil {
			return
		}
		w.early = earlyNote{note: note, path: p, fragment: fragment, pending: !whole}
		w.nav.history.Visit(Place{Path: p})
		w.shown = p
		if title != "" {
			w.setTitle(title)
			log.Printf("titled %q after %v", title, time.Since(started).Round(time.Millisecond))
		}
		if first != nil {
			w.progress.Stop()
			w.setCenter(w.note)
			w.note.ShowNote(first)
			log.Printf("first screen of %s shown after %v", p, time.Since(started).Round(time.Millisecond))
		}
		if whole {
			w.early.rendered, w.early.needsIndex, w.early.onScreen = first, asked.Load(), true
			blockAt := -1
			if id, ok := strings.CutPrefix(fragment, "^"); ok {
				blockAt = blockOffset(src, id)
			}
			w.early.message = w.goToFragment(title, fragment, blockAt)
			return
		}
		go w.renderEarly(gen, p, fragment, src, in, &asked, started)
	})
}

// renderEarly renders the whole of the first note and shows it, or, when the index got
// there first, hands it to finishEarly.
func (w *Window) renderEarly(gen uint64, p, fragment string, src []byte, in widgets.RenderInput, asked *atomic.Bool, started time.Time) {
	n := vault.ParseNote(p, src)
	in.Source, in.Note = src, n
	r := widgets.RenderNote(in)
	blockAt := -1
	if id, ok := strings.CutPrefix(fragment, "^"); ok {
		blockAt = blockOffset(src, id)
	}
	w.do(func() {
		if w.vaultGen.Load() != gen || w.early.path != p || !w.early.pending {
			return
		}
		w.early.pending = false
		w.early.rendered, w.early.needsIndex = r, asked.Load()
		if w.vault != nil {
			w.finishEarly()
			return
		}
		w.progress.Stop()
		w.setCenter(w.note)
		w.note.ShowNote(r)
		w.setTitle(n.Title)
		w.early.onScreen = true
		w.early.message = w.goToFragment(n.Title, fragment, blockAt)
		log.Printf("whole of %s shown after %v", p, time.Since(started).Round(time.Millisecond))
	})
}

// finishEarly completes the opening of the note shown while the vault was read, now that
// its index is there: the panels catch up, and the note is rendered again only if its
// render needed the index.
func (w *Window) finishEarly() {
	e := w.early
	w.early = earlyNote{}
	ix := w.vault.Index()
	cur, ok := w.nav.history.Current()
	if !ok || cur.Path != e.path || ix.Note(e.path) == nil || e.rendered == nil {
		w.openStart(e.note)
		return
	}
	at := spot{offset: -1}
	if !e.needsIndex {
		at.rendered = e.rendered
	}
	if !e.onScreen {
		at.fragment = e.fragment // its first screen is shown: go there with the whole note
	}
	// Where the reader left it the last time, unless a heading was asked for or they have
	// scrolled already.
	at.resume, at.early = at.fragment == "" && e.fragment == "" && w.note.ScrollOffset() < 1, true
	w.nav.history.SetScroll(w.note.ScrollOffset())
	cur, _ = w.nav.history.Current()
	w.showAt(Place{Path: e.path, Scroll: cur.Scroll}, at)
	if e.message != "" {
		w.setStatus(e.message)
	}
}

// goToFragment scrolls the note shown to a heading or, for `^id`, to the block at blockAt
// (its byte offset; -1 when the note has no such block). When the note has neither, it
// says so on the status line and returns the message.
func (w *Window) goToFragment(title, fragment string, blockAt int) string {
	if fragment == "" {
		return ""
	}
	msg := ""
	if id, ok := strings.CutPrefix(fragment, "^"); ok {
		if blockAt >= 0 && w.note.ScrollToOffset(blockAt) {
			return ""
		}
		msg = fmt.Sprintf("No block ^%s in %s", id, title)
	} else {
		if w.note.ScrollToHeading(fragment) {
			return ""
		}
		msg = fmt.Sprintf("No heading “%s” in %s", fragment, title)
	}
	w.setStatus(msg)
	return msg
}
