package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// The reading vault of the suite: a home note, a video note with headings, chips, a tag and
// a table, a note that links back, and a long note with a wide table and a long code line
// (what used to move the dividers). Words are plain and distinct, for OCR.
func readingVault(t *testing.T) string {
	var long strings.Builder
	long.WriteString("---\ntitle: Wide Ledger\n---\n\n| Harbour | Tonnage | Remarks about the cargo and the weather on the crossing |\n| --- | --- | --- |\n")
	for i := range 40 {
		fmt.Fprintf(&long, "| Row%d | %d | %s |\n", i, i*7, strings.Repeat("squall ", 30))
	}
	long.WriteString("\n```\n" + strings.Repeat("unbroken_identifier_", 40) + "\n```\n")
	var alpha strings.Builder
	alpha.WriteString("---\ntitle: Alpha\nvideoId: APvj15_YCqk\ntags: [garden]\n---\n\n")
	alpha.WriteString("## Opening part\n\nThe copper lanterns were lit at dusk <a class=\"yt-timestamp\" data-t=\"00:01:12\">[00:01:12]</a>. ")
	alpha.WriteString("See [[Beta note]] for the quarry <a class=\"yt-timestamp\" data-t=\"00:02:05\">[00:02:05]</a>.\n\n")
	for i := range 30 {
		fmt.Fprintf(&alpha, "Filler paragraph %d about tides and weather and nothing else.\n\n", i)
	}
	alpha.WriteString("## Closing words\n\nThe keepers rested <a class=\"yt-timestamp\" data-t=\"00:09:40\">[00:09:40]</a>.\n")
	return WriteVault(t, map[string]string{
		"Home.md":         "# Home\n\nStart at [[Alpha]] or [[Beta note|the beta page]]; [[Not Written Yet]] is to come. #garden\n",
		"videos/Alpha.md": alpha.String(),
		"Beta note.md":    "---\ntitle: Beta note\ntags: [garden]\n---\n\nA quokka sat by the quarry. Back to [[Home]] and [[Alpha]].\n",
		"Wide Ledger.md":  long.String(),
	})
}

// Where things are in the window, found from a screenshot: the two dividers of the panes.
type panes struct {
	img              image.Image
	treeEdge, sideAt int // x of the tree | note and note | side dividers
}

// findPanes finds the dividers: columns a few pixels wide, of one colour down the whole
// middle of the window, between plain background of another (Fyne draws a split so).
func (a *App) findPanes(img image.Image) (panes, bool) {
	xs := dividers(img)
	if len(xs) != 2 {
		return panes{img: img}, false
	}
	return panes{img: img, treeEdge: xs[0], sideAt: xs[1]}, true
}

// dividers lists the centres of the dividers in img, left to right.
func dividers(img image.Image) []int {
	b := img.Bounds()
	top, bottom := b.Dy()*3/10, b.Dy()*7/10
	uniform := func(x int) (uint32, bool) {
		r0, g0, b0, _ := img.At(x, top).RGBA()
		for y := top; y < bottom; y += 3 {
			if y > b.Dy()/2-40 && y < b.Dy()/2+40 {
				continue // the divider's handle
			}
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				return 0, false
			}
		}
		return r0 + g0 + b0, true
	}
	var out []int
	for x := 1; x < b.Dx()-1; x++ {
		c, ok := uniform(x)
		if !ok {
			continue
		}
		w := 1
		for x+w < b.Dx()-1 {
			c2, ok := uniform(x + w)
			if !ok || c2 != c {
				break
			}
			w++
		}
		if w >= 3 && w <= 8 {
			l, lok := uniform(x - 1)
			r, rok := uniform(x + w)
			// A side is plain panel background of another colour (the other may be a
			// scroll bar); a gap in a column of text is background between glyphs.
			if (lok && l != c) || (rok && r != c) {
				out = append(out, x+w/2)
			}
		}
		x += w - 1
	}
	return out
}

// waitPanes waits until both dividers can be found, in the same place on three screenshots
// in a row (a drag's last motion events may still be on their way), and returns them.
func (a *App) waitPanes() panes {
	a.t.Helper()
	var p panes
	same := 0
	a.Wait("the window's two dividers, holding still", func() bool {
		q, ok := a.findPanes(a.Shot(""))
		if !ok {
			same = 0
			return false
		}
		if q.treeEdge == p.treeEdge && q.sideAt == p.sideAt {
			same++
		} else {
			same = 1
		}
		p = q
		return same >= 3
	})
	return p
}

// noteArea is the rendered note, between the dividers.
func (p panes) noteArea() image.Rectangle {
	return image.Rect(p.treeEdge+4, 60, p.sideAt-4, p.img.Bounds().Dy()-45)
}

// sideHeader is the side panel's header, where the pane on show is named.
func (p panes) sideHeader() image.Rectangle {
	return image.Rect(p.sideAt+4, 62, p.img.Bounds().Dx(), 118)
}

// sideArea is the side panel below its header.
func (p panes) sideArea() image.Rectangle {
	return image.Rect(p.sideAt+4, 110, p.img.Bounds().Dx(), p.img.Bounds().Dy()-45)
}

// treeArea is the page tree.
func (p panes) treeArea() image.Rectangle {
	return image.Rect(0, 60, p.treeEdge-4, p.img.Bounds().Dy()-45)
}

// sideNamed waits until the side panel's header names pane.
func (a *App) sideNamed(pane string) {
	a.t.Helper()
	p := a.waitPanes()
	a.WaitText(p.sideHeader(), pane)
}
