package widgets_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"vaultview/internal/hostile"
	"vaultview/vault"
	"vaultview/widgets"
)

// hostileNotes are the notes of the hostile vault (internal/hostile) that are large enough
// to hold the UI up if what the UI goroutine does for them were not bounded.
func hostileNotes() []struct {
	name string
	src  []byte
} {
	return []struct {
		name string
		src  []byte
	}{
		{"20MB", hostile.HugeNote(hostile.HugeNoteSize)},
		{"5MB-line", hostile.LongLine(hostile.LongLineSize)},
		{"5MB-blob", hostile.LongBlob(hostile.LongLineSize)},
		{"2MB-data-image", hostile.DataImage(2 << 20)},
		{"100k-links", hostile.LinksNote(hostile.ManyLinks)},
		{"50k-timestamps", hostile.TimestampsNote(hostile.ManyTimestamps)},
		{"30k-line-code-block", hostile.CodeBlockNote(30_000)},
		{"10k-row-table", hostile.TableNote(10_000)},
		{"3k-line-callout", hostile.CalloutNote(3_000)},
		{"10k-link-list-item", hostile.ListItemNote(10_000)},
	}
}

// hostileInput is a RenderInput for a hostile note whose links all resolve, as they would
// in the hostile vault, so every link is a live hyperlink.
func hostileInput(p string, src []byte) widgets.RenderInput {
	return widgets.RenderInput{Source: src, Note: vault.ParseNote(p, src), Resolve: func(_, target string) string { return "many/" + target + ".md" }}
}

// BenchmarkShowNote_Hostile measures what the UI goroutine does when a hostile note is
// opened: ShowNote of the rendered note, then scrolling to its end. (RenderNote runs off the
// UI goroutine and is not timed here; render/… measures it.) The promise: no frame blocked
// for more than about 100 ms.
func BenchmarkShowNote_Hostile(b *testing.B) {
	test.NewTempApp(b)
	for _, c := range hostileNotes() {
		in := hostileInput("big/"+c.name+".md", c.src)
		b.Run("render/"+c.name, func(b *testing.B) {
			for range b.N {
				widgets.RenderNote(in)
			}
		})
		r := widgets.RenderNote(in)
		b.Run("show+scroll/"+c.name, func(b *testing.B) {
			nv := nvWindow(b)
			var worst time.Duration
			for range b.N {
				start := time.Now()
				nv.ShowNote(r)
				nv.SetScrollOffset(1e9)
				worst = max(worst, time.Since(start))
				nv.ShowNote(nil)
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
		})
	}
}
