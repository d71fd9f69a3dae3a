package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"vaultview/internal/hostile"
	"vaultview/vault"
)

// BenchmarkPreview measures making a link's preview (off the UI goroutine, after the pointer
// rested on the link): a huge note costs what a short one does, since only its start is
// rendered. The note is already in memory, as Vault.Source's cache would have it.
func BenchmarkPreview(b *testing.B) {
	test.NewTempApp(b)
	for _, c := range []struct {
		name string
		src  []byte
	}{
		{"20MB-note", hostile.HugeNote(hostile.HugeNoteSize)},
		{"5MB-line", hostile.LongLine(hostile.LongLineSize)},
		{"100k-links", hostile.LinksNote(hostile.ManyLinks)},
	} {
		n := vault.ParseNote("big.md", c.src)
		in := previewInput{
			loadNote: func(string) ([]byte, *vault.Note, bool) { return c.src, n, true },
			resolve:  func(_, target string) string { return target + ".md" },
		}
		b.Run("note/"+c.name, func(b *testing.B) {
			for range b.N {
				notePreview(in, "big.md", "")
			}
		})
		at := n.BodyOffset + (len(c.src)-n.BodyOffset)/2
		b.Run("mention/"+c.name, func(b *testing.B) {
			for range b.N {
				mentionPreview(in, "big.md", at)
			}
		})
	}
}
