package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "made")
	file := filepath.Join(dir, "x.cache")
	if err := Write(file, func(f *os.File) error { _, err := f.WriteString("one"); return err }); err != nil {
		t.Fatal(err)
	}
	// A failed write leaves the file as it was, and nothing else.
	boom := errors.New("boom")
	if err := Write(file, func(f *os.File) error { f.WriteString("half"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the writer's", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "one" {
		t.Errorf("after a failed write the file holds %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestWrite_RemovesAbandonedTemporaryFiles: a write killed halfway leaves its temporary
// file; the next write removes it once it is an hour old and leaves a younger one (another
// window's write under way) alone.
func TestWrite_RemovesAbandonedTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.cache")
	abandoned, young := file+".123.tmp", file+".456.tmp"
	for _, p := range []string{abandoned, young} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * time.Hour)
	os.Chtimes(abandoned, long, long)
	if err := Write(file, func(f *os.File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abandoned); !os.IsNotExist(err) {
		t.Errorf("the abandoned temporary file is still there (%v)", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a young temporary file was removed: %v", err)
	}
}
