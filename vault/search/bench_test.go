package search_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"vaultview/vault"
	"vaultview/vault/search"
)

// The benchmarks below run on the vault named by VAULTVIEW_BENCH_VAULT (the 20,000-note,
// 160 MB generated vault: `go run ./tools/genvault /tmp/vault20k`) and are skipped without
// it. Times are compared with a naive search measured in the same run, because these
// machines are shared and absolute times drift.

var (
	benchOnce  sync.Once
	benchV     *vault.Vault
	benchStore *search.Store
	benchBytes int64
	benchErr   error

	benchFileOnce  sync.Once
	benchFileStore *search.Store

	benchTextOnce  sync.Once
	benchTextStore *search.Store
)

// maker is Build or ReadText.
type maker func(context.Context, *vault.Vault, *vault.Index, func(int, int), ...search.BuildOption) (*search.Store, error)

// benchInFile makes the vault's store with newStore, its codes (or text) in a file of a new
// temporary folder, removed at once: the file has no name once made.
func benchInFile(b *testing.B, v *vault.Vault, newStore maker, opts ...search.BuildOption) *search.Store {
	dir, err := os.MkdirTemp("", "vaultview-bench-codes")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := newStore(context.Background(), v, v.Index(), nil, append(opts, search.CodesIn(dir))...)
	if err != nil {
		b.Fatal(err)
	}
	if s.DiskBytes() == 0 {
		b.Fatal("the codes are not in a file")
	}
	return s
}

// benchCodes builds with the codes in a file.
func benchCodes(b *testing.B, v *vault.Vault) *search.Store { return benchInFile(b, v, search.Build) }

// benchFileSetup is benchSetup with a store whose codes are in a file.
func benchFileSetup(b *testing.B) (*vault.Vault, *search.Store) {
	v, _ := benchSetup(b)
	benchFileOnce.Do(func() { benchFileStore = benchCodes(b, v) })
	return v, benchFileStore
}

func benchSetup(b *testing.B) (*vault.Vault, *search.Store) {
	b.Helper()
	dir := os.Getenv("VAULTVIEW_BENCH_VAULT")
	if dir == "" {
		b.Skip("VAULTVIEW_BENCH_VAULT names no vault")
	}
	benchOnce.Do(func() {
		benchV, benchErr = vault.Load(os.DirFS(dir))
		if benchErr != nil {
			return
		}
		benchStore, benchErr = search.Build(context.Background(), benchV, benchV.Index(), nil)
		for _, p := range benchV.Index().Paths() {
			benchBytes += benchV.Index().Note(p).Size
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchV, benchStore
}

// naive is the baseline: every note's source lower-cased and held in memory as it is,
// searched with bytes.Contains and counted with bytes.Count on all cores.
type naive [][]byte

func newNaive(b *testing.B, v *vault.Vault) naive {
	var n naive
	for _, p := range v.Index().Paths() {
		src, err := v.Source(p)
		if err != nil {
			b.Fatal(err)
		}
		n = append(n, bytes.ToLower(src))
	}
	return n
}

func (n naive) search(words [][]byte) (notes, matches int) {
	var next atomic.Int64
	var total, count atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(n) {
					return
				}
				all := true
				for _, w := range words {
					if !bytes.Contains(n[i], w) {
						all = false
						break
					}
				}
				if all {
					total.Add(1)
					for _, w := range words {
						count.Add(int64(bytes.Count(n[i], w)))
					}
				}
			}
		})
	}
	wg.Wait()
	return int(total.Load()), int(count.Load())
}

// BenchmarkSearch runs one query of each kind with the default limit (snippets for the best
// 100 notes included), on a store with its codes in memory and on one with them in a file.
// x-naive is its time over the naive search for the query's words in the same run (the
// naive search knows no filters, phrases across markup, exclusions or snippets); ms-query
// and ms-naive are the absolute times.
func BenchmarkSearch(b *testing.B) {
	v, s := benchSetup(b)
	_, fs := benchFileSetup(b)
	benchTextOnce.Do(func() { benchTextStore = benchInFile(b, v, search.ReadText) })
	n := newNaive(b, v)
	for _, codes := range []struct {
		name  string
		store *search.Store
	}{{"memory", s}, {"file", fs}, {"unindexed", benchTextStore}} {
		for _, k := range []struct{ name, query string }{
			{"rare-phrase", `"brambleton works in 1857"`},
			{"phrase", `"medieval factory"`},
			{"common-word", "the"},
			{"word", "flywheel"},
			{"two-words", "flywheel renegotiated"},
			{"filter", "tag:markets flywheel"},
			{"path-filter", "path:Ledger79 the"},
			{"exclusion", "flywheel -zephyrine"},
			{"no-match", "qqqxz"},
		} {
			b.Run(codes.name+"/"+k.name, func(b *testing.B) {
				q := search.ParseQuery(k.query)
				var words [][]byte
				for _, w := range q.Words {
					words = append(words, []byte(w))
				}
				ix := v.Index()
				var ours, theirs time.Duration
				var res search.Results
				for b.Loop() {
					t0 := time.Now()
					var err error
					res, err = codes.store.Search(context.Background(), v, ix, q, 0)
					if err != nil {
						b.Fatal(err)
					}
					t1 := time.Now()
					n.search(words)
					theirs += time.Since(t1)
					ours += t1.Sub(t0)
				}
				b.ReportMetric(float64(ours)/float64(theirs), "x-naive")
				b.ReportMetric(float64(ours.Microseconds())/1000/float64(b.N), "ms-query")
				b.ReportMetric(float64(theirs.Microseconds())/1000/float64(b.N), "ms-naive")
				b.ReportMetric(float64(res.Total), "notes")
				b.ReportMetric(float64(res.Matches), "matches")
			})
		}
	}
}

