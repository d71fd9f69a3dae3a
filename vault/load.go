package vault

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// maxNoteSize is the largest note that is read at all. Real notes reach 1 MB; a file far
// larger is not a note anyone wrote, and reading it would hold the vault up.
const maxNoteSize = 64 << 20

// Vault is a folder of notes and its current index. The index is replaced, never changed:
// Index may be called from any goroutine at any time.
type Vault struct {
	fsys fs.FS
	cur  atomic.Pointer[Index]
	// noContexts leaves Link.Context empty in every note read (WithoutLinkContexts).
	noContexts bool
	// mu serialises writers, so that each change starts from the latest snapshot.
	mu sync.Mutex
}

// Load reads and indexes every note of fsys, in parallel on all cores. Only a vault that
// cannot be read at all is an error; a bad note becomes a Problem.
func Load(fsys fs.FS, opts ...LoadOption) (*Vault, error) {
	files, problems, err := walk(fsys)
	if err != nil {
		return nil, err
	}
	v := &Vault{fsys: fsys}
	var cached func(string, int64, time.Time) *Note
	var onNames []func(*Vault, *Index)
	for _, o := range opts {
		if o.names != nil {
			onNames = append(onNames, o.names)
		}
		if o.cached != nil {
			cached = o.cached
		}
		v.noContexts = v.noContexts || o.noContexts
	}
	// The names of all files are registered while the first notes are parsed: a link can
	// only be resolved once they are (ready is closed), and until then parsed notes wait.
	// Registering them is a tenth of a load and would otherwise hold every core up. OnNames
	// needs the names first.
	var b *builder
	ready := make(chan struct{})
	if len(onNames) > 0 {
		b = newBuilder(files)
		for _, f := range onNames {
			f(v, b.ix)
		}
		close(ready)
	} else {
		go func() {
			b = newBuilder(files)
			close(ready)
		}()
	}
	entries := make([]*entry, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	var pmu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			r := v.newReader()
			type parsed struct {
				i int
				n *Note
			}
			var waiting []parsed // notes whose links wait for the names
			resolveWaiting := func() {
				for _, w := range waiting {
					entries[w.i] = b.entry(w.n)
				}
				waiting = nil
			}
			resolve := func(i int, n *Note) {
				select {
				case <-ready:
					resolveWaiting()
					entries[i] = b.entry(n)
				default:
					waiting = append(waiting, parsed{i, n})
				}
			}
			defer func() {
				<-ready
				resolveWaiting()
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				if cached != nil {
					if n := fromCache(fsys, files[i], cached); n != nil {
						resolve(i, n)
						continue
					}
				}
				c, p := r.read(fsys, files[i], true)
				if c.Note != nil {
					resolve(i, c.Note)
				}
				if p != nil {
					pmu.Lock()
					problems = append(problems, *p)
					pmu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	<-ready
	kept := entries[:0]
	for _, en := range entries {
		if en != nil {
			kept = append(kept, en)
		}
	}
	v.cur.Store(b.finish(kept, problems))
	return v, nil
}

// LoadOption changes how Load works.
type LoadOption struct {
	names      func(v *Vault, names *Index)
	cached     func(path string, size int64, mod time.Time) *Note
	noContexts bool
}

// WithoutLinkContexts makes Load (and the vault's later Updates) leave every Link's Context,
// ContextStart and ContextEnd empty. Finding and cleaning the sentence around each link is a
// fifth of a load's work and its text a fifth of the index's bytes; the commands that never
// show a backlink (`vaultview check`, `index --json`) do without it. Such notes are not what
// ParseNote makes, so they must not be written to a cache that Cached reads back.
func WithoutLinkContexts() LoadOption { return LoadOption{noContexts: true} }

// Cached makes Load take a note from cached, instead of reading and parsing its file, when
// cached returns one for the file's path, size and modification time: the notes of an
// earlier run (vault/notecache), so that reopening a large vault reads only what changed.
// The note must be what ParseNote made of that file, with Size and ModTime set, and without
// link contexts when Load has WithoutLinkContexts (notecache records which); Load and the
// index never change it.
func Cached(cached func(path string, size int64, mod time.Time) *Note) LoadOption {
	return LoadOption{cached: cached}
}

// fromCache returns the cached note of the note file p, or nil when there is none for the
// file as it is now.
func fromCache(fsys fs.FS, p string, cached func(string, int64, time.Time) *Note) *Note {
	if !isNotePath(p) {
		return nil
	}
	info, err := fs.Stat(fsys, p)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	return cached(p, info.Size(), info.ModTime())
}

// OnNames makes Load call f as soon as the name of every file is known, before any note is
// parsed: names.Resolve already finds what a link points at, names.Note finds nothing yet,
// and v.Source and v.ReadFile already read files (v.Index is nil until Load returns). A
// window can show the note it opens on a large vault at once, while the rest loads. f runs
// on Load's goroutine and holds it up: start work of your own elsewhere.
func OnNames(f func(v *Vault, names *Index)) LoadOption { return LoadOption{names: f} }

// Index returns the current snapshot.
func (v *Vault) Index() *Index { return v.cur.Load() }

// Update re-reads the given vault-relative paths and publishes a snapshot with them: a file
// that exists is added or replaced, one that is gone is removed. Cost is proportional to the
// notes and their link neighbours, not the vault.
func (v *Vault) Update(paths ...string) *Index {
	v.mu.Lock()
	defer v.mu.Unlock()
	ix := v.cur.Load()
	changes := make([]Change, 0, len(paths))
	r := v.newReader()
	for _, p := range paths {
		if skipName(p) {
			continue
		}
		c, _ := r.read(v.fsys, p, false)
		if c.Path == "" {
			c = Change{Path: p, Removed: true}
		}
		changes = append(changes, c)
	}
	ix = ix.Apply(changes...)
	v.cur.Store(ix)
	return ix
}

// Remove publishes a snapshot without the given paths.
func (v *Vault) Remove(paths ...string) *Index {
	v.mu.Lock()
	defer v.mu.Unlock()
	changes := make([]Change, len(paths))
	for i, p := range paths {
		changes[i] = Change{Path: p, Removed: true}
	}
	ix := v.cur.Load().Apply(changes...)
	v.cur.Store(ix)
	return ix
}

// skipName reports paths Vaultview never indexes: hidden files and folders (`.obsidian`,
// `.git`, `.trash`) and the files editors write while saving (see ignored), so that loading
// and watching agree on what the vault holds.
func skipName(p string) bool { return ignored(p) }

// walk lists the vault's files. Symbolic links are never followed: they may lead outside the
// vault or in circles.
func walk(fsys fs.FS) (files []string, problems []Problem, err error) {
	if _, err := fs.ReadDir(fsys, "."); err != nil {
		return nil, nil, fmt.Errorf("cannot read the vault: %w", err)
	}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			problems = append(problems, Problem{p, 0, "not read: " + cleanErr(err), FileProblem})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			return nil
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && editorTemp(d.Name()) {
			return nil
		}
		if !utf8.ValidString(p) {
			problems = append(problems, Problem{strings.ToValidUTF8(p, "\uFFFD"), 0, "file name is not valid UTF-8; links cannot name it reliably", FileProblem})
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			problems = append(problems, Problem{p, 0, "symbolic link not followed", FileProblem})
		case d.IsDir():
		case d.Type().IsRegular() || d.Type() == 0:
			files = append(files, p)
		default:
			problems = append(problems, Problem{p, 0, "not a regular file; skipped", FileProblem})
		}
		return nil
	})
	return files, problems, err
}

// reader reads notes for one goroutine, reusing its buffer: the bytes of a note are needed
// only while it is parsed (a Note keeps copies of what it uses), so a vault of 160 MB is not
// allocated file by file.
type reader struct {
	buf        []byte
	in         *interner
	facts      bodyFacts
	noContexts bool
}

func (v *Vault) newReader() *reader {
	return &reader{in: newInterner(), noContexts: v.noContexts}
}

// read reads one file as a Change; a file that cannot be read yields an empty Change and a
// problem. Symbolic links are not followed: walked says the folder walk already saw p as a
// regular file, which spares a look-up per file when loading a whole vault.
func (r *reader) read(fsys fs.FS, p string, walked bool) (Change, *Problem) {
	if !walked {
		info, err := fs.Lstat(fsys, p)
		if err != nil {
			return Change{}, &Problem{p, 0, "not read: " + cleanErr(err), FileProblem}
		}
		if !info.Mode().IsRegular() {
			return Change{}, &Problem{p, 0, "not a regular file; skipped", FileProblem}
		}
	}
	if !isNotePath(p) {
		return Change{Path: p}, nil
	}
	src, info, err := r.readAll(fsys, p)
	if err != nil {
		return Change{}, &Problem{p, 0, "not read: " + cleanErr(err), FileProblem}
	}
	n := parseNote(p, src, false, r.in, &r.facts, !r.noContexts)
	n.ModTime = info.ModTime()
	if cap(r.buf) > 4<<20 {
		r.buf = nil // let one huge note's buffer go
	}
	return Change{Path: p, Note: n}, nil
}

// readAll reads the file into r.buf.
func (r *reader) readAll(fsys fs.FS, p string) ([]byte, fs.FileInfo, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, errors.New("not a regular file")
	}
	size := info.Size()
	if size > maxNoteSize {
		return nil, nil, fmt.Errorf("%d MB is too large for a note; skipped", size>>20)
	}
	if int64(cap(r.buf)) < size+512 {
		r.buf = make([]byte, 0, size+512)
	}
	buf := r.buf[:0]
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) >= maxNoteSize {
				return nil, nil, fmt.Errorf("grew past %d MB while being read", maxNoteSize>>20)
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	r.buf = buf
	return buf, info, nil
}

