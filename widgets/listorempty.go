package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// listOrEmpty renders a list, or a message in its place while the list has no rows.
type listOrEmpty struct {
	list  fyne.CanvasObject
	empty *widget.Label
	rows  func() int
	stack *fyne.Container
}

func newListOrEmpty(list fyne.CanvasObject, empty *widget.Label, rows func() int) *listOrEmpty {
	return &listOrEmpty{list: list, empty: empty, rows: rows, stack: container.NewStack(list, empty)}
}

func (r *listOrEmpty) Destroy()                     {}
func (r *listOrEmpty) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.stack} }
func (r *listOrEmpty) Layout(s fyne.Size)           { r.stack.Resize(s) }
func (r *listOrEmpty) MinSize() fyne.Size           { return r.stack.MinSize() }
func (r *listOrEmpty) Refresh() {
	n := r.rows()
	r.empty.Hidden = n > 0
	if n == 0 {
		r.list.Hide()
	} else {
		r.list.Show()
	}
	r.stack.Refresh()
}
