package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

const selectNote = `---
videoId: dQw4w9WgXcQ
---
# The talk

First paragraph about the **tide** and [[Moon|the moon]].

Second paragraph at <a class="yt-timestamp" data-t="00:18:28">00:18:28</a>, then more words.

- one item
- two ` + "`code`" + ` item

Last paragraph.
`

// selText returns the first text drawn that holds s, and where in the window s starts and
// ends on it (at mid height).
func selText(t *testing.T, w fyne.Window, s string) (start, end fyne.Position) {
	t.Helper()
	var found *canvas.Text
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*canvas.Text); ok && found == nil && strings.Contains(c.Text, s) {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no text holds %q", s)
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(found)
	i := strings.Index(found.Text, s)
	x0 := fyne.MeasureText(found.Text[:i], found.TextSize, found.TextStyle).Width
	x1 := fyne.MeasureText(found.Text[:i+len(s)], found.TextSize, found.TextStyle).Width
	y := at.Y + found.Size().Height/2
	return fyne.NewPos(at.X+x0+1, y), fyne.NewPos(at.X+x1-1, y)
}

func TestNoteView_DragSelectsAcrossParagraphsAndAChip(t *testing.T) {
	nv, w := nmShow(t, selectNote, fyne.NewSize(800, 600))
	if nv.HasSelection() {
		t.Fatal("a note opens with a selection")
	}
	from, _ := selText(t, w, "First")
	nv.PressAt(from, 0)
	_, to := selText(t, w, "more words.")
	// The pointer moves in steps, as a hand does, through the chip's row.
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	nv.DragTo(mid)
	nv.DragTo(to)
	nv.Release()

	chip := nvChips(w)[0].URL()
	want := "First paragraph about the tide and the moon.\n\nSecond paragraph at [18:28](" + chip + "), then more words"
	if got := nv.SelectedText(); got != want && got != want+"." {
		t.Fatalf("selected\n%q\nwant\n%q", got, want)
	}
	if len(nv.ShadedWidths()) < 10 {
		t.Errorf("the selection is drawn over %d units, want every word of it", len(nv.ShadedWidths()))
	}

	// Ctrl+C puts it on the clipboard; the right-click menu offers the three copies.
	clip := test.NewClipboard()
	nv.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if clip.Content() != nv.SelectedText() {
		t.Errorf("Ctrl+C copied %q", clip.Content())
	}
	for label, on := range nv.SelectionMenu() {
		if !on {
			t.Errorf("%q is off with text selected", label)
		}
	}
	md := nv.CopyAs("markdown")
	for _, part := range []string{"**tide**", "[[Moon|the moon]]", "[18:28](" + chip + ")"} {
		if !strings.Contains(md, part) {
			t.Errorf("as Markdown %q lacks %q", md, part)
		}
	}
	quote := nv.CopyAs("quote")
	wantQuote := "> First paragraph about the tide and the moon.\n>\n> Second paragraph at"
	if !strings.HasPrefix(quote, wantQuote) || !strings.HasSuffix(quote, "\n>\n> — [18:28]("+chip+") · [[n]]") {
		t.Errorf("as a quote:\n%s", quote)
	}

	// A click elsewhere selects nothing, and the menu's copies are off.
	last, _ := selText(t, w, "Last")
	nv.PressAt(last, 0)
	nv.Release()
	if nv.HasSelection() {
		t.Errorf("a click left %q selected", nv.SelectedText())
	}
	if len(nv.ShadedWidths()) != 0 {
		t.Error("the old selection is still drawn")
	}
	if m := nv.SelectionMenu(); m["Copy"] || !m["Select all"] {
		t.Errorf("menu with nothing selected: %v", m)
	}
}

func TestNoteView_ClicksSelectAWordAndAParagraph(t *testing.T) {
	nv, w := nmShow(t, selectNote, fyne.NewSize(800, 600))
	at, _ := selText(t, w, "paragraph about")
	at.X += 5
	nv.PressAt(at, 0)
	nv.Release()
	nv.PressAt(at, 0)
	nv.Release()
	if got := nv.SelectedText(); got != "paragraph" {
		t.Errorf("a double click selected %q", got)
	}
	nv.PressAt(at, 0)
	nv.Release()
	if got := nv.SelectedText(); got != "First paragraph about the tide and the moon." {
		t.Errorf("a triple click selected %q", got)
	}

	// Shift+click extends from where the selection started.
	start, _ := selText(t, w, "Second")
	nv.PressAt(start, 0)
	nv.Release()
	_, end := selText(t, w, "then")
	nv.PressAt(end, fyne.KeyModifierShift)
	nv.Release()
	if got := nv.SelectedText(); !strings.HasPrefix(got, "Second paragraph at [18:28](") || !strings.HasSuffix(got, "), then") {
		t.Errorf("Shift+click selected %q", got)
	}
}