// cleanErr drops the path that fs errors repeat, since problems carry it already.
func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Source returns the text of the note at p as the index parsed it: invalid UTF-8 and NUL
// bytes replaced, so the offsets in its Note point into it. Like everything here it only
// reads, never follows a symbolic link, and refuses paths outside the vault.
func (v *Vault) Source(p string) ([]byte, error) {
	src, err := v.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return cleanSource(p, src)
}

// ErrBinary is why Source refuses a binary file named like a note (wrapped in an
// *fs.PathError): it is indexed with a problem and never parsed or shown.
var ErrBinary = errors.New("binary file with a .md name")

// cleanSource is the source of the note at p as the index reads it (see Note.sanitize), or
// ErrBinary for a binary file.
func cleanSource(p string, src []byte) ([]byte, error) {
	n := &Note{Path: p}
	if s := n.sanitize(src); s != nil {
		return s, nil
	}
	return nil, &fs.PathError{Op: "read", Path: p, Err: ErrBinary}
}

// ReadFile returns the bytes of the vault file at p (an image, say). It refuses paths that
// are not plain vault-relative paths, symbolic links and files over the size limit.
func (v *Vault) ReadFile(p string) ([]byte, error) {
	src, _, err := v.readFile(p)
	return src, err
}

// SourceReader reads the sources of notes, as Source does, into one buffer it reuses, for
// reading many notes in a row: the text index reads every note of the vault again, and a
// buffer per note was 40 % of what its build allocated, which the collector then had to
// find. A source it returns is valid until its next read; it is not safe for concurrent use.
type SourceReader struct {
	v *Vault
	r reader
}

