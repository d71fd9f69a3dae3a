package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Outgoing lists what the open note links to: each target once, with how many times it is
// linked, resolved notes first, then names no note has yet (dimmed).
type Outgoing struct {
	widget.BaseWidget

	// OnOpenNote and OnOpenUnresolved are called when an entry is tapped.
	OnOpenNote       func(path string)
	OnOpenUnresolved func(name string)

	entries []vault.OutgoingTarget
	header  *widget.Label
	list    *keyList
}

// NewOutgoing returns an empty list.
func NewOutgoing() *Outgoing {
	o := &Outgoing{header: widget.NewLabel("")}
	o.header.TextStyle.Bold = true
	o.list = newKeyList(
		func() int { return len(o.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, c fyne.CanvasObject) {
			e := o.entries[i]
			l := c.(*widget.Label)
			text := e.Label
			if e.Count > 1 {
				text += fmt.Sprintf("  ×%d", e.Count)
			}
			l.Importance = widget.MediumImportance
			if e.Path == "" {
				l.Importance = widget.LowImportance
				text += "  (not written yet)"
			}
			l.SetText(text)
		})
	o.list.OnSelected = func(i widget.ListItemID) {
		o.list.UnselectAll()
		if i >= len(o.entries) {
			return
		}
		e := o.entries[i]
		switch {
		case e.Path != "" && o.OnOpenNote != nil:
			o.OnOpenNote(e.Path)
		case e.Path == "" && o.OnOpenUnresolved != nil:
			o.OnOpenUnresolved(e.Name)
		}
	}
	o.ExtendBaseWidget(o)
	return o
}

// SetNote lists the links of the note at p in snapshot ix: SetLinks(ix.OutgoingLinks(p)).
// Call it on the UI goroutine.
func (o *Outgoing) SetNote(ix *vault.Index, p string) { o.SetLinks(ix.OutgoingLinks(p)) }

// SetLinks lists links gathered by Index.OutgoingLinks (which reads every link of the note,
// so the window gathers them off the UI goroutine). Call it on the UI goroutine.
func (o *Outgoing) SetLinks(l vault.OutgoingLinks) {
	o.entries = l.Targets
	o.header.SetText(fmt.Sprintf("%d links to %d notes, %d not written yet", l.Total, l.Resolved, l.Unresolved))
	o.list.Refresh()
}

// Len is the number of distinct targets listed.
func (o *Outgoing) Len() int { return len(o.entries) }

// CreateRenderer implements fyne.Widget.
func (o *Outgoing) CreateRenderer() fyne.WidgetRenderer {
	pad := container.NewPadded(o.header)
	return widget.NewSimpleRenderer(container.NewBorder(pad, nil, nil, nil, o.list))
}
