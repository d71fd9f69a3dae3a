package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// bodyPos turns a position in the window into one in the note's body.
func (v *NoteView) bodyPos(abs fyne.Position) fyne.Position {
	return abs.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(v.body))
}

// PressAt presses the primary button at abs (in the window), as the driver would, with the
// modifiers given.
func (v *NoteView) PressAt(abs fyne.Position, mod fyne.KeyModifier) {
	v.body.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: v.bodyPos(abs), AbsolutePosition: abs},
		Button: desktop.MouseButtonPrimary, Modifier: mod})
}

// DragTo moves the pointer, button held, to abs.
func (v *NoteView) DragTo(abs fyne.Position) {
	v.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: v.bodyPos(abs), AbsolutePosition: abs}})
}

// Release lets the button go.
func (v *NoteView) Release() {
	v.body.DragEnd()
	v.body.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
}

// CopyAs is the selection as Markdown (markdown) or as a quote with its link (quote).
func (v *NoteView) CopyAs(kind string) string {
	switch kind {
	case "markdown":
		return v.copyText(copyMarkdown)
	case "quote":
		return v.quoteText()
	}
	return v.copyText(copyPlain)
}

// SelectionMenu is the right-click menu's items: their labels, and whether each is on.
func (v *NoteView) SelectionMenu() map[string]bool {
	out := map[string]bool{}
	for _, it := range v.selectionMenu().Items {
		if it.Label != "" {
			out[it.Label] = !it.Disabled
		}
	}
	return out
}

// ShadedWidths is the width of the selection drawn over each unit that shows it.
func (v *NoteView) ShadedWidths() []float32 {
	var out []float32
	for _, w := range v.sel.words {
		for _, u := range w.units {
			if u.sel == nil || u.sel.visual == nil {
				continue
			}
			r := u.sel.visual.Objects[1].(*selShade).rect
			if r.Visible() && r.Size().Width > 0 {
				out = append(out, r.Size().Width)
			}
		}
	}
	return out
}

// LayOutRowAt makes the row at abs (in the window) again and wraps it, as re-rendering it
// would: the baseline of BenchmarkNoteView_SelectDrag.
func LayOutRowAt(v *NoteView, abs fyne.Position) {
	b := v.body
	i := b.rowAt(v.bodyPos(abs).Y)
	fitWidth(newBlockObject(b.rows()[i], b.note.act), b.column-2*b.inset(i))
}
