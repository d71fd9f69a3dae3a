package search

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"vaultview/internal/atomicfile"
	"vaultview/internal/binread"
	"vaultview/vault"
)

// The text index is kept between runs (issue #14: a reopened vault searchable at once) in one
// file per vault in the user's cache folder, next to the note cache, never in the vault.
// Like the note cache it is only a shortcut: Open takes a note's text from it only when the
// note's file has the same size and modification time as when it was saved, reads the
// others again as Update does, and says why when the file cannot be used at all, so that
// the caller builds the index the slow way and saves it again.
//
// # Format
//
//	"VVTEXT\x00"                   magic
//	T bytes of tables              all numbers uvarints, strings a length and their bytes:
//	    version, build, the vault's absolute path, when its notes were read (Unix ns, zigzag),
//	    the code shape (one, two),
//	    notes: count, then each note's path, size, modification time (Unix ns, zigzag),
//	           the length of its codes, and what a search needs of it besides its text
//	           (title, video id, where its body starts, tags: count then each), in path
//	           order,
//	    tokens: count, then each token, in id order; then the ids in the tokens' byte order,
//	    words: count, then each token's word,
//	    postings: a bit per word saying which are bitmaps, each word's length, then the data
//	the codes                      every note's, in the notes' order
//	uint64, little-endian          T, the length of the tables
//	uint32, little-endian          CRC-32C of everything before it
//
// T comes last so that Save writes the file in one pass, the tables straight from the store.
//
// Everything is checked before it is used: lengths against the bytes left, the notes'
// order, that the ids in byte order are a permutation in that order, every word's postings
// (notes in range and increasing) and every code (a whole code, of a token that exists), so
// that a truncated, corrupt or hostile file is refused, never a crash or a wrong answer.

// FileName is the name of the text index's file in the vault's cache folder.
const FileName = "text.index"

const (
	fileMagic   = "VVTEXT\x00"
	fileVersion = 2
	// tailLen is the tables' length and the CRC, after the codes.
	tailLen = 8 + 4
)

// ErrUnusable wraps every reason a saved text index is not used.
var ErrUnusable = errors.New("text index not usable")

// racyWindow is how close to the saving a note's modification time must be for its saved
// text to be distrusted: it may have changed again in the same clock tick without its size
// or time changing (file systems keep times to the nanosecond, a second or two seconds).
const racyWindow = 2 * time.Second

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Save writes s to file as the text index of the vault at vaultDir for build, replacing the
// file in one step (atomicfile: a crash or a second window never leaves half an index
// behind). s must be as Build made it from ix (Savable): each
// note is saved with its file's size and modification time as ix has them, which Open
// compares. read is when Build began to read the notes: Open distrusts the notes modified
// after it or within racyWindow before it, which may have changed again after they were
// read without their size or time changing.
func (s *Store) Save(file, build, vaultDir string, ix *vault.Index, read time.Time) error {
	if !s.Savable() {
		return errors.New("search: only a store as Build made it can be saved")
	}
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return err
	}
	return atomicfile.Write(file, func(f *os.File) error { return s.write(f, build, abs, ix, read) })
}

// write writes s to f as Save says.
func (s *Store) write(f *os.File, build, abs string, ix *vault.Index, read time.Time) error {
	crc := crc32.New(castagnoli)
	w := bufio.NewWriterSize(io.MultiWriter(f, crc), 1<<20)
	w.WriteString(fileMagic)
	t := tableWriter{w: w}
	t.uint(fileVersion)
	t.str(build)
	t.str(abs)
	t.int(read.UnixNano())
	t.uint(uint64(s.dict.shape.one))
	t.uint(uint64(s.dict.shape.two))
	t.uint(uint64(len(s.notes)))
	for _, nt := range s.notes {
		n := ix.Note(nt.path)
		if n == nil {
			return fmt.Errorf("search: %s is not in the index the store was built from", nt.path)
		}
		t.str(nt.path)
		t.int(n.Size)
		t.int(n.ModTime.UnixNano())
		t.uint(uint64(nt.n))
		t.str(n.Title)
		t.str(n.VideoID)
		t.uint(uint64(n.BodyOffset))
		t.uint(uint64(len(n.Tags)))
		for _, tag := range n.Tags {
			t.str(tag)
		}
	}
	d := s.dict
	t.uint(uint64(d.len()))
	for id := range d.len() {
		tok := d.token(uint32(id))
		t.uint(uint64(len(tok)))
		t.write(tok)
	}
	for _, id := range d.sorted {
		t.uint(uint64(id))
	}
	p := s.post
	words := len(p.off) - 1
	t.uint(uint64(words))
	for _, w := range p.wordOf {
		t.uint(uint64(w))
	}
	for w := 0; w < words; w += 8 {
		var flags byte
		for k := range min(8, words-w) {
			if p.isDense(uint32(w + k)) {
				flags |= 1 << k
			}
		}
		t.write([]byte{flags})
	}
	for w := range words {
		t.uint(uint64(p.off[w+1] - p.off[w]))
	}
	t.write(p.data)
	var buf []byte
	for _, nt := range s.notes {
		var err error
		if buf, err = nt.src.read(buf, nt.at, nt.n); err != nil {
			return err
		}
		w.Write(buf)
	}
	w.Write(binary.LittleEndian.AppendUint64(nil, uint64(t.n)))
	if err := w.Flush(); err != nil {
		return err
	}
	_, err := f.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
	return err
}

