package e2e

import (
	"image"
	"strconv"
	"strings"
	"testing"
)

// selectNote has two paragraphs, the second with a chip, and a paragraph after them.
const selectNote = `---
videoId: dQw4w9WgXcQ
---
# Select

First paragraph about the tide and the moon.

Second paragraph at <a class="yt-timestamp" data-t="00:18:28">00:18:28</a> then more words.

Third paragraph to stay out.
`

// TestSelect_DragCopyAndQuote selects with the real mouse (issue #15, item 1): a drag from
// the start of one paragraph to the end of the next, across a chip, then Ctrl+C puts the
// text on the clipboard with the chip as the link to its moment; the right-click menu copies
// it as a quote citing that moment and the note; a double click selects a word.
func TestSelect_DragCopyAndQuote(t *testing.T) {
	need(t)
	dir := WriteVault(t, map[string]string{"Select.md": selectNote})
	a := Start(t, dir, "Select.md")
	a.WaitTitle("Select")
	from := a.WaitText(image.Rectangle{}, "First paragraph")
	to := a.WaitText(image.Rectangle{}, "more words.")
	y1 := (from.Min.Y + from.Max.Y) / 2
	y2 := (to.Min.Y + to.Max.Y) / 2
	// Past the end of the line: its end, whatever OCR made of the full stop.
	a.Drag(from.Min.X+1, y1, to.Max.X+40, y2)
	a.Key("ctrl+c")
	url := "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1108s"
	want := "First paragraph about the tide and the moon.\n\nSecond paragraph at [18:28](" + url + ") then more words."
	a.Wait("the two paragraphs on the clipboard", func() bool { return a.Clipboard() == want })

	// The selection is drawn: the theme's selection colour (a blue tint on grey text and
	// background) under the first paragraph, none under the third.
	img := a.Shot("select-drag.png")
	third := a.WaitText(image.Rectangle{}, "Third paragraph")
	tinted := func(r image.Rectangle) int {
		n := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				cr, _, cb, _ := img.At(x, y).RGBA()
				if int(cb>>8)-int(cr>>8) > 25 {
					n++
				}
			}
		}
		return n
	}
	if n := tinted(from); n < from.Dx()*from.Dy()/2 {
		t.Errorf("the first paragraph shows %d pixels of selection", n)
	}
	if n := tinted(third); n > 10 {
		t.Errorf("the third paragraph, not selected, shows %d pixels of selection", n)
	}

	// Right-click on the selection: Copy as quote with link.
	a.RightClick(from.Min.X+40, y1)
	a.ClickText(image.Rectangle{}, "quote with link")
	quote := "> First paragraph about the tide and the moon.\n>\n> Second paragraph at [18:28](" + url + ") then more words.\n>\n> — [18:28](" + url + ") · [[Select]]"
	a.Wait("the quote on the clipboard", func() bool { return a.Clipboard() == quote })

	// A double click selects one word.
	word := a.WaitText(image.Rectangle{}, "Third")
	x, y := (word.Min.X+word.Max.X)/2, (word.Min.Y+word.Max.Y)/2
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x), strconv.Itoa(y))
	a.xdo("click", "--repeat", "2", "--delay", "80", "1")
	a.Key("ctrl+c")
	a.Wait("the word on the clipboard", func() bool { return strings.TrimSpace(a.Clipboard()) == "Third" })

	// A drag that ends below the note, on the status line (as a drag past the bottom to
	// scroll does), keeps the keyboard in the note: Ctrl+C copies.
	bottom := a.Shot("").Bounds().Max.Y - 4
	a.Drag(word.Min.X+1, y, x+200, bottom)
	a.Key("ctrl+c")
	a.Wait("the last paragraph on the clipboard", func() bool { return a.Clipboard() == "Third paragraph to stay out." })
}