func TestNoteView_SelectAllCopiesTheNoteAsItReads(t *testing.T) {
	nv, _ := nmShow(t, selectNote, fyne.NewSize(800, 600))
	nv.TypedShortcut(&fyne.ShortcutSelectAll{})
	got := nv.SelectedText()
	for _, part := range []string{"The talk\n\nFirst paragraph", "•  one item\n•  two code item", "Last paragraph."} {
		if !strings.Contains(got, part) {
			t.Errorf("Ctrl+A copies\n%s\nwithout %q", got, part)
		}
	}
	md := nv.CopyAs("markdown")
	for _, part := range []string{"# The talk\n\n", "- one item\n- two `code` item", "Last paragraph."} {
		if !strings.Contains(md, part) {
			t.Errorf("as Markdown\n%s\nwithout %q", md, part)
		}
	}
	nv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if nv.HasSelection() {
		t.Error("Escape left the selection")
	}
}

// The find bar's marks and the selection's cut rows are made over each other; opening and
// closing the bar with text selected keeps the selection and the text as they were.
func TestNoteView_SelectionOutlivesTheFindBar(t *testing.T) {
	nv, _ := nmShow(t, selectNote, fyne.NewSize(800, 600))
	nv.TypedShortcut(&fyne.ShortcutSelectAll{})
	before := nv.SelectedText()
	entry := nv.ShowFind()
	test.Type(entry.(fyne.Focusable), "paragraph")
	nv.HideFind()
	if got := nv.SelectedText(); got != before {
		t.Errorf("after the find bar:\n%q\nwas\n%q", got, before)
	}
	if got := nv.Note().Text(); strings.Count(got, "paragraph") != 3 {
		t.Errorf("the note reads %q after find and select", got)
	}

}

// Inside a callout the text is laid out by a RichText within the box, not by the row: a drag
// there selects the words under the pointer, and the callout copies as one in Markdown.
func TestNoteView_SelectsInsideACallout(t *testing.T) {
	src := "# Box\n\n> [!note] Remember this\n> Inside the box are several words to select.\n\nAfter the box.\n"
	nv, w := nmShow(t, src, fyne.NewSize(800, 600))
	from, _ := selText(t, w, "several")
	nv.PressAt(from, 0)
	_, to := selText(t, w, "words")
	nv.DragTo(to)
	nv.Release()
	if got := nv.SelectedText(); got != "several words" {
		t.Errorf("a drag in the callout selected %q", got)
	}
	nv.SelectAll()
	md := nv.CopyAs("markdown")
	if want := "> [!note] Remember this\n> Inside the box are several words to select."; !strings.Contains(md, want) {
		t.Errorf("as Markdown:\n%s\nwant it to hold\n%s", md, want)
	}
}

// A drag below the view scrolls the note and goes on selecting what comes into view.
func TestNoteView_DragPastTheBottomScrolls(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		b.WriteString("Line of the long note number " + strings.Repeat("x", i%7) + ".\n\n")
	}
	nv, w := nmShow(t, b.String(), fyne.NewSize(600, 300))
	from, _ := selText(t, w, "Line of")
	nv.PressAt(from, 0)
	bottom := fyne.NewPos(from.X+50, fyne.CurrentApp().Driver().AbsolutePositionForObject(nv).Y+nv.Size().Height+40)
	for range 10 {
		nv.DragTo(bottom)
	}
	nv.Release()
	_, _, _, view := nv.KeySteps()
	if got := strings.Count(nv.SelectedText(), "Line of"); got <= int(view/30) {
		t.Errorf("a drag held below the note selected %d lines: it did not scroll", got)
	}
}

// A table is selected whole: a drag from the paragraph above into the lower half of the
// table takes all of it, tab between cells.
func TestNoteView_DragTakesATableWhole(t *testing.T) {
	src := "# T\n\nAbove the table.\n\n| Name | Moment |\n| --- | --- |\n| tide | 18:28 |\n| moon | 20:00 |\n\nBelow.\n"
	nv, w := nmShow(t, src, fyne.NewSize(800, 600))
	from, _ := selText(t, w, "Above")
	nv.PressAt(from, 0)
	_, moon := selText(t, w, "moon")
	nv.DragTo(moon)
	nv.Release()
	if got, want := nv.SelectedText(), "Above the table.\n\nName\tMoment\ntide\t18:28\nmoon\t20:00"; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	if md := nv.CopyAs("markdown"); !strings.Contains(md, "| Name | Moment |\n| --- | --- |\n| tide | 18:28 |") {
		t.Errorf("as Markdown:\n%s", md)
	}
}
