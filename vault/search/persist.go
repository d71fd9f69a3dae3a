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
	"slices"
	"strings"
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
//	    notes: count, then each note's path, size, modification time (Unix ns, zigzag)
//	           and the length of its codes, in path order,
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
	fileVersion = 1
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
	abs, err := filepath.Abs(vaultDir)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	saved, err := readIndex(f, info.Size(), build, abs)
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("%w: %s: %v", ErrUnusable, file, err)
	}
	return saved.against(ctx, v, ix)
}

// against returns the store of the notes of ix, the saved ones where their files have not
// changed since (see Open).
func (saved *savedIndex) against(ctx context.Context, v *vault.Vault, ix *vault.Index) (s *Store, stale int, err error) {
	// The store reads its codes from the file from now on; it closes when the last store
	// using it is collected, as Build's does (see codeFile).
	var r vault.Reload
	r.Index = ix
	for _, sn := range saved.notes {
		n := ix.Note(sn.path)
		switch {
		case n == nil:
			r.Removed = append(r.Removed, sn.path)
		case n.Size != sn.size || n.ModTime.UnixNano() != sn.mod || sn.mod >= saved.read-int64(racyWindow):
			r.Changed = append(r.Changed, sn.path)
		}
	}
	for _, p := range ix.Paths() {
		if _, found := saved.find(p); !found {
			r.Added = append(r.Added, p)
		}
	}
	stale = len(r.Removed) + len(r.Changed) + len(r.Added)
	if stale == 0 {
		return saved.store, 0, nil
	}
	s, err = saved.store.Update(ctx, v, r)
	if err != nil {
		return nil, 0, err
	}
	return s, stale, nil
}

// savedIndex is a text index as read from its file, before it is compared with the vault.
type savedIndex struct {
	store *Store
	notes []savedNote
	read  int64 // when Build began to read the notes (see Save)
}

type savedNote struct {
	path      string
	size, mod int64
}

func (si *savedIndex) find(p string) (int, bool) {
	return slices.BinarySearchFunc(si.notes, p, func(n savedNote, p string) int { return strings.Compare(n.path, p) })
}

// readIndex reads and checks the whole file, of size bytes read through f: the tables into
// memory, the codes only to check them and the CRC. The store it makes reads its codes
// from f.
func readIndex(f io.ReaderAt, size int64, build, abs string) (*savedIndex, error) {
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
	at := codesAt
	var buf []byte
	for i, n := range codeLens {
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, err
		}
		if err := checkCodes(buf, s.dict); err != nil {
			return nil, fmt.Errorf("%s: %v", si.notes[i].path, err)
		}
		s.notes[i] = noteText{path: si.notes[i].path, src: cf, at: at, n: n}
		at += int64(n)
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
func decodeTables(b []byte, build, abs string, codesMax int64) (_ *savedIndex, codeLens []int, err error) {
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
	si := &savedIndex{read: d.Int()}
	shape := codeShape{one: int(d.Uint()), two: int(d.Uint())}
	if d.Err == nil && (shape.one < 1 || shape.two < 0 || shape.one+shape.two > 255) {
		return nil, nil, errors.New("bad code shape")
	}
	// Every note, token and word takes at least a byte, so no count can exceed the bytes left.
	nNotes := d.Count(1)
	si.notes = make([]savedNote, nNotes)
	codeLens = make([]int, nNotes)
	for i := range nNotes {
		sn := &si.notes[i]
		sn.path = d.Str()
		sn.size, sn.mod = d.Int(), d.Int()
		n := d.Uint()
		if n > uint64(codesMax) {
			return nil, nil, errors.New("more codes than the file holds")
		}
		codesMax -= int64(n)
		codeLens[i] = int(n)
		if d.Err == nil && i > 0 && si.notes[i-1].path >= sn.path {
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
	if err := checkPostings(post); err != nil {
		return nil, nil, err
	}
	si.store = &Store{dict: dict, post: post, count: nNotes, notes: make([]noteText, nNotes)}
	return si, codeLens, nil
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
	for i := 0; i < len(codes); {
		lead := int(codes[i])
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
// since (a store Open returned is one when no note had changed).
func (s *Store) Savable() bool { return len(s.fresh) == 0 && s.gone == nil }
