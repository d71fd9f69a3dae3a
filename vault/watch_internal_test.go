package vault

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"vaultview/internal/vaultgen"
)

// fakeSource is an event source that reports only what the test pushes: disk changes made
// meanwhile are lost, as after an inotify queue overflow.
type fakeSource struct {
	events chan fsnotify.Event
	errs   chan error
	addErr func(dir string) error

	mu     sync.Mutex
	added  []string
	closed bool
}

func (f *fakeSource) Add(dir string) error {
	if f.addErr != nil {
		if err := f.addErr(dir); err != nil {
			return err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, dir)
	return nil
}

func (f *fakeSource) Remove(string) error           { return nil }
func (f *fakeSource) Events() <-chan fsnotify.Event { return f.events }
func (f *fakeSource) Errors() <-chan error          { return f.errs }

func (f *fakeSource) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func (f *fakeSource) isClosed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed
}

// fakeSources hands out fake sources and remembers them.
type fakeSources struct {
	addErr func(dir string) error
	mu     sync.Mutex
	all    []*fakeSource
}

func (fs *fakeSources) new() (eventSource, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := &fakeSource{events: make(chan fsnotify.Event), errs: make(chan error), addErr: fs.addErr}
	fs.all = append(fs.all, f)
	return f, nil
}

func (fs *fakeSources) get(i int) *fakeSource {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.all[i]
}

func (fs *fakeSources) count() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.all)
}

