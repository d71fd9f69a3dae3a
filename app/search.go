package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/vault/search"
	"vaultview/widgets"
)

// textSearch is the finder's search in all notes: the text index of the open vault, built
// in the background after the vault loads and kept up to date by every reload, and the
// panel that queries it (Ctrl+Shift+F).
type textSearch struct {
	panel *widgets.SearchPanel
	popup *widget.PopUp
	// state is what queries run against, published whole so that a query off the UI
	// goroutine never sees a vault with another vault's text.
	state atomic.Pointer[searchState]
	// mu orders the build and the updates of one vault's text index: an update waits for
	// the build, and updates apply in the order the reloads came.
	mu     sync.Mutex
	cancel context.CancelFunc
}

type searchState struct {
	v     *vault.Vault
	store *search.Store // nil while the text index is being made
	// opened says the store was opened from the index saved the last time rather than
	// built.
	opened bool
}

var errNoVault = errors.New("no vault is open")

func (f *finder) newSearch() {
	s := &f.search
	s.panel = widgets.NewSearchPanel(func(ctx context.Context, q string) (search.Results, error) {
		st := s.state.Load()
		if st == nil {
			return search.Results{}, errNoVault
		}
		if st.store == nil {
			return search.Results{}, nil // the panel says the text is being indexed
		}
		return st.store.Search(ctx, st.v, st.v.Index(), search.ParseQuery(q), 0)
	})
	s.panel.OnClose = s.hide
	s.panel.OnOpen = func(p string, m search.Match) {
		s.hide()
		f.openMatch(p, m)
	}
}

