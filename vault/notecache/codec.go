package notecache

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"vaultview/internal/binread"
	"vaultview/vault"
)

const (
	magic = "VVNOTES\x00"
	// formatVersion changes whenever the encoding or vault.Note changes; build already
	// differs between releases, but not between two builds of one commit during development.
	// Version 2 added whether the notes have link contexts, 3 the sections.
	formatVersion = 3
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encode writes the whole cache file to w, a chunk at a time, so that writing the cache of
// a large vault does not hold a copy of it in memory.
func encode(w io.Writer, build, vaultDir string, contexts bool, notes []*vault.Note, now time.Time) error {
	e := encoder{w: w, b: make([]byte, 0, 2*flushAt)}
	e.b = append(e.b, magic...)
	e.uint(formatVersion)
	e.bool(contexts)
	e.str(build)
	e.str(vaultDir)
	e.int(now.UnixNano())
	e.sections(notes)
	e.flush()
	if e.err != nil {
		return e.err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, e.crc))
	return err
}

// sectionNotes is how many notes a section holds: sections are decoded in parallel. (A
// variable, so that tests can make many sections of a small vault.)
var sectionNotes = 2048

// sections writes the note count, then the notes in sections of sectionNotes, each its
// byte length and its notes, so that a reader can find every section before decoding any.
func (e *encoder) sections(notes []*vault.Note) {
	e.uint(uint64(len(notes)))
	var sec encoder
	for len(notes) > 0 {
		k := min(len(notes), sectionNotes)
		sec.b = sec.b[:0]
		for _, n := range notes[:k] {
			sec.note(n)
		}
		notes = notes[k:]
		e.uint(uint64(len(sec.b)))
		e.b = append(e.b, sec.b...)
		if len(e.b) >= flushAt {
			e.flush()
		}
	}
}

// flushAt is the size at which the encoder hands its bytes on.
const flushAt = 64 << 10

// encoder appends to b and, when given a writer, hands b on to it from time to time,
// keeping the CRC of everything written.
type encoder struct {
	w   io.Writer
	b   []byte
	crc uint32
	err error
}

func (e *encoder) flush() {
	if e.w == nil || e.err != nil {
		return
	}
	e.crc = crc32.Update(e.crc, castagnoli, e.b)
	_, e.err = e.w.Write(e.b)
	e.b = e.b[:0]
}

func (e *encoder) uint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *encoder) int(x int64)   { e.b = binary.AppendVarint(e.b, x) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bool(b bool)   { e.uint(boolUint(b)) }

func boolUint(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) note(n *vault.Note) {
	e.str(n.Path)
	e.str(n.Title)
	e.str(n.VideoID)
	e.strs(n.Tags)
	e.strs(n.Aliases)
	e.uint(uint64(len(n.Properties)))
	for _, p := range n.Properties {
		e.str(p.Key)
		e.str(p.Value)
		e.int(int64(p.Line))
	}
	e.uint(uint64(len(n.Headings)))
	for _, h := range n.Headings {
		e.int(int64(h.Level))
		e.str(h.Text)
		e.str(h.Anchor)
		e.int(int64(h.Line))
		e.int(int64(h.Offset))
	}
	e.uint(uint64(len(n.Links)))
	for _, l := range n.Links {
		e.uint(uint64(l.Kind))
		e.str(l.Target)
		e.str(l.Fragment)
		e.str(l.Alias)
		e.str(l.Context)
		e.int(int64(l.Line))
		e.int(int64(l.Offset))
		e.int(int64(l.ContextStart))
		e.int(int64(l.ContextEnd))
		e.int(int64(l.Timestamp))
	}
	e.uint(uint64(len(n.Timestamps)))
	for _, t := range n.Timestamps {
		e.str(t.Value)
		e.int(int64(t.Seconds))
		e.int(int64(t.Line))
		e.int(int64(t.Offset))
		if t.Valid {
			e.uint(1)
		} else {
			e.uint(0)
		}
	}
	e.uint(uint64(len(n.Problems)))
	for _, p := range n.Problems {
		e.str(p.Path)
		e.int(int64(p.Line))
		e.str(p.Message)
		e.uint(uint64(p.Kind))
	}
	e.int(int64(n.BodyOffset))
	e.int(int64(n.BodyLine))
	e.int(n.Size)
	e.int(n.ModTime.UnixNano())
}

var (
	errChecksum = errors.New("checksum mismatch")
	errRange    = errors.New("value out of range")
)

// decode reads a whole cache file written for build and vaultDir, with or without link
// contexts.
func decode(data []byte, build, vaultDir string, contexts bool) (*Cache, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, errors.New("not a notes cache")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errChecksum
	}
	d := decoder{Reader: binread.Reader{B: body[len(magic):]}}
	if v := d.Uint(); d.Err == nil && v != formatVersion {
		return nil, errors.New("another format version")
	}
	if c := d.Uint(); d.Err == nil && c != boolUint(contexts) {
		if c == 1 {
			return nil, errors.New("notes with link contexts, wanted without")
		}
		return nil, errors.New("notes without link contexts, wanted with")
	}
	if b := d.str(); d.Err == nil && b != build {
		return nil, errors.New("written by another build (" + b + ")")
	}
	if v := d.str(); d.Err == nil && v != vaultDir {
		return nil, errors.New("written for another vault")
	}
	written := time.Unix(0, d.Int())
	c, err := d.notes()
	if err != nil {
		return nil, err
	}
	c.written = written
	return c, nil
}

