package widgets_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/widgets"
)

// tagsVault has nested tags, a tag spelled two ways, a note without tags and one in a
// folder.
var tagsVault = map[string]string{
	"a.md":       "---\ntitle: Agents at work\ntags: [ai/agents]\n---\nAbout #AI things.\n",
	"b.md":       "---\ntitle: Big models\n---\n#ai #ml\n",
	"c.md":       "---\ntitle: Crawlers\n---\n#ai/agents/tools #Rust\n",
	"notes/d.md": "---\ntitle: Deep dive\n---\n#rust\n",
	"plain.md":   "no tags\n",
}

// tagsWindow shows a tags panel of files in a test window; the counting runs at once.
func tagsWindow(t *testing.T, files map[string]string) (*widgets.TagsPanel, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	p := widgets.NewTagsPanel()
	widgets.SetTagsPanelAsync(p, func(f func()) { f() })
	p.SetIndex(pageTreeIndex(t, files))
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(300, 420))
	return p, w
}

// shownRows is the text on the canvas line by line, the pieces of a line joined by one
// space.
func shownRows(c fyne.Canvas) []string {
	type piece struct {
		y, x float32
		text string
	}
	var pieces []piece
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" {
			pieces = append(pieces, piece{float32(math.Round(float64(abs.Y + txt.Size().Height/2))), abs.X, txt.Text})
		}
	})
	slices.SortStableFunc(pieces, func(a, b piece) int {
		if math.Abs(float64(a.y-b.y)) >= 3 {
			return int(a.y - b.y)
		}
		return int(a.x - b.x)
	})
	var rows []string
	lastY := float32(-100)
	for _, p := range pieces {
		if len(rows) > 0 && math.Abs(float64(p.y-lastY)) < 3 {
			rows[len(rows)-1] += " " + p.text
		} else {
			rows = append(rows, p.text)
			lastY = p.y
		}
	}
	for i, r := range rows {
		rows[i] = strings.Join(strings.Fields(r), " ")
	}
	return rows
}

func assertRows(t *testing.T, c fyne.Canvas, want ...string) {
	t.Helper()
	if got := shownRows(c); !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

// toggleTag opens or closes the tag shown as text by tapping its arrow.
func toggleTag(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	var rowY float32 = -1
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == text && rowY < 0 {
			rowY = abs.Y + txt.Size().Height/2
		}
	})
	if rowY < 0 {
		t.Fatalf("no tag %q shown; rows %q", text, shownRows(c))
	}
	var at *fyne.Position
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if fmt.Sprintf("%T", o) == "*widget.branchIcon" && abs.Y <= rowY && rowY <= abs.Y+o.Size().Height && at == nil {
			mid := abs.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
			at = &mid
		}
	})
	if at == nil {
		t.Fatalf("tag %q has no arrow", text)
	}
	test.TapCanvas(c, *at)
}

func TestTagsPanel_TreeShowsCountsAndNestedChildren(t *testing.T) {
	_, w := tagsWindow(t, tagsVault)
	c := w.Canvas()
	assertRows(t, c, "Filter tags", "#ai 3", "#ml 1", "#Rust 2")
	toggleTag(t, c, "#ai")
	assertRows(t, c, "Filter tags", "#ai 3", "agents 2", "#ml 1", "#Rust 2")
	toggleTag(t, c, "agents")
	assertRows(t, c, "Filter tags", "#ai 3", "agents 2", "tools 1", "#ml 1", "#Rust 2")
	test.AssertRendersToMarkup(t, "tags/tree.xml", c)
}

func TestTagsPanel_TapTagListsNotesAndOpensThem(t *testing.T) {
	p, w := tagsWindow(t, tagsVault)
	c := w.Canvas()
	var opened []string
	p.OnOpen = func(path string) { opened = append(opened, path) }

	tapShownText(t, c, "#ai")
	if p.Shown() != "ai" {
		t.Fatalf("Shown() = %q after tapping #ai", p.Shown())
	}
	assertRows(t, c, "All tags", "#ai 3 notes", "Agents at work", "Big models", "Crawlers")
	test.AssertRendersToMarkup(t, "tags/notes.xml", c)
	tapShownText(t, c, "Crawlers")
	if !slices.Equal(opened, []string{"c.md"}) {
		t.Errorf("tapping Crawlers opened %q, want c.md", opened)
	}

	tapShownText(t, c, "All tags")
	assertRows(t, c, "Filter tags", "#ai 3", "#ml 1", "#Rust 2")
	// The same tag again: it lists again (the tree's selection was let go).
	tapShownText(t, c, "#ai")
	assertRows(t, c, "All tags", "#ai 3 notes", "Agents at work", "Big models", "Crawlers")

	// A nested tag lists its notes and those of the tags below it; the folder is shown.
	p.ShowTag("#RUST")
	assertRows(t, c, "All tags", "#Rust 2 notes", "Crawlers", "Deep dive notes")
	tapShownText(t, c, "Deep dive")
	if !slices.Equal(opened, []string{"c.md", "notes/d.md"}) {
		t.Errorf("opened %q, want c.md then notes/d.md", opened)
	}
}

