package switcher_test

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"vaultview/vault"
	"vaultview/vault/switcher"
)

// The benchmarks type note titles letter by letter into the switcher of a real-sized vault
// (VAULTVIEW_BENCH_VAULT, e.g. /tmp/vault20k from `go run ./tools/genvault /tmp/vault20k`;
// skipped without it) and report the wall time per keystroke: see keystrokes. The target is
// ≤ 10 ms per keystroke. The baseline is github.com/sahilm/fuzzy v0.1.3 over the same
// candidate texts (titles, differing file names, aliases, unresolved names), which has no
// incremental mode and sorts every match.

var (
	benchOnce sync.Once
	benchIx   *vault.Index
	benchErr  error
)

func benchIndex(b *testing.B) *vault.Index {
	b.Helper()
	dir := os.Getenv("VAULTVIEW_BENCH_VAULT")
	if dir == "" {
		b.Skip("VAULTVIEW_BENCH_VAULT is not set (e.g. /tmp/vault20k)")
	}
	benchOnce.Do(func() {
		var v *vault.Vault
		v, benchErr = vault.Load(os.DirFS(dir))
		if benchErr == nil {
			benchIx = v.Index()
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIx
}

// typedTitles are the titles typed in the benchmarks: every 1000th note's, in path order,
// so the same across runs of the same vault.
func typedTitles(ix *vault.Index) []string {
	var out []string
	for i, p := range ix.Paths() {
		if i%1000 == 500 {
			out = append(out, ix.Note(p).Title)
		}
	}
	return out
}

// keystrokes runs each title letter by letter through match and reports the time per call
// (ms/key), the time of the first letter, which reads the most candidates (ms/first-key),
// the 99th percentile and the slowest call (p99-ms/key, max-ms/key: on a shared machine
// these also catch other processes taking the core).
func keystrokes(b *testing.B, titles []string, before func(), match func(q string)) {
	b.Helper()
	var all, first time.Duration
	var each []time.Duration
	firsts := 0
	b.ResetTimer()
	for range b.N {
		for _, title := range titles {
			rs := []rune(title)
			for k := 1; k <= len(rs); k++ {
				before()
				t0 := time.Now()
				match(string(rs[:k]))
				d := time.Since(t0)
				all += d
				each = append(each, d)
				if k == 1 {
					first += d
					firsts++
				}
			}
		}
	}
	b.StopTimer()
	slices.Sort(each)
	ms := func(d time.Duration, n int) float64 { return float64(d.Nanoseconds()) / float64(n) / 1e6 }
	b.ReportMetric(ms(all, len(each)), "ms/key")
	b.ReportMetric(ms(first, firsts), "ms/first-key")
	b.ReportMetric(ms(each[len(each)*99/100], 1), "p99-ms/key")
	b.ReportMetric(ms(each[len(each)-1], 1), "max-ms/key")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkNew builds the matcher of the vault: once per index snapshot.
func BenchmarkNew(b *testing.B) {
	ix := benchIndex(b)
	var m *switcher.Matcher
	for b.Loop() {
		m = switcher.New(ix)
	}
	b.ReportMetric(float64(m.Len()), "candidates")
}

// BenchmarkKeystroke_Incremental types the titles as a user does: each query extends the
// one before and the matcher re-scores only what matched it.
func BenchmarkKeystroke_Incremental(b *testing.B) {
	ix := benchIndex(b)
	m := switcher.New(ix)
	keystrokes(b, typedTitles(ix), func() {}, func(q string) { m.Match(q, nil, 50) })
}

// BenchmarkKeystroke_Cold answers each query from scratch (as after pasting it).
func BenchmarkKeystroke_Cold(b *testing.B) {
	ix := benchIndex(b)
	m := switcher.New(ix)
	keystrokes(b, typedTitles(ix), m.Forget, func(q string) { m.Match(q, nil, 50) })
}

// BenchmarkKeystroke_SahilmFuzzy is the baseline: sahilm/fuzzy's Find over the same texts.
func BenchmarkKeystroke_SahilmFuzzy(b *testing.B) {
	ix := benchIndex(b)
	texts := switcher.New(ix).Texts()
	keystrokes(b, typedTitles(ix), func() {}, func(q string) { fuzzy.Find(q, texts) })
}
