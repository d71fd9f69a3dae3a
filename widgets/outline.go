package widgets

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Outline lists the open note's headings, indented by level; in a video note each heading
// shows the first timestamp of its section. Tapping one scrolls the note there. The heading
// of the section being read (Highlight) is marked in the primary colour, as the note scrolls.
type Outline struct {
	widget.BaseWidget

	// OnOpenHeading is called with the heading's anchor when one is tapped.
	OnOpenHeading func(anchor string)

	entries []outlineEntry
	// current is the entry of the section being read, -1 for none.
	current int
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
	o := &Outline{empty: widget.NewLabel("No headings"), current: -1}
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
			l.Importance = widget.MediumImportance
			if i == o.current {
				l.Importance = widget.HighImportance
			}
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
	o.current = -1
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

// Highlight marks the heading of the section holding byte offset (the top of what the note
// view shows): the last heading at or before it, none above the first. It calls no
// callback, so the app may call it on every scroll; the list follows, to keep the mark in
// sight.
func (o *Outline) Highlight(offset int) {
	i := sort.Search(len(o.entries), func(i int) bool { return o.entries[i].heading.Offset > offset }) - 1
	if i == o.current {
		return
	}
	old := o.current
	o.current = i
	if old >= 0 && old < len(o.entries) {
		o.list.RefreshItem(old)
	}
	if i >= 0 {
		o.list.RefreshItem(i)
		o.list.ScrollTo(i)
	}
}

// Current is the entry Highlight marked, -1 for none.
func (o *Outline) Current() int { return o.current }

// Len is the number of headings listed.
func (o *Outline) Len() int { return len(o.entries) }

// CreateRenderer implements fyne.Widget.
func (o *Outline) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(o.list, container.NewVBox(o.empty)))
}
