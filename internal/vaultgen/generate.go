package vaultgen

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing/fstest"
)

// Generate renders the vault described by o and hands every file to emit, in a fixed order:
// index.md, directory.md, then each channel folder (channel note first). path is
// vault-relative with '/' separators. data is only valid during the call: emit must copy it
// to keep it. An error from emit stops the generation and is returned.
//
// Notes are rendered on all CPUs; the output does not depend on their number.
func Generate(o Options, emit func(path string, data []byte) error) (Stats, error) {
	p := newPlan(o)
	st := Stats{
		Notes:             len(p.items),
		Channels:          len(p.channels),
		TopicNotes:        len(p.topics),
		NotesWithoutVideo: p.noVideo,
		HugeNotes:         p.huge,
	}
	for _, ch := range p.channels {
		st.Episodes += len(ch.episodes)
	}
	st.DistinctTopicNames = len(p.names)
	for _, n := range p.names {
		st.MaxFoldersPerName = max(st.MaxFoldersPerName, int(n.folders))
	}
	st.Links = p.fixedLinks // the notes rendered by the plan

	paths := p.paths()
	sizes := make([]int, len(p.items))

	// Render in batches on all CPUs, emit each batch in order. Each slot keeps its buffer
	// across batches.
	workers := max(1, runtime.GOMAXPROCS(0))
	const batch = 256
	type slot struct {
		w  noteWriter
		st Stats
	}
	slots := make([]slot, batch)
	for i := range slots {
		slots[i].w.p = p
	}
	for lo := 0; lo < len(p.items); lo += batch {
		hi := min(lo+batch, len(p.items))
		var wg sync.WaitGroup
		next := make(chan int, hi-lo)
		for i := lo; i < hi; i++ {
			next <- i
		}
		close(next)
		for range min(workers, hi-lo) {
			wg.Go(func() {
				for i := range next {
					s := &slots[i-lo]
					it := p.items[i]
					if it.kind == itemTopic {
						s.w.b = s.w.topicNote(int(it.index))
						s.st = s.w.st
					} else {
						s.w.b = append(s.w.b[:0], it.builtin...)
						s.st = Stats{}
					}
				}
			})
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			s := &slots[i-lo]
			st.add(&s.st)
			st.Bytes += int64(len(s.w.b))
			sizes[i] = len(s.w.b)
			if len(s.w.b) > st.LargestNoteBytes {
				st.LargestNoteBytes, st.LargestNote = len(s.w.b), paths[i]
			}
			if err := emit(paths[i], s.w.b); err != nil {
				return st, err
			}
		}
	}
	slices.Sort(sizes)
	if len(sizes) > 0 {
		st.SmallestNoteBytes = sizes[0]
		st.MedianNoteBytes = sizes[len(sizes)/2]
	}
	return st, nil
}

// paths returns the vault-relative path of every item.
func (p *plan) paths() []string {
	out := make([]string, 0, len(p.items))
	out = append(out, "index.md", "directory.md")
	for _, ch := range p.channels {
		out = append(out, ch.folder+"/"+ch.note+".md")
		if ch.twin != "" {
			out = append(out, ch.folder+"/"+ch.twin+".md")
		}
		for _, t := range ch.topics {
			out = append(out, ch.folder+"/"+p.names[p.topics[t].name].base+".md")
		}
	}
	return out
}

// MapFS returns the vault as an in-memory file system, for tests that load a vault without
// touching the disk.
func MapFS(o Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	// emit never fails, so neither does Generate.
	Generate(o, func(path string, data []byte) error {
		fsys[path] = &fstest.MapFile{Data: slices.Clone(data), Mode: 0o644}
		return nil
	})
	return fsys
}

// ErrCaseInsensitive is returned by Write when the target file system folds case, so the two
// notes whose names differ only by case would overwrite each other. Set Options.NoCaseClash
// to write a vault there.
var ErrCaseInsensitive = errors.New("file system is case-insensitive; set NoCaseClash")

// Write writes the vault into dir, creating it if needed. Existing files with the same names are
// overwritten; other files are left alone.
func Write(dir string, o Options) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	if !o.NoCaseClash {
		folds, err := foldsCase(dir)
		if err != nil {
			return Stats{}, err
		}
		if folds {
			return Stats{}, fmt.Errorf("%s: %w", dir, ErrCaseInsensitive)
		}
	}

	// Creating files dominates on most disks, so a few goroutines write while the next notes
	// are rendered.
	type job struct {
		path string
		data []byte
	}
	var (
		mu       sync.Mutex
		writeErr error
		wg       sync.WaitGroup
	)
	failed := func() error {
		mu.Lock()
		defer mu.Unlock()
		return writeErr
	}
	jobs := make(chan job, 64)
	for range 4 {
		wg.Go(func() {
			for j := range jobs {
				if err := os.WriteFile(j.path, j.data, 0o644); err != nil {
					mu.Lock()
					writeErr = cmp.Or(writeErr, err)
					mu.Unlock()
				}
			}
		})
	}
	made := map[string]bool{}
	st, err := Generate(o, func(path string, data []byte) error {
		if err := failed(); err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(path))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		jobs <- job{full, slices.Clone(data)}
		return nil
	})
	close(jobs)
	wg.Wait()
	return st, cmp.Or(err, writeErr)
}

// foldsCase reports whether dir's file system treats names differing only by case as one.
func foldsCase(dir string) (bool, error) {
	f, err := os.CreateTemp(dir, "vaultgen-case-probe-*.tmp")
	if err != nil {
		return false, err
	}
	name := f.Name()
	f.Close()
	defer os.Remove(name)
	_, err = os.Stat(filepath.Join(filepath.Dir(name), strings.ToUpper(filepath.Base(name))))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	default:
		return false, err
	}
}