// Open reads the text index saved in file by build for the vault at vaultDir and returns a
// store of the notes of ix, as Build would: the notes whose files still have the size and
// modification time they were saved with are taken from the file (their codes stay there,
// read as searches need them), and the others, with the notes new since, are read again
// from v as Update reads them. stale is how many notes were read again or dropped. Any
// reason not to use the file (missing, truncated, corrupt, another build or vault) is an
// error wrapping ErrUnusable; the only other error is ctx's.
func Open(ctx context.Context, file, build, vaultDir string, v *vault.Vault, ix *vault.Index) (s *Store, stale int, err error) {
	saved, err := ReadSaved(file, build, vaultDir)
	if err != nil {
		return nil, 0, err
	}
	return saved.Against(ctx, v, ix, math.MaxInt)
}

// Saved is a text index read back from its file (ReadSaved) and checked, not yet compared
// with the vault: Against makes the store of a loaded vault from it, Early one that can be
// searched before the vault's notes are indexed. Both may be called, in either order and
// more than once; neither changes it.
type Saved struct {
	store *Store
	// notes are what the file says of each note of store, in the same (path) order: the
	// size and time its file had, and what a search needs of it (Notes).
	notes []vault.Note
	read  int64 // when Build began to read the notes (see Save)
}

// ReadSaved reads the text index saved in file by build for the vault at vaultDir, and
// checks all of it (see Open). Any reason not to use it is an error wrapping ErrUnusable.
func ReadSaved(file, build, vaultDir string) (*Saved, error) {
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	saved, err := readIndex(f, info.Size(), build, abs)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %s: %v", ErrUnusable, file, err)
	}
	// The store reads its codes from the file from now on; it closes when the last store
	// using it is collected, as Build's does (see codeFile).
	return saved, nil
}

// Len is the number of notes the saved index holds.
func (saved *Saved) Len() int { return len(saved.notes) }

// Against returns the store of the notes of ix, the saved ones where their files have not
// changed since (see Open); or, when more than maxStale notes changed, no store, having
// read none of them.
func (saved *Saved) Against(ctx context.Context, v *vault.Vault, ix *vault.Index, maxStale int) (s *Store, stale int, err error) {
	return saved.compare(ctx, v, ix, ix.Paths(), func(p string) (int64, int64, bool) {
		n := ix.Note(p)
		if n == nil {
			return 0, 0, false
		}
		return n.Size, n.ModTime.UnixNano(), true
	}, maxStale)
}

