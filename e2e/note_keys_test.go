package e2e

import (
	"fmt"
	"image"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The note scrolls from the keyboard once it is clicked, in the real window: the keys come
// through Fyne's desktop driver (XTEST events from xdotool), which is where a widget test
// cannot look (issue 12, item 8).
func TestNoteKeys_ScrollTheNoteAfterAClick(t *testing.T) {
	var long strings.Builder
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&long, "Paragraph %d of the long note.\n\n", i)
	}
	dir := WriteVault(t, map[string]string{
		"Long note.md":   long.String(),
		"Destination.md": "The end of the trip.\n",
	})
	a := Start(t, dir, "Long note.md")
	a.WaitTitle("Long note")
	at := a.WaitText(image.Rectangle{}, "Paragraph 3 of")
	a.Click((at.Min.X+at.Max.X)/2, (at.Min.Y+at.Max.Y)/2)
	// Only the note's column is read from now on: OCR of the whole window is slow.
	column := image.Rect(at.Min.X-20, 0, at.Max.X+3*at.Dx(), 10000)

	shown := func(step string, ok func(got []int) bool) []int {
		t.Helper()
		got := a.waitParagraphs(step, column, 5, ok)
		t.Logf("%s: paragraphs %d to %d", step, got[0], got[len(got)-1])
		return got
	}
	top := shown("the top of the note", func(got []int) bool { return got[0] == 1 })
	perPage := top[len(top)-1] - top[0]

	// A page less a line: the paragraph at the bottom is still in view at the top.
	pageOn := func(step string, before []int, keys ...string) []int {
		t.Helper()
		a.Key(keys...)
		last := before[len(before)-1]
		return shown(fmt.Sprintf("%s from paragraphs %d-%d to show from %d", step, before[0], last, last),
			func(got []int) bool { return got[0] >= last-2 && got[0] <= last+1 })
	}
	// back waits for the view to be where it was before.
	back := func(step string, want []int, keys ...string) {
		t.Helper()
		a.Key(keys...)
		shown(fmt.Sprintf("%s to show from paragraph %d", step, want[0]),
			func(got []int) bool { return got[0] == want[0] })
	}
	// atEnd waits for the last paragraph to be in view.
	atEnd := func(step string, keys ...string) {
		t.Helper()
		a.Key(keys...)
		shown(step+" to show the last paragraph", func(got []int) bool { return slices.Contains(got, 200) })
	}

	page1 := pageOn("Page_Down", top, "Page_Down")
	pageOn("Page_Down again", page1, "Page_Down")
	back("Page_Up", page1, "Page_Up")
	back("Home", top, "Home")
	pageOn("space", top, "space")
	back("shift+space", top, "shift+space")
	atEnd("End", "End")
	back("ctrl+Home", top, "ctrl+Home")
	atEnd("ctrl+End", "ctrl+End")
	back("Home again", top, "Home")

	// Down moves a line at a time: ten of them less than a page, more than a paragraph.
	a.Key("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
	shown(fmt.Sprintf("ten Down to move more than a paragraph, less than a page (%d)", perPage),
		func(got []int) bool { return got[0]-top[0] >= 2 && got[0]-top[0] < perPage })
	back("ten Up", top, "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up")

	// The window's shortcuts still work while the note has the focus. (Both are menu items,
	// which Fyne's driver tries before the focused widget; TestNoteView_ShortcutsTheNote...
	// in widgets covers a shortcut only the canvas has.)
	a.Key("ctrl+o")
	a.Type("Destination")
	a.Key("Return")
	a.WaitTitle("Destination")
	a.Key("alt+Left")
	a.WaitTitle("Long note")
}

// visibleParagraphs are the numbers read after "Paragraph", top to bottom, keeping only
// those next to their neighbour's number (a misread digit is dropped, not trusted).
func visibleParagraphs(words []Word) []int {
	type read struct{ n, y int }
	var rs []read
	for i := 0; i+1 < len(words); i++ {
		if fold(words[i].Text) != "paragraph" || words[i+1].Line != words[i].Line {
			continue
		}
		if n, err := strconv.Atoi(fold(words[i+1].Text)); err == nil {
			rs = append(rs, read{n, words[i].Box.Min.Y})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].y < rs[j].y })
	var out []int
	for i, r := range rs {
		prev := i > 0 && rs[i-1].n == r.n-1
		next := i+1 < len(rs) && rs[i+1].n == r.n+1
		if prev || next {
			out = append(out, r.n)
		}
	}
	return out
}

// waitParagraphs waits until the note's column holds still (a key is drawn a frame or more
// after xdotool sends it) with at least `least` "Paragraph N" lines in view that pass ok, and
// returns their numbers, top to bottom.
func (a *App) waitParagraphs(step string, column image.Rectangle, least int, ok func(got []int) bool) []int {
	a.t.Helper()
	var got []int
	var last image.Image
	a.Wait(step, func() bool {
		img := a.Shot("")
		still := last != nil && sameIn(last, img, column)
		last = img
		if !still {
			return false
		}
		got = visibleParagraphs(a.Words(img, column))
		return len(got) >= least && ok(got)
	})
	return got
}

// sameIn reports whether two screenshots are alike in a region.
func sameIn(a, b image.Image, r image.Rectangle) bool {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
