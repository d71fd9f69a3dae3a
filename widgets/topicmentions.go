package widgets

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// TopicMentions answers "where in all my videos did this come up": the links into a topic
// note from notes with a video, grouped by video under the titles of the notes about it,
// each as a chip that plays the video at that second and the sentence with the link's text
// in bold. A click on the sentence opens the source note at the link. Call its methods on
// the UI goroutine.
type TopicMentions struct {
	widget.BaseWidget

	// OnOpenURL is called with the video address of a chip.
	OnOpenURL func(u *url.URL)
	// OnOpenMention is called when the user clicks a mention: the app opens path scrolled to
	// the link at byte offset.
	OnOpenMention func(path string, offset int)

	rows   []mentionRowData
	player vault.Player
	list   *keyList
	empty  *widget.Label
}

// mentionRowData is a video heading (mention nil) or one mention.
type mentionRowData struct {
	heading string
	mention *vault.TopicMention
}

// NewTopicMentions returns an empty list.
func NewTopicMentions() *TopicMentions {
	m := &TopicMentions{}
	m.ExtendBaseWidget(m)
	m.empty = widget.NewLabel("Not mentioned in any video")
	m.empty.Importance = widget.LowImportance
	m.list = newKeyList(
		func() int { return len(m.rows) },
		func() fyne.CanvasObject { return newChipRow(m.openMention, nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) { m.showRow(id, o.(*chipRow)) },
	)
	m.list.OnSelected = func(id widget.ListItemID) {
		// Selection is how the keyboard acts on a row (Enter, Space): as a tap does.
		m.list.Unselect(id)
		m.openMention(id)
	}
	return m
}

// SetMentions shows mentions as (*vault.Index).TopicMentions orders them (grouped by video),
// their chips opening addresses made by player.
func (m *TopicMentions) SetMentions(mentions []vault.TopicMention, player vault.Player) {
	m.player = player
	m.rows = m.rows[:0]
	for i := 0; i < len(mentions); {
		j := i
		for j < len(mentions) && mentions[j].VideoID == mentions[i].VideoID {
			j++
		}
		m.rows = append(m.rows, mentionRowData{heading: groupTitle(mentions[i:j])})
		for k := i; k < j; k++ {
			m.rows = append(m.rows, mentionRowData{mention: &mentions[k]})
		}
		i = j
	}
	m.list.UnselectAll()
	m.list.ScrollToOffset(0)
	m.list.Refresh()
	m.Refresh()
}

// groupTitle names a video by the titles of its notes in the group, in order of appearance.
func groupTitle(ms []vault.TopicMention) string {
	var titles []string
	seen := map[string]bool{}
	for _, x := range ms {
		if !seen[x.Source.Path] {
			seen[x.Source.Path] = true
			titles = append(titles, x.Source.Title)
		}
	}
	return strings.Join(titles, " · ")
}

// Rows describes what is shown, one line a row: "# heading" or "clock sentence", for tests
// and accessibility.
func (m *TopicMentions) Rows() []string {
	out := make([]string, len(m.rows))
	for i, r := range m.rows {
		if r.mention == nil {
			out[i] = "# " + r.heading
			continue
		}
		out[i] = vault.Clock(r.mention.Seconds) + " " + r.mention.Context
	}
	return out
}

// URL is the address that plays the mention at row i, or nil.
func (m *TopicMentions) URL(i int) *url.URL {
	if i < 0 || i >= len(m.rows) || m.rows[i].mention == nil {
		return nil
	}
	x := m.rows[i].mention
	raw, ok := m.player.URL(x.VideoID, x.Seconds)
	if !ok {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return u
}

// CreateRenderer implements fyne.Widget.
func (m *TopicMentions) CreateRenderer() fyne.WidgetRenderer {
	return newListOrEmpty(m.list, m.empty, func() int { return len(m.rows) })
}

// showRow sets r to row id: a heading, or a mention's chip and sentence with the link's text
// in bold.
func (m *TopicMentions) showRow(id int, r *chipRow) {
	d := m.rows[id]
	x := d.mention
	if x == nil {
		r.showHeading(id, d.heading)
		return
	}
	u := m.URL(id)
	r.chip.set(x.Seconds, u, m.OnOpenURL, chipTip(x.Seconds, x.VideoID, u != nil))
	cs, ce := max(0, min(x.ContextStart, len(x.Context))), max(0, min(x.ContextEnd, len(x.Context)))
	ce = max(cs, ce)
	plain := widget.RichTextStyle{Inline: true}
	bold := plain
	bold.TextStyle = fyne.TextStyle{Bold: true}
	r.showSentence(id,
		&widget.TextSegment{Style: plain, Text: x.Context[:cs]},
		&widget.TextSegment{Style: bold, Text: x.Context[cs:ce]},
		&widget.TextSegment{Style: plain, Text: x.Context[ce:]},
	)
}

// openMention opens the source note of the mention at row id at the link.
func (m *TopicMentions) openMention(id int) {
	if id >= 0 && id < len(m.rows) {
		if x := m.rows[id].mention; x != nil && m.OnOpenMention != nil {
			m.OnOpenMention(x.Source.Path, x.Offset)
		}
	}
}
