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
	cw, err := newCodeWriter(dir)
	if err != nil {
		return nil, nil, err
	}
	offsets := make([]int64, len(codes))
	for i, c := range codes {
		if offsets[i], err = cw.write(c); err != nil {
			cw.abandon()
			return nil, nil, err
		}
	}
	cf, err := cw.finish()
	if err != nil {
		return nil, nil, err
	}
	return cf, offsets, nil
}

// codeWriter writes codes one after another to a new file in a folder, which has no name
// from the start where the system allows it (see codeFile).
type codeWriter struct {
	f *os.File
	// out is where the bytes go: f, but for tests.
	out      io.Writer
	name     string
	unlinked bool
	// at is where the next codes go; buf holds those not yet written.
	at  int64
	buf []byte
}

// codeBatch is how many bytes a codeWriter gathers before it writes them.
const codeBatch = 1 << 20

// newCodeWriter creates the file in dir, first removing what earlier runs left there.
func newCodeWriter(dir string) (*codeWriter, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if old, _ := filepath.Glob(filepath.Join(dir, codeFilePattern)); len(old) > 0 {
		for _, p := range old {
			os.Remove(p) // an earlier run's, where unlinking an open file failed
		}
	}
	f, err := os.CreateTemp(dir, codeFilePattern)
	if err != nil {
		return nil, err
	}
	cw := &codeWriter{f: f, out: f, name: f.Name()}
	cw.unlinked = os.Remove(cw.name) == nil
	return cw, nil
}

// write appends c and returns its offset in the file.
func (cw *codeWriter) write(c []byte) (int64, error) {
	at := cw.at
	cw.at += int64(len(c))
	if len(c) >= codeBatch {
		if err := cw.flush(); err != nil {
			return 0, err
		}
		_, err := cw.out.Write(c)
		return at, err
	}
	if len(cw.buf)+len(c) > codeBatch {
		if err := cw.flush(); err != nil {
			return 0, err
		}
	}
	if cw.buf == nil {
		cw.buf = make([]byte, 0, codeBatch)
	}
	cw.buf = append(cw.buf, c...)
	return at, nil
}

func (cw *codeWriter) flush() error {
	if len(cw.buf) == 0 {
		return nil
	}
	_, err := cw.out.Write(cw.buf)
	cw.buf = cw.buf[:0]
	return err
}

// finish writes what is left and returns the file, to be read with ReadAt; after an error
// nothing is left behind.
func (cw *codeWriter) finish() (*codeFile, error) {
	if err := cw.flush(); err != nil {
		cw.abandon()
		return nil, err
	}
	cf := &codeFile{r: cw.f, size: cw.at}
	if !cw.unlinked {
		name := cw.name
		runtime.AddCleanup(cf, func(f *os.File) {
			f.Close()
			os.Remove(name)
		}, cw.f)
	}
	cw.buf = nil
	return cf, nil
}

// abandon closes and removes the file.
func (cw *codeWriter) abandon() {
	cw.f.Close()
	if !cw.unlinked {
		os.Remove(cw.name)
	}
}

// BuildOption changes how Build keeps the text.
type BuildOption func(*buildConfig)

type buildConfig struct {
	codesDir string
	// from is the unindexed store FromText gave.
	from *Store
	// codesOut, for tests, wraps where the codes' file is written.
	codesOut func(io.Writer) io.Writer
}

// CodesIn keeps the notes' codes (the bulk of the text) in a file in dir instead of on the
// heap; dir is made if need be. It must not be the vault: the app gives a folder of the
// user's cache. The file has no name once made and vanishes with the last Store using it
// (see codeFile). When the file cannot be written the codes stay in memory.
func CodesIn(dir string) BuildOption {
	return func(c *buildConfig) { c.codesDir = dir }
}
