package vault_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// The watch benchmarks generate their own vault (writing into a user's vault is not an
// option). VAULTVIEW_WATCH_BENCH_NOTES sets its size: 2,000 notes by default for speed, 20000
// for the size of the targets in BENCHMARKS.md.

func benchNotes(b *testing.B, def int) int {
	if s := os.Getenv("VAULTVIEW_WATCH_BENCH_NOTES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("VAULTVIEW_WATCH_BENCH_NOTES: %v", err)
		}
		return n
	}
	return def
}

// watchGenerated writes a generated vault of n notes, loads and watches it.
func watchGenerated(b *testing.B, n int) (string, *vault.Vault, *vault.Watcher) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "vault")
	if _, err := vaultgen.Write(dir, vaultgen.Options{Notes: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	w, err := vault.Watch(context.Background(), v, dir, vault.WatchOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	return dir, v, w
}

// BenchmarkWatch_WriteToSnapshot measures the time from a write returning to the snapshot
// with it published, with the default debounce (100 ms), one note edited per iteration.
// Run with -benchtime 20x for 20 writes; ms-median is the target (≤ 150 ms).
func BenchmarkWatch_WriteToSnapshot(b *testing.B) {
	dir, v, w := watchGenerated(b, benchNotes(b, 2000))
	paths := v.Index().Paths()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		p := paths[(i*7919)%len(paths)]
		heading := fmt.Sprintf("Edit %d", i)
		old, err := os.ReadFile(filepath.Join(dir, p))
		must(b, err)
		must(b, os.WriteFile(filepath.Join(dir, p), append(old, "\n# "+heading+"\n"...), 0o644))
		start := time.Now()
		waitFor(b, w, func(ix *vault.Index) bool {
			n := ix.Note(p)
			return n != nil && len(n.Headings) > 0 && n.Headings[len(n.Headings)-1].Text == heading
		}, 5*time.Second)
		lat = append(lat, time.Since(start))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "ms-median")
	b.ReportMetric(ms(lat[len(lat)*9/10]), "ms-p90")
	b.ReportMetric(ms(lat[len(lat)-1]), "ms-max")
}

// BenchmarkWatch_Storm writes 5,000 notes (copies of the vault's own, so of real sizes and
// links) into a folder of the vault as fast as the disk takes them, and measures until all
// are in the index: ms-absorbed from the first write, ms-lag from the last write returning.
// The target is ms-absorbed ≤ 2,000 on the 20,000-note vault
// (VAULTVIEW_WATCH_BENCH_NOTES=20000); ms-writing is the disk's share.
func BenchmarkWatch_Storm(b *testing.B) {
	const storm = 5000
	dir, v, w := watchGenerated(b, benchNotes(b, 2000))
	base := v.Index().Len()
	paths := v.Index().Paths()
	srcs := make([][]byte, storm)
	for i := range srcs {
		src, err := os.ReadFile(filepath.Join(dir, paths[i%len(paths)]))
		must(b, err)
		srcs[i] = src
	}
	var absorbed, lag, writing time.Duration
	var reloads int
	round := 0
	for b.Loop() {
		folder := filepath.Join(dir, fmt.Sprintf("storm%d", round))
		must(b, os.Mkdir(folder, 0o755))
		// The folder must be watched before the storm, or this measures a folder scan.
		write(b, dir, fmt.Sprintf("storm%d/seed.md", round), "# Seed\n")
		want := base + 1
		waitFor(b, w, func(ix *vault.Index) bool { return ix.Len() == want }, 10*time.Second)
		want += storm

		done := make(chan int)
		var allIn time.Time
		go func() {
			n := 0
			for r := range w.Updates() {
				n++
				if r.Index.Len() == want {
					allIn = time.Now()
					break
				}
			}
			done <- n
		}()
		start := time.Now()
		for i, src := range srcs {
			must(b, os.WriteFile(filepath.Join(folder, fmt.Sprintf("n%d.md", i)), src, 0o644))
		}
		wrote := time.Now()
		select {
		case n := <-done:
			reloads += n
		case <-time.After(60 * time.Second):
			b.Fatal("storm not absorbed within a minute")
		}
		absorbed += allIn.Sub(start)
		lag += allIn.Sub(wrote)
		writing += wrote.Sub(start)

		// Put the vault back for the next round.
		must(b, os.RemoveAll(folder))
		waitFor(b, w, func(ix *vault.Index) bool { return ix.Len() == base }, 30*time.Second)
		round++
	}
	n := float64(round)
	b.ReportMetric(ms(absorbed)/n, "ms-absorbed")
	b.ReportMetric(ms(lag)/n, "ms-lag")
	b.ReportMetric(ms(writing)/n, "ms-writing")
	b.ReportMetric(float64(reloads)/n, "reloads")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
