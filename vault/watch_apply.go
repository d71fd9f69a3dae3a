package vault

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

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
