package notecache

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"vaultview/internal/benchvault"
	"vaultview/vault"
)

// BenchmarkReopen measures reopening the vault named by VAULTVIEW_BENCH_VAULT with every
// note in the cache (reading the cache file, then vault.Load taking every note from it)
// against loading it from its files, in the same run: x-load is the ratio.
func BenchmarkReopen(b *testing.B) {
	dir := benchvault.Dir(b)
	fsys := os.DirFS(dir)
	start := time.Now()
	v, err := vault.Load(fsys, vault.WithoutLinkContexts()) // as the window loads it
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(start)
	ix := v.Index()
	notes := make([]*vault.Note, 0, ix.Len())
	for _, p := range ix.Paths() {
		notes = append(notes, ix.Note(p))
	}
	file := filepath.Join(b.TempDir(), FileName)
	if err := Save(file, "bench", dir, notes, time.Now()); err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(file)
	notes, v, ix = nil, nil, nil
	var loads, reopens time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := vault.Load(fsys); err != nil {
			b.Fatal(err)
		}
		loads += time.Since(start)
		start = time.Now()
		c, err := Open(file, "bench", dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := vault.Load(fsys, vault.Cached(c.Note)); err != nil {
			b.Fatal(err)
		}
		reopens += time.Since(start)
	}
	_ = load
	b.ReportMetric(float64(info.Size())/1e6, "MB-cache")
	b.ReportMetric(loads.Seconds()/float64(b.N), "s-load")
	b.ReportMetric(reopens.Seconds()/float64(b.N), "s-reopen")
	b.ReportMetric(reopens.Seconds()/loads.Seconds(), "x-load")
}
