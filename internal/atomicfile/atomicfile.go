// Package atomicfile writes the files Vaultview keeps in the user's cache folder in one
// step: into a temporary file beside the target, renamed over it once complete, so that a
// crash or a second window never leaves half a file under the real name.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"time"
)

// abandonedAfter is how old a temporary file must be to count as left by a write that never
// finished (its process was killed): a write under way, in another window perhaps, keeps
// its file younger than that.
const abandonedAfter = time.Hour

// Write makes file hold what write writes to the *os.File it is given, in one step; file's
// folder is made (private to the user) if need be. Any error, write's included, leaves file
// as it was and no temporary file behind. The temporary files of earlier writes that never
// finished are removed first: on a large vault they are hundreds of megabytes.
func Write(file string, write func(f *os.File) error) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	pattern := filepath.Base(file) + ".*.tmp"
	if old, _ := filepath.Glob(filepath.Join(dir, pattern)); len(old) > 0 {
		for _, p := range old {
			if info, err := os.Stat(p); err == nil && time.Since(info.ModTime()) > abandonedAfter {
				os.Remove(p)
			}
		}
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
	}
	werr := write(f)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), file); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
