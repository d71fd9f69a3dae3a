package widgets

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// Backlinks is the panel of the notes that link to one note: a header with the counts, the
// linked mentions grouped by the note they come from, each shown as the sentence around the
// link with the link's text in bold, and a folded "Unlinked mentions" section.
//
// A mention from a video note that has a timestamp before it gets a chip (▶ 18:28) that
// opens the video at that second. The list is virtual: a hub with thousands of backlinks
// costs only the rows on screen. Call its methods on the UI goroutine.
type Backlinks struct {
	widget.BaseWidget

	// OnOpenMention is called when the user taps a mention: the app opens sourcePath
	// scrolled to the link, which starts at byte offset in the file.
	OnOpenMention func(sourcePath string, offset int)
	// OnOpenNote is called when the user taps the title of a source note. When it is nil,
	// OnOpenMention is called with offset 0 instead.
	OnOpenNote func(path string)
	// OnOpenURL is called with the video address of a timestamp chip.
	OnOpenURL func(u *url.URL)
	// VideoURL makes a chip's address, for the user's choice of player; nil is
	// vault.VideoURL. It must return "" for an invalid id.
	VideoURL func(videoID string, seconds int) string
	// FindUnlinked finds the notes whose text mentions title or one of aliases without
	// linking; each result's Link.Context, ContextStart and ContextEnd mark the mention and
	// Link.Offset is where it is in the source. It is called only when the user opens the
	// "Unlinked mentions" section, on a goroutine of its own (it may read files), at most
	// once per note and snapshot. Nil shows the section as unavailable.
	FindUnlinked func(title string, aliases []string) []vault.Backlink
	// FillContexts fills in the Link.Context, ContextStart and ContextEnd of links by reading
	// their notes (vault.Vault.FillLinkContexts), for an index loaded without them. It is
	// called on a goroutine of its own whenever the panel shows backlinks it has no sentences
	// for, and ctx is cancelled when it shows others: the rows show at once, their sentences
	// when it returns. Nil shows the contexts the index has.
	FillContexts func(ctx context.Context, links []vault.Backlink)
	// LoadNote returns the text and parsed form of a note, as RenderInput.LoadNote does: when
	// the pointer rests on a mention, a preview shows the paragraph it is in, and on a note's
	// title, the note's first paragraphs. It is called off the UI goroutine. Nil shows no
	// previews.
	LoadNote func(path string) (src []byte, note *vault.Note, ok bool)

	header, missing   *widget.Label
	top, body, holder *fyne.Container
	// list shows rows. It is replaced whenever rows change: a new list takes its row heights
	// (headings are lower than mentions) at no cost, an old one would redraw for each.
	list *keyList

	ix      *vault.Index
	path    string // the note shown, or "" for an unresolved name
	name    string // the unresolved name shown
	title   string
	aliases []string

	linked   backlinksSection
	unlinked backlinksSection
	// search is the state of the unlinked search for the current note and snapshot.
	search backlinksSearch
	rows   []backlinksRowData
	// generation changes with every note or snapshot, so a late search result for an
	// earlier one is dropped.
	generation int
	// async runs the unlinked search and FillContexts; tests replace it to run in step.
	async func(func())
	// stopFill cancels the FillContexts under way, if any.
	stopFill context.CancelFunc
	// preview shows what a row stands for when the pointer rests on it.
	preview *previewer
}

// backlinksSection is one of the panel's two lists of mentions.
type backlinksSection struct {
	groups   []backlinksGroup
	mentions int
	open     bool
}

// backlinksGroup is the mentions that come from one source note.
type backlinksGroup struct {
	source   *vault.Note
	mentions []*vault.Backlink
}

type backlinksSearch int

const (
	backlinksNotSearched backlinksSearch = iota
	backlinksSearching
	backlinksSearched
)

// NewBacklinks returns an empty backlinks panel; SetNote or SetUnresolved fills it.
func NewBacklinks() *Backlinks {
	b := &Backlinks{async: func(f func()) { go f() }}
	b.linked.open = true
	b.header = widget.NewLabel("No note")
	b.header.TextStyle.Bold = true
	b.header.Truncation = fyne.TextTruncateEllipsis
	b.missing = widget.NewLabel("")
	b.missing.Importance = widget.LowImportance
	b.missing.Truncation = fyne.TextTruncateEllipsis
	b.missing.Hide()
	b.list = b.newList()
	b.holder = container.NewStack(b.list)
	b.top = container.NewVBox(b.header, b.missing)
	b.body = container.NewBorder(b.top, nil, nil, nil, b.holder)
	b.preview = newPreviewer(b)
	b.ExtendBaseWidget(b)
	b.rebuild(false)
	return b
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (b *Backlinks) CreateRenderer() fyne.WidgetRenderer {
	return &backlinksRenderer{b: b}
}

// backlinksRenderer draws the panel and, over it, a preview.
type backlinksRenderer struct{ b *Backlinks }

func (r *backlinksRenderer) Destroy() {}

func (r *backlinksRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.body, r.b.preview.layer}
}

