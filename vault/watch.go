package vault

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchOptions tune a Watcher. The zero value watches with the operating system's file
// events and the default delays.
type WatchOptions struct {
	// Poll walks the folder every PollInterval instead of asking the operating system for
	// events: network drives and some virtual file systems send none.
	Poll bool
	// Debounce is how long the folder must be quiet before changed files are read; 0 means
	// 100 ms. Editors save in several steps (a temporary file, renames, a delete) and a read
	// in the middle would see a half-saved note.
	Debounce time.Duration
	// MaxLatency caps how long a change waits while events keep coming (a git checkout, an
	// unzip); 0 means 250 ms, so that the window keeps moving during a storm.
	MaxLatency time.Duration
	// PollInterval is the time between two walks when polling; 0 means 1 s.
	PollInterval time.Duration
}

func (o WatchOptions) withDefaults() WatchOptions {
	if o.Debounce <= 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.MaxLatency <= 0 {
		o.MaxLatency = 250 * time.Millisecond
	}
	o.MaxLatency = max(o.MaxLatency, o.Debounce)
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	return o
}

// WatchMode says how a Watcher learns about changes on disk.
type WatchMode int32

const (
	// Watching uses the operating system's file events (inotify, kqueue,
	// ReadDirectoryChangesW) on every folder of the vault.
	Watching WatchMode = iota + 1
	// Polling walks the vault every PollInterval and compares the size and modification
	// time of every file with what was read; only changed files are read again.
	Polling
)

// String names the mode as a status line would: "watching" or "polling".
func (m WatchMode) String() string {
	switch m {
	case Watching:
		return "watching"
	case Polling:
		return "polling"
	}
	return fmt.Sprintf("WatchMode(%d)", int32(m))
}

// Reload is one change of the vault on disk, already applied: Index is the snapshot that
// includes it. All paths are vault-relative with `/` separators, sorted, and cover notes and
// attachments alike.
type Reload struct {
	Index *Index
	// Added are files that are new to the index, Changed files that were read again,
	// Removed files that are gone.
	Added, Changed, Removed []string
	// Renamed pairs removed files with added ones that are probably the same file moved
	// (same size and usually the same name), old path → new path. It is a guess, made for
	// keeping the open note open; both paths are also in Removed and Added.
	Renamed map[string]string
	// Rescan is true when some of the change was found by walking the whole vault rather
	// than from file events: at start, when polling, and after lost events.
	Rescan bool
}

func (r *Reload) empty() bool {
	return len(r.Added) == 0 && len(r.Changed) == 0 && len(r.Removed) == 0
}

// then merges r with the reload that followed it, as if both had been one: a consumer that
// falls behind gets one Reload with everything it missed.
func (r Reload) then(next Reload) Reload {
	type span struct{ before, after bool }
	spans := map[string]*span{}
	note := func(paths []string, existedBefore, existsAfter bool) {
		for _, p := range paths {
			if s := spans[p]; s != nil {
				s.after = existsAfter
			} else {
				spans[p] = &span{existedBefore, existsAfter}
			}
		}
	}
	for _, x := range []Reload{r, next} {
		note(x.Added, false, true)
		note(x.Changed, true, true)
		note(x.Removed, true, false)
	}
	out := Reload{Index: next.Index, Rescan: r.Rescan || next.Rescan}
	for p, s := range spans {
		switch {
		case s.before && s.after:
			out.Changed = append(out.Changed, p)
		case s.after:
			out.Added = append(out.Added, p)
		case s.before:
			out.Removed = append(out.Removed, p)
		}
	}
	slices.Sort(out.Added)
	slices.Sort(out.Changed)
	slices.Sort(out.Removed)
	// Renames chain (a→b then b→c is a→c); the spans below drop those undone since.
	renamed := map[string]string{}
	chained := map[string]bool{}
	for from, to := range r.Renamed {
		if further, ok := next.Renamed[to]; ok {
			chained[to] = true
			to = further
		}
		renamed[from] = to
	}
	for from, to := range next.Renamed {
		if !chained[from] {
			renamed[from] = to
		}
	}
	for from, to := range renamed {
		if s, t := spans[from], spans[to]; s != nil && t != nil && s.before && !s.after && !t.before && t.after {
			if out.Renamed == nil {
				out.Renamed = map[string]string{}
			}
			out.Renamed[from] = to
		}
	}
	return out
}

