package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"vaultview/vault"
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

// sidePanel is the right-hand pane and what it owns: its tabs of backlinks, outgoing links,
// outline, tags and local graph, then the video views (whose widgets videoPanes owns). The
// window wires the panes' callbacks; the panel knows its tabs and which one is shown.
type sidePanel struct {
	panel     *widgets.SidePanel
	tabs      []sideTab
	backlinks *widgets.Backlinks
	outline   *widgets.Outline
	outgoing  *widgets.Outgoing
	tags      *widgets.TagsPanel
	graph     *widgets.LocalGraph
}

// newSidePanel builds the side panel in the order the user reads it: who links here, where
// this note goes, its shape, its tags and neighbourhood, then the video views.
func newSidePanel(video *videoPanes) sidePanel {
	s := sidePanel{
		backlinks: widgets.NewBacklinks(),
		outline:   widgets.NewOutline(),
		outgoing:  widgets.NewOutgoing(),
		tags:      widgets.NewTagsPanel(),
		graph:     widgets.NewLocalGraph(),
	}
	s.tabs = []sideTab{
		{container.NewTabItem(sidePaneNames[0], s.backlinks), s.backlinks.FocusTarget},
		{container.NewTabItem(sidePaneNames[1], s.outgoing), s.outgoing.FocusTarget},
		{container.NewTabItem(sidePaneNames[2], s.outline), s.outline.FocusTarget},
		{container.NewTabItem(sidePaneNames[3], s.tags), s.tags.FocusTarget},
		{container.NewTabItem(sidePaneNames[4], s.graph), s.graph.FocusTarget},
		{video.tab, video.timeline.FocusTarget},
		{container.NewTabItem(sidePaneNames[6], video.mentions), video.mentions.FocusTarget},
	}
	items := make([]*container.TabItem, len(s.tabs))
	for i, t := range s.tabs {
		items[i] = t.item
	}
	s.panel = widgets.NewSidePanel(items...)
	s.panel.Keys = func(i int) fyne.Shortcut {
		if i >= 9 {
			return nil
		}
		return &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierAlt}
	}
	return s
}

// namesOnly is a side panel that has only its tabs' names, for listing the actions
// (Actions) without a window.
func namesOnly() sidePanel {
	var s sidePanel
	for _, name := range sidePaneNames {
		s.tabs = append(s.tabs, sideTab{item: container.NewTabItem(name, nil)})
	}
	return s
}

// showNote shows in the panes what the snapshot ix knows about the note at p of v: its
// backlinks, outline and neighbourhood (its outgoing links are gathered off the UI
// goroutine and handed to outgoing.SetLinks). Unlinked mentions are searched (reading every
// note) only when the user opens that section, on the widget's own goroutine, so the search
// gets its own copies of what it reads.
func (s *sidePanel) showNote(v *vault.Vault, ix *vault.Index, p string) {
	s.backlinks.FindUnlinked = func(string, []string) []vault.Backlink { return v.UnlinkedMentions(ix, p) }
	s.backlinks.FillContexts = fillContexts(v)
	s.backlinks.LoadNote = widgets.SnapshotInput(v, ix, nil).LoadNote
	s.backlinks.SetNote(ix, p)
	s.outline.SetNote(ix.Note(p))
	s.graph.SetNote(ix, p)
}

// showFile shows in the panes what ix knows of the file at p of v that is not a note (a
// board, a base, a picture): the notes that link to it or embed it, and its neighbourhood.
// It has no outline, and no links of its own that the index reads.
func (s *sidePanel) showFile(v *vault.Vault, ix *vault.Index, p string) {
	s.showNote(v, ix, p)
	s.outgoing.SetNote(ix, "")
}

// fillContexts reads the sentences of the backlinks shown from their notes: the window
// loads the vault without them (vault.WithoutLinkContexts).
func fillContexts(v *vault.Vault) func(context.Context, []vault.Backlink) {
	return func(ctx context.Context, links []vault.Backlink) { v.FillLinkContexts(ctx, links) }
}

// showUnresolved shows the page of a name no note has yet in v: who links to it, and its
// neighbourhood.
func (s *sidePanel) showUnresolved(v *vault.Vault, ix *vault.Index, name string) {
	s.backlinks.FillContexts = fillContexts(v)
	s.backlinks.SetUnresolved(ix, name)
	s.outline.SetNote(nil)
	s.outgoing.SetNote(ix, "")
	s.graph.SetNote(ix, name)
}

// tabOf is the index of the tab showing content, -1 for none.
func (s *sidePanel) tabOf(content fyne.CanvasObject) int {
	for i, t := range s.tabs {
		if t.item.Content == content {
			return i
		}
	}
	return -1
}

// stepped is the tab step tabs away from the one shown, wrapping around; -1 without tabs.
func (s *sidePanel) stepped(step int) int {
	n := len(s.tabs)
	if n == 0 {
		return -1
	}
	return ((s.panel.SelectedIndex()+step)%n + n) % n
}

// showSideTab shows the side panel's i-th tab (0-based) and gives its list the keyboard:
// Up and Down move, Enter or Space opens.
func (w *Window) showSideTab(i int) {
	if i < 0 || i >= len(w.side.tabs) {
		return
	}
	if !w.side.panel.Visible() {
		w.togglePane(w.side.panel)
	}
	t := w.side.tabs[i]
	w.side.panel.Select(t.item)
	if t.focus == nil {
		return
	}
	if f := t.focus(); f != nil {
		w.win.Canvas().Focus(f)
	}
}

// nextSideTab moves the side panel by step tabs, wrapping around.
func (w *Window) nextSideTab(step int) { w.showSideTab(w.side.stepped(step)) }

// sideTabActions are the Go menu's entries for the side panel: Alt+1… for each tab, and
// Ctrl+PageDown / Ctrl+PageUp to step through them.
func (w *Window) sideTabActions() []action {
	acts := []action{
		{"Go", "Next side panel tab", fyne.KeyPageDown, shortcutKey, func() { w.nextSideTab(1) }},
		{"Go", "Previous side panel tab", fyne.KeyPageUp, shortcutKey, func() { w.nextSideTab(-1) }},
	}
	for i, t := range w.side.tabs {
		if i >= 9 {
			break
		}
		acts = append(acts, action{"Go", t.item.Text + " tab", fyne.KeyName(rune('1' + i)), fyne.KeyModifierAlt, func() { w.showSideTab(i) }})
	}
	return acts
}

// showTag lists the notes of a tag in the side panel's Tags tab (a tag tapped in a note).
func (w *Window) showTag(tag string) {
	if i := w.side.tabOf(w.side.tags); i >= 0 {
		w.showSideTab(i)
		w.side.tags.ShowTag(tag)
	}
}
