package widgets

// PlayheadInView reports whether the row marked as playing is wholly in the note's view.
func PlayheadInView(v *NoteView) bool { return v.body.rowInView(v.body.play.row) }
