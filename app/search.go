package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"path"
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
	// pending is a result chosen while the vault was still read (searched through the text
	// index saved the last time), opened once it is read; UI goroutine only.
	pending *pendingMatch
	// beforeBuild, beforeStore and beforeIndexing, for tests, run on the index's goroutine:
	// before the notes are read for a text index, before the first store a search can use
	// is put in place (the index opened, or built, or the text read unindexed), and after
	// the text read unindexed is in place, before it is indexed.
	beforeBuild, beforeStore, beforeIndexing func()
}

type searchState struct {
	v     *vault.Vault
	store *search.Store // nil while the text index is being made
	// notes are what the store's notes are searched with: nil for the vault's index, else
	// what the saved text index says of them, while the vault is read (early).
	notes search.Notes
	// opened says the store was opened from the index saved the last time rather than
	// built.
	opened bool
}

type pendingMatch struct {
	path  string
	match search.Match
}

// savedText is the text index saved the last time the vault was open, read from the cache
// while the vault loads (readSavedText), for searchEarly and then indexText.
type savedText struct {
	done  chan struct{}
	saved *search.Saved // set before done is closed; nil when there is none to use
}

// wait returns the saved index once it is read, or nil.
func (st *savedText) wait() *search.Saved {
	if st == nil {
		return nil
	}
	<-st.done
	return st.saved
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
		var notes search.Notes = st.v.Index()
		if st.notes != nil {
			notes = st.notes
		}
		started := time.Now()
		res, err := st.store.Search(ctx, st.v, notes, search.ParseQuery(q), 0)
		if err == nil {
			how := "indexed"
			if !st.store.Indexed() {
				how = "unindexed"
			}
			log.Printf("search: %d notes match, %s, in %v", res.Total, how, time.Since(started).Round(time.Millisecond))
		}
		return res, err
	})
	s.panel.OnClose = s.hide
	s.panel.OnOpen = func(p string, m search.Match) {
		s.hide()
		f.openMatch(p, m)
	}
}

// readSavedText starts reading the text index saved for the vault in dir the last time it
// was open, so that it is read while the vault loads; nil when nothing is kept for dir.
func readSavedText(dir string) *savedText {
	cacheDir := vaultCacheDir(dir)
	if cacheDir == "" {
		return nil
	}
	st := &savedText{done: make(chan struct{})}
	go func() {
		defer close(st.done)
		started := time.Now()
		saved, err := search.ReadSaved(filepath.Join(cacheDir, search.FileName), buildID(), dir)
		if err != nil {
			log.Printf("text index: %v", err)
			return
		}
		st.saved = saved
		log.Printf("text index: saved one of %d notes read in %v", saved.Len(), time.Since(started).Round(time.Millisecond))
	}()
	return st
}

// searchEarly makes the vault searchable before its notes are indexed (issue #14: a
// reopened vault searchable at once), off the UI goroutine: once the names of the vault's
// files are known, the text index saved the last time is compared with the files (their
// size and modification time) and searched with what it says of each note (titles, tags,
// videos), the notes changed since being read again. indexText replaces it with the store
// of the index once there is one. Nothing happens without a saved index, or when too many
// notes changed for it to be used (indexText then builds the index anew). The channel is
// closed once the saved index is searchable, or found unusable.
func (f *finder) searchEarly(gen uint64, v *vault.Vault, names *vault.Index, st *savedText) <-chan struct{} {
	done := make(chan struct{})
	if st == nil {
		close(done)
		return done
	}
	s := &f.search
	waiting := &searchState{v: v}
	s.state.Store(waiting)
	go func() {
		defer close(done)
		saved := st.wait()
		if saved == nil || f.gen() != gen {
			return
		}
		started := time.Now()
		paths := names.NotePaths()
		store, notes, stale, err := saved.Early(context.Background(), v, paths, func(p string) (int64, time.Time, bool) {
			info, err := v.Stat(p)
			if err != nil {
				return 0, time.Time{}, false
			}
			return info.Size(), info.ModTime(), true
		}, maxStale(len(paths)))
		switch {
		case err != nil:
			log.Printf("text index: %v", err)
			return
		case store == nil:
			log.Printf("text index: %d of %d notes changed since it was saved: not searched before the index", stale, len(paths))
			return // indexText builds the index
		}
		// Unless indexText has published the index's store meanwhile.
		if !s.state.CompareAndSwap(waiting, &searchState{v: v, store: store, notes: notes, opened: true}) {
			return
		}
		log.Printf("text index: %d notes, searchable before the notes are indexed, compared in %v, %d read again", store.Len(), time.Since(started).Round(time.Millisecond), stale)
		f.do(func() {
			if f.gen() == gen && s.state.Load().notes != nil {
				s.panel.SetIndexing(store.Len(), store.Len())
				f.ready("search early")
			}
		})
	}()
	return done
}