// Early returns a store of the vault's notes, as Against would, and what a search needs to
// know of them, before the vault's notes are indexed. paths are the vault's notes, in any
// order. Those whose files still have the size and modification time they were saved with
// (stat, called from several goroutines, gives them) are taken from the file with what it
// says of them; the others are parsed again (vault.ParseNote) and read as Update reads
// them, and the saved notes no longer in paths dropped. stale is how many notes were
// read again or dropped. When more than maxStale would be, nothing is read and the store is
// nil: reading them all may cost more than building the index afresh.
//
// Searching the store with notes gives what searching the store Against makes with the
// index gives, once the index is of the same files.
func (saved *Saved) Early(ctx context.Context, v *vault.Vault, paths []string, stat func(p string) (size int64, mod time.Time, ok bool), maxStale int) (s *Store, notes Notes, stale int, err error) {
	// Every saved note's file is looked at once, on all cores.
	type seen struct {
		size, mod int64
		ok        bool
	}
	looked := make([]seen, len(saved.notes))
	if err := forEach(ctx, len(saved.notes), func(_ *worker, i int) {
		size, mod, ok := stat(saved.notes[i].Path)
		looked[i] = seen{size, mod.UnixNano(), ok}
	}); err != nil {
		return nil, nil, 0, err
	}
	inPaths := make(map[string]bool, len(paths))
	for _, p := range paths {
		inPaths[p] = true
	}
	en := &earlyNotes{saved: saved, read: map[string]*vault.Note{}}
	s, stale, err = saved.compare(ctx, v, en, paths, func(p string) (int64, int64, bool) {
		i, found := saved.find(p)
		if !found || !inPaths[p] {
			return 0, 0, false
		}
		return looked[i].size, looked[i].mod, looked[i].ok
	}, maxStale)
	if err != nil || s == nil {
		return nil, nil, stale, err
	}
	return s, en, stale, nil
}

// earlyNotes are the Notes of a store Early made: what the saved index says of the notes
// it took from there, the notes it parsed again for the others.
type earlyNotes struct {
	saved *Saved
	// read are the notes parsed again, filled in before any search runs (compare's
	// reading), then only read.
	read map[string]*vault.Note
}

func (en *earlyNotes) Note(p string) *vault.Note {
	if n, ok := en.read[p]; ok {
		return n
	}
	if i, found := en.saved.find(p); found {
		return &en.saved.notes[i]
	}
	return nil
}

// reparser is a Notes that must parse the notes compare reads again before it can tell of
// them: earlyNotes.
type reparser interface {
	reparse(ctx context.Context, v *vault.Vault, paths []string) error
}

func (en *earlyNotes) reparse(ctx context.Context, v *vault.Vault, paths []string) error {
	parsed := make([]*vault.Note, len(paths))
	err := forEach(ctx, len(paths), func(_ *worker, i int) {
		src, err := v.Source(paths[i])
		if err != nil {
			return // unreadable: not a note to search, as Update leaves it
		}
		parsed[i] = vault.ParseNote(paths[i], src)
	})
	if err != nil {
		return err
	}
	for i, n := range parsed {
		if n != nil {
			en.read[paths[i]] = n
		}
	}
	return nil
}

// compare returns the store of the notes in paths, those whose file now has the size and
// modification time it was saved with (look says; ok false for a note no longer there) from
// the saved index, the others read again through notes; or no store when more than
// maxStale notes would be read again or dropped.
func (saved *Saved) compare(ctx context.Context, v *vault.Vault, notes Notes, paths []string, look func(p string) (size, mod int64, ok bool), maxStale int) (s *Store, stale int, err error) {
	var removed, changed, added []string
	for _, sn := range saved.notes {
		size, mod, ok := look(sn.Path)
		switch {
		case !ok:
			removed = append(removed, sn.Path)
		case size != sn.Size || mod != sn.ModTime.UnixNano() || sn.ModTime.UnixNano() >= saved.read-int64(racyWindow):
			changed = append(changed, sn.Path)
		}
	}
	for _, p := range paths {
		if _, found := saved.find(p); !found {
			added = append(added, p)
		}
	}
	stale = len(removed) + len(changed) + len(added)
	switch {
	case stale == 0:
		return saved.store, 0, nil
	case stale > maxStale:
		return nil, stale, nil
	}
	if rp, ok := notes.(reparser); ok {
		if err := rp.reparse(ctx, v, append(slices.Clip(changed), added...)); err != nil {
			return nil, 0, err
		}
	}
	s, err = saved.store.update(ctx, v, notes, removed, changed, added)
	if err != nil {
		return nil, 0, err
	}
	return s, stale, nil
}

func (saved *Saved) find(p string) (int, bool) {
	return slices.BinarySearchFunc(saved.notes, p, func(n vault.Note, p string) int { return strings.Compare(n.Path, p) })
}

