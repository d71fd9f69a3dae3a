package binread

import (
	"encoding/binary"
	"errors"
	"testing"
)

func TestReader(t *testing.T) {
	var b []byte
	b = binary.AppendUvarint(b, 300)
	b = binary.AppendVarint(b, -7)
	b = binary.AppendUvarint(b, 3)
	b = append(b, "abc"...)
	b = binary.AppendUvarint(b, 2) // a count of 2 things of 4 bytes: more than is left
	b = append(b, 1, 2, 3)
	d := Reader{B: b}
	if u, i, s := d.Uint(), d.Int(), d.Str(); u != 300 || i != -7 || s != "abc" || d.Err != nil {
		t.Fatalf("read %d %d %q, err %v", u, i, s, d.Err)
	}
	if n := d.Count(4); n != 0 || !errors.Is(d.Err, ErrShort) {
		t.Errorf("a count past the end read %d, err %v", n, d.Err)
	}
	// The error sticks: everything after reads as nothing.
	if d.Uint() != 0 || d.Take(1) != nil || d.Str() != "" || !errors.Is(d.Err, ErrShort) {
		t.Error("reads after an error gave something")
	}
	e := Reader{B: []byte{0x80}}
	if e.Int(); !errors.Is(e.Err, ErrShort) {
		t.Errorf("a cut varint: err %v", e.Err)
	}
}
