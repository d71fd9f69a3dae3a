package widgets_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// nmShow shows a note made of src in a window of the given size.
func nmShow(t *testing.T, src string, size fyne.Size) (*widgets.NoteView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	nv := widgets.NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(size)
	nv.ShowNote(widgets.RenderNote(widgets.RenderInput{Source: []byte(src), Note: vault.ParseNote("n.md", []byte(src))}))
	return nv, w
}

// nmInView reports whether the text s is drawn inside the note's viewport.
func nmInView(t *testing.T, nv *widgets.NoteView, w fyne.Window, s string) bool {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(nv).Y
	bottom := top + nv.Size().Height
	for _, txt := range nvTexts(w, s) {
		if y := d.AbsolutePositionForObject(txt).Y; y >= top+100 && y < bottom {
			return true
		}
	}
	return false
}

func TestNoteView_ShowMatchScrollsToTheBlockAndMarksTheText(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(700, 300))
	nv := w.Content().(*widgets.NoteView)
	src, err := os.ReadFile("testdata/noteview/vault/" + nvFixtureNote)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(src), "check the wind")
	if !nv.ShowMatch(at, "Check  the WIND") {
		t.Fatal("the match's offset is not in the note")
	}
	if got := widgets.MarkedWords(nv); !slices.Equal(got, []string{"check", " ", "the", " ", "wind"}) {
		t.Errorf("marked %q", got)
	}
	if !nmInView(t, nv, w, "wind") {
		t.Error("the marked text is not in view")
	}
	// The other list item has "check the chart": not marked, and still drawn whole.
	if len(nvTexts(w, "First, check the chart")) != 1 {
		t.Error("text outside the match was changed")
	}

	// The next ShowMatch, or ShowNote, takes the marks away.
	at = strings.Index(string(src), "piles up on both sides")
	if !nv.ShowMatch(at, "piles up") {
		t.Fatal("second match not found")
	}
	if got := nv.MarkedText(); got != "piles up" {
		t.Errorf("after a second ShowMatch the marks are %q", got)
	}
	// A marked word is drawn twice: as text, and over it on its mark.
	if n := len(nvTexts(w, "piles")); n != 2 {
		t.Errorf("the marked word is drawn %d times", n)
	}
	nv.ClearMatch()
	if got := widgets.MarkedWords(nv); len(got) != 0 {
		t.Errorf("ClearMatch left %q", got)
	}
	if !nv.ShowMatch(at, "piles up") {
		t.Fatal("third match not found")
	}
	nv.ShowNote(nv.Note())
	if got := widgets.MarkedWords(nv); len(got) != 0 {
		t.Errorf("ShowNote left %q", got)
	}
	if n := len(nvTexts(w, "piles")); n != 0 {
		t.Errorf("%d marks are still drawn", n)
	}
}

