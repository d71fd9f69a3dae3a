package widgets_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// TestOutline_HighlightFollowsTheReadingPosition: the section holding the top of the view
// is marked, in the primary colour; above the first heading nothing is.
func TestOutline_HighlightFollowsTheReadingPosition(t *testing.T) {
	test.NewTempApp(t)
	src := "Intro before any heading.\n\n# Top\n\ntext\n\n## One\n\nmore text\n\n## Two\n\nlast\n"
	o := widgets.NewOutline()
	o.SetNote(vault.ParseNote("n.md", []byte(src)))
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(360, 240))
	at := func(s string) int { return strings.Index(src, s) }
	for _, c := range []struct {
		offset int
		want   int
	}{
		{0, -1},
		{at("# Top"), 0},
		{at("text"), 0},
		{at("## One"), 1},
		{at("more text"), 1},
		{at("last"), 2},
		{len(src) + 10, 2},
		{at("text"), 0}, // back up
	} {
		o.Highlight(c.offset)
		if got := o.Current(); got != c.want {
			t.Errorf("offset %d: heading %d marked, want %d", c.offset, got, c.want)
		}
	}
	o.Highlight(at("## One"))
	marked := 0
	for _, l := range outlineLabels(w.Canvas().Content()) {
		if l.Importance == widget.HighImportance {
			marked++
			if !strings.Contains(l.Text, "One") {
				t.Errorf("%q is marked, want One", l.Text)
			}
		}
	}
	if marked != 1 {
		t.Errorf("%d headings drawn marked, want 1", marked)
	}
}

// outlineLabels are the labels drawn under o.
func outlineLabels(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
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
