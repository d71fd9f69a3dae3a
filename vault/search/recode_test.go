package search

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"testing"

	"vaultview/vault"
)

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

func (f *failingWriter) Write(b []byte) (int, error) {
	if len(b) > f.n {
		return 0, errors.New("no space left on device")
	}
	f.n -= len(b)
	return len(b), nil
}

// TestRecodeAll stores the notes' new codes in the notes' order, whatever order the chunks
// are done in, in memory and in a file (notes larger than a write batch included), lets
// the first codes go, and says a failed write of the file as errCodeFile.
func TestRecodeAll(t *testing.T) {
	const notes = 3*recodeChunk + 17
	first := func() [][]byte {
		codes := make([][]byte, notes)
		for i := range codes {
			codes[i] = fmt.Appendf(nil, "note %d;", i)
		}
		codes[recodeChunk+3] = bytes.Repeat([]byte("huge "), codeBatch/4) // more than a batch
		codes[7] = nil                                                    // a note with no text
		return codes
	}
	// The new codes of a note are its first ones, upper-cased.
	recode := func(codes [][]byte) func(w *worker, i int) []byte {
		return func(w *worker, i int) []byte {
			w.codes = append(w.codes[:0], bytes.ToUpper(codes[i])...)
			return w.codes
		}
	}
	check := func(t *testing.T, rc *recodedCodes, offsets []int64, codes [][]byte) {
		t.Helper()
		want := first()
		for i := range want {
			if codes[i] != nil {
				t.Fatalf("note %d: its first codes were kept", i)
			}
			got, err := rc.file.read(nil, offsets[i], rc.lens[i])
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, bytes.ToUpper(want[i])) {
				t.Fatalf("note %d: %.40q, want %.40q", i, got, bytes.ToUpper(want[i]))
			}
			if i > 0 && offsets[i] != offsets[i-1]+int64(rc.lens[i-1]) {
				t.Fatalf("note %d at %d, not after note %d", i, offsets[i], i-1)
			}
		}
	}
	t.Run("memory", func(t *testing.T) {
		codes := first()
		offsets := make([]int64, notes)
		rc, err := recodeAll(context.Background(), codes, offsets, nil, recode(codes))
		if err != nil {
			t.Fatal(err)
		}
		if !rc.file.heap {
			t.Error("not in memory")
		}
		check(t, rc, offsets, codes)
	})
	t.Run("file", func(t *testing.T) {
		codes := first()
		offsets := make([]int64, notes)
		cw, err := newCodeWriter(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		rc, err := recodeAll(context.Background(), codes, offsets, cw, recode(codes))
		if err != nil {
			t.Fatal(err)
		}
		if rc.file.heap {
			t.Error("in memory, not in the file")
		}
		check(t, rc, offsets, codes)
	})
	t.Run("the file cannot be written", func(t *testing.T) {
		codes := first()
		cw, err := newCodeWriter(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		cw.out = &failingWriter{n: codeBatch}
		if _, err := recodeAll(context.Background(), codes, make([]int64, notes), cw, recode(codes)); !errors.Is(err, errCodeFile) {
			t.Errorf("err = %v, want errCodeFile", err)
		}
	})
}

// TestBuild_CodesFileFails: when the codes' file cannot be written (a full disk, say),
// after the first codes were let go, Build reads the notes again and keeps the codes in
// memory; the store holds the same text and answers as one built in memory, and nothing is
// left in the folder.
func TestBuild_CodesFileFails(t *testing.T) {
	v, err := vault.Load(postingsVault())
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	inMemory, err := Build(context.Background(), v, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var wrapped int
	failing := func(cfg *buildConfig) {
		cfg.codesOut = func(io.Writer) io.Writer {
			wrapped++
			return &failingWriter{n: 0}
		}
	}
	var progress []int
	s, err := Build(context.Background(), v, ix, func(done, total int) { progress = append(progress, done) }, CodesIn(dir), failing)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if wrapped != 1 {
		t.Fatalf("the codes' file was made %d times, want once (then memory)", wrapped)
	}
	if s.DiskBytes() != 0 || s.CodeBytes() != inMemory.CodeBytes() {
		t.Errorf("codes: %d bytes on disk, %d in memory; want 0 and %d", s.DiskBytes(), s.CodeBytes(), inMemory.CodeBytes())
	}
	if len(progress) == 0 || progress[len(progress)-1] != ix.Len() {
		t.Errorf("progress %v, want it to end at %d", progress, ix.Len())
	}
	for _, p := range ix.Paths() {
		got, ok := s.TextOf(p)
		want, _ := inMemory.TextOf(p)
		if !ok || got != want {
			t.Errorf("text of %s: %q, want %q", p, got, want)
		}
	}
	for _, q := range []string{"cat", "the cat", "sat -mat", "zebra"} {
		got, err := s.Search(context.Background(), v, ix, ParseQuery(q), 10)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := inMemory.Search(context.Background(), v, ix, ParseQuery(q), 10)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %+v, built in memory %+v", q, got, want)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left in the folder: %v", left)
	}
}