// Watcher keeps a Vault in step with its folder on disk. It collects file events (or polls),
// waits until the folder is quiet, re-reads what changed with one Vault.Update per batch and
// publishes each new snapshot on Updates. It never blocks on its consumer: a Reload the
// consumer has not taken yet is merged with the next one.
type Watcher struct {
	out    chan Reload
	mode   atomic.Int32
	errMu  sync.Mutex
	err    error
	cancel context.CancelFunc
	done   chan struct{}
	// closeErr is written by the loop before done is closed.
	closeErr error
}

// Watch starts keeping v in step with dir, the folder v was loaded from with os.DirFS(dir).
// Every folder of the vault is watched before Watch returns, so any change made after it is
// seen; changes made between Load and Watch are found by one walk comparing each file's size
// and modification time with the index. Hidden files and folders and the temporary and
// backup files of editors are ignored. The Watcher stops when ctx is done or Close is
// called; the Watcher should be the only code calling v.Update and v.Remove meanwhile, or
// its Reloads may describe a change wrongly (the index itself stays right).
//
// When the operating system runs out of watches (inotify's max_user_watches, open files on
// macOS) the Watcher falls back to polling; Mode and Err say so.
func Watch(ctx context.Context, v *Vault, dir string, opts WatchOptions) (*Watcher, error) {
	return watch(ctx, v, dir, opts, watchSeams{newSource: newFSNotify})
}

// watchSeams are the points where tests reach into a Watcher: a source of file events that
// can lose events or run out of watches, and a hook between reading a batch and checking it.
type watchSeams struct {
	newSource   func() (eventSource, error)
	afterUpdate func()
}

// watch is Watch with its seams given.
func watch(ctx context.Context, v *Vault, dir string, opts WatchOptions, seams watchSeams) (*Watcher, error) {
	// A vault reached through a symbolic link is watched where it is: the walk below does
	// not follow links, and event paths must start with the folder walked.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("watch %s: not a folder", dir)
	}
	ctx, cancel := context.WithCancel(ctx)
	w := &Watcher{out: make(chan Reload, 1), cancel: cancel, done: make(chan struct{})}
	opts = opts.withDefaults()
	l := &loop{
		w:         w,
		root:      root,
		opts:      opts,
		newSource: seams.newSource,
		dirs:      map[string]bool{},
		dirty:     map[string]bool{},
		gone:      map[string]bool{},
		timer:     time.NewTimer(time.Hour),
		jobs:      make(chan job),
		results:   make(chan []string, 1),
	}
	l.timer.Stop()
	a := &applier{
		v: v, root: root, out: w.out, afterUpdate: seams.afterUpdate,
		attach: map[string]stamp{}, failed: map[string]stamp{}, rechecks: map[string]int{},
	}
	if err := l.start(); err != nil {
		cancel()
		return nil, err
	}
	applied := make(chan struct{})
	go func() {
		defer close(applied)
		defer close(w.out)
		a.run(l.jobs, l.results)
	}()
	go func() {
		defer close(w.done)
		l.run(ctx)
		close(l.jobs)
		<-applied
	}()
	return w, nil
}

// Updates delivers each change of the vault. It holds at most one Reload: when the consumer
// is slow, pending changes are merged into it. It is closed when the Watcher stops.
func (w *Watcher) Updates() <-chan Reload { return w.out }

