package vault

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// eventSource is what the Watcher needs of fsnotify. Tests substitute one that loses events
// or runs out of watches.
type eventSource interface {
	Add(dir string) error
	Remove(dir string) error
	Events() <-chan fsnotify.Event
	Errors() <-chan error
	Close() error
}

type fsnotifySource struct{ w *fsnotify.Watcher }

func newFSNotify() (eventSource, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return fsnotifySource{w}, nil
}

func (s fsnotifySource) Add(dir string) error          { return s.w.Add(dir) }
func (s fsnotifySource) Remove(dir string) error       { return s.w.Remove(dir) }
func (s fsnotifySource) Events() <-chan fsnotify.Event { return s.w.Events }
func (s fsnotifySource) Errors() <-chan error          { return s.w.Errors }
func (s fsnotifySource) Close() error                  { return s.w.Close() }

// outOfWatches reports the errors that mean the operating system will not watch more
// folders: inotify's max_user_watches or max_user_instances, or a process out of file
// descriptors (kqueue holds one per watched file).
func outOfWatches(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// ignored reports paths the Watcher never indexes: hidden files and folders, and what
// editors write while saving and delete right after (vim's swap files, `~` backups and its
// 4913 probe, Emacs locks and autosaves, JetBrains' safe-write files, `*.tmp`).
func ignored(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if editorTemp(part) {
			return true
		}
	}
	return false
}

func editorTemp(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "."), // hidden; also .#lock, .note.md.swp
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(lower, ".swp"), strings.HasSuffix(lower, ".swx"),
		name == "4913",
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasSuffix(lower, ".tmp"):
		return true
	}
	return false
}

// job is one batch for the applier: the files to read again, folders that went away, and,
// after a walk of the whole vault, the size and modification time of every file.
type job struct {
	paths []string
	gone  []string
	scan  map[string]stamp
}

// loop turns file events into batches. It owns the event source and the list of watched
// folders, and runs on one goroutine so that folder watches are added in event order.
type loop struct {
	w         *Watcher
	root      string
	opts      WatchOptions
	newSource func() (eventSource, error)
	src       eventSource
	events    <-chan fsnotify.Event
	errs      <-chan error
	poll      *time.Ticker
	// dirs are the watched folders, vault-relative ("" is the vault).
	dirs map[string]bool
	// files is how many files the last walk found, to size the next one's map.
	files int

	// The next batch: files to read again, folders that disappeared, a walk of the whole
	// vault to do (or done: scanned).
	dirty, gone map[string]bool
	rescan      bool
	scanned     map[string]stamp
	first, last time.Time
	timer       *time.Timer
	timerOn     bool

	jobs    chan job
	results chan []string
	// busy is true while the applier works on a job; flushDue asks for the next batch to go
	// as soon as it is done.
	busy, flushDue bool
}

// start watches every folder (or prepares to poll) and lists the vault, so that the first
// batch compares the index with the disk.
func (l *loop) start() error {
	if l.opts.Poll {
		l.startPolling(nil)
	} else {
		l.startWatching()
	}
	scan, err := l.walkAll()
	if err != nil {
		l.closeSource()
		return fmt.Errorf("watch %s: %w", l.root, err)
	}
	l.scanned = scan
	l.touch()
	return nil
}

// startWatching opens the event source; it falls back to polling when the system has no
// watches to spare.
func (l *loop) startWatching() {
	src, err := l.newSource()
	if err != nil {
		l.startPolling(fmt.Errorf("cannot watch %s: %w; polling instead", l.root, err))
		return
	}
	l.src, l.events, l.errs = src, src.Events(), src.Errors()
	l.w.mode.Store(int32(Watching))
}

func (l *loop) startPolling(why error) {
	l.closeSource()
	l.w.mode.Store(int32(Polling))
	if why != nil {
		l.w.setErr(why)
	}
	if l.poll == nil {
		l.poll = time.NewTicker(l.opts.PollInterval)
	}
}

func (l *loop) closeSource() {
	if l.src == nil {
		return
	}
	if err := l.src.Close(); err != nil && l.w.closeErr == nil {
		l.w.closeErr = err
	}
	l.src, l.events, l.errs = nil, nil, nil
	clear(l.dirs)
}

func (l *loop) run(ctx context.Context) {
	defer func() {
		l.closeSource()
		if l.poll != nil {
			l.poll.Stop()
		}
		l.timer.Stop()
	}()
	for {
		var tick <-chan time.Time
		if l.poll != nil {
			tick = l.poll.C
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-l.events:
			if !ok {
				l.startPolling(fmt.Errorf("file events for %s stopped; polling instead", l.root))
				l.askRescan()
				continue
			}
			l.event(ev)
		case err, ok := <-l.errs:
			if !ok {
				l.errs = nil
				continue
			}
			// Events were lost (ErrEventOverflow) or the source failed: start over with
			// fresh watches and compare the whole vault with the index.
			l.w.setErr(fmt.Errorf("watching %s: %w; rescanned", l.root, err))
			l.askRescan()
		case <-l.timer.C:
			l.timerOn = false
			l.onTimer()
		case <-tick:
			l.rescan = true
			l.flush()
		case recheck := <-l.results:
			l.busy = false
			for _, p := range recheck {
				l.dirty[p] = true
			}
			if len(recheck) > 0 {
				l.touch()
			}
			if l.flushDue {
				l.flush()
			}
		}
	}
}