// SourceReader returns a reader of v's notes.
func (v *Vault) SourceReader() *SourceReader { return &SourceReader{v: v} }

// Source is Vault.Source, read into the reader's buffer (unless the note needs cleaning).
func (sr *SourceReader) Source(p string) ([]byte, error) {
	src, _, err := sr.v.readFileWith(&sr.r, p)
	if err != nil {
		return nil, err
	}
	if cap(sr.r.buf) > 4<<20 {
		sr.r.buf = nil // let one huge note's buffer go after this read
	}
	return cleanSource(p, src)
}

// readFile is ReadFile, with the file's information as it was read.
func (v *Vault) readFile(p string) ([]byte, fs.FileInfo, error) {
	return v.readFileWith(&reader{}, p)
}

// readFileWith is readFile reading into r's buffer.
func (v *Vault) readFileWith(r *reader, p string) ([]byte, fs.FileInfo, error) {
	if !fs.ValidPath(p) || p == "." {
		return nil, nil, &fs.PathError{Op: "read", Path: p, Err: fs.ErrInvalid}
	}
	info, err := fs.Lstat(v.fsys, p)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "read", Path: p, Err: errors.New("not a regular file")}
	}
	return r.readAll(v.fsys, p)
}

// Stat returns the information of the vault file at p, as ReadFile would find it: only plain
// vault-relative paths of regular files (never a symbolic link).
func (v *Vault) Stat(p string) (fs.FileInfo, error) {
	if !fs.ValidPath(p) || p == "." {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: fs.ErrInvalid}
	}
	info, err := fs.Lstat(v.fsys, p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: errors.New("not a regular file")}
	}
	return info, nil
}
