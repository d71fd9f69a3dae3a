package hostile

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// FileState is what must not change about one entry of a vault folder.
type FileState struct {
	Mode    fs.FileMode
	Size    int64
	ModTime time.Time
	// Sum is the SHA-256 of a regular file's bytes (zero when it cannot be read); Link is
	// where a symbolic link points.
	Sum  [32]byte
	Link string
}

// Snapshot records every entry under dir without following symbolic links, without
// opening anything but regular files (a named pipe would block), and without failing on
// files it may not read, so it works on the hostile vault. Comparing two snapshots with Diff
// proves that nothing was written, touched, renamed, created or removed in between.
func Snapshot(dir string) (map[string]FileState, error) {
	out := map[string]FileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := FileState{Mode: info.Mode(), Size: info.Size(), ModTime: info.ModTime()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			if st.Link, err = os.Readlink(p); err != nil {
				return err
			}
		case info.Mode().IsRegular():
			if b, err := os.ReadFile(p); err == nil {
				st.Sum = sha256.Sum256(b)
			}
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = st
		return nil
	})
	return out, err
}

// Diff lists what differs between two snapshots, one line per entry, sorted; none when
// they are equal.
func Diff(before, after map[string]FileState) []string {
	var out []string
	for p, a := range before {
		b, ok := after[p]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%q vanished", p))
		case a != b:
			out = append(out, fmt.Sprintf("%q changed: %+v, then %+v", p, a, b))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, fmt.Sprintf("%q appeared", p))
		}
	}
	slices.Sort(out)
	return out
}
