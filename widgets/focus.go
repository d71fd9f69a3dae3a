package widgets

import "fyne.io/fyne/v2"

// The side panel's lists take the keyboard when their tab is chosen from the keyboard:
// FocusTarget is what the window focuses (Up and Down move, Space opens).

// FocusTarget is the backlinks list. (The list is replaced when the rows change, so ask
// again each time.)
func (b *Backlinks) FocusTarget() fyne.Focusable { return b.list }

// FocusTarget is the outline's list of headings.
func (o *Outline) FocusTarget() fyne.Focusable { return o.list }

// FocusTarget is the outgoing links list.
func (o *Outgoing) FocusTarget() fyne.Focusable { return o.list }

// FocusTarget is the list of mentions across videos.
func (m *TopicMentions) FocusTarget() fyne.Focusable { return m.list }

// FocusTarget is the list on show: the tags tree, the tags matching the filter, or the
// notes of the chosen tag.
func (p *TagsPanel) FocusTarget() fyne.Focusable {
	switch {
	case p.shown != "":
		return p.notes
	case len(p.terms) > 0:
		return p.found
	}
	return p.tree
}
