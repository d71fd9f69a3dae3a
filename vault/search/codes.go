package search

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// codeFile holds notes' codes one after another, read back with ReadAt: either in memory
// (a store built without CodesIn, and the codes of the notes Update read) or in a file of
// the folder CodesIn names, so that the codes of a large vault take no heap: a search reads
// only the codes of the notes it scans, from the page cache. Both are read the same way, so
// one code path serves both.
//
// Lifetime of the file: it is created, then unlinked at once, before anything is written
// to it, so it has no name and the system frees it when the last descriptor to it is
// closed; that happens when the last Store using it (Update shares it with the stores it
// makes) is garbage collected, as an *os.File closes itself then. Nothing has to be closed
// by hand, a search running on an old store keeps its file, and a crash leaves nothing
// behind. Where an open file cannot be unlinked (Windows without delete sharing), the file
// is removed when the codeFile is collected instead, and Build removes the leftovers of
// earlier runs it can (those still open elsewhere cannot be removed, so stay).
type codeFile struct {
	r io.ReaderAt
	// size is the length of the codes; heap is true when they are in memory.
	size int64
	heap bool
}

// memCodes are codes in memory.
type memCodes []byte

func (m memCodes) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(p, m[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func inMemory(b []byte) *codeFile { return &codeFile{r: memCodes(b), size: int64(len(b)), heap: true} }

// read returns the codes at [at, at+n), in buf's space when it is large enough.
func (c *codeFile) read(buf []byte, at int64, n int) ([]byte, error) {
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	k, err := c.r.ReadAt(buf, at)
	if k == n {
		return buf, nil
	}
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return nil, fmt.Errorf("search: read codes: %w", err)
}

// codeFilePattern names the files writeCodes makes.
const codeFilePattern = "search-codes-*.tmp"

// writeCodes writes the notes' codes, in order, to a new file in dir and returns the file
// and each note's offset in it. Any error leaves no file behind; the caller then keeps the
// codes in memory.
func writeCodes(dir string, codes [][]byte) (*codeFile, []int64, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	if old, _ := filepath.Glob(filepath.Join(dir, codeFilePattern)); len(old) > 0 {
		for _, p := range old {
			os.Remove(p) // an earlier run's, where unlinking an open file failed
		}
	}
	f, err := os.CreateTemp(dir, codeFilePattern)
	if err != nil {
		return nil, nil, err
	}
	name := f.Name()
	unlinked := os.Remove(name) == nil
	fail := func(err error) (*codeFile, []int64, error) {
		f.Close()
		if !unlinked {
			os.Remove(name)
		}
		return nil, nil, err
	}
	offsets := make([]int64, len(codes))
	var at int64
	const batch = 1 << 20
	var buf []byte
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := f.Write(buf)
		buf = buf[:0]
		return err
	}
	for i, c := range codes {
		offsets[i] = at
		at += int64(len(c))
		if len(c) >= batch {
			if err := flush(); err != nil {
				return fail(err)
			}
			if _, err := f.Write(c); err != nil {
				return fail(err)
			}
			continue
		}
		if len(buf)+len(c) > batch {
			if err := flush(); err != nil {
				return fail(err)
			}
		}
		if buf == nil {
			buf = make([]byte, 0, batch)
		}
		buf = append(buf, c...)
	}
	if err := flush(); err != nil {
		return fail(err)
	}
	cf := &codeFile{r: f, size: at}
	if !unlinked {
		runtime.AddCleanup(cf, func(f *os.File) {
			f.Close()
			os.Remove(name)
		}, f)
	}
	return cf, offsets, nil
}

// BuildOption changes how Build keeps the text.
type BuildOption func(*buildConfig)

type buildConfig struct {
	codesDir string
}

// CodesIn keeps the notes' codes (the bulk of the text) in a file in dir instead of on the
// heap; dir is made if need be. It must not be the vault: the app gives a folder of the
// user's cache. The file has no name once made and vanishes with the last Store using it
// (see codeFile). When the file cannot be written the codes stay in memory.
func CodesIn(dir string) BuildOption {
	return func(c *buildConfig) { c.codesDir = dir }
}