func (r *backlinksRenderer) Layout(size fyne.Size) {
	r.b.body.Resize(size)
	r.b.preview.layer.Resize(size)
}

func (r *backlinksRenderer) MinSize() fyne.Size { return r.b.body.MinSize() }

func (r *backlinksRenderer) Refresh() { r.b.body.Refresh() }

// hoverRow is called when the pointer comes onto a row, at the absolute position at: a
// mention or a note's title is previewed if the pointer stays. It returns what is previewed,
// for leaveRow, or nil.
func (b *Backlinks) hoverRow(row *backlinksRow, at fyne.Position) any {
	load := b.LoadNote
	if load == nil || row.id < 0 || row.id >= len(b.rows) {
		return nil
	}
	d := b.rows[row.id]
	in := previewInput{loadNote: load, videoURL: b.VideoURL}
	if ix := b.ix; ix != nil {
		in.resolve = ix.Resolve
	}
	var key backlinksPreviewKey
	var build func() previewContent
	switch d.kind {
	case backlinksSourceRow:
		p := d.source.Path
		key = backlinksPreviewKey{path: p, offset: -1}
		build = func() previewContent { return notePreview(in, p, "") }
	case backlinksMentionRow:
		p, at := d.mention.Source.Path, int(d.mention.Link.Offset)
		key = backlinksPreviewKey{path: p, offset: at}
		build = func() previewContent { return mentionPreview(in, p, at) }
	default:
		return nil
	}
	id := row.id
	b.preview.enter(key, row, at, build, func() { b.activate(id) })
	return key
}

// backlinksPreviewKey tells the previews of the panel apart: a note's title (offset -1) or
// one mention.
type backlinksPreviewKey struct {
	path   string
	offset int
}

// SetNote shows the backlinks of the note at path in ix, or of the other file there (a
// board, a base, a picture: the notes that link to it or embed it). Given the same note in
// a new snapshot, the panel keeps its scroll position and open sections.
func (b *Backlinks) SetNote(ix *vault.Index, path string) {
	same := b.name == "" && b.path == path && b.ix != nil
	b.ix, b.path, b.name = ix, path, ""
	b.title, b.aliases = "", nil
	var links []vault.Backlink
	if ix != nil {
		if n := ix.Note(path); n != nil {
			b.title, b.aliases = n.Title, n.Aliases
			links = ix.Backlinks(path)
		} else if ix.IsAttachment(path) {
			b.title = path[strings.LastIndexByte(path, '/')+1:]
			links = ix.Backlinks(path)
		}
	}
	b.show(links, same)
}

// SetUnresolved shows the links to name, which no note has (yet).
func (b *Backlinks) SetUnresolved(ix *vault.Index, name string) {
	same := b.path == "" && b.name == name && b.ix != nil
	b.ix, b.path, b.name = ix, "", name
	b.title, b.aliases = name, nil
	var links []vault.Backlink
	if ix != nil && name != "" {
		links = ix.UnresolvedBacklinks(name)
	}
	b.show(links, same)
}

func (b *Backlinks) show(links []vault.Backlink, same bool) {
	b.generation++
	if b.stopFill != nil {
		b.stopFill()
		b.stopFill = nil
	}
	if b.FillContexts != nil {
		if same {
			keepContexts(links, b.linked.groups)
		}
		b.fillContexts(links)
	}
	b.linked.groups, b.linked.mentions = backlinksGroups(links), len(links)
	b.unlinked.groups, b.unlinked.mentions = nil, 0
	b.search = backlinksNotSearched

	switch {
	case b.ix == nil || b.title == "":
		b.header.SetText("No note")
	default:
		b.header.SetText(backlinksCount(len(links), len(b.linked.groups)))
	}
	if b.name != "" {
		b.missing.SetText("No note is called “" + b.name + "” yet")
	}
	if (b.name != "") != b.missing.Visible() {
		if b.name != "" {
			b.missing.Show()
		} else {
			b.missing.Hide()
		}
		b.body.Refresh() // the header changed height: lay the panel out again
	}
	if b.unlinked.open {
		b.findUnlinked()
	}
	b.rebuild(same)
}