// readIndex reads and checks the whole file, of size bytes read through f: the tables into
// memory, the codes only to check them and the CRC. The store it makes reads its codes
// from f.
func readIndex(f io.ReaderAt, size int64, build, abs string) (*Saved, error) {
	if size < int64(len(fileMagic)+tailLen) {
		return nil, errors.New("too short")
	}
	var tail [tailLen]byte
	if _, err := f.ReadAt(tail[:], size-tailLen); err != nil {
		return nil, err
	}
	tablesLen := binary.LittleEndian.Uint64(tail[:8])
	crc := crc32.New(castagnoli)
	br := bufio.NewReaderSize(io.TeeReader(io.NewSectionReader(f, 0, size-4), crc), 1<<20)
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, magic); err != nil {
		return nil, err
	}
	if string(magic) != fileMagic {
		return nil, errors.New("not a text index")
	}
	if tablesLen > uint64(size-int64(len(fileMagic)+tailLen)) {
		return nil, errors.New("truncated")
	}
	if tablesLen > math.MaxUint32 {
		return nil, errors.New("tables too large") // offsets into them are 32 bits
	}
	tables := make([]byte, tablesLen)
	if _, err := io.ReadFull(br, tables); err != nil {
		return nil, err
	}
	codesAt := int64(len(fileMagic)) + int64(tablesLen)
	si, codeLens, err := decodeTables(tables, build, abs, size-codesAt-tailLen)
	if err != nil {
		return nil, err
	}
	var total int64
	for _, n := range codeLens {
		total += int64(n)
	}
	if codesAt+total+tailLen != size {
		return nil, errors.New("its length does not match its tables")
	}
	cf := &codeFile{r: f, size: total}
	s := si.store
	s.codes = cf
	// The postings are checked while the codes are.
	posted := make(chan error, 1)
	go func() { posted <- checkPostings(s.post) }()
	if err := checkAllCodes(br, si, codeLens, cf, codesAt); err != nil {
		return nil, err
	}
	if err := <-posted; err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(br, tail[:8]); err != nil { // the tables' length, read again for the CRC
		return nil, err
	}
	if binary.LittleEndian.Uint32(tail[8:]) != crc.Sum32() {
		return nil, errors.New("checksum mismatch")
	}
	return si, nil
}

// decodeTables reads the tables of a text index written by build for the vault at abs. The
// store it returns has its notes' paths but not yet their places in the file; codeLens are
// the lengths of their codes, which add up to no more than codesMax.
func decodeTables(b []byte, build, abs string, codesMax int64) (_ *Saved, codeLens []int, err error) {
	d := binread.Reader{B: b}
	if v := d.Uint(); d.Err == nil && v != fileVersion {
		return nil, nil, fmt.Errorf("format %d, not %d", v, fileVersion)
	}
	if got := d.Str(); d.Err == nil && got != build {
		return nil, nil, errors.New("written by another build")
	}
	if got := d.Str(); d.Err == nil && got != abs {
		return nil, nil, fmt.Errorf("written for another vault (%s)", got)
	}
	si := &Saved{read: d.Int()}
	shape := codeShape{one: int(d.Uint()), two: int(d.Uint())}
	if d.Err == nil && (shape.one < 1 || shape.two < 0 || shape.one+shape.two > 255) {
		return nil, nil, errors.New("bad code shape")
	}
	// Every note, token and word takes at least a byte, so no count can exceed the bytes left.
	nNotes := d.Count(1)
	si.notes = make([]vault.Note, nNotes)
	codeLens = make([]int, nNotes)
	for i := range nNotes {
		sn := &si.notes[i]
		sn.Path = d.Str()
		sn.Size = d.Int()
		sn.ModTime = time.Unix(0, d.Int())
		n := d.Uint()
		if n > uint64(codesMax) {
			return nil, nil, errors.New("more codes than the file holds")
		}
		codesMax -= int64(n)
		codeLens[i] = int(n)
		sn.Title, sn.VideoID = d.Str(), d.Str()
		// A body past the end of the file is refused, though snippets would read from the
		// top: it can only come from a damaged or hostile file.
		if body := d.Uint(); d.Err == nil && (sn.Size < 0 || body > uint64(sn.Size)) {
			return nil, nil, errors.New("a note's body starts past its end")
		} else {
			sn.BodyOffset = int(body)
		}
		if nTags := d.Count(1); nTags > 0 {
			sn.Tags = make([]string, nTags)
			for k := range sn.Tags {
				sn.Tags[k] = d.Str()
			}
		}
		if d.Err == nil && i > 0 && si.notes[i-1].Path >= sn.Path {
			return nil, nil, errors.New("notes out of order")
		}
	}
	nTokens := d.Count(1)
	dict := &dictionary{shape: shape, ends: make([]uint32, nTokens), sorted: make([]uint32, nTokens)}
	for id := range nTokens {
		dict.text = append(dict.text, d.Take(d.Count(1))...)
		if len(dict.text) > math.MaxUint32 {
			return nil, nil, errors.New("tokens too long")
		}
		dict.ends[id] = uint32(len(dict.text))
	}
	seen := make([]uint64, (nTokens+63)/64)
	for k := range nTokens {
		id := d.Uint()
		if d.Err != nil {
			break
		}
		if id >= uint64(nTokens) || hasBit(seen, int(id)) {
			return nil, nil, errors.New("the tokens' order is not a permutation")
		}
		seen[id/64] |= 1 << (id % 64)
		dict.sorted[k] = uint32(id)
		if k > 0 && bytes.Compare(dict.token(dict.sorted[k-1]), dict.token(uint32(id))) >= 0 {
			return nil, nil, errors.New("the tokens are out of order")
		}
	}
	nWords := d.Count(1)
	post := &postings{n: nNotes, wordOf: make([]uint32, nTokens), off: make([]uint32, nWords+1), dense: make([]uint64, (nWords+63)/64)}
	for id := range nTokens {
		w := d.Uint()
		if d.Err == nil && w >= uint64(nWords) {
			return nil, nil, errors.New("a token of no word")
		}
		post.wordOf[id] = uint32(w)
	}
	flags := d.Take((nWords + 7) / 8)
	for w := range nWords {
		if d.Err == nil && flags[w/8]&(1<<(w%8)) != 0 {
			post.dense[w/64] |= 1 << (w % 64)
		}
	}
	var at int
	for w := range nWords {
		at += d.Count(1)
		if d.Err != nil || at > len(b) {
			return nil, nil, cmp.Or(d.Err, errors.New("postings longer than the file"))
		}
		post.off[w+1] = uint32(at)
	}
	post.data = bytes.Clone(d.Take(at)) // a copy: the tables are let go once read
	if d.Err != nil {
		return nil, nil, d.Err
	}
	if len(d.B) != 0 {
		return nil, nil, errors.New("bytes after the tables")
	}
	si.store = &Store{dict: dict, post: post, count: nNotes, notes: make([]noteText, nNotes)}
	return si, codeLens, nil
}