// notes reads the note count and the sections of notes, up to the end of d, decoding the
// sections on all cores.
func (d *decoder) notes() (*Cache, error) {
	count := d.Count(1)
	var secs [][]byte
	for len(d.B) > 0 && d.Err == nil {
		n := d.Count(1)
		if d.Err == nil {
			secs = append(secs, d.B[:n])
			d.B = d.B[n:]
		}
	}
	if d.Err != nil {
		return nil, d.Err
	}
	parts := make([][]*vault.Note, len(secs))
	errs := make([]error, len(secs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(len(secs), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			sd := decoder{in: make(map[string]string)}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(secs) {
					return
				}
				sd.B, sd.Err = secs[i], nil
				for len(sd.B) > 0 && sd.Err == nil {
					n := sd.note()
					if sd.Err == nil {
						parts[i] = append(parts[i], n)
					}
				}
				errs[i] = sd.Err
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c := &Cache{notes: make(map[string]*vault.Note, count)}
	for _, part := range parts {
		for _, n := range part {
			if _, dup := c.notes[n.Path]; dup {
				return nil, errors.New("a note is in the cache twice: " + n.Path)
			}
			c.notes[n.Path] = n
		}
	}
	if len(c.notes) != count {
		return nil, errors.New("the note count does not match the notes")
	}
	return c, nil
}

// decoder reads what encoder wrote. The first error sticks: every read after it returns
// zero values, so the note readers need no error checks of their own.
type decoder struct {
	binread.Reader
	// in interns short strings (timestamps, link targets, tags), which repeat across notes.
	in map[string]string
	// The slices of many notes are cut from a few large ones, rather than allocated one by
	// one: a 100,000-note vault holds millions of timestamps and links.
	timestamps []vault.Timestamp
	links      []vault.Link
	headings   []vault.Heading
}

// maxInterned is the longest string the decoder interns.
const maxInterned = 32

// arena returns k elements cut from *pool, refilling it with at least chunk elements when
// it runs short. The result's capacity is k, so appending to it never reaches the next
// note's elements.
func arena[T any](pool *[]T, k, chunk int) []T {
	if len(*pool) < k {
		*pool = make([]T, max(k, chunk))
	}
	out := (*pool)[:k:k]
	*pool = (*pool)[k:]
	return out
}

// int32 reads an int that must fit in 32 bits.
func (d *decoder) int32() int32 {
	x := d.Int()
	if x < math.MinInt32 || x > math.MaxInt32 {
		d.Fail(errRange)
		return 0
	}
	return int32(x)
}

func (d *decoder) str() string {
	n := d.Count(1)
	if d.Err != nil {
		return ""
	}
	b := d.B[:n]
	d.B = d.B[n:]
	if d.in != nil && n <= maxInterned {
		if s, ok := d.in[string(b)]; ok {
			return s
		}
		s := string(b)
		d.in[s] = s
		return s
	}
	return string(b)
}

func (d *decoder) strs() []string {
	n := d.Count(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) note() *vault.Note {
	n := &vault.Note{Path: d.str(), Title: d.str(), VideoID: d.str(), Tags: d.strs(), Aliases: d.strs()}
	if k := d.Count(3); k > 0 {
		n.Properties = make([]vault.Property, k)
		for i := range n.Properties {
			n.Properties[i] = vault.Property{Key: d.str(), Value: d.str(), Line: int(d.int32())}
		}
	}
	if k := d.Count(5); k > 0 {
		n.Headings = arena(&d.headings, k, 1024)
		for i := range n.Headings {
			n.Headings[i] = vault.Heading{Level: int(d.int32()), Text: d.str(), Anchor: d.str(), Line: int(d.int32()), Offset: int(d.int32())}
		}
	}
	if k := d.Count(10); k > 0 {
		n.Links = arena(&d.links, k, 4096)
		for i := range n.Links {
			l := &n.Links[i]
			kind := d.Uint()
			if kind > uint64(vault.MarkdownLink) {
				d.Fail(errRange)
			}
			l.Kind = vault.LinkKind(kind)
			l.Target, l.Fragment, l.Alias, l.Context = d.str(), d.str(), d.str(), d.str()
			l.Line, l.Offset = d.int32(), d.int32()
			l.ContextStart, l.ContextEnd, l.Timestamp = d.int32(), d.int32(), d.int32()
		}
	}
	if k := d.Count(5); k > 0 {
		n.Timestamps = arena(&d.timestamps, k, 8192)
		for i := range n.Timestamps {
			t := &n.Timestamps[i]
			t.Value, t.Seconds, t.Line, t.Offset = d.str(), d.int32(), d.int32(), d.int32()
			switch d.Uint() {
			case 0:
			case 1:
				t.Valid = true
			default:
				d.Fail(errRange)
			}
		}
	}
	if k := d.Count(4); k > 0 {
		n.Problems = make([]vault.Problem, k)
		for i := range n.Problems {
			p := &n.Problems[i]
			p.Path, p.Line, p.Message = d.str(), int(d.int32()), d.str()
			kind := d.Uint()
			if kind > uint64(vault.TextProblem) {
				d.Fail(errRange)
			}
			p.Kind = vault.ProblemKind(kind)
		}
	}
	n.BodyOffset, n.BodyLine = int(d.int32()), int(d.int32())
	n.Size = d.Int()
	n.ModTime = time.Unix(0, d.Int())
	if n.Path == "" || n.Size < 0 {
		d.Fail(errRange)
	}
	return n
}
