package widgets_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// A link to a note not written yet previews and opens the same in a property of the header
// and as an embed as in the body; its preview says how many notes link there, as the window's
// render input counts them.
func TestNoteView_MissingNoteLinkInHeaderAndEmbed(t *testing.T) {
	test.NewTempApp(t)
	v, err := vault.Load(fstest.MapFS{
		"n.md": {Data: []byte("---\ntitle: N\nsource: \"[[Ghost Header]]\"\n---\n![[Ghost Embed]]\n\nBody [[Ghost Body]].\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	in := vaultInput(t, v, "n.md")
	nv := widgets.NewNoteView()
	var opened []string
	nv.OnOpenUnresolved = func(name string) { opened = append(opened, name) }
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(900, 700))
	nv.ShowNote(widgets.RenderNote(in))
	timers := widgets.UsePreviewTimers(nv)
	for _, name := range []string{"Ghost Header", "Ghost Embed", "Ghost Body"} {
		word := strings.Fields(name)[1]
		pvHover(t, w, word)
		timers.Fire()
		if got, want := widgets.PreviewText(nv), name+"\nNot written yet — 1 note links here\n"; got != want {
			t.Errorf("%s: preview %q, want %q", name, got, want)
		}
		pvAway(w)
		timers.Fire()
		test.TapCanvas(w.Canvas(), nvCentre(nvTexts(w, word)[0]))
	}
	if want := []string{"Ghost Header", "Ghost Embed", "Ghost Body"}; !slices.Equal(opened, want) {
		t.Errorf("opened %q, want %q", opened, want)
	}
}
