package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/widgets"
)

func videoFixture() []vault.Video {
	return []vault.Video{
		{ID: "AAAAAAAAAAA", Title: "Why the sea rises", Channel: "tides", Notes: []string{"tides/a.md", "tides/b.md"}, Timestamps: 12, First: 30, Last: 3605, Backlinks: 4},
		{ID: "BBBBBBBBBBB", Title: "Phases", Channel: "moon", Notes: []string{"moon/p.md"}, First: -1, Last: -1, Backlinks: 9},
		{ID: "CCCCCCCCCCC", Title: "Neap tides", Channel: "tides", Notes: []string{"tides/n.md"}, Timestamps: 3, First: 5, Last: 50},
	}
}

func TestVideosView_SortsFiltersAndOpens(t *testing.T) {
	test.NewTempApp(t)
	v := widgets.NewVideosView()
	var opened, watched []string
	v.OnOpenNote = func(p string) { opened = append(opened, p) }
	v.OnOpenVideo = func(id string) { watched = append(watched, id) }
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1100, 500))
	v.SetVideos(videoFixture())

	first := func() string { return strings.Split(v.Rows()[0], "\t")[0] }
	if got := v.Rows(); len(got) != 3 || got[0] != "Phases\tmoon\t1\t0\t–\t–\t9" || !strings.HasPrefix(got[1], "Why the sea rises\ttides\t2\t12\t0:30\t1:00:05\t4") {
		t.Fatalf("rows as the vault orders them:\n%s", strings.Join(got, "\n"))
	}
	v.SortBy(7, true) // most linked first
	if first() != "Phases" {
		t.Errorf("by backlinks, most first: %q first", first())
	}
	v.SortBy(4, true)
	if first() != "Why the sea rises" {
		t.Errorf("by timestamps, most first: %q first", first())
	}

	test.Type(v.Filter(), "tides neap")
	if got := v.Rows(); len(got) != 1 || !strings.HasPrefix(got[0], "Neap tides") {
		t.Errorf("filtered by two words: %q", got)
	}
	// Enter opens the first note of the first video listed; with none listed, nothing.
	v.Filter().(*widget.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(v.Filter(), " nosuchword")
	v.Filter().(*widget.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(opened) != 1 || !strings.HasPrefix(opened[0], "tides/") {
		t.Errorf("Enter opened %v, want the neap tides' note alone", opened)
	}
	opened = nil
	v.Filter().(*widget.Entry).SetText("")

	// A click on a row opens its first note; on Watch, the video.
	table := findTable(t, w.Canvas().Content())
	table.Select(widget.TableCellID{Row: 0, Col: 0})
	table.Select(widget.TableCellID{Row: 0, Col: 1})
	if len(opened) != 1 || opened[0] != "tides/a.md" || len(watched) != 1 || watched[0] != "AAAAAAAAAAA" {
		t.Errorf("opened %v, watched %v", opened, watched)
	}
}

func findTable(t *testing.T, o fyne.CanvasObject) *widget.Table {
	var found *widget.Table
	nvWalk(o, func(c fyne.CanvasObject) {
		if tb, ok := c.(*widget.Table); ok && found == nil {
			found = tb
		}
	})
	if found == nil {
		t.Fatal("no table")
	}
	return found
}

// A channel note's ```videos block lists its folder's videos; with words, the videos that
// hold them; while the vault is read, it says it waits.
func TestVideosBlock_InAChannelNote(t *testing.T) {
	test.NewTempApp(t)
	render := func(src string, ok bool) string {
		in := widgets.RenderInput{Source: []byte(src), Note: vault.ParseNote("tides/tides.md", []byte(src)),
			Videos: func() ([]vault.Video, bool) { return videoFixture(), ok }}
		return widgets.RenderNote(in).Text()
	}
	got := render("# Tides\n\n```videos\n```\n", true)
	if !strings.Contains(got, "Video\tNotes\tMoments\tFirst\tLast") || !strings.Contains(got, "Neap tides\t1\t3\t0:05\t0:50") ||
		!strings.Contains(got, "Why the sea rises\t2\t12\t0:30\t1:00:05") || strings.Contains(got, "Phases") {
		t.Errorf("the channel's videos:\n%s", got)
	}
	if got := render("```videos\nphases\n```\n", true); !strings.Contains(got, "Phases") || strings.Contains(got, "Neap") {
		t.Errorf("filtered by a word:\n%s", got)
	}
	if got := render("```videos\nnothing like it\n```\n", true); !strings.Contains(got, "No videos match") {
		t.Errorf("no match:\n%s", got)
	}
	if got := render("```videos\n```\n", false); !strings.Contains(got, "once the vault is read") {
		t.Errorf("while reading:\n%s", got)
	}
}
