package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Following a video (issue #17, item 4): while the controlled player plays the note's video,
// the passage the video has reached (the row of the timestamp it passed last) is marked,
// and the note scrolls to keep it in view. Scrolling by hand stops that scrolling (the mark
// stays) until ResumeFollowing, which the app calls at the next chip.

// playhead is what the note view marks of playback.
type playhead struct {
	row int // the marked row, -1 for none
	// unfollowed is set once the reader scrolled by hand; scrolling is the view's own while
	// scrolling is set.
	unfollowed, scrolling bool
	mark                  *canvas.Rectangle
}

// SetPlayhead marks the row holding byte offset of the note as the passage playing (-1
// clears the mark). With follow, the view scrolls to it when it is out of view, unless the
// reader has scrolled by hand since the last ResumeFollowing.
func (v *NoteView) SetPlayhead(offset int, follow bool) {
	row := -1
	if offset >= 0 {
		row = v.rowAt(offset)
	}
	ph := &v.body.play
	if row == ph.row && (!follow || ph.unfollowed || row < 0 || v.body.rowInView(row)) {
		return
	}
	ph.row = row
	if row >= 0 && follow && !ph.unfollowed && !v.body.rowInView(row) {
		ph.scrolling = true
		v.body.scrollToRow(row, -v.body.viewHeight()/3)
		ph.scrolling = false
	}
	v.body.place()
}

// PlayheadRow is the row marked as playing, -1 for none; for tests.
func (v *NoteView) PlayheadRow() int { return v.body.play.row }

// ResumeFollowing lets SetPlayhead scroll again after the reader scrolled by hand.
func (v *NoteView) ResumeFollowing() { v.body.play.unfollowed = false }

// Following reports whether SetPlayhead scrolls (the reader has not scrolled by hand).
func (v *NoteView) Following() bool { return !v.body.play.unfollowed }

// rowAt is the top-level row holding byte offset of the note's file, -1 for none.
func (v *NoteView) rowAt(offset int) int {
	if v.note == nil {
		return -1
	}
	row := -1
	for i, b := range v.note.rows {
		if b.offset >= 0 && b.offset <= offset {
			row = i
		} else if b.offset > offset {
			break
		}
	}
	return row
}

// rowInView reports whether row i is wholly in the view.
func (b *pageBody) rowInView(i int) bool {
	if i < 0 || i+1 >= len(b.ys) {
		return false
	}
	top := b.scroll.Offset.Y
	return b.ys[i] >= top && b.ys[i+1] <= top+b.viewHeight()
}

// playMark is the tint behind the playing row, placed where the row is; nil when no row
// that is laid out plays.
func (b *pageBody) playMark(x float32) fyne.CanvasObject {
	ph := &b.play
	if ph.row < 0 || ph.row+1 >= len(b.ys) {
		return nil
	}
	if _, live := b.live[ph.row]; !live {
		return nil
	}
	if ph.mark == nil {
		ph.mark = canvas.NewRectangle(color.Transparent)
		ph.mark.CornerRadius = 4
	}
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	ph.mark.FillColor = blend(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNamePrimary, v), 0.18)
	pad := th.Size(theme.SizeNamePadding)
	ph.mark.Move(fyne.NewPos(x-pad, b.ys[ph.row]-pad/2))
	ph.mark.Resize(fyne.NewSize(b.column+2*pad, b.heights[ph.row]+pad))
	return ph.mark
}
