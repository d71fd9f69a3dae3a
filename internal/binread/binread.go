// Package binread reads the binary files Vaultview keeps in the user's cache folder (the note
// cache, the saved text index): uvarints, zigzag varints and runs of bytes. Every count and
// length is checked against the bytes left before anything is made of it, so that a
// truncated or hostile file never makes its reader allocate more than the file's size. The
// first error sticks, and every read after it returns zero values: a decoder checks Err
// when it needs to trust a value, and once at its end.
package binread

import (
	"encoding/binary"
	"errors"
)

// ErrShort is the error of a read past the end, of a number that is no varint, and of a
// count or length the bytes left cannot hold.
var ErrShort = errors.New("truncated")

// Reader reads B.
type Reader struct {
	// B is what is left to read; Err the first error met.
	B   []byte
	Err error
}

// Fail records err, unless an error came first, and stops the reading.
func (d *Reader) Fail(err error) {
	if d.Err == nil {
		d.Err = err
	}
	d.B = nil
}

// Uint reads a uvarint.
func (d *Reader) Uint() uint64 {
	x, n := binary.Uvarint(d.B)
	if n <= 0 {
		d.Fail(ErrShort)
		return 0
	}
	d.B = d.B[n:]
	return x
}

// Int reads a zigzag varint.
func (d *Reader) Int() int64 {
	x, n := binary.Varint(d.B)
	if n <= 0 {
		d.Fail(ErrShort)
		return 0
	}
	d.B = d.B[n:]
	return x
}

// Count reads a number of things that take at least min bytes each.
func (d *Reader) Count(min int) int {
	x := d.Uint()
	if x > uint64(len(d.B)/min) {
		d.Fail(ErrShort)
		return 0
	}
	return int(x)
}

// Take reads n bytes; the result is part of B.
func (d *Reader) Take(n int) []byte {
	if n < 0 || n > len(d.B) {
		d.Fail(ErrShort)
		return nil
	}
	b := d.B[:n]
	d.B = d.B[n:]
	return b
}

// Str reads a length and that many bytes, as a string.
func (d *Reader) Str() string { return string(d.Take(d.Count(1))) }