// indexText makes the text index of a newly opened vault off the UI goroutine, reporting
// progress to the panel; any build or update of the vault before is cancelled. then, when
// not nil, runs on the index's goroutine once it is made, or given up: work that can wait
// goes there rather than share the cores with the build. afterText, when not nil, runs there
// once the notes' text is searchable, or as soon as it is known that no text is read ahead
// of the index (see below), or given up: work that can wait a moment goes there rather than
// share the cores with reading the text.
//
// dir is the vault's folder ("" for the built-in sample). Unless vaultCacheDir says nothing
// is kept for it, the index is opened from the file it was saved to the last time, read
// while the vault loaded (saved, from readSavedText; only the notes changed since are read
// again), or else built, with the bulk of its text in a nameless file (search.CodesIn), and
// saved for the next time. A store searchEarly made from the saved index serves until then.
func (f *finder) indexText(gen uint64, v *vault.Vault, dir string, saved *savedText, afterText, then func()) {
	s := &f.search
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	total := v.Index().Len()
	if cur := s.state.Load(); cur == nil || cur.v != v {
		s.state.Store(&searchState{v: v})
	}
	if cur := s.state.Load(); cur.store == nil {
		s.panel.SetIndexing(0, total)
	}
	cacheDir := vaultCacheDir(dir)
	go func() {
		if then != nil {
			defer then()
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		textRead := sync.OnceFunc(func() {
			if afterText != nil {
				afterText()
			}
		})
		defer textRead()
		started := time.Now()
		// The index as it is now: a reload that came before this goroutine ran found no
		// store to update (updateText), so what is read must be at least as new as it.
		ix := v.Index()
		store, err := openText(ctx, cacheDir, dir, v, ix, saved)
		// searchable is set once the panel has a store to search: the index's, or the
		// text read unindexed before it (below).
		searchable := false
		publish := func(store *search.Store, opened bool) {
			if !searchable && s.beforeStore != nil {
				s.beforeStore()
			}
			if ctx.Err() != nil {
				return // another vault is being opened: its state is in place
			}
			s.state.Store(&searchState{v: v, store: store, opened: opened})
			if searchable {
				f.do(func() { f.ready("search indexed") })
				return
			}
			searchable = true
			f.do(func() {
				if f.gen() == gen {
					s.panel.SetIndexing(total, total)
					f.ready("search")
				}
			})
		}
		built := false
		if store == nil && err == nil {
			built = true
			var last time.Time
			progress := func(done, total int) {
				// The panel hears that every note is read only once a store is in place
				// (publish): told by the last report, it searched again before there was a
				// store to search, found nothing, and said so once the index was ready.
				done = min(done, total-1)
				// Progress comes per note; the panel needs it a few times a second at most.
				if now := time.Now(); now.Sub(last) > 200*time.Millisecond {
					last = now
					f.do(func() {
						if f.gen() == gen {
							s.panel.SetIndexing(done, total)
						}
					})
				}
			}
			var opts []search.BuildOption
			if cacheDir != "" {
				opts = append(opts, search.CodesIn(cacheDir))
			}
			if s.beforeBuild != nil {
				s.beforeBuild()
			}
			// A first opening: the notes' text is read first, into a file beside the
			// codes, and searched unindexed while the index is built from it (issue #14:
			// on 20,000 notes, searchable a quarter of the build's time after the index).
			// Without a cache folder the text would take as much memory as the notes, so
			// the build alone is waited for.
			var text *search.Store
			if cacheDir != "" {
				text, err = search.ReadText(ctx, v, ix, progress, opts...)
				switch {
				case err == nil:
					log.Printf("text index: %d notes, searchable unindexed, read in %v, %d KB on disk", text.Len(), time.Since(started).Round(time.Millisecond), text.DiskBytes()/1024)
					publish(text, false)
					progress = nil
					if s.beforeIndexing != nil {
						s.beforeIndexing()
					}
				case ctx.Err() == nil:
					log.Printf("text index: the text not read ahead: %v", err)
					err = nil
				}
			}
			if err == nil {
				textRead()
				store, err = search.Build(ctx, v, ix, progress, append(opts, search.FromText(text))...)
			}
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
		publish(store, !built)
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

// maxStale is how many of total notes may have changed since the text index was saved for
// it to be used.
func maxStale(total int) int { return max(minStaleText, int(maxStaleText*float64(total))) }

// openText opens the text index saved for the vault in dir, in cacheDir (read already when
// saved is not nil); it returns a nil store when there is none to use (the reason is
// logged) and an error only when ctx is done.
func openText(ctx context.Context, cacheDir, dir string, v *vault.Vault, ix *vault.Index, saved *savedText) (*search.Store, error) {
	if cacheDir == "" {
		return nil, nil
	}
	started := time.Now()
	var sv *search.Saved
	if saved != nil {
		if sv = saved.wait(); sv == nil {
			return nil, nil // readSavedText said why
		}
	} else {
		var err error
		if sv, err = search.ReadSaved(filepath.Join(cacheDir, search.FileName), buildID(), dir); err != nil {
			log.Printf("text index: %v", err)
			return nil, nil
		}
	}
	store, stale, err := sv.Against(ctx, v, ix, maxStale(ix.Len()))
	switch {
	case err != nil:
		return nil, err
	case store == nil:
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
	s.pending = nil
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
	if s.popup != nil && s.popup.Visible() {
		s.popup.Hide()
		blur(s.panel.FocusTarget())
	}
}

// openMatch opens a search result: the note scrolled to the match with the match marked,
// or the note's top for a note that matched by its title. A result chosen while the vault
// is still read opens once it is read (openPending).
func (f *finder) openMatch(p string, m search.Match) {
	if ok, v, _ := f.opened(); ok && v == nil {
		f.search.pending = &pendingMatch{p, m}
		f.setStatus(fmt.Sprintf("%s opens once the vault is read…", path.Base(p)))
		return
	}
	if _, v, _ := f.opened(); v == nil || v.Index().Note(p) == nil {
		f.setStatus(fmt.Sprintf("%s is no longer in the vault", p))
		return
	}
	f.open(p, spot{offset: m.Offset, match: m.Text})
}

// openPending opens the result chosen while the vault was read, if one was; the window
// opens it instead of its first note.
func (f *finder) openPending() {
	pm := f.search.pending
	f.search.pending = nil
	if pm != nil {
		f.setStatus("")
		f.openMatch(pm.path, pm.match)
	}
}