// checkAllCodes reads the notes' codes, which start at codesAt in the file, from br (which
// computes the file's CRC as it is read), checks them, and gives each note of si its place
// in the file. The codes are read in order, in pieces of whole notes, and checked on all
// cores meanwhile: checking is most of opening a saved index, and only a few pieces are in
// memory at once.
func checkAllCodes(br io.Reader, si *Saved, codeLens []int, cf *codeFile, codesAt int64) error {
	const pieceSize = 4 << 20
	type piece struct {
		first, end int // notes
		buf        []byte
	}
	s := si.store
	workers := runtime.GOMAXPROCS(0)
	work := make(chan piece, workers)
	free := make(chan []byte, workers+1)
	for range workers + 1 {
		free <- nil
	}
	// bad is why the first note found wrong, badAt, was refused.
	var mu sync.Mutex
	var bad error
	badAt := -1
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for pc := range work {
				at := 0
				for i := pc.first; i < pc.end; i++ {
					if err := checkCodes(pc.buf[at:at+codeLens[i]], s.dict); err != nil {
						mu.Lock()
						if badAt < 0 || i < badAt {
							bad, badAt = fmt.Errorf("%s: %v", si.notes[i].Path, err), i
						}
						mu.Unlock()
						break
					}
					at += codeLens[i]
				}
				free <- pc.buf
			}
		})
	}
	var readErr error
	at := codesAt
	for i := 0; i < len(codeLens) && readErr == nil; {
		pc := piece{first: i}
		n := 0
		for ; i < len(codeLens) && (i == pc.first || n+codeLens[i] <= pieceSize); i++ {
			s.notes[i] = noteText{path: si.notes[i].Path, src: cf, at: at, n: codeLens[i]}
			at += int64(codeLens[i])
			n += codeLens[i]
		}
		pc.end = i
		pc.buf = <-free
		if cap(pc.buf) < n {
			pc.buf = make([]byte, n)
		}
		pc.buf = pc.buf[:n]
		if _, readErr = io.ReadFull(br, pc.buf); readErr == nil {
			work <- pc
		}
	}
	close(work)
	wg.Wait()
	if readErr != nil {
		return readErr
	}
	return bad
}

