package widgets

// KeySteps is how far the note's keys move it: a line (Up, Down), a page (Page Down, Space)
// and the offset that shows the note's end, with the height of the view they are taken from.
func (v *NoteView) KeySteps() (line, page, bottom, view float32) {
	return v.body.lineStep(), v.body.pageStep(), v.body.bottom(), v.body.scroll.Size().Height
}
