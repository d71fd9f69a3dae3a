package vault

import "io/fs"

// stamp is what a walk learns of a file without reading it. A file whose stamp is unchanged
// is assumed unchanged: that is what makes polling and rescans cheap.
type stamp struct {
	size int64
	mod  int64 // modification time in Unix nanoseconds
}

func stampOf(info fs.FileInfo) stamp {
	if info == nil {
		return stamp{}
	}
	return stamp{info.Size(), info.ModTime().UnixNano()}
}

// walkAll lists the whole vault with each file's size and modification time, watching every
// folder on the way when watching.
func (l *loop) walkAll() (map[string]stamp, error) {
	scan := make(map[string]stamp, l.files)
	err := l.walk("", func(p string, d fs.DirEntry) {
		if info, err := d.Info(); err == nil {
			scan[p] = stampOf(info)
		}
	})
	l.files = len(scan)
	return scan, err
}

// compare puts into todo every file whose size or modification time differs from what the
// index read, every new file and every indexed file that is gone, and says how many it
// added. Nothing is read here.
func (a *applier) compare(ix *Index, scan map[string]stamp, todo map[string]bool) int {
	had := len(todo)
	for p, st := range scan {
		if en, ok := ix.notes.lookup(p); ok {
			if n := en.note; n.Size != st.size || n.ModTime.UnixNano() != st.mod {
				todo[p] = true
			}
			continue
		}
		if _, ok := ix.files.lookup(p); ok {
			if old, seen := a.attach[p]; !seen {
				a.attach[p] = st // first look: the index has it, assume it is what was read
			} else if old != st {
				todo[p] = true
			}
			continue
		}
		if old, ok := a.failed[p]; ok && old == st {
			continue
		}
		todo[p] = true
	}
	for _, shard := range ix.notes {
		for p := range shard {
			if _, ok := scan[p]; !ok {
				todo[p] = true
			}
		}
	}
	for _, shard := range ix.files {
		for p := range shard {
			if _, ok := scan[p]; !ok {
				todo[p] = true
			}
		}
	}
	return len(todo) - had
}