// backlinksCount is the header: "12 backlinks from 5 notes".
func backlinksCount(links, notes int) string {
	if links == 0 {
		return "No backlinks"
	}
	return Count(links, "backlink") + " from " + Count(notes, "note")
}

// plural is word for n of them: "1 note", "3 notes".
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// backlinksGroups groups links by source note, the sources in natural order of their
// titles, each source's links in the order they come in the note.
func backlinksGroups(links []vault.Backlink) []backlinksGroup {
	var groups []backlinksGroup
	at := map[string]int{}
	for i := range links {
		l := &links[i]
		if l.Source == nil {
			continue
		}
		g, ok := at[l.Source.Path]
		if !ok {
			g = len(groups)
			at[l.Source.Path] = g
			groups = append(groups, backlinksGroup{source: l.Source})
		}
		groups[g].mentions = append(groups[g].mentions, l)
	}
	slices.SortFunc(groups, func(a, b backlinksGroup) int {
		if c := naturalCompare(plainDisplayText(a.source.Title), plainDisplayText(b.source.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.source.Path, b.source.Path)
	})
	for _, g := range groups {
		slices.SortStableFunc(g.mentions, func(x, y *vault.Backlink) int { return int(x.Link.Offset - y.Link.Offset) })
	}
	return groups
}

// keepContexts gives the links the contexts they had among the groups shown before: a new
// snapshot of the same note keeps the notes that did not change, and their sentences with
// them, so the rows need not wait for them again.
func keepContexts(links []vault.Backlink, shown []backlinksGroup) {
	type at struct {
		source *vault.Note
		offset int32
	}
	had := map[at]*vault.Link{}
	for _, g := range shown {
		for _, m := range g.mentions {
			if m.Link.Context != "" {
				had[at{m.Source, m.Link.Offset}] = &m.Link
			}
		}
	}
	if len(had) == 0 {
		return
	}
	for i := range links {
		l := &links[i].Link
		if old := had[at{links[i].Source, l.Offset}]; old != nil && l.Context == "" && *l == withContext(*old, "", 0, 0) {
			l.Context, l.ContextStart, l.ContextEnd = old.Context, old.ContextStart, old.ContextEnd
		}
	}
}

// withContext is l with the given context.
func withContext(l vault.Link, text string, start, end int32) vault.Link {
	l.Context, l.ContextStart, l.ContextEnd = text, start, end
	return l
}

// fillContexts starts filling in the contexts of the links that have none, on a copy: the
// rows show links until the copy replaces them.
func (b *Backlinks) fillContexts(links []vault.Backlink) {
	if !slices.ContainsFunc(links, func(l vault.Backlink) bool { return l.Link.Context == "" }) {
		return
	}
	fill := b.FillContexts
	ctx, cancel := context.WithCancel(context.Background())
	b.stopFill = cancel
	generation, filled := b.generation, slices.Clone(links)
	b.async(func() {
		fill(ctx, filled)
		uiDo(func() {
			if b.generation != generation || ctx.Err() != nil {
				return
			}
			cancel()
			b.stopFill = nil
			b.linked.groups = backlinksGroups(filled)
			b.rebuild(true)
		})
	})
}

// findUnlinked starts the search for unlinked mentions of the current note.
func (b *Backlinks) findUnlinked() {
	find := b.FindUnlinked
	if find == nil || b.title == "" || b.search != backlinksNotSearched {
		return
	}
	b.search = backlinksSearching
	generation, title, aliases := b.generation, b.title, slices.Clone(b.aliases)
	b.async(func() {
		found := find(title, aliases)
		uiDo(func() {
			if b.generation != generation {
				return
			}
			b.unlinked.groups, b.unlinked.mentions = backlinksGroups(found), len(found)
			b.search = backlinksSearched
			b.rebuild(true)
		})
	})
}

// activate does what a tap on row id means.
func (b *Backlinks) activate(id int) {
	if id < 0 || id >= len(b.rows) {
		return
	}
	row := b.rows[id]
	switch row.kind {
	case backlinksSectionRow:
		s := &b.linked
		if row.unlinked {
			s = &b.unlinked
		}
		s.open = !s.open
		if s.open && row.unlinked {
			b.findUnlinked()
		}
		b.rebuild(true)
	case backlinksSourceRow:
		if f := b.OnOpenNote; f != nil {
			f(row.source.Path)
		} else if f := b.OnOpenMention; f != nil {
			f(row.source.Path, 0)
		}
	case backlinksMentionRow:
		if f := b.OnOpenMention; f != nil {
			f(row.mention.Source.Path, int(row.mention.Link.Offset))
		}
	}
}

// openVideo is what a timestamp chip does.
func (b *Backlinks) openVideo(u *url.URL) {
	if f := b.OnOpenURL; f != nil && u != nil {
		f(u)
	}
}

// rebuild lays the sections out as rows of a new list, at the same scroll position when
// keepPlace is set, else at the top.
func (b *Backlinks) rebuild(keepPlace bool) {
	rows := make([]backlinksRowData, 0, len(b.rows))
	if b.ix != nil && b.title != "" {
		rows = append(rows, backlinksRowData{kind: backlinksSectionRow, text: "Linked mentions",
			count: b.linked.mentions, counted: true, open: b.linked.open})
		if b.linked.open {
			rows = appendGroups(rows, b.linked.groups, "No notes link here")
		}
		un := backlinksRowData{kind: backlinksSectionRow, text: "Unlinked mentions", unlinked: true,
			open: b.unlinked.open, count: b.unlinked.mentions, counted: b.search == backlinksSearched}
		rows = append(rows, un)
		if b.unlinked.open {
			switch {
			case b.FindUnlinked == nil:
				rows = append(rows, backlinksRowData{kind: backlinksMessageRow, text: "—"})
			case b.search != backlinksSearched:
				rows = append(rows, backlinksRowData{kind: backlinksMessageRow, text: "Searching…"})
			default:
				rows = appendGroups(rows, b.unlinked.groups, "No unlinked mentions")
			}
		}
	}
	b.rows = rows
	b.preview.hide()

	old := b.list
	offset := old.GetScrollOffset()
	b.list = b.newList()
	th := b.Theme()
	line, pad := backlinksLineHeight(th), th.Size(theme.SizeNamePadding)
	heading := backlinksHeadingHeight(line, pad)
	for i, r := range rows {
		switch r.kind {
		case backlinksSectionRow, backlinksSourceRow:
			b.list.SetItemHeight(i, heading)
		case backlinksMentionRow:
			if h := backlinksMentionHeight(r.mention, line, pad); h < heading {
				b.list.SetItemHeight(i, h)
			}
		case backlinksMessageRow:
			b.list.SetItemHeight(i, line+pad*2)
		}
	}
	b.holder.Objects[0] = b.list
	b.holder.Refresh()
	if keepPlace && offset > 0 {
		b.list.ScrollToOffset(offset)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() == old {
		c.Focus(b.list)
	}
}

func (b *Backlinks) newList() *keyList {
	l := newKeyList(
		func() int { return len(b.rows) },
		func() fyne.CanvasObject { return newBacklinksRow(b) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(b.rows) {
				o.(*backlinksRow).set(id, &b.rows[id])
			}
		},
	)
	l.HideSeparators = true
	l.OnSelected = func(id widget.ListItemID) {
		// Selection is how the keyboard activates a row; it leaves no mark.
		l.Unselect(id)
		b.activate(id)
	}
	return l
}

func appendGroups(rows []backlinksRowData, groups []backlinksGroup, none string) []backlinksRowData {
	if len(groups) == 0 {
		return append(rows, backlinksRowData{kind: backlinksMessageRow, text: none})
	}
	for _, g := range groups {
		rows = append(rows, backlinksRowData{kind: backlinksSourceRow, source: g.source, count: len(g.mentions), counted: true})
		for _, m := range g.mentions {
			rows = append(rows, backlinksRowData{kind: backlinksMentionRow, mention: m})
		}
	}
	return rows
}

// backlinksVideo is the address the chip of a mention opens, or nil when the mention has no
// valid timestamp or its note no video.
func backlinksVideo(m *vault.Backlink, videoURL func(string, int) string) *url.URL {
	if m == nil || m.Timestamp == nil || !m.Timestamp.Valid || m.Source == nil {
		return nil
	}
	if videoURL == nil {
		videoURL = vault.VideoURL
	}
	raw := videoURL(m.Source.VideoID, int(m.Timestamp.Seconds))
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return u
}
