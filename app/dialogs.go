package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showDialog shows d and lets Escape close it, as a desktop user expects: the toolkit's
// dialogs answer only their buttons.
//
// entries are the dialog's fields: Escape typed in one closes the dialog too, and they are
// told they lost the focus once it closes (see blur).
func (w *Window) showDialog(d dialog.Dialog, entries ...*dialogEntry) {
	w.dialogs = append(w.dialogs, d)
	for _, e := range entries {
		e.onEscape = d.Hide
	}
	d.SetOnClosed(func() {
		for _, e := range entries {
			blur(e)
		}
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

// blur tells each of fs that it lost the focus. Fyne drops a closed pop-up's focus (a
// dialog is one) without telling the widget that had it (fyne-io/fyne#4373): an entry that
// still believes it has the focus keeps its cursor blinking, and the window is painted
// again several times a second until the toolkit lets go of the entry's drawing a minute or
// two later, 8-30 % of a core under software OpenGL while nothing happens. Telling one that
// had no focus changes nothing.
func blur(fs ...fyne.Focusable) {
	for _, f := range fs {
		if f != nil {
			f.FocusLost()
		}
	}
}

// dialogEntry is a text field of a dialog. The toolkit's entry keeps Escape to itself, so a
// dialog whose field has the focus would not close on Escape as it does otherwise.
type dialogEntry struct {
	widget.Entry
	onEscape func()
}

func newDialogEntry(multiLine bool) *dialogEntry {
	e := &dialogEntry{}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as the toolkit's own constructors
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
