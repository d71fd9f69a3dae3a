package app

import "fyne.io/fyne/v2"

// The narrowest the note and the page tree get (the side panel's is
// widgets.SidePanelMinWidth).
const (
	noteMinWidth = 240
	treeMinWidth = 140
)

// fixedMinWidth holds o in a container whose minimum width is w whatever o asks for: a
// split's divider cannot sit where a child's minimum does not fit, so a pane whose minimum
// followed its content (a wide table, a long name) would move the divider between notes.
func fixedMinWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return &fyne.Container{Layout: fixedMinLayout{w}, Objects: []fyne.CanvasObject{o}}
}

type fixedMinLayout struct{ width float32 }

func (l fixedMinLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.width, h)
}

func (l fixedMinLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