func TestTagsPanel_SetIndexKeepsOpenTagsAndList(t *testing.T) {
	p, w := tagsWindow(t, tagsVault)
	c := w.Canvas()
	toggleTag(t, c, "#ai")

	more := map[string]string{"e.md": "---\ntitle: Extra\n---\n#ai/vision #zoo\n"}
	for k, v := range tagsVault {
		more[k] = v
	}
	p.SetIndex(pageTreeIndex(t, more))
	assertRows(t, c, "Filter tags", "#ai 4", "agents 2", "vision 1", "#ml 1", "#Rust 2", "#zoo 1")

	p.ShowTag("ai/agents")
	assertRows(t, c, "All tags", "#ai/agents 2 notes", "Agents at work", "Crawlers")
	delete(more, "a.md")
	p.SetIndex(pageTreeIndex(t, more))
	assertRows(t, c, "All tags", "#ai/agents 1 note", "Crawlers")
	delete(more, "c.md")
	p.SetIndex(pageTreeIndex(t, more))
	assertRows(t, c, "All tags", "#ai/agents 0 notes", "No notes are tagged #ai/agents")

	tapShownText(t, c, "All tags")
	assertRows(t, c, "Filter tags", "#ai 2", "vision 1", "#ml 1", "#rust 1", "#zoo 1") // only d.md is left, spelling it #rust
}

func TestTagsPanel_Filter(t *testing.T) {
	p, w := tagsWindow(t, tagsVault)
	c := w.Canvas()
	var opened string
	p.OnOpen = func(path string) { opened = path }

	p.SetFilter("#AGE")
	assertRows(t, c, "#AGE", "#ai/agents 2", "#ai/agents/tools 1")
	tapShownText(t, c, "#ai/agents/tools")
	assertRows(t, c, "All tags", "#ai/agents/tools 1 note", "Crawlers")
	tapShownText(t, c, "Crawlers")
	if opened != "c.md" {
		t.Errorf("opened %q, want c.md", opened)
	}
	tapShownText(t, c, "All tags")
	assertRows(t, c, "#AGE", "#ai/agents 2", "#ai/agents/tools 1")

	p.SetFilter("zebra")
	assertRows(t, c, "zebra", "No tags match “zebra”")
	p.SetFilter("")
	assertRows(t, c, "Filter tags", "#ai 3", "#ml 1", "#Rust 2")
}

func TestTagsPanel_EmptyStates(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewTagsPanel()
	widgets.SetTagsPanelAsync(p, func(f func()) { f() })
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(300, 300))
	assertRows(t, w.Canvas(), "Filter tags", "No vault open")
	p.SetIndex(pageTreeIndex(t, map[string]string{"a.md": "no tags at all\n"}))
	assertRows(t, w.Canvas(), "Filter tags", "No tags in this vault")
	p.ShowTag("")
	if p.Shown() != "" {
		t.Errorf("ShowTag(\"\") shows %q", p.Shown())
	}
}

// TestTagsPanel_LateCountIsDropped: the counts of an older snapshot that arrive after a
// newer one's are not shown.
func TestTagsPanel_LateCountIsDropped(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewTagsPanel()
	var queue []func()
	widgets.SetTagsPanelAsync(p, func(f func()) { queue = append(queue, f) })
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(300, 300))
	p.SetIndex(pageTreeIndex(t, map[string]string{"a.md": "#old\n"}))
	p.SetIndex(pageTreeIndex(t, map[string]string{"a.md": "#new\n"}))
	if len(queue) != 2 {
		t.Fatalf("%d counts started, want 2", len(queue))
	}
	queue[1]()
	queue[0]()
	assertRows(t, w.Canvas(), "Filter tags", "#new 1")
}

// TestTagsPanel_CountsOffTheUIGoroutine runs the counting on its own goroutine, as in the
// app (run with -race).
func TestTagsPanel_CountsOffTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewTagsPanel()
	done := make(chan struct{})
	widgets.SetTagsPanelAsync(p, func(f func()) {
		go func() {
			f()
			close(done)
		}()
	})
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(300, 300))
	p.SetIndex(pageTreeIndex(t, tagsVault))
	<-done
	assertRows(t, w.Canvas(), "Filter tags", "#ai 3", "#ml 1", "#Rust 2")
}