// Mode says whether the Watcher uses file events or polls.
func (w *Watcher) Mode() WatchMode { return WatchMode(w.mode.Load()) }

// Err returns the last problem the Watcher recovered from: why it fell back to polling, or
// the event error (lost events) that made it walk the whole vault. Nil when there was none.
func (w *Watcher) Err() error {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	return w.err
}

func (w *Watcher) setErr(err error) {
	w.errMu.Lock()
	w.err = err
	w.errMu.Unlock()
}

// Close stops the Watcher and waits until it has stopped; a batch being read is finished
// first. Updates is closed after any pending Reload.
func (w *Watcher) Close() error {
	w.cancel()
	<-w.done
	return w.closeErr
}

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

// applier reads batches into the vault and publishes the results. It runs on its own
// goroutine so that the loop keeps draining events while a large batch is read.
type applier struct {
	v    *Vault
	root string
	out  chan Reload
	// attach are the stamps of attachments (the index keeps none for them); failed those of
	// files that could not be read as notes, so that a walk does not retry them unchanged.
	attach, failed map[string]stamp
	// rechecks counts the re-reads of a note that did not match its file after reading;
	// a file system whose times disagree with themselves must not make a busy loop.
	rechecks map[string]int
	// afterUpdate, for tests, runs between reading a batch and checking it.
	afterUpdate func()
}

// maxRechecks bounds the re-reads of a note that keeps changing under the reader without
// any event saying so.
const maxRechecks = 8

func (a *applier) run(jobs <-chan job, results chan<- []string) {
	for j := range jobs {
		results <- a.apply(j)
	}
}

func (a *applier) abs(rel string) string {
	return filepath.Join(a.root, filepath.FromSlash(rel))
}

// apply reads one batch with one Vault.Update (one snapshot), publishes what changed and
// returns the notes to read again: those whose file no longer matches what was read (a
// writer was still at work), so that the last state always wins.
func (a *applier) apply(j job) []string {
	before := a.v.Index()
	todo := make(map[string]bool, len(j.paths))
	for _, p := range j.paths {
		todo[p] = true
	}
	found := 0
	if j.scan != nil {
		found = a.compare(before, j.scan, todo)
	}
	a.expandGone(before, j.gone, todo)
	var update, remove []string
	for p := range todo {
		known := has(before, p)
		if ignored(p) {
			if known {
				remove = append(remove, p) // indexed by Load, which does not know editor files
			}
			continue
		}
		if !known {
			if info, err := os.Lstat(a.abs(p)); err != nil || !info.Mode().IsRegular() {
				continue // came and went within the batch, or a folder
			}
		}
		update = append(update, p)
	}
	if len(update) == 0 && len(remove) == 0 {
		return nil
	}
	slices.Sort(update)
	if len(remove) > 0 {
		a.v.Remove(remove...)
	}
	after := a.v.Index()
	if len(update) > 0 {
		after = a.v.Update(update...)
	}
	if a.afterUpdate != nil {
		a.afterUpdate()
	}
	recheck := a.verify(after, update)
	r := diff(before, after, append(update, remove...))
	r.Rescan = found > 0
	if !r.empty() {
		a.publish(r)
	}
	return recheck
}

// expandGone adds the indexed files below folders that went away. Paths in todo that are
// neither indexed nor on disk may be folders the loop did not watch; they count too.
func (a *applier) expandGone(ix *Index, gone []string, todo map[string]bool) {
	dirs := map[string]bool{}
	for _, g := range gone {
		dirs[g] = true
	}
	for p := range todo {
		if !has(ix, p) {
			if _, err := os.Lstat(a.abs(p)); errors.Is(err, fs.ErrNotExist) {
				dirs[p] = true
			}
		}
	}
	if len(dirs) == 0 {
		return
	}
	below := func(p string) bool {
		for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
			if dirs[p[:i]] {
				return true
			}
		}
		return false
	}
	for _, shard := range ix.notes {
		for p := range shard {
			if below(p) {
				todo[p] = true
			}
		}
	}
	for _, shard := range ix.files {
		for p := range shard {
			if below(p) {
				todo[p] = true
			}
		}
	}
}

