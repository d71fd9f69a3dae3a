package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// drawnRenderer renders a widget that draws all of itself afresh on each Refresh (a theme or
// zoom change changes every colour and size) and is as large as what it drew: draw returns
// the objects, already placed, and the size they take. Code blocks' lines and diagrams.
type drawnRenderer struct {
	w       fyne.Widget
	draw    func() ([]fyne.CanvasObject, fyne.Size)
	objects []fyne.CanvasObject
	min     fyne.Size
}

func newDrawnRenderer(w fyne.Widget, draw func() ([]fyne.CanvasObject, fyne.Size)) *drawnRenderer {
	r := &drawnRenderer{w: w, draw: draw}
	r.Refresh()
	return r
}

func (r *drawnRenderer) Destroy()                     {}
func (r *drawnRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *drawnRenderer) Layout(fyne.Size)             {}
func (r *drawnRenderer) MinSize() fyne.Size           { return r.min }

func (r *drawnRenderer) Refresh() {
	r.objects, r.min = r.draw()
	canvas.Refresh(r.w)
}
