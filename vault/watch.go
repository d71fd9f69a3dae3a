package vault

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
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