// verify compares each file just read with the disk. A note whose size or modification time
// moved on was caught mid-write and is read again on the next tick; attachments and files
// that could not be read get their stamps remembered for the next walk.
func (a *applier) verify(ix *Index, paths []string) (recheck []string) {
	for _, p := range paths {
		info, err := os.Lstat(a.abs(p))
		onDisk := err == nil && info.Mode().IsRegular()
		stale := has(ix, p) && !onDisk
		if n := ix.Note(p); n != nil && onDisk {
			stale = info.Size() != n.Size || !info.ModTime().Equal(n.ModTime)
		}
		switch {
		case stale && a.rechecks[p] < maxRechecks:
			a.rechecks[p]++
			recheck = append(recheck, p)
			continue
		case ix.IsAttachment(p):
			a.attach[p] = stampOf(info)
		case onDisk && ix.Note(p) == nil:
			a.failed[p] = stampOf(info)
		case !onDisk:
			delete(a.attach, p)
			delete(a.failed, p)
		}
		delete(a.rechecks, p)
	}
	return recheck
}

// publish hands r to the consumer without ever waiting for it: a Reload still pending is
// taken back and merged with r. Only the applier sends, so the last send finds room.
func (a *applier) publish(r Reload) {
	select {
	case a.out <- r:
		return
	default:
	}
	select {
	case old := <-a.out:
		r = old.then(r)
	default: // the consumer took it meanwhile
	}
	a.out <- r
}

func has(ix *Index, p string) bool {
	if _, ok := ix.notes.lookup(p); ok {
		return true
	}
	_, ok := ix.files.lookup(p)
	return ok
}

// diff describes what happened to paths between two snapshots.
func diff(before, after *Index, paths []string) Reload {
	r := Reload{Index: after}
	for _, p := range paths {
		b, a := has(before, p), has(after, p)
		switch {
		case b && a:
			r.Changed = append(r.Changed, p)
		case a:
			r.Added = append(r.Added, p)
		case b:
			r.Removed = append(r.Removed, p)
		}
	}
	slices.Sort(r.Added)
	slices.Sort(r.Changed)
	slices.Sort(r.Removed)
	r.Renamed = pairRenames(before, after, r.Removed, r.Added)
	return r
}

// pairRenames guesses which added files are removed ones moved: a note of the same size
// (the same name preferred, as when a folder is renamed), an attachment of the same name.
// Only a single candidate makes a pair.
func pairRenames(before, after *Index, removed, added []string) map[string]string {
	if len(removed) == 0 || len(added) == 0 {
		return nil
	}
	notesBySize := map[int64][]string{}
	filesByName := map[string][]string{}
	for _, p := range added {
		if n := after.Note(p); n != nil {
			notesBySize[n.Size] = append(notesBySize[n.Size], p)
		} else {
			filesByName[path.Base(p)] = append(filesByName[path.Base(p)], p)
		}
	}
	used := map[string]bool{}
	var out map[string]string
	for _, p := range removed {
		var candidates []string
		if n := before.Note(p); n != nil {
			candidates = notesBySize[n.Size]
		} else {
			candidates = filesByName[path.Base(p)]
		}
		var all, named []string
		for _, c := range candidates {
			if used[c] {
				continue
			}
			all = append(all, c)
			if path.Base(c) == path.Base(p) {
				named = append(named, c)
			}
		}
		to := ""
		switch {
		case len(named) == 1:
			to = named[0]
		case len(named) == 0 && len(all) == 1:
			to = all[0]
		default:
			continue
		}
		used[to] = true
		if out == nil {
			out = map[string]string{}
		}
		out[p] = to
	}
	return out
}
