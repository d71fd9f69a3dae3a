package app

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navigation is where the reader has been and the way back: the history, the Back and
// Forward buttons that move through it, and the note's scroll kept with each place.
type navigation struct {
	history   History
	back, fwd *widget.Button
	// scroll is the note view's scroll offset, kept for the place being left.
	scroll func() float32
}

// newNavigation makes the Back and Forward buttons, which call back and forward, and an
// empty history; scroll reads the note view's scroll offset.
func newNavigation(back, forward func(), scroll func() float32) navigation {
	n := navigation{
		back:   widget.NewButtonWithIcon("", theme.NavigateBackIcon(), back),
		fwd:    widget.NewButtonWithIcon("", theme.NavigateNextIcon(), forward),
		scroll: scroll,
	}
	n.back.Importance, n.fwd.Importance = widget.LowImportance, widget.LowImportance
	n.updateButtons(false)
	return n
}

// saveScroll keeps the note's scroll offset with the current place, before leaving it.
func (n *navigation) saveScroll() {
	if _, ok := n.history.Current(); ok {
		n.history.SetScroll(n.scroll())
	}
}

// updateButtons enables Back and Forward when there is somewhere to go. covering is set
// while a view that is no place of the history (the Videos view) covers the current place:
// Back goes there.
func (n *navigation) updateButtons(covering bool) {
	_, current := n.history.Current()
	setEnabled(n.back, n.history.CanBack() || covering && current)
	setEnabled(n.fwd, n.history.CanForward())
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