func TestNoteView_ShowMatchAcrossStyles(t *testing.T) {
	for _, tc := range []struct {
		name, src, find, text string
		want                  []string
	}{
		{"bold then plain", "Intro.\n\nThe **monetary** policy of the bank.\n", "The **monetary**", "monetary policy",
			[]string{"**monetary**", " ", "policy"}},
		{"every occurrence in the block", "Intro.\n\nPolicy here, *policy* there, POLICY everywhere.\n\nNo policy here.\n", "Policy here", "policy",
			[]string{"Policy", "policy", "POLICY"}}, // italic is not shown by MarkedWords
		{"a link", "Intro.\n\nSee [[Monetary Policy]] first.\n", "See", "see monetary",
			[]string{"See", " ", "Monetary"}},
		{"a list item", "- one\n- the *central* bank\n", "- the", "central bank",
			[]string{"central", " ", "bank"}},
		{"a callout", "> [!note] Rates\n> Interest rates rise.\n", "> [!note]", "rates rise",
			[]string{"rates", " ", "rise"}},
		{"not in the block", "Intro.\n\nNothing here.\n\nThe policy.\n", "Nothing", "policy", nil},
		{"empty text", "Intro.\n\nNothing here.\n", "Nothing", "  ", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nv, _ := nmShow(t, tc.src, fyne.NewSize(600, 400))
			at := strings.Index(tc.src, tc.find)
			if at < 0 {
				t.Fatal("bad test")
			}
			if !nv.ShowMatch(at, tc.text) {
				t.Fatal("the offset is not in the note")
			}
			if got := widgets.MarkedWords(nv); !slices.Equal(got, tc.want) {
				t.Errorf("marked %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNoteView_ShowMatchOffsetNotInNote(t *testing.T) {
	src := "---\ntitle: T\n---\nOne.\n\nTwo.\n"
	nv, _ := nmShow(t, src, fyne.NewSize(600, 400))
	for _, off := range []int{-1, len(src), len(src) + 100} {
		if nv.ShowMatch(off, "One") {
			t.Errorf("offset %d is in the note", off)
		}
	}
	if !nv.ShowMatch(3, "title") {
		t.Error("an offset in the frontmatter is not in the note")
	}
	if got := widgets.MarkedWords(nv); len(got) != 0 {
		t.Errorf("the frontmatter match marked %q", got)
	}
	empty := widgets.NewNoteView()
	if empty.ShowMatch(0, "x") {
		t.Error("a view without a note has the offset")
	}
}

func TestNoteView_ShowMatchInALongParagraphRevealsIt(t *testing.T) {
	// A paragraph far longer than the view, cut into rows: the match near its end must be
	// in view, not the paragraph's start.
	var b strings.Builder
	b.WriteString("Start.\n\n")
	for i := range 400 {
		b.WriteString("Filler sentence number ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(" goes on. ")
	}
	at := b.Len()
	b.WriteString("The needle sits here. ")
	for range 50 {
		b.WriteString("More filler goes on. ")
	}
	b.WriteString("\n")
	nv, w := nmShow(t, b.String(), fyne.NewSize(600, 400))
	if !nv.ShowMatch(at+4, "needle") {
		t.Fatal("not found")
	}
	if got := nv.MarkedText(); got != "needle" {
		t.Errorf("marked %q", got)
	}
	if !nmInView(t, nv, w, "needle") {
		t.Error("the mark is not in view")
	}
}

func TestNoteView_MarkedTextIsTheOccurrenceNearestTheOffset(t *testing.T) {
	src := "Intro.\n\nPolicy here, *policy* there, POLICY everywhere.\n"
	nv, _ := nmShow(t, src, fyne.NewSize(600, 400))
	for _, tc := range []struct{ at, want string }{
		{"Policy here", "Policy"},
		{"*policy*", "policy"},
		{"POLICY every", "POLICY"},
	} {
		if !nv.ShowMatch(strings.Index(src, tc.at), "policy") {
			t.Fatal("not in the note")
		}
		if got := nv.MarkedText(); got != tc.want {
			t.Errorf("at %q MarkedText is %q, want %q", tc.at, got, tc.want)
		}
		if n := len(widgets.MarkedWords(nv)); n != 3 {
			t.Errorf("at %q %d words are marked, want all 3 occurrences", tc.at, n)
		}
	}
	nv.ClearMatch()
	if got := nv.MarkedText(); got != "" {
		t.Errorf("after ClearMatch MarkedText is %q", got)
	}
}

func TestNoteView_AnotherMatchTakesTheOldMarksOffTheScreen(t *testing.T) {
	src := "The first paragraph has apples.\n\nThe second paragraph has pears.\n"
	nv, w := nmShow(t, src, fyne.NewSize(600, 600))
	nv.ShowMatch(strings.Index(src, "has apples"), "apples")
	if n := len(nvTexts(w, "apples")); n != 2 {
		t.Fatalf("the mark is drawn %d times, want the word and its mark", n)
	}
	nv.ShowMatch(strings.Index(src, "has pears"), "pears")
	if n := len(nvTexts(w, "apples")); n != 0 {
		t.Errorf("the first mark is still drawn (%d)", n)
	}
	if n := len(nvTexts(w, "pears")); n != 2 {
		t.Errorf("the second mark is drawn %d times", n)
	}
	nv.ClearMatch()
	if n := len(nvTexts(w, "pears")); n != 0 {
		t.Errorf("ClearMatch left the mark drawn (%d)", n)
	}
}
