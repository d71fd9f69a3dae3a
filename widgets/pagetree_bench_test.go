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
	pageTree20kOnce sync.Once
	pageTree20k     *vault.Index
)

// pageTreeIndex20k is the generated 20,000-note vault (40 channel folders). The notes are kept
// short: the tree needs their titles and paths, not their text, and short notes make the
// set-up seconds instead of a minute.
func pageTreeIndex20k(b *testing.B) *vault.Index {
	pageTree20kOnce.Do(func() {
		v, err := vault.Load(vaultgen.MapFS(vaultgen.Options{Notes: 20000, MeanNoteBytes: 1200}))
		if err != nil {
			b.Fatal(err)
		}
		pageTree20k = v.Index()
	})
	return pageTree20k
}

// pageTreeBiggestFolder returns the folder of the 20k vault with the most notes.
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

// shownPageTree is a page tree of the 20k vault in a window, with its biggest folder open.
func shownPageTree(b *testing.B) *widgets.PageTree {
	ix := pageTreeIndex20k(b)
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
	p := shownPageTree(b)
	ix := pageTreeIndex20k(b)
	b.ResetTimer()
	for b.Loop() {
		p.SetIndex(ix)
	}
}

// BenchmarkPageTree_FilterKeystroke20k types "system" one key at a time into the filter of a
// shown 20,000-note tree; one op is one keystroke (filter, rebuild and lay out the tree).
func BenchmarkPageTree_FilterKeystroke20k(b *testing.B) {
	p := shownPageTree(b)
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
func BenchmarkPageTree_FilterMatchAll20k(b *testing.B) {
	p := shownPageTree(b)
	keys := []string{"e", "a"}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		p.SetFilter(keys[i%len(keys)])
		i++
	}
}
