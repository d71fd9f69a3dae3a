package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Outline lists the open note's headings, indented by level; in a video note each heading
// shows the first timestamp of its section. Tapping one scrolls the note there.
type Outline struct {
	widget.BaseWidget

	// OnOpenHeading is called with the heading's anchor when one is tapped.
	OnOpenHeading func(anchor string)

	entries []outlineEntry
	list    *keyList
	empty   *widget.Label
}

type outlineEntry struct {
	heading vault.Heading
	// first is the section's first timestamp, "" when it has none.
	first string
}

// NewOutline returns an empty outline.
func NewOutline() *Outline {
	o := &Outline{empty: widget.NewLabel("No headings")}
	o.empty.Importance = widget.LowImportance
	o.list = newKeyList(
		func() int { return len(o.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, c fyne.CanvasObject) {
			e := o.entries[i]
			text := strings.Repeat("    ", max(0, e.heading.Level-1)) + e.heading.Text
			if e.first != "" {
				text += "   ▸ " + e.first
			}
			l := c.(*widget.Label)
			l.TextStyle.Bold = e.heading.Level <= 2
			l.SetText(text)
		})
	o.list.OnSelected = func(i widget.ListItemID) {
		if o.OnOpenHeading != nil && i < len(o.entries) {
			o.OnOpenHeading(o.entries[i].heading.Anchor)
		}
		o.list.UnselectAll()
	}
	o.ExtendBaseWidget(o)
	return o
}

// SetNote shows the headings of n (nil: none). Call it on the UI goroutine.
func (o *Outline) SetNote(n *vault.Note) {
	o.entries = o.entries[:0]
	if n != nil {
		t := 0
		for i, h := range n.Headings {
			end := int32(1 << 30)
			if i+1 < len(n.Headings) {
				end = int32(n.Headings[i+1].Offset)
			}
			for t < len(n.Timestamps) && n.Timestamps[t].Offset < int32(h.Offset) {
				t++
			}
			e := outlineEntry{heading: h}
			for k := t; k < len(n.Timestamps) && n.Timestamps[k].Offset < end; k++ {
				if n.Timestamps[k].Valid {
					e.first = vault.Clock(int(n.Timestamps[k].Seconds))
					break
				}
			}
			o.entries = append(o.entries, e)
		}
	}
	o.empty.Hidden = len(o.entries) > 0
	o.list.Refresh()
}

// Len is the number of headings listed.
func (o *Outline) Len() int { return len(o.entries) }

// CreateRenderer implements fyne.Widget.
func (o *Outline) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(o.list, container.NewVBox(o.empty)))
}
