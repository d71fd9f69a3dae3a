package e2e

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"
	"time"
)

// A full stop after a timestamp chip never wraps to a line of its own, in the real window
// (issue 12, item 7). Each line of the note ends in a chip and a full stop, the chip a few
// pixels further right from one line to the next, so that at any width of the note's column
// some chips end just short of the line's end: there the full stop used to start the next
// line alone. Every screen of the note is read for a line that holds nothing but a speck.
func TestChipPunct_FullStopStaysWithItsChip(t *testing.T) {
	const chip = `<a class="yt-timestamp" data-t="00:10:00">[00:10:00]</a>`
	var note strings.Builder
	note.WriteString("---\nvideoId: APvj15_YCqk\n---\n")
	note.WriteString(`Open the video here <a class="yt-timestamp" data-t="00:18:28">[00:18:28]</a>.` + "\\\n")
	// An "l" is 3.6 px wide and a full stop 3.75: chips step through every position where
	// the full stop did not fit after them. "I" (4.75 px) shifts the second run of steps.
	// (Not "i": its dots would read as a line of specks of their own.) The lines are hard
	// line breaks in paragraphs of 20: a longer paragraph is cut into parts anywhere.
	for k := 1; k <= 210; k++ {
		for _, tail := range []string{"", "I"} {
			fmt.Fprintf(&note, "%s%s %s.", strings.Repeat("l", k), tail, chip)
			if k%10 == 0 && tail != "" {
				note.WriteString("\n\n")
			} else {
				note.WriteString("\\\n")
			}
		}
	}
	note.WriteString("The end.\n")
	dir := WriteVault(t, map[string]string{"Chip punctuation.md": note.String()})
	a := Start(t, dir, "Chip punctuation.md")
	a.WaitTitle("Chip punctuation")
	a.Resize(1200, 1000)

	// The note's first line; the panes beside the note (the timeline repeats the line) are
	// kept out of what is read: the lines start where it starts, and only their first 150 px
	// are looked at.
	width := a.Shot("").Bounds().Dx()
	first := a.WaitText(image.Rect(0, 0, width*3/4, 10000), "Open the video here")
	left := first.Min.X - 4
	starts := image.Rect(left, first.Min.Y-4, left+150, 10000)
	chipAt := a.WaitText(image.Rect(first.Max.X, first.Min.Y-8, first.Max.X+200, first.Max.Y+8), "18:28")

	var top, last image.Image
	screens := 0
	for {
		img := a.stillShot(starts)
		if last != nil && sameIn(last, img, starts) {
			break // Page Down moved no further: the end of the note
		}
		screens++
		if specks := loneSpecks(img, starts.Intersect(img.Bounds())); len(specks) > 0 {
			a.Shot(t.Name() + ".png")
			t.Fatalf("screen %d: a line holds nothing but punctuation at %v", screens, specks)
		}
		last = img
		if screens == 1 {
			// A click on the note's text (the "l" starting the second line) gives it the keys.
			a.Click(first.Min.X+1, first.Max.Y+12)
			top = a.stillShot(starts)
		}
		if screens > 60 {
			t.Fatal("Page Down never reached the end of the note")
		}
		a.Key("Page_Down")
		a.waitChange(last, starts)
	}
	if screens < 5 {
		t.Fatalf("read %d screens of a note of 421 lines", screens)
	}
	if _, ok := Find(a.Words(last, image.Rect(left, 0, left+300, 10000)), "The end"); !ok {
		a.Shot(t.Name() + ".png")
		t.Fatalf("the last of %d screens read is not the note's end", screens)
	}
	t.Logf("read %d screens", screens)

	// The chip still opens the video at its second, with the full stop beside it.
	a.Key("ctrl+Home")
	a.Wait("the top of the note", func() bool { return sameIn(top, a.stillShot(starts), starts) })
	a.Click((chipAt.Min.X+chipAt.Max.X)/2, (chipAt.Min.Y+chipAt.Max.Y)/2)
	if got := a.WaitOpened(1); got != "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s" {
		t.Errorf("the chip opened %q", got)
	}
}

// stillShot waits until region of the window holds still (a key is drawn a frame or more
// after xdotool sends it) and returns the screenshot.
func (a *App) stillShot(region image.Rectangle) image.Image {
	a.t.Helper()
	var img image.Image
	a.Wait("the window to hold still", func() bool {
		shot := a.Shot("")
		still := img != nil && sameIn(img, shot, region)
		img = shot
		return still
	})
	return img
}

// waitChange waits up to 10 s for region of the window to differ from before: a key that
// moves nothing changes nothing.
func (a *App) waitChange(before image.Image, region image.Rectangle) {
	a.t.Helper()
	give := time.After(10 * time.Second)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for sameIn(before, a.Shot(""), region) {
		select {
		case <-give:
			return
		case <-a.exited:
			a.fail("vaultview exited after a key")
		case <-tick.C:
		}
	}
}

// loneSpecks returns the boxes of the lines in region whose ink is a speck (a full stop, a
// comma: at most 6 by 6 px), a line being a band of rows with ink between blank rows.
func loneSpecks(img image.Image, region image.Rectangle) []image.Rectangle {
	// The background is the colour most often seen down the region's left edge.
	seen := map[color.Color]int{}
	var bg color.Color
	for y := region.Min.Y; y < region.Max.Y; y++ {
		c := img.At(region.Min.X, y)
		if seen[c]++; bg == nil || seen[c] > seen[bg] {
			bg = c
		}
	}
	ink := func(x, y int) bool { return far(img.At(x, y), bg) }
	var out []image.Rectangle
	var band image.Rectangle
	inBand := false
	for y := region.Min.Y; y <= region.Max.Y; y++ {
		row := image.Rectangle{}
		if y < region.Max.Y {
			for x := region.Min.X; x < region.Max.X; x++ {
				if ink(x, y) {
					row = row.Union(image.Rect(x, y, x+1, y+1))
				}
			}
		}
		switch {
		case !row.Empty() && inBand:
			band = band.Union(row)
		case !row.Empty():
			band, inBand = row, true
		case inBand:
			inBand = false
			if band.Dx() <= 6 && band.Dy() <= 6 {
				out = append(out, band)
			}
		}
	}
	return out
}

// far reports whether two colours differ enough to tell ink from the background.
func far(a, b color.Color) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) uint32 {
		if x > y {
			return (x - y) >> 8
		}
		return (y - x) >> 8
	}
	return max(d(ar, br), d(ag, bg), d(ab, bb)) > 40
}