func writeT(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startWatch loads files from a temporary folder and watches it through seams.
func startWatch(t *testing.T, files map[string]string, opts WatchOptions, seams watchSeams) (string, *Watcher) {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range files {
		writeT(t, dir, p, s)
	}
	v, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	w, err := watch(context.Background(), v, dir, opts, seams)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

// awaitReload takes Reloads until one satisfies ok, or fails the test after timeout.
func awaitReload(t *testing.T, w *Watcher, ok func(ix *Index) bool, timeout time.Duration) []Reload {
	t.Helper()
	deadline := time.After(timeout)
	var seen []Reload
	for {
		select {
		case r, open := <-w.Updates():
			if !open {
				t.Fatal("Updates closed")
			}
			seen = append(seen, r)
			if ok(r.Index) {
				return seen
			}
		case <-deadline:
			t.Fatalf("no matching snapshot within %v after %d reloads", timeout, len(seen))
		}
	}
}

// send pushes v on ch or fails the test after a deadline.
func send[T any](t *testing.T, ch chan T, v T) {
	t.Helper()
	select {
	case ch <- v:
	case <-time.After(5 * time.Second):
		t.Fatal("the watcher did not take the event")
	}
}

func headingOf(ix *Index, p string) string {
	n := ix.Note(p)
	if n == nil || len(n.Headings) == 0 {
		return ""
	}
	return n.Headings[0].Text
}

func TestWatch_OverflowRescansAndWatchesAgain(t *testing.T) {
	var sources fakeSources
	dir, w := startWatch(t, map[string]string{
		"a.md":         "# A\n",
		"b.md":         "# B\n",
		"same.md":      "# Same\n",
		"f/keep.png":   "png",
		"old/x.md":     "# X\n",
		".obsidian/ws": "{}",
	}, WatchOptions{}, watchSeams{newSource: sources.new})
	first := sources.get(0)

	// Changes nobody reports.
	writeT(t, dir, "a.md", "# A, edited without an event\n")
	if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
		t.Fatal(err)
	}
	writeT(t, dir, "c.md", "# C\n")
	writeT(t, dir, "new/deep/d.md", "# D\n")
	if err := os.RemoveAll(filepath.Join(dir, "old")); err != nil {
		t.Fatal(err)
	}
	send(t, first.errs, fsnotify.ErrEventOverflow)

	seen := awaitReload(t, w, func(ix *Index) bool {
		return headingOf(ix, "a.md") == "A, edited without an event" && ix.Note("b.md") == nil &&
			ix.Note("c.md") != nil && ix.Note("new/deep/d.md") != nil && ix.Note("old/x.md") == nil
	}, 20*time.Second)
	r := seen[len(seen)-1]
	if len(seen) != 1 || !r.Rescan {
		t.Errorf("reloads = %+v", seen)
	}
	if !slices.Equal(r.Added, []string{"c.md", "new/deep/d.md"}) || !slices.Equal(r.Changed, []string{"a.md"}) ||
		!slices.Equal(r.Removed, []string{"b.md", "old/x.md"}) {
		t.Errorf("reload: added %v changed %v removed %v", r.Added, r.Changed, r.Removed)
	}
	if !errors.Is(w.Err(), fsnotify.ErrEventOverflow) {
		t.Errorf("Err() = %v", w.Err())
	}
	if w.Mode() != Watching {
		t.Errorf("mode = %v", w.Mode())
	}
	// The lost events may have hidden new folders: the watcher starts over with every folder.
	if sources.count() != 2 || !first.isClosed() {
		t.Fatalf("%d sources, first closed: %v", sources.count(), first.isClosed())
	}
	second := sources.get(1)
	second.mu.Lock()
	added := slices.Clone(second.added)
	second.mu.Unlock()
	want := []string{dir, filepath.Join(dir, "f"), filepath.Join(dir, "new"), filepath.Join(dir, "new", "deep")}
	slices.Sort(added)
	slices.Sort(want)
	if !slices.Equal(added, want) {
		t.Errorf("watched after the rescan: %v, want %v", added, want)
	}
}

func TestWatch_HalfReadNoteIsReadAgain(t *testing.T) {
	var sources fakeSources
	var once sync.Once
	var dir string
	ready := make(chan struct{})
	hook := func() {
		<-ready
		// The writer finishes after the batch was read, and its event is lost.
		once.Do(func() { writeT(t, dir, "note.md", "# Three, written while being read\n") })
	}
	d, w := startWatch(t, map[string]string{"note.md": "# One\n"}, WatchOptions{}, watchSeams{newSource: sources.new, afterUpdate: hook})
	dir = d
	close(ready)
	writeT(t, dir, "note.md", "# Two\n")
	send(t, sources.get(0).events, fsnotify.Event{Name: filepath.Join(dir, "note.md"), Op: fsnotify.Write})
	seen := awaitReload(t, w, func(ix *Index) bool { return headingOf(ix, "note.md") == "Three, written while being read" }, 20*time.Second)
	if r := seen[len(seen)-1]; r.Rescan {
		t.Errorf("found by a rescan, not by checking the read: %+v", r)
	}
}

func TestWatch_OutOfWatchesFallsBackToPolling(t *testing.T) {
	full := func(dir string) error {
		if strings.HasSuffix(dir, "later") {
			return fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC)
		}
		return nil
	}
	tests := []struct {
		name     string
		files    map[string]string
		sources  *fakeSources
		newSrc   func(*fakeSources) func() (eventSource, error)
		midway   bool // the limit is reached by a folder created later
		wantMode WatchMode
		wantErr  error
	}{
		{
			name:    "at start",
			files:   map[string]string{"a.md": "# A\n", "later/b.md": "# B\n"},
			sources: &fakeSources{addErr: full},
			wantErr: syscall.ENOSPC,
		},
		{
			name:    "no inotify instance",
			files:   map[string]string{"a.md": "# A\n"},
			sources: &fakeSources{},
			newSrc: func(*fakeSources) func() (eventSource, error) {
				return func() (eventSource, error) { return nil, fmt.Errorf("inotify_init1: %w", syscall.EMFILE) }
			},
			wantErr: syscall.EMFILE,
		},
		{
			name:    "when a folder appears",
			files:   map[string]string{"a.md": "# A\n"},
			sources: &fakeSources{addErr: full},
			midway:  true,
			wantErr: syscall.ENOSPC,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newSrc := tt.sources.new
			if tt.newSrc != nil {
				newSrc = tt.newSrc(tt.sources)
			}
			dir, w := startWatch(t, tt.files, WatchOptions{PollInterval: 20 * time.Millisecond}, watchSeams{newSource: newSrc})
			if tt.midway {
				if w.Mode() != Watching {
					t.Fatalf("mode = %v before the new folder", w.Mode())
				}
				writeT(t, dir, "later/b.md", "# B\n")
				send(t, tt.sources.get(0).events, fsnotify.Event{Name: filepath.Join(dir, "later"), Op: fsnotify.Create})
				awaitReload(t, w, func(ix *Index) bool { return ix.Note("later/b.md") != nil }, 20*time.Second)
			}
			if w.Mode() != Polling {
				t.Fatalf("mode = %v", w.Mode())
			}
			if !errors.Is(w.Err(), tt.wantErr) {
				t.Errorf("Err() = %v", w.Err())
			}
			for i := range tt.sources.count() {
				if !tt.sources.get(i).isClosed() {
					t.Errorf("source %d left open", i)
				}
			}
			writeT(t, dir, "later/c.md", "# C\n")
			awaitReload(t, w, func(ix *Index) bool { return ix.Note("later/c.md") != nil }, 20*time.Second)
		})
	}
}