// checkPostings checks that every word's postings are notes of the index, in increasing
// order, and that a bitmap is one and holds no note past the last.
func checkPostings(p *postings) error {
	bitmap := (p.n + 63) / 64 * 8
	for w := range len(p.off) - 1 {
		b := p.data[p.off[w]:p.off[w+1]]
		if p.isDense(uint32(w)) {
			if len(b) != bitmap {
				return fmt.Errorf("word %d: a bitmap of %d bytes, not %d", w, len(b), bitmap)
			}
			for i := p.n; i < bitmap*8; i++ {
				if b[i/8]&(1<<(i%8)) != 0 {
					return fmt.Errorf("word %d: a note past the last", w)
				}
			}
			continue
		}
		i := 0
		for k := 0; k < len(b); {
			d, m := binary.Uvarint(b[k:])
			if m <= 0 || (k > 0 && d == 0) || d >= uint64(p.n) || i+int(d) >= p.n {
				return fmt.Errorf("word %d: bad postings", w)
			}
			k += m
			i += int(d)
		}
	}
	return nil
}

// checkCodes checks that codes holds whole codes of tokens of d.
func checkCodes(codes []byte, d *dictionary) error {
	two, three, long := d.shape.limits()
	tokens := uint64(d.len())
	// sure[lead] is the length of the codes that begin with lead when every such code is
	// of a token (0 when it must be looked at): nearly all of them in a real index, which
	// is then checked a table lookup per code.
	var sure [256]int
	for lead := range 255 {
		switch {
		case lead < d.shape.one:
			if uint64(lead) < tokens {
				sure[lead] = 1
			}
		case lead < d.shape.one+d.shape.two:
			if uint64(two)+uint64(lead-d.shape.one)<<8+255 < tokens {
				sure[lead] = 2
			}
		default:
			if uint64(three)+uint64(lead-d.shape.one-d.shape.two)<<16+0xffff < tokens {
				sure[lead] = 3
			}
		}
	}
	for i := 0; i < len(codes); {
		lead := int(codes[i])
		if n := sure[lead]; n > 0 && i+n <= len(codes) {
			i += n
			continue
		}
		var id uint64
		switch {
		case lead < d.shape.one:
			id, i = uint64(lead), i+1
		case lead < d.shape.one+d.shape.two:
			if i+2 > len(codes) {
				return errors.New("a code cut short")
			}
			id, i = uint64(two)+uint64(lead-d.shape.one)<<8|uint64(codes[i+1]), i+2
		case lead < 255:
			if i+3 > len(codes) {
				return errors.New("a code cut short")
			}
			id, i = uint64(three)+(uint64(lead-d.shape.one-d.shape.two)<<16|uint64(codes[i+1])<<8|uint64(codes[i+2])), i+3
		default:
			v, n := binary.Uvarint(codes[i+1:])
			if n <= 0 || v >= tokens {
				return errors.New("a bad long code")
			}
			id, i = uint64(long)+v, i+1+n
		}
		if id >= tokens {
			return fmt.Errorf("a code of token %d, past the last (%d)", id, tokens)
		}
	}
	return nil
}

// tableWriter writes the numbers and strings of a text index's tables, counting their bytes;
// w's first error sticks and shows when it is flushed.
type tableWriter struct {
	w       *bufio.Writer
	n       int64
	scratch [binary.MaxVarintLen64]byte
}

func (t *tableWriter) write(b []byte) {
	t.w.Write(b)
	t.n += int64(len(b))
}

func (t *tableWriter) uint(v uint64) { t.write(binary.AppendUvarint(t.scratch[:0], v)) }
func (t *tableWriter) int(v int64)   { t.write(binary.AppendVarint(t.scratch[:0], v)) }
func (t *tableWriter) str(s string) {
	t.uint(uint64(len(s)))
	t.w.WriteString(s)
	t.n += int64(len(s))
}

// Savable reports whether Save can write s: whether it is as Build made it, with no Update
// since (a store Open returned is one when no note had changed); an unindexed store
// (ReadText) is not.
func (s *Store) Savable() bool { return s.Indexed() && len(s.fresh) == 0 && s.gone == nil }
