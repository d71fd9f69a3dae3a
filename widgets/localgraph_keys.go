package widgets

import "fyne.io/fyne/v2"

// The local graph takes the keyboard too (Alt+N in the window): Up/Left and Down/Right
// step from dot to dot in ring order, the centre first, showing each dot's title as the
// pointer would; Space or Enter opens it.

// FocusTarget is the drawing of the graph.
func (g *LocalGraph) FocusTarget() fyne.Focusable { return g.view }

// FocusGained implements fyne.Focusable: the centre is highlighted first.
func (v *graphView) FocusGained() {
	if v.hovered < 0 {
		v.step(1)
	}
}

// FocusLost implements fyne.Focusable.
func (v *graphView) FocusLost() { v.hover(-1) }

// TypedRune implements fyne.Focusable.
func (v *graphView) TypedRune(rune) {}

// TypedKey implements fyne.Focusable.
func (v *graphView) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown, fyne.KeyRight:
		v.step(1)
	case fyne.KeyUp, fyne.KeyLeft:
		v.step(-1)
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if v.plan != nil && v.hovered >= 0 && v.onTap != nil {
			v.onTap(v.plan.Spots[v.hovered])
		}
	}
}

// step highlights the next dot that opens something, by dir, wrapping around.
func (v *graphView) step(dir int) {
	if v.plan == nil || len(v.plan.Spots) == 0 {
		return
	}
	n := len(v.plan.Spots)
	i := v.hovered
	if i < 0 && dir < 0 {
		i = 0
	}
	for range n {
		i = ((i+dir)%n + n) % n
		if v.plan.Spots[i].Node >= 0 {
			v.hover(i)
			return
		}
	}
}
