package widgets_test

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
	"vaultview/widgets"
)

var (
	pageTreeMu      sync.Mutex
	pageTreeIndexes = map[int]*vault.Index{}
)

// generatedTreeIndex is the generated vault of n notes (77 channel folders at 20,000, 385 at
// 100,000). The notes are kept short: the tree needs their titles and paths, not their text,
// and short notes make the set-up seconds instead of minutes.
func generatedTreeIndex(b *testing.B, n int) *vault.Index {
	pageTreeMu.Lock()
	defer pageTreeMu.Unlock()
	if ix := pageTreeIndexes[n]; ix != nil {
		return ix
	}
	v, err := vault.Load(vaultgen.MapFS(vaultgen.Options{Notes: n, MeanNoteBytes: 1200}))
	if err != nil {
		b.Fatal(err)
	}
	pageTreeIndexes[n] = v.Index()
	return v.Index()
}

// pageTreeBiggestFolder returns the folder of the vault with the most notes.
func pageTreeBiggestFolder(ix *vault.Index) (string, []string) {
	var best string
	var notes []string
	for _, f := range ix.Subfolders("") {
		if n := ix.FolderNotes(f); len(n) > len(notes) {
			best, notes = f, n
		}
	}
	return best, notes
}

// shownPageTree is a page tree of the n-note vault in a window, with its biggest folder open.
func shownPageTree(b *testing.B, n int) *widgets.PageTree {
	ix := generatedTreeIndex(b, n)
	test.NewTempApp(b)
	p := widgets.NewPageTree()
	p.SetIndex(ix)
	w := test.NewTempWindow(b, p)
	w.Resize(fyne.NewSize(320, 900))
	_, notes := pageTreeBiggestFolder(ix)
	p.Select(notes[len(notes)/2])
	b.Cleanup(func() { b.ReportMetric(float64(len(notes)), "notes-in-open-folder") })
	return p
}

// BenchmarkPageTree_SetIndex20k replaces the snapshot of a shown 20,000-note tree: the
// cost of every live reload.
func BenchmarkPageTree_SetIndex20k(b *testing.B) {
	p := shownPageTree(b, 20000)
	ix := generatedTreeIndex(b, 20000)
	b.ResetTimer()
	for b.Loop() {
		p.SetIndex(ix)
	}
}

// BenchmarkPageTree_FilterKeystroke20k types "system" one key at a time into the filter of a
// shown 20,000-note tree; one op is one keystroke (filter, rebuild and lay out the tree).
func BenchmarkPageTree_FilterKeystroke20k(b *testing.B) { benchmarkFilterKeystroke(b, 20000) }

// BenchmarkPageTree_FilterKeystroke100k is the same on 100,000 notes (issue #14: ≤ 30 ms).
func BenchmarkPageTree_FilterKeystroke100k(b *testing.B) { benchmarkFilterKeystroke(b, 100000) }

func benchmarkFilterKeystroke(b *testing.B, n int) {
	p := shownPageTree(b, n)
	keys := []string{"s", "sy", "sys", "syst", "syste", "system"}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		p.SetFilter(keys[i%len(keys)])
		i++
	}
}

// BenchmarkPageTree_FilterMatchAll20k is the worst keystroke: a letter that nearly every
// note has, so the filtered tree is the whole vault, every folder open.
func BenchmarkPageTree_FilterMatchAll20k(b *testing.B) { benchmarkFilterMatchAll(b, 20000) }

// BenchmarkPageTree_FilterMatchAll100k is the same on 100,000 notes.
func BenchmarkPageTree_FilterMatchAll100k(b *testing.B) { benchmarkFilterMatchAll(b, 100000) }

func benchmarkFilterMatchAll(b *testing.B, n int) {
	p := shownPageTree(b, n)
	keys := []string{"e", "a"}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		p.SetFilter(keys[i%len(keys)])
		i++
	}
}