// event files one file event into the next batch. A new folder is watched and listed at
// once (its files are not reported); a folder that went away loses its watches.
func (l *loop) event(ev fsnotify.Event) {
	if ev.Op&^fsnotify.Chmod == 0 {
		return // attributes only; a removed hard link also looks like this
	}
	rel, ok := l.rel(ev.Name)
	if !ok {
		return
	}
	if rel == "" {
		if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
			l.askRescan() // the vault folder itself moved or went away
		}
		return
	}
	if ignored(rel) {
		return
	}
	switch {
	case ev.Has(fsnotify.Create):
		if info, err := os.Lstat(l.abs(rel)); err == nil && info.IsDir() {
			// A folder created or moved in: watch it and everything in it, then read what
			// it holds. Adding before listing means nothing falls in between.
			l.dropDirs(rel) // a folder replaced by another keeps no stale watches
			l.addTree(rel)
			l.touch()
			return
		}
		l.dirty[rel] = true
	case ev.Has(fsnotify.Write):
		l.dirty[rel] = true
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		if l.dropDirs(rel) {
			l.gone[rel] = true
		} else {
			l.dirty[rel] = true
		}
	default:
		return
	}
	l.touch()
}

// rel turns an event's path into a vault-relative one.
func (l *loop) rel(name string) (string, bool) {
	if name == l.root {
		return "", true
	}
	rest, ok := strings.CutPrefix(name, l.root+string(filepath.Separator))
	if !ok || rest == "" {
		return "", false
	}
	return filepath.ToSlash(rest), true
}

func (l *loop) abs(rel string) string {
	return filepath.Join(l.root, filepath.FromSlash(rel))
}

// dropDirs stops watching rel and the folders below it; it reports whether rel was a
// watched folder. The watches must go before a folder of the same inode is watched under
// its new name, or its events would keep the old name.
func (l *loop) dropDirs(rel string) bool {
	if !l.dirs[rel] {
		return false // a file; and a folder is only watched below a watched one
	}
	for d := range l.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			delete(l.dirs, d)
			if l.src != nil {
				_ = l.src.Remove(l.abs(d)) // already gone with its folder: fine
			}
		}
	}
	return true
}

// addTree watches the folder rel and every folder below it, and puts every file in them into
// the next batch.
func (l *loop) addTree(rel string) {
	_ = l.walk(rel, func(p string, _ fs.DirEntry) { l.dirty[p] = true })
}

// walk visits the folder rel and everything below it, skipping what the Watcher ignores and
// never following symbolic links. When watching, each folder is watched before it is read.
// Only an unreadable start folder is an error.
func (l *loop) walk(rel string, file func(p string, d fs.DirEntry)) error {
	return filepath.WalkDir(l.abs(rel), func(name string, d fs.DirEntry, err error) error {
		p, ok := l.rel(name)
		if !ok {
			return nil
		}
		if err != nil {
			if p == rel {
				return err
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		// Folders above were checked on the way down: only the name is left to check.
		if p != "" && (p == rel && ignored(p) || p != rel && editorTemp(d.Name())) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			if l.src != nil {
				if err := l.src.Add(name); err != nil {
					if outOfWatches(err) {
						l.startPolling(fmt.Errorf("cannot watch every folder of %s: %w; polling instead", l.root, err))
						l.askRescan()
					} else {
						return fs.SkipDir // gone already, or unreadable
					}
				} else {
					l.dirs[p] = true
				}
			}
		case d.Type().IsRegular():
			file(p, d)
		}
		return nil
	})
}

// touch notes that the batch changed, arming the timer.
func (l *loop) touch() {
	now := time.Now()
	if l.first.IsZero() {
		l.first = now
	}
	l.last = now
	if !l.timerOn {
		l.timer.Reset(l.opts.Debounce)
		l.timerOn = true
	}
}

// askRescan asks the next batch to compare the whole vault with the index; several requests
// in a burst (an overflow storm) make one walk.
func (l *loop) askRescan() {
	l.rescan = true
	l.touch()
}

// onTimer sends the batch once the folder has been quiet for Debounce, or once its first
// change has waited MaxLatency.
func (l *loop) onTimer() {
	if l.first.IsZero() {
		return
	}
	quiet, waited := time.Since(l.last), time.Since(l.first)
	if d := min(l.opts.Debounce-quiet, l.opts.MaxLatency-waited); d > 0 {
		l.timer.Reset(d)
		l.timerOn = true
		return
	}
	l.flush()
}

// flush hands the batch to the applier, or asks for it to go when the applier is done.
func (l *loop) flush() {
	if l.busy {
		l.flushDue = true
		return
	}
	l.flushDue = false
	var j job
	if l.scanned != nil {
		j.scan, l.scanned = l.scanned, nil
	}
	if l.rescan {
		l.rescan = false
		if scan, err := l.rescanAll(); err == nil {
			j.scan = scan
		} else {
			// The vault folder is gone or unreadable (a drive unmounted?). Keep the index
			// as it is and look again every PollInterval: nothing to watch meanwhile.
			l.startPolling(fmt.Errorf("cannot read %s: %w; polling until it can be read", l.root, err))
		}
	}
	j.paths = sortedKeys(l.dirty)
	j.gone = sortedKeys(l.gone)
	clear(l.dirty)
	clear(l.gone)
	l.first = time.Time{}
	if j.scan == nil && len(j.paths) == 0 && len(j.gone) == 0 {
		return
	}
	l.busy = true
	l.jobs <- j
}

// rescanAll lists the whole vault. When watching, it starts over with a new event source
// first, since events were lost and the watched folders may no longer be the vault's.
func (l *loop) rescanAll() (map[string]stamp, error) {
	if l.src != nil {
		l.closeSource()
		l.startWatching()
	}
	return l.walkAll()
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