// indexText makes the text index of a newly opened vault off the UI goroutine, reporting
// progress to the panel; any build or update of the vault before is cancelled. then, when
// not nil, runs on the index's goroutine once it is made, or given up: work that can wait
// goes there rather than share the cores with the build.
//
// dir is the vault's folder ("" for the built-in sample). Unless vaultCacheDir says nothing
// is kept for it, the index is opened from the file it was saved to the last time (only the
// notes changed since are read), or else built, with the bulk of its text in a nameless file
// (search.CodesIn), and saved for the next time.
func (f *finder) indexText(gen uint64, v *vault.Vault, dir string, then func()) {
	s := &f.search
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.state.Store(&searchState{v: v})
	total := v.Index().Len()
	s.panel.SetIndexing(0, total)
	cacheDir := vaultCacheDir(dir)
	go func() {
		if then != nil {
			defer then()
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		started := time.Now()
		// The index as it is now: a reload that came before this goroutine ran found no
		// store to update (updateText), so what is read must be at least as new as it.
		ix := v.Index()
		store, err := openText(ctx, cacheDir, dir, v, ix)
		built := false
		if store == nil && err == nil {
			built = true
			var last time.Time
			var opts []search.BuildOption
			if cacheDir != "" {
				opts = append(opts, search.CodesIn(cacheDir))
			}
			store, err = search.Build(ctx, v, ix, func(done, total int) {
				// Progress comes per note; the panel needs it a few times a second at most.
				if now := time.Now(); now.Sub(last) > 200*time.Millisecond {
					last = now
					f.do(func() {
						if f.gen() == gen {
							s.panel.SetIndexing(done, total)
						}
					})
				}
			}, opts...)
			if err == nil {
				log.Printf("text index: %d notes, %d KB in memory, %d KB on disk, built in %v", store.Len(), store.Bytes()/1024, store.DiskBytes()/1024, time.Since(started).Round(time.Millisecond))
			}
		}
		if err != nil {
			if ctx.Err() == nil {
				log.Printf("text index: %v", err)
			}
			return
		}
		s.state.Store(&searchState{v: v, store: store, opened: !built})
		f.do(func() {
			if f.gen() == gen {
				s.panel.SetIndexing(total, total)
				f.ready("search")
			}
		})
		if built && cacheDir != "" {
			// Saved as of when the build began: a note modified since then, or just
			// before, may have been read before its last change (see search.Open).
			saving := time.Now()
			if err := store.Save(filepath.Join(cacheDir, search.FileName), buildID(), dir, ix, started); err != nil {
				log.Printf("text index: not saved: %v", err)
			} else {
				log.Printf("text index: saved in %v", time.Since(saving).Round(time.Millisecond))
				f.do(func() { f.ready("search saved") })
			}
		}
	}()
}

// A saved text index is used while no more than maxStaleText of the vault's notes, or
// minStaleText notes, have changed since it was saved. The notes changed are read again on
// every opening (and searched without the postings' help) until the index is saved again,
// which happens only after a build: past that, building afresh and saving costs less in the
// end; a hundred notes are read in a few milliseconds.
const (
	maxStaleText = 0.05
	minStaleText = 100
)

// openText opens the text index saved for the vault in dir, in cacheDir; it returns a nil
// store when there is none to use (the reason is logged) and an error only when ctx is done.
func openText(ctx context.Context, cacheDir, dir string, v *vault.Vault, ix *vault.Index) (*search.Store, error) {
	if cacheDir == "" {
		return nil, nil
	}
	started := time.Now()
	store, stale, err := search.Open(ctx, filepath.Join(cacheDir, search.FileName), buildID(), dir, v, ix)
	switch {
	case errors.Is(err, search.ErrUnusable):
		log.Printf("text index: %v", err)
		return nil, nil
	case err != nil:
		return nil, err
	case stale > minStaleText && float64(stale) > maxStaleText*float64(ix.Len()):
		log.Printf("text index: %d of %d notes changed since it was saved: building it again", stale, ix.Len())
		return nil, nil
	}
	log.Printf("text index: %d notes, %d KB in memory, opened in %v, %d read again", store.Len(), store.Bytes()/1024, time.Since(started).Round(time.Millisecond), stale)
	return store, nil
}

// updateText brings the text index up to date with a reload, off the UI goroutine.
func (f *finder) updateText(gen uint64, r vault.Reload) {
	s := &f.search
	go func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		st := s.state.Load()
		if st == nil || st.store == nil || f.gen() != gen {
			return // the build under way reads the files after this change anyway
		}
		store, err := st.store.Update(context.Background(), st.v, r)
		if err != nil {
			log.Printf("text index update: %v", err)
			return
		}
		s.state.Store(&searchState{v: st.v, store: store})
		f.do(func() {
			if f.gen() != gen {
				return
			}
			if s.popup != nil && s.popup.Visible() {
				s.panel.Rerun()
			}
			f.ready("search")
		})
	}()
}

// stop drops the text index of the vault being closed.
func (s *textSearch) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.state.Store(nil)
	s.panel.SetIndexing(0, 1) // "Reading the vault…" until indexText knows how many notes
}

// showSearch opens the search over the note, with the last query selected so typing
// replaces it.
//
// While a vault is still being read it opens all the same and takes the query; Enter then
// opens the top result once the text of every note is indexed.
func (f *finder) showSearch() {
	if ok, _, _ := f.opened(); !ok {
		return // no vault at all
	}
	s := &f.search
	if s.popup == nil {
		s.popup = widget.NewModalPopUp(s.panel, f.canvas)
	}
	size := f.canvas.Size()
	s.popup.Resize(fyne.NewSize(min(size.Width-40, 760), size.Height*0.8))
	s.popup.Show()
	f.canvas.Focus(s.panel.FocusTarget())
	if e, ok := s.panel.FocusTarget().(fyne.Shortcutable); ok {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// hide closes the search, keeping its query.
func (s *textSearch) hide() {
	if s.popup != nil {
		s.popup.Hide()
	}
}

// openMatch opens a search result: the note scrolled to the match with the match marked,
// or the note's top for a note that matched by its title.
func (f *finder) openMatch(p string, m search.Match) {
	if _, v, _ := f.opened(); v == nil || v.Index().Note(p) == nil {
		f.setStatus(fmt.Sprintf("%s is no longer in the vault", p))
		return
	}
	f.open(p, spot{offset: m.Offset, match: m.Text})
}
