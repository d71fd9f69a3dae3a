package vault_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// The benchmarks below run on a generated vault of the size real users have (20,000 notes,
// ~160 MB) unless VAULTVIEW_BENCH_VAULT names an existing vault folder. They measure ratios
// against goldmark in the same process, because these machines are shared and absolute
// times drift; see BENCHMARKS.md.

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func benchVault(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		if d := os.Getenv("VAULTVIEW_BENCH_VAULT"); d != "" {
			benchDir = d
			return
		}
		dir, err := os.MkdirTemp("", "vaultview-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchDir = filepath.Join(dir, "vault")
		_, benchErr = vaultgen.Write(benchDir, vaultgen.DefaultOptions())
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// readNotes reads every note of the vault into memory.
func readNotes(b *testing.B, dir string) (srcs [][]byte, total int64) {
	b.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		srcs = append(srcs, src)
		total += int64(len(src))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return srcs, total
}

// goldmarkParseAll parses every note with goldmark and GFM alone, on all cores: the
// baseline of the indexing target.
func goldmarkParseAll(md goldmark.Markdown, srcs [][]byte) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(srcs) {
					return
				}
				md.Parser().Parse(text.NewReader(srcs[i]))
			}
		})
	}
	wg.Wait()
}

// BenchmarkLoad_VsGoldmark loads and indexes the vault from disk (read, parse, resolve,
// backlinks) and, in the same iteration, parses the same bytes with goldmark+GFM from
// memory. The reported x-goldmark is the first time over the second: the target is <= 0.3.
func BenchmarkLoad_VsGoldmark(b *testing.B) {
	dir := benchVault(b)
	srcs, total := readNotes(b, dir)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	goldmarkParseAll(md, srcs[:min(len(srcs), 200)]) // warm up the parser's tables
	var ours, theirs time.Duration
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		v, err := vault.Load(os.DirFS(dir))
		if err != nil || v.Index().Len() == 0 {
			b.Fatal(err)
		}
		t1 := time.Now()
		goldmarkParseAll(md, srcs)
		t2 := time.Now()
		ours += t1.Sub(t0)
		theirs += t2.Sub(t1)
	}
	b.ReportMetric(float64(ours)/float64(theirs), "x-goldmark")
	b.ReportMetric(ours.Seconds()/float64(b.N), "s-load")
	b.ReportMetric(theirs.Seconds()/float64(b.N), "s-goldmark")
}

// BenchmarkUpdate_OneNote rewrites one note on disk and publishes the new snapshot, on the
// loaded vault; x-load is its time over a whole Load, measured in the same run.
func BenchmarkUpdate_OneNote(b *testing.B) {
	src := benchVault(b)
	// Work on a copy: the benchmark writes, and the generated vault is shared.
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(t0)
	// A typical topic note: the median-sized one that has links and backlinks.
	paths := v.Index().Paths()
	target := paths[len(paths)/2]
	orig, err := os.ReadFile(filepath.Join(dir, target))
	if err != nil {
		b.Fatal(err)
	}
	edits := [][]byte{append(orig, "\nAn added line linking [[index]].\n"...), orig}
	i := 0
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if err := os.WriteFile(filepath.Join(dir, target), edits[i%2], 0o644); err != nil {
			b.Fatal(err)
		}
		i++
		v.Update(target)
	}
	per := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(per)/float64(load), "x-load")
	b.ReportMetric(float64(per.Microseconds())/1000, "ms-update")
}

// BenchmarkParseNote compares one note's fast path with goldmark on a typical note.
func BenchmarkParseNote(b *testing.B) {
	o := vaultgen.DefaultOptions()
	o.Notes = 300
	var src []byte
	for p, f := range vaultgen.MapFS(o) {
		if strings.Count(p, "/") == 1 && len(f.Data) > 8000 && len(f.Data) < 12000 {
			src = f.Data
			break
		}
	}
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			vault.ParseNote("n.md", src)
		}
	})
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.Run("goldmark-gfm", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			md.Parser().Parse(text.NewReader(src))
		}
	})
}