// BenchmarkBuild builds the store of the whole vault, with its codes in memory and in a
// file. MB-store is the heap the store holds (Store.Bytes: the dictionary, MB-postings, the
// notes' places and, in memory, MB-codes), x-vault that over the vault's bytes, MB-disk
// the file's size (Store.DiskBytes), MB-heap the live heap the store adds (after a garbage
// collection), MB-alloc what building it allocated in all (mostly the files read), s-build
// the time.
func BenchmarkBuild(b *testing.B) {
	v, _ := benchSetup(b)
	for _, inFile := range []bool{false, true} {
		name := "memory"
		if inFile {
			name = "file"
		}
		b.Run(name, func(b *testing.B) {
			var s *search.Store
			var heap, allocated uint64
			var took time.Duration
			for b.Loop() {
				s = nil
				before := liveHeap()
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				t0 := time.Now()
				if inFile {
					s = benchCodes(b, v)
				} else {
					var err error
					if s, err = search.Build(context.Background(), v, v.Index(), nil); err != nil {
						b.Fatal(err)
					}
				}
				took += time.Since(t0)
				runtime.ReadMemStats(&m1)
				allocated = m1.TotalAlloc - m0.TotalAlloc
				heap = liveHeap() - before
			}
			runtime.KeepAlive(s)
			b.ReportMetric(float64(s.Bytes())/(1<<20), "MB-store")
			b.ReportMetric(float64(s.CodeBytes())/(1<<20), "MB-codes")
			b.ReportMetric(float64(s.PostingBytes())/(1<<20), "MB-postings")
			b.ReportMetric(float64(s.DiskBytes())/(1<<20), "MB-disk")
			b.ReportMetric(float64(s.Bytes())/float64(benchBytes), "x-vault")
			b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
			b.ReportMetric(float64(allocated)/(1<<20), "MB-alloc")
			b.ReportMetric(took.Seconds()/float64(b.N), "s-build")
		})
	}
}

// BenchmarkReadText is a first opening's way to a text index (see ReadText): the text read
// unindexed, searchable from then on, and then indexed by Build from it; each round also
// builds the index from the notes alone (BenchmarkBuild/file), the baseline. s-text is the
// time until the text is searchable, s-indexed until its index is built, s-build the
// baseline's; x-build is s-text over s-build, x-indexed s-indexed over s-build. MB-text is
// the text's file, MB-alloc what reading it allocated.
func BenchmarkReadText(b *testing.B) {
	v, _ := benchSetup(b)
	var text, indexed, build time.Duration
	var size, allocated float64
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		s := benchInFile(b, v, search.ReadText)
		text += time.Since(t0)
		runtime.ReadMemStats(&m1)
		allocated, size = float64(m1.TotalAlloc-m0.TotalAlloc), float64(s.DiskBytes())
		benchInFile(b, v, search.Build, search.FromText(s))
		indexed += time.Since(t0)
		runtime.KeepAlive(s)
		s = nil
		runtime.GC()
		t1 := time.Now()
		benchCodes(b, v)
		build += time.Since(t1)
		runtime.GC()
	}
	n := float64(b.N)
	b.ReportMetric(text.Seconds()/n, "s-text")
	b.ReportMetric(indexed.Seconds()/n, "s-indexed")
	b.ReportMetric(build.Seconds()/n, "s-build")
	b.ReportMetric(float64(text)/float64(build), "x-build")
	b.ReportMetric(float64(indexed)/float64(build), "x-indexed")
	b.ReportMetric(size/(1<<20), "MB-text")
	b.ReportMetric(allocated/(1<<20), "MB-alloc")
}

// BenchmarkUpdate_OneNote updates the store for one changed note.
func BenchmarkUpdate_OneNote(b *testing.B) {
	v, s := benchSetup(b)
	paths := v.Index().Paths()
	r := vault.Reload{Index: v.Index(), Changed: []string{paths[len(paths)/2]}}
	for b.Loop() {
		if _, err := s.Update(context.Background(), v, r); err != nil {
			b.Fatal(err)
		}
	}
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkOpen opens the saved text index of the whole vault, no note changed since:
// what a reopened window waits for before it can search. s-open is the time, MB-file the
// file's size, MB-heap what the store holds in memory (its codes stay in the file).
func BenchmarkOpen(b *testing.B) {
	v, s := benchSetup(b)
	file := filepath.Join(b.TempDir(), search.FileName)
	if err := s.Save(file, "bench", "/bench", v.Index(), time.Now().Add(time.Hour)); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	var opened *search.Store
	var took time.Duration
	for b.Loop() {
		t0 := time.Now()
		got, stale, err := search.Open(context.Background(), file, "bench", "/bench", v, v.Index())
		took += time.Since(t0)
		if err != nil || stale != 0 {
			b.Fatalf("stale %d, err %v", stale, err)
		}
		opened = got
	}
	b.ReportMetric(took.Seconds()/float64(b.N), "s-open")
	b.ReportMetric(float64(info.Size())/(1<<20), "MB-file")
	b.ReportMetric(float64(opened.Bytes())/(1<<20), "MB-heap")
}

// BenchmarkStrip strips every note of the vault on one goroutine, the notes read into
// memory first: the text ReadText keeps, without the reading. MB/s is of the notes' bytes.
func BenchmarkStrip(b *testing.B) {
	v, _ := benchSetup(b)
	ix := v.Index()
	var srcs [][]byte
	var bodies []int
	var total int64
	for _, p := range ix.Paths() {
		src, err := v.Source(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		bodies = append(bodies, ix.Note(p).BodyOffset)
		total += int64(len(src))
	}
	b.SetBytes(total)
	for b.Loop() {
		for i, src := range srcs {
			search.Strip(src, bodies[i])
		}
	}
}
