// Package notecache keeps a vault's parsed notes between runs, so that reopening a large vault
// reads only the notes that changed since (issue #14: a 100,000-note vault searchable again in
// two seconds).
//
// The cache is one file per vault in the user's cache folder (Dir), never in the vault. It is
// only ever a shortcut: a note is taken from it when its file has the same size and
// modification time as when it was cached, and anything the cache cannot vouch for is read
// and parsed from the vault as if there were no cache. A cache that is truncated, corrupt,
// hostile, written by another version of Vaultview or for another vault is not an error the
// user sees: Open says why it is unusable, and the caller loads the vault the slow way and
// writes a new one.
//
// # Format
//
// A header ("VVNOTES\x00", the format version, whether the notes have link contexts, the
// build that wrote it, the vault's absolute path, the time it was written), then the notes,
// then a CRC-32C of everything before it.
// Numbers are varints, strings a length and their bytes. Every length is checked against
// the bytes left before anything is allocated, so a hostile file cannot make the reader
// allocate more than the file's size.
package notecache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"vaultview/internal/atomicfile"
	"vaultview/vault"
)

// Cache holds the notes read from a cache file, by path.
type Cache struct {
	notes map[string]*vault.Note
	// written is when the file was written. A note whose file was modified within
	// racyWindow before that may have been changed again in the same clock tick without its
	// size or time changing, so it is not trusted (git calls this "racy").
	written time.Time
}

// racyWindow is how close to the cache's writing a file's modification time must be for the
// cached note to be distrusted: file systems keep times to the nanosecond, a second or two
// seconds (FAT).
const racyWindow = 2 * time.Second

// Len is the number of notes in the cache.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	return len(c.notes)
}

// Note returns the cached note of path if its file still has the given size and
// modification time, and nil otherwise. A nil Cache has no notes.
func (c *Cache) Note(path string, size int64, mod time.Time) *vault.Note {
	if c == nil {
		return nil
	}
	n := c.notes[path]
	if n == nil || n.Size != size || !n.ModTime.Equal(mod) || !mod.Before(c.written.Add(-racyWindow)) {
		return nil
	}
	return n
}

// Dir returns the folder holding the cache of the vault at vaultDir, in the user's cache
// folder (os.UserCacheDir: ~/.cache, ~/Library/Caches, %LocalAppData%), one folder per
// vault named by a hash of its absolute path.
func Dir(vaultDir string) (string, error) {
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return "", err
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "vaultview", "vaults", hex.EncodeToString(sum[:12])), nil
}

// FileName is the name of the notes' cache file inside Dir.
const FileName = "notes.cache"

// ErrUnusable wraps every reason a cache file is not used.
var ErrUnusable = errors.New("cache not usable")

// Option says how the notes of a cache were loaded.
type Option struct{ contexts bool }

// WithLinkContexts says the notes have their links' contexts (vault.Link.Context): they were
// loaded without vault.WithoutLinkContexts. Without it, as the window loads them, they have
// none. A cache records which, and Open refuses one written the other way: its notes would
// otherwise mix into a load and show (or hold) contexts where the load has none.
func WithLinkContexts() Option { return Option{contexts: true} }

func contextsOf(opts []Option) bool {
	for _, o := range opts {
		if o.contexts {
			return true
		}
	}
	return false
}

// Open reads the cache file at file, written by build for the vault at vaultDir, with link
// contexts or without as opts say. Any reason not to use it (missing, truncated, corrupt,
// another build or vault, the other kind of notes) is an error wrapping ErrUnusable.
func Open(file, build, vaultDir string, opts ...Option) (*Cache, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	c, err := decode(data, build, abs, contextsOf(opts))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnusable, file, err)
	}
	return c, nil
}

// Save writes the notes as the cache of the vault at vaultDir, for build, replacing the file
// at file in one step (a temporary file renamed over it), so that a crash or a second window
// never leaves half a cache behind. now is the time of writing. The notes must have no link
// contexts unless opts has WithLinkContexts; a note that has one is an error.
func Save(file, build, vaultDir string, notes []*vault.Note, now time.Time, opts ...Option) error {
	contexts := contextsOf(opts)
	if !contexts {
		for _, n := range notes {
			for _, l := range n.Links {
				if l.Context != "" {
					return fmt.Errorf("%s has link contexts: save it WithLinkContexts", n.Path)
				}
			}
		}
	}
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return err
	}
	return atomicfile.Write(file, func(f *os.File) error { return encode(f, build, abs, contexts, notes, now) })
}
