package widgets_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/widgets"
)

// findNote is a long note: the word "tide" in paragraphs 3, 40 and 75 (twice in 75), in
// different cases and with an accent, and a heading holding it.
func findNote() string {
	var b strings.Builder
	b.WriteString("# Notes on the sea\n\n")
	for i := 1; i <= 80; i++ {
		switch i {
		case 3:
			b.WriteString("Paragraph 3 speaks of the Tide at dawn.\n\n")
		case 40:
			b.WriteString("## A tídé heading in paragraph 40\n\n")
		case 75:
			b.WriteString("Paragraph 75: TIDE after tide.\n\n")
		default:
			fmt.Fprintf(&b, "Paragraph %d is about waves and wind, nothing else.\n\n", i)
		}
	}
	return b.String()
}

func TestNoteView_FindCountsMarksAndSteps(t *testing.T) {
	nv, _ := nmShow(t, findNote(), fyne.NewSize(700, 400))
	entry := nv.ShowFind()
	if !nv.FindOpen() {
		t.Fatal("the find bar is not open")
	}
	test.Type(entry.(fyne.Focusable), "tide")
	if got := nv.FindStatus(); got != "1 of 4" {
		t.Fatalf("status %q, want 1 of 4 (case and accents do not matter)", got)
	}
	if got := widgets.FindCurrentWords(nv); !slices.Equal(got, []string{"Tide"}) {
		t.Errorf("current %q", got)
	}
	// Only rows that got a widget are marked: the note is long, the view short.
	if n := widgets.FindMarkedRows(nv); n != 1 {
		t.Errorf("%d rows marked, want only the one in view", n)
	}

	if !widgets.FindCurrentInView(nv) {
		t.Error("the first occurrence is not in view")
	}
	steps := []struct {
		step   func()
		status string
		words  []string
	}{
		{nv.FindNext, "2 of 4", []string{"tídé"}},
		{nv.FindNext, "3 of 4", []string{"TIDE"}},
		{nv.FindNext, "4 of 4", []string{"tide"}},
		{nv.FindNext, "1 of 4", []string{"Tide"}}, // round to the first
		{nv.FindPrevious, "4 of 4", []string{"tide"}},
	}
	for _, s := range steps {
		s.step()
		if got := nv.FindStatus(); got != s.status {
			t.Fatalf("status %q, want %q", got, s.status)
		}
		if got := widgets.FindCurrentWords(nv); !slices.Equal(got, s.words) {
			t.Errorf("%s: current %q, want %q", s.status, got, s.words)
		}
		if !widgets.FindCurrentInView(nv) {
			t.Errorf("%s: the occurrence is not in view", s.status)
		}
	}

	test.Type(entry.(fyne.Focusable), "s of the sea") // "tides of the sea": none
	if got := nv.FindStatus(); got != "No matches" {
		t.Errorf("status %q, want No matches", got)
	}
	nv.HideFind()
	if nv.FindOpen() || widgets.FindMarkedRows(nv) != 0 || len(widgets.MarkedWords(nv)) != 0 {
		t.Error("marks left after the bar closed")
	}
}

// TestNoteView_FindKeys: Enter and F3 go on, with Shift back, Escape closes, in the bar's
// entry as typed there.
func TestNoteView_FindKeys(t *testing.T) {
	nv, _ := nmShow(t, findNote(), fyne.NewSize(700, 400))
	entry := nv.ShowFind().(fyne.Focusable)
	test.Type(entry, "tide")
	keyable := entry.(interface {
		KeyDown(*fyne.KeyEvent)
		KeyUp(*fyne.KeyEvent)
	})
	press := func(k fyne.KeyName, shift bool) {
		if shift {
			keyable.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
		}
		entry.TypedKey(&fyne.KeyEvent{Name: k})
		if shift {
			keyable.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
		}
	}
	for _, s := range []struct {
		key    fyne.KeyName
		shift  bool
		status string
	}{
		{fyne.KeyReturn, false, "2 of 4"},
		{fyne.KeyF3, false, "3 of 4"},
		{fyne.KeyReturn, true, "2 of 4"},
		{fyne.KeyF3, true, "1 of 4"},
	} {
		press(s.key, s.shift)
		if got := nv.FindStatus(); got != s.status {
			t.Fatalf("%s (shift %v): status %q, want %q", s.key, s.shift, got, s.status)
		}
	}
	press(fyne.KeyEscape, false)
	if nv.FindOpen() {
		t.Error("Escape left the bar open")
	}
}
