package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"vaultview/widgets"
)

// sidePaneNames are the side panel's panes in order; the Go menu has an "… tab" entry for
// each, with Alt+1 … Alt+7.
var sidePaneNames = [...]string{"Backlinks", "Outgoing", "Outline", "Tags", "Graph", "Timeline", "Across videos"}

// sideTab is one tab of the side panel and what takes the keyboard when it is chosen from
// the keyboard (nil: the tab has nothing to focus).
type sideTab struct {
	item  *container.TabItem
	focus func() fyne.Focusable
}

// newSide builds the side panel in the order the user reads it: who links here, where this
// note goes, its shape, its tags and neighbourhood, then the video views.
func (w *Window) newSide(tabs ...sideTab) {
	w.sideTabs = tabs
	items := make([]*container.TabItem, len(tabs))
	for i, t := range tabs {
		items[i] = t.item
	}
	w.side = widgets.NewSidePanel(items...)
	w.side.Keys = func(i int) fyne.Shortcut {
		if i >= 9 {
			return nil
		}
		return &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierAlt}
	}
}

// showSideTab shows the side panel's i-th tab (0-based) and gives its list the keyboard:
// Up and Down move, Enter or Space opens.
func (w *Window) showSideTab(i int) {
	if i < 0 || i >= len(w.sideTabs) {
		return
	}
	if !w.side.Visible() {
		w.togglePane(w.side)
	}
	t := w.sideTabs[i]
	w.side.Select(t.item)
	if t.focus == nil {
		return
	}
	if f := t.focus(); f != nil {
		w.win.Canvas().Focus(f)
	}
}

// nextSideTab moves the side panel by step tabs, wrapping around.
func (w *Window) nextSideTab(step int) {
	n := len(w.sideTabs)
	if n == 0 {
		return
	}
	w.showSideTab(((w.side.SelectedIndex()+step)%n + n) % n)
}

// sideTabActions are the Go menu's entries for the side panel: Alt+1… for each tab, and
// Ctrl+PageDown / Ctrl+PageUp to step through them.
func (w *Window) sideTabActions() []action {
	acts := []action{
		{"Go", "Next side panel tab", fyne.KeyPageDown, shortcutKey, func() { w.nextSideTab(1) }},
		{"Go", "Previous side panel tab", fyne.KeyPageUp, shortcutKey, func() { w.nextSideTab(-1) }},
	}
	for i, t := range w.sideTabs {
		if i >= 9 {
			break
		}
		acts = append(acts, action{"Go", t.item.Text + " tab", fyne.KeyName(rune('1' + i)), fyne.KeyModifierAlt, func() { w.showSideTab(i) }})
	}
	return acts
}

// showTag lists the notes of a tag in the side panel's Tags tab (a tag tapped in a note).
func (w *Window) showTag(tag string) {
	for i, t := range w.sideTabs {
		if t.item.Content == w.tags {
			w.showSideTab(i)
			w.tags.ShowTag(tag)
			return
		}
	}
}
