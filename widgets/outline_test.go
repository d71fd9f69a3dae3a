package widgets_test

import (
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

func TestOutline_HeadingsWithFirstTimestamp(t *testing.T) {
	test.NewTempApp(t)
	src := []byte("---\nvideoId: APvj15_YCqk\n---\n# Top\n\n## One\n\nText <a class=\"yt-timestamp\" data-t=\"00:18:28\">[00:18:28]</a> more <a class=\"yt-timestamp\" data-t=\"00:19:00\">[00:19:00]</a>\n\n## Two\n\nno time here\n\n### Deep\n\n<a class=\"yt-timestamp\" data-t=\"1:05:03\">[1:05:03]</a>\n")
	o := widgets.NewOutline()
	var opened string
	o.OnOpenHeading = func(a string) { opened = a }
	o.SetNote(vault.ParseNote("n.md", src))
	if o.Len() != 4 {
		t.Fatalf("outline has %d headings, want 4", o.Len())
	}
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(360, 240))
	test.AssertRendersToMarkup(t, "outline/video_note.xml", w.Canvas())
	test.TapCanvas(w.Canvas(), fyne.NewPos(40, 60)) // the second row: "One"
	if opened != "one" {
		t.Errorf("tapping the second heading opened %q, want one", opened)
	}
}

func TestOutgoing_CountsAndUnresolved(t *testing.T) {
	test.NewTempApp(t)
	v, err := vault.Load(fstest.MapFS{
		"a.md":    {Data: []byte("[[b]] [[B]] [[b|again]] [[Nowhere]] [[#Own heading]] ![[pic.png]]\n")},
		"b.md":    {Data: []byte("---\ntitle: The B note\n---\n")},
		"pic.png": {Data: []byte("png")},
	})
	if err != nil {
		t.Fatal(err)
	}
	o := widgets.NewOutgoing()
	var note, name string
	o.OnOpenNote = func(p string) { note = p }
	o.OnOpenUnresolved = func(n string) { name = n }
	o.SetNote(v.Index(), "a.md")
	if o.Len() != 3 {
		t.Fatalf("outgoing lists %d targets, want 3 (b.md ×3, pic.png, Nowhere)", o.Len())
	}
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(360, 240))
	test.AssertRendersToMarkup(t, "outgoing/counts.xml", w.Canvas())
	test.TapCanvas(w.Canvas(), fyne.NewPos(40, 70)) // first row: the resolved note
	if note != "b.md" {
		t.Errorf("tapping the first entry opened %q", note)
	}
	test.TapCanvas(w.Canvas(), fyne.NewPos(40, 150)) // third row: the unresolved name
	if name != "Nowhere" {
		t.Errorf("tapping the unresolved entry gave %q", name)
	}
}