func TestReload_Then(t *testing.T) {
	tests := []struct {
		name        string
		first, next Reload
		want        Reload
	}{
		{
			name:  "disjoint",
			first: Reload{Added: []string{"a"}, Changed: []string{"b"}},
			next:  Reload{Removed: []string{"c"}, Rescan: true},
			want:  Reload{Added: []string{"a"}, Changed: []string{"b"}, Removed: []string{"c"}, Rescan: true},
		},
		{
			name:  "added then changed is added",
			first: Reload{Added: []string{"a"}},
			next:  Reload{Changed: []string{"a"}},
			want:  Reload{Added: []string{"a"}},
		},
		{
			name:  "added then removed is nothing",
			first: Reload{Added: []string{"a"}},
			next:  Reload{Removed: []string{"a"}},
			want:  Reload{},
		},
		{
			name:  "removed then added is changed",
			first: Reload{Removed: []string{"a"}},
			next:  Reload{Added: []string{"a"}},
			want:  Reload{Changed: []string{"a"}},
		},
		{
			name:  "changed then removed is removed",
			first: Reload{Changed: []string{"a"}},
			next:  Reload{Removed: []string{"a"}},
			want:  Reload{Removed: []string{"a"}},
		},
		{
			name:  "renames chain",
			first: Reload{Removed: []string{"a"}, Added: []string{"b"}, Renamed: map[string]string{"a": "b"}},
			next:  Reload{Removed: []string{"b"}, Added: []string{"c"}, Renamed: map[string]string{"b": "c"}},
			want:  Reload{Removed: []string{"a"}, Added: []string{"c"}, Renamed: map[string]string{"a": "c"}},
		},
		{
			name:  "renamed back is a change",
			first: Reload{Removed: []string{"a"}, Added: []string{"b"}, Renamed: map[string]string{"a": "b"}},
			next:  Reload{Removed: []string{"b"}, Added: []string{"a"}, Renamed: map[string]string{"b": "a"}},
			want:  Reload{Changed: []string{"a"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.first.then(tt.next); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPublish_MergesForASlowConsumer(t *testing.T) {
	a := &applier{out: make(chan Reload, 1)}
	a.publish(Reload{Added: []string{"a"}})
	a.publish(Reload{Added: []string{"b"}})
	a.publish(Reload{Removed: []string{"a"}, Changed: []string{"c"}})
	got := <-a.out
	want := Reload{Added: []string{"b"}, Changed: []string{"c"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	select {
	case r := <-a.out:
		t.Errorf("a second reload: %+v", r)
	default:
	}
}

func TestIgnored(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"note.md", false},
		{"folder/note.md", false},
		{"pic.png", false},
		{"4913.md", false},
		{"tmp/note.md", false},
		{"note.md~", true},
		{".note.md.swp", true},
		{".note.md.swx", true},
		{"note.swp", true},
		{"4913", true},
		{"folder/4913", true},
		{".#note.md", true},
		{"#note.md#", true},
		{"note.md___jb_tmp___", true},
		{"note.md___jb_old___", true},
		{"upload.tmp", true},
		{"UPLOAD.TMP", true},
		{".obsidian/workspace.json", true},
		{"a/.trash/note.md", true},
		{"unzip.tmp/note.md", true},
	}
	for _, tt := range tests {
		if got := ignored(tt.path); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestPairRenames(t *testing.T) {
	index := func(files map[string]string) *Index {
		var changes []Change
		for p, src := range files {
			c := Change{Path: p}
			if strings.HasSuffix(p, ".md") {
				c.Note = ParseNote(p, []byte(src))
			}
			changes = append(changes, c)
		}
		return Build(changes, nil)
	}
	tests := []struct {
		name          string
		before, after map[string]string
		want          map[string]string
	}{
		{
			name:   "note renamed",
			before: map[string]string{"old.md": "# Same size\n", "x.md": "other"},
			after:  map[string]string{"new.md": "# Same size\n", "x.md": "other"},
			want:   map[string]string{"old.md": "new.md"},
		},
		{
			name:   "folder renamed: same names win over same sizes",
			before: map[string]string{"a/one.md": "12345", "a/two.md": "12345", "a/p.png": "png"},
			after:  map[string]string{"b/one.md": "12345", "b/two.md": "12345", "b/p.png": "png"},
			want:   map[string]string{"a/one.md": "b/one.md", "a/two.md": "b/two.md", "a/p.png": "b/p.png"},
		},
		{
			name:   "ambiguous sizes pair nothing",
			before: map[string]string{"a.md": "12345", "b.md": "12345"},
			after:  map[string]string{"c.md": "12345", "d.md": "12345"},
			want:   nil,
		},
		{
			name:   "edited while renamed is not paired",
			before: map[string]string{"a.md": "12345"},
			after:  map[string]string{"b.md": "123456"},
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := index(tt.before), index(tt.after)
			var paths []string
			for p := range tt.before {
				paths = append(paths, p)
			}
			for p := range tt.after {
				if _, ok := tt.before[p]; !ok {
					paths = append(paths, p)
				}
			}
			if got := diff(before, after, paths).Renamed; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Renamed = %v, want %v", got, tt.want)
			}
		})
	}
}

// BenchmarkWatch_PollPass measures one polling pass over an unchanged generated vault: the
// walk with a stat of every file, and the comparison with the index. Nothing is read.
func BenchmarkWatch_PollPass(b *testing.B) {
	n := 2000
	if s := os.Getenv("VAULTVIEW_WATCH_BENCH_NOTES"); s != "" {
		fmt.Sscan(s, &n)
	}
	dir := filepath.Join(b.TempDir(), "vault")
	if _, err := vaultgen.Write(dir, vaultgen.Options{Notes: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	v, err := Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	l := &loop{root: dir, dirs: map[string]bool{}, w: &Watcher{}}
	a := &applier{v: v, root: dir, attach: map[string]stamp{}, failed: map[string]stamp{}}
	for b.Loop() {
		scan, err := l.walkAll()
		if err != nil {
			b.Fatal(err)
		}
		todo := map[string]bool{}
		if found := a.compare(v.Index(), scan, todo); found != 0 {
			b.Fatalf("%d files differ in an unchanged vault", found)
		}
	}
}
