package app

import (
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"vaultview/vault"
	"vaultview/vault/notecache"
)

// noteCache is the cache of parsed notes of one opened vault (vault/notecache): read once
// the first note is on screen and the saved text index searchable (waitFor), so that only
// notes changed since the last run are parsed,
// and written again after the load when it no longer matched the vault. Nothing here is
// ever an error the user sees: without a cache the vault loads as it always did.
type noteCache struct {
	file, dir string
	// start begins reading the cache; ready is closed once it is read (cache stays nil when
	// it could not be). Nothing starts before after is closed (when it is not nil).
	start func()
	after <-chan struct{}
	ready chan struct{}
	cache *notecache.Cache
	// hits counts the notes Load took from the cache.
	hits atomic.Int64
}

// openNoteCache prepares to read the cache of the vault in dir. For the sample vault (no
// dir), with VAULTVIEW_NO_CACHE set, or when the user has no cache folder, it returns nil,
// and a nil *noteCache caches nothing.
func openNoteCache(dir string) *noteCache {
	cacheDir := vaultCacheDir(dir)
	if cacheDir == "" {
		return nil
	}
	nc := &noteCache{file: filepath.Join(cacheDir, notecache.FileName), dir: dir, ready: make(chan struct{})}
	nc.start = sync.OnceFunc(func() {
		go func() {
			defer close(nc.ready)
			if nc.after != nil {
				<-nc.after
			}
			started := time.Now()
			c, err := notecache.Open(nc.file, buildID(), dir)
			if err != nil {
				log.Printf("note cache: %v", err)
				return
			}
			nc.cache = c
			log.Printf("note cache: %d notes read in %v", c.Len(), time.Since(started).Round(time.Millisecond))
		}()
	})
	return nc
}

// waitFor makes the cache wait for done before it is read: set before begin. The window
// has the text index saved the last time made searchable first (searchEarly), since on a
// large vault the two would share the cores and both come late.
func (nc *noteCache) waitFor(done <-chan struct{}) {
	if nc != nil {
		nc.after = done
	}
}

// begin starts reading the cache, if it has not started. The window calls it once the first
// note is shown: read earlier, the cache (hundreds of megabytes on a 100,000-note vault)
// competes for the cores with the folder walk and the first note, which give the window its
// title.
func (nc *noteCache) begin() {
	if nc != nil {
		nc.start()
	}
}

// option is the load option that takes notes from the cache; the first note asked for
// starts the reading if it has not started and waits until it is done.
func (nc *noteCache) option() vault.LoadOption {
	if nc == nil {
		return vault.LoadOption{}
	}
	return vault.Cached(func(p string, size int64, mod time.Time) *vault.Note {
		nc.start()
		<-nc.ready
		n := nc.cache.Note(p, size, mod)
		if n != nil {
			nc.hits.Add(1)
		}
		return n
	})
}

// saveIfStale writes the cache again from ix, off the caller's goroutine, unless every note
// of ix came from the cache and the cache holds no others. The channel is closed when the
// cache is written or found fresh.
func (nc *noteCache) saveIfStale(ix *vault.Index) <-chan struct{} {
	done := make(chan struct{})
	if nc == nil {
		close(done)
		return done
	}
	nc.start()
	<-nc.ready
	fresh := nc.cache != nil && int(nc.hits.Load()) == ix.Len() && nc.cache.Len() == ix.Len()
	nc.cache = nil // no longer needed: let it go
	if fresh {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		started := time.Now()
		paths := ix.Paths()
		notes := make([]*vault.Note, 0, len(paths))
		for _, p := range paths {
			if n := ix.Note(p); n != nil {
				notes = append(notes, n)
			}
		}
		if err := notecache.Save(nc.file, buildID(), nc.dir, notes, time.Now()); err != nil {
			log.Printf("note cache: not written: %v", err)
			return
		}
		log.Printf("note cache: %d notes written in %v", len(notes), time.Since(started).Round(time.Millisecond))
	}()
	return done
}

// vaultCacheDir is the folder of the user's cache that holds what Vaultview keeps for the
// vault in dir, never the vault: the note cache and the text index's codes
// (vault/search.CodesIn). It is "" (nothing kept on disk) for the sample vault, with
// VAULTVIEW_NO_CACHE set, or without a cache folder.
func vaultCacheDir(dir string) string {
	if dir == "" || os.Getenv("VAULTVIEW_NO_CACHE") != "" {
		return ""
	}
	d, err := notecache.Dir(dir)
	if err != nil {
		log.Printf("cache: none: %v", err)
		return ""
	}
	return d
}

// buildID names this build of Vaultview for its caches: a cache written by another build may
// hold notes parsed by other rules, so it is not used. It is the module version and VCS
// revision when the build has them, and the executable's size and modification time, which
// differ between any two builds of the program.
var buildID = sync.OnceValue(func() string {
	id := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			id += " " + strconv.FormatInt(info.Size(), 10) + " " + strconv.FormatInt(info.ModTime().UnixNano(), 10)
		}
	}
	return id
})
