package widgets

import (
	"image/color"
	"net/url"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Timeline lists a note's timestamps, each as a chip ("▶ 18:28") and the sentence it closes:
// the note read as the video runs. A chip opens the video at its second; a sentence scrolls
// the note to it. The list is virtual: notes with over a thousand timestamps exist.
//
// It takes the keyboard: once focused (FocusTarget, or a click on a row), Up and Down move
// the selection and scroll the note along, Enter opens the selected entry's video. The row
// whose text is in view (Highlight) is tinted so the reader sees where they are. Call its
// methods on the UI goroutine.
type Timeline struct {
	widget.BaseWidget

	// OnOpenURL is called with the video address of a chip, or of the selected entry on
	// Enter. It is never called for a note without a valid video.
	OnOpenURL func(u *url.URL)
	// OnSelect is called when the user picks an entry (a click on its sentence, Up or Down):
	// the app scrolls the note to the anchor at byte offset.
	OnSelect func(offset int)

	entries  []vault.TimelineEntry
	videoID  string
	player   vault.Player
	selected int
	// highlighted is the entry of the text in view, -1 for none; playing the moment the
	// controlled player has reached.
	highlighted, playing int
	focused              bool

	list  *timelineList
	empty *widget.Label
}

// NewTimeline returns an empty timeline.
func NewTimeline() *Timeline {
	t := &Timeline{selected: -1, highlighted: -1, playing: -1}
	t.ExtendBaseWidget(t)
	t.empty = widget.NewLabel("No timestamps in this note")
	t.empty.Importance = widget.LowImportance
	t.list = &timelineList{t: t}
	t.list.Length = func() int { return len(t.entries) }
	t.list.CreateItem = func() fyne.CanvasObject { return newChipRow(t.tapRow, t.rowTint) }
	t.list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { t.showRow(id, o.(*chipRow)) }
	t.list.ExtendBaseWidget(t.list)
	return t
}

// timelineList is the timeline's list. A tap on a row focuses the list (the toolkit focuses
// the list it tapped, not the widget around it), so the list hands the keys and the focus
// to its Timeline: the keys work the same after a click as after Ctrl+T.
type timelineList struct {
	widget.List
	t *Timeline
}

var _ fyne.Focusable = (*timelineList)(nil)

func (l *timelineList) TypedKey(e *fyne.KeyEvent) { l.t.TypedKey(e) }
func (l *timelineList) FocusGained()              { l.t.FocusGained() }
func (l *timelineList) FocusLost()                { l.t.FocusLost() }

// SetEntries shows the timeline of a note whose video is videoID ("" when it has none), its
// chips opening addresses made by player. The selection and highlight are cleared.
func (t *Timeline) SetEntries(entries []vault.TimelineEntry, videoID string, player vault.Player) {
	t.entries, t.videoID, t.player = entries, videoID, player
	t.selected, t.highlighted, t.playing = -1, -1, -1
	t.list.UnselectAll()
	t.list.ScrollToOffset(0)
	if t.focused && len(entries) > 0 {
		// The keyboard is here already (Ctrl+T pressed while the note was still being
		// rendered): the first entry is chosen, as on taking the focus, so Enter plays it.
		t.setSelected(0)
	}
	t.list.Refresh()
	t.Refresh()
}

// Len is the number of entries shown.
func (t *Timeline) Len() int { return len(t.entries) }

// Selected is the index of the selected entry, -1 for none.
func (t *Timeline) Selected() int { return t.selected }

// Highlighted is the index of the entry marked by Highlight, -1 for none.
func (t *Timeline) Highlighted() int { return t.highlighted }

// URL is the address that plays entry i, or nil when there is none (no valid video).
func (t *Timeline) URL(i int) *url.URL {
	if i < 0 || i >= len(t.entries) {
		return nil
	}
	raw, ok := t.player.URL(t.videoID, int(t.entries[i].Seconds))
	if !ok {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return u
}

// FocusTarget selects the first entry and returns the timeline, for the window to give it
// the keyboard (Ctrl+T). It does not scroll the note: the reader keeps their place until
// they move. (The window focuses it through its own canvas: a timeline on a pane never
// shown before has not been drawn, and the driver does not know its canvas yet.)
func (t *Timeline) FocusTarget() fyne.Focusable {
	if len(t.entries) > 0 {
		t.setSelected(0)
	}
	return t
}

// Highlight marks the entry of the text at byte offset, the top of what the note view shows:
// the first entry whose anchor is at or after offset (the anchor closes the sentence being
// read), else the last one. It calls no callback, so the app may call it on every scroll.
func (t *Timeline) Highlight(offset int) {
	if len(t.entries) == 0 {
		return
	}
	i := sort.Search(len(t.entries), func(i int) bool { return int(t.entries[i].Offset) >= offset })
	if i == len(t.entries) {
		i = len(t.entries) - 1
	}
	if i == t.highlighted {
		return
	}
	old := t.highlighted
	t.highlighted = i
	t.refreshRows(old, i)
	if !t.focused {
		t.list.ScrollTo(i)
	}
}

// SetPlaying marks the entry whose anchor is at byte offset as the moment the controlled
// player has reached (-1, or an offset no entry has, clears the mark).
func (t *Timeline) SetPlaying(offset int) {
	// The entries are in the note's order, as Highlight relies on too.
	i := sort.Search(len(t.entries), func(i int) bool { return int(t.entries[i].Offset) >= offset })
	if i == len(t.entries) || int(t.entries[i].Offset) != offset {
		i = -1
	}
	if i == t.playing {
		return
	}
	old := t.playing
	t.playing = i
	t.refreshRows(old, i)
}

// refreshRows draws again the rows that lost and gained a mark (-1, or a row the list no
// longer has, for none).
func (t *Timeline) refreshRows(old, i int) {
	for _, r := range [2]int{old, i} {
		if r >= 0 && r < len(t.entries) {
			t.list.RefreshItem(r)
		}
	}
}

// Playing is the entry marked as playing, -1 for none.
func (t *Timeline) Playing() int { return t.playing }

func (t *Timeline) setSelected(i int) {
	old := t.selected
	t.selected = i
	t.refreshRows(old, i)
	t.list.ScrollTo(i)
}

// pick is a user's choice of entry i: selected, and the note scrolled to it.
func (t *Timeline) pick(i int) {
	if i < 0 || i >= len(t.entries) {
		return
	}
	t.setSelected(i)
	if t.OnSelect != nil {
		t.OnSelect(int(t.entries[i].Offset))
	}
}

func (t *Timeline) open(i int) {
	if u := t.URL(i); u != nil && t.OnOpenURL != nil {
		t.OnOpenURL(u)
	}
}

// FocusGained implements fyne.Focusable.
func (t *Timeline) FocusGained() {
	t.focused = true
	if t.selected < 0 && len(t.entries) > 0 {
		t.setSelected(max(t.highlighted, 0))
	}
	t.list.Refresh()
}

// FocusLost implements fyne.Focusable.
func (t *Timeline) FocusLost() {
	t.focused = false
	t.list.Refresh()
}

// TypedRune implements fyne.Focusable.
func (t *Timeline) TypedRune(rune) {}

// TypedKey implements fyne.Focusable: Up, Down, Page Up, Page Down, Home and End move the
// selection; Enter (or Space) opens its video.
func (t *Timeline) TypedKey(e *fyne.KeyEvent) {
	n := len(t.entries)
	if n == 0 {
		return
	}
	cur := t.selected
	switch e.Name {
	case fyne.KeyDown:
		t.pick(min(cur+1, n-1))
	case fyne.KeyUp:
		t.pick(max(cur-1, 0))
	case fyne.KeyPageDown:
		t.pick(min(cur+10, n-1))
	case fyne.KeyPageUp:
		t.pick(max(cur-10, 0))
	case fyne.KeyHome:
		t.pick(0)
	case fyne.KeyEnd:
		t.pick(n - 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if cur >= 0 {
			t.open(cur)
		}
	}
}

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	return newListOrEmpty(t.list, t.empty, func() int { return len(t.entries) })
}

// showRow sets r to entry id: its chip and its sentence.
func (t *Timeline) showRow(id int, r *chipRow) {
	e := t.entries[id]
	u := t.URL(id)
	r.chip.set(int(e.Seconds), u, t.OnOpenURL, chipTip(int(e.Seconds), t.videoID, u != nil))
	r.showSentence(id, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: e.Sentence})
}

// tapRow picks entry id, a click on its sentence, and takes the keyboard.
func (t *Timeline) tapRow(id int) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	t.pick(id)
}

// rowTint is the background of entry id: the selection, or a tint for the entry in view.
func (t *Timeline) rowTint(id int) color.Color {
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case id == t.selected && t.focused:
		return th.Color(theme.ColorNameSelection, v)
	case id == t.selected:
		return th.Color(theme.ColorNameHover, v)
	case id == t.playing:
		return blend(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNamePrimary, v), 0.3)
	case id == t.highlighted:
		return blend(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNamePrimary, v), 0.1)
	}
	return color.Transparent
}
