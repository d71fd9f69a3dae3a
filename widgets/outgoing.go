package widgets

import (
	"fmt"
	"sort"

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

	entries []outgoingEntry
	header  *widget.Label
	list    *keyList
}

type outgoingEntry struct {
	label, path, name string
	count             int
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
			text := e.label
			if e.count > 1 {
				text += fmt.Sprintf("  ×%d", e.count)
			}
			l.Importance = widget.MediumImportance
			if e.path == "" {
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
		case e.path != "" && o.OnOpenNote != nil:
			o.OnOpenNote(e.path)
		case e.path == "" && o.OnOpenUnresolved != nil:
			o.OnOpenUnresolved(e.name)
		}
	}
	o.ExtendBaseWidget(o)
	return o
}

// OutgoingLinks is what the Outgoing panel shows for one note, gathered from a snapshot.
// Gathering it reads every link of the note (a generated note may have 100,000), so the
// window does it off the UI goroutine and hands the result to SetLinks.
type OutgoingLinks struct {
	entries                     []outgoingEntry
	total, resolved, unresolved int
}

// OutgoingOf gathers the links of the note at p in snapshot ix. It only reads ix, so it may
// run on any goroutine.
func OutgoingOf(ix *vault.Index, p string) OutgoingLinks {
	var out OutgoingLinks
	byKey := map[string]int{}
	for _, l := range ix.Links(p) {
		if l.Target == "" && l.Resolved == p {
			continue // a link to one of the note's own headings
		}
		out.total++
		key := "?" + vault.NormalizeName(l.Target)
		if l.Resolved != "" {
			key = l.Resolved
		}
		if i, ok := byKey[key]; ok {
			out.entries[i].count++
			continue
		}
		e := outgoingEntry{path: l.Resolved, name: l.Target, count: 1, label: l.Target}
		if n := ix.Note(l.Resolved); n != nil {
			e.label = n.Title
			out.resolved++
		} else if l.Resolved != "" {
			e.label = l.Resolved // an attachment
			out.resolved++
		} else {
			out.unresolved++
		}
		byKey[key] = len(out.entries)
		out.entries = append(out.entries, e)
	}
	sort.SliceStable(out.entries, func(i, j int) bool { return (out.entries[i].path != "") && (out.entries[j].path == "") })
	return out
}

// SetNote lists the links of the note at p in snapshot ix: SetLinks(OutgoingOf(ix, p)). Call
// it on the UI goroutine.
func (o *Outgoing) SetNote(ix *vault.Index, p string) { o.SetLinks(OutgoingOf(ix, p)) }

// SetLinks lists links gathered by OutgoingOf. Call it on the UI goroutine.
func (o *Outgoing) SetLinks(l OutgoingLinks) {
	o.entries = l.entries
	o.header.SetText(fmt.Sprintf("%d links to %d notes, %d not written yet", l.total, l.resolved, l.unresolved))
	o.list.Refresh()
}

// Len is the number of distinct targets listed.
func (o *Outgoing) Len() int { return len(o.entries) }

// CreateRenderer implements fyne.Widget.
func (o *Outgoing) CreateRenderer() fyne.WidgetRenderer {
	pad := container.NewPadded(o.header)
	return widget.NewSimpleRenderer(container.NewBorder(pad, nil, nil, nil, o.list))
}
