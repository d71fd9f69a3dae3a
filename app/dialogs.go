package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showDialog shows d and lets Escape close it, as a desktop user expects: the toolkit's
// dialogs answer only their buttons.
func (w *Window) showDialog(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		for i, o := range w.dialogs {
			if o == d {
				w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// closeDialog closes the dialog shown last (Escape); it reports whether there was one.
func (w *Window) closeDialog() bool {
	n := len(w.dialogs)
	if n == 0 {
		return false
	}
	d := w.dialogs[n-1]
	w.dialogs = w.dialogs[:n-1]
	d.Hide()
	return true
}

// escapeKey adds Escape, closing the dialog on top, to a canvas's key handler.
func (w *Window) escapeKey(next func(*fyne.KeyEvent)) func(*fyne.KeyEvent) {
	return func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape && w.closeDialog() {
			return
		}
		if next != nil {
			next(e)
		}
	}
}
