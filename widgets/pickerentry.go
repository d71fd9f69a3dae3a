package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pickerPage is how far Page Up and Page Down move through a picker's list.
const pickerPage = 8

// picker is a query entry above a list that the keyboard drives without leaving the entry:
// the quick switcher and the search panel.
type picker interface {
	// move moves the highlight by delta rows.
	move(delta int)
	// pick opens the highlighted row (Enter).
	pick()
	// close gives up (Escape).
	close()
}

// pickerEntry is a picker's query entry: typing changes the query, and the keys that would
// move the cursor in a one-line entry move through the list instead.
type pickerEntry struct {
	widget.Entry
	p picker
}

func newPickerEntry(p picker, placeholder string, changed func(string)) *pickerEntry {
	e := &pickerEntry{p: p}
	e.PlaceHolder = placeholder
	e.OnChanged = changed
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *pickerEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyPageUp:
		e.p.move(-pickerPage)
	case fyne.KeyPageDown:
		e.p.move(pickerPage)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.pick()
	case fyne.KeyEscape:
		e.p.close()
	default:
		e.Entry.TypedKey(ev)
	}
}
