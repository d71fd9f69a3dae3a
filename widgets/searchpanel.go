package widgets

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault/search"
)

// searchDebounce is how long the panel waits after a keystroke before it searches: long
// enough that a word typed quickly is searched once, short enough not to be noticed.
const searchDebounce = 60 * time.Millisecond

// SearchPanel searches the text of every note: a query entry on top, then a summary line
// ("37 notes, 112 matches") and the results grouped by note, each note's row (title, path,
// number of matches) followed by rows of snippets with the matched words in bold.
//
// The query syntax is search.ParseQuery's: words (all must occur), "exact phrases",
// -excluded words, tag:x, path:folder and video:ID. Typing searches again after a short
// pause, off the UI goroutine; a search the reader has typed past is cancelled and its
// results are dropped. The keyboard stays in the entry: Down and Up move the selection
// through the rows (Up from the first row clears it), Enter opens the selected row or,
// with none, the best note at its first match, and Escape calls OnClose. Tapping a row
// opens it. Call the panel's methods on the UI goroutine.
type SearchPanel struct {
	widget.BaseWidget

	// OnOpen is called with the note to open and the match to scroll to. For a note's own
	// row the match is zero but for its Offset, which is -1.
	OnOpen func(path string, m search.Match)
	// OnClose is called when the reader presses Escape.
	OnClose func()

	// search runs a query; it is called off the UI goroutine and should give up when ctx is
	// cancelled.
	search func(ctx context.Context, query string) (search.Results, error)

	entry   *pickerEntry
	summary *widget.Label
	list    *keyList

	results search.Results
	rows    []searchRowRef
	// selected is the selected row, -1 for none.
	selected int
	// indexing is the text index's progress while it is built (total 0 when ready).
	indexingDone, indexingTotal int
	failed                      error

	// generation counts the queries started; a result is shown only if it is the latest's.
	generation int
	cancel     context.CancelFunc
	// searching is set while the latest query runs; openWhenDone is set when Enter came
	// before its results (or before the text index was complete), so Enter opens what was
	// typed, not what was shown a moment ago.
	searching, openWhenDone bool
	// async runs a search off the UI goroutine after debounce; tests replace both.
	async    func(func())
	debounce time.Duration
}

// searchRowRef is one row of the results: a note's row (match -1) or one of its snippets.
type searchRowRef struct {
	note, match int
}

// NewSearchPanel returns a panel that runs queries with find, which the window supplies
// (so that the panel does not need to know the vault or its text index).
func NewSearchPanel(find func(ctx context.Context, query string) (search.Results, error)) *SearchPanel {
	p := &SearchPanel{
		search:   find,
		selected: -1,
		async:    func(f func()) { go f() },
		debounce: searchDebounce,
	}
	p.entry = newPickerEntry(p, "Search all notes…", p.queryChanged)
	p.summary = widget.NewLabel("")
	p.summary.Importance = widget.LowImportance
	p.summary.Truncation = fyne.TextTruncateEllipsis
	p.list = newKeyList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject { return newResultRow(p.open) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.rows) {
				segs, snippet := p.searchRowSegments(i)
				o.(*resultRow).show(i, segs, snippet)
			}
		})
	p.list.keysTo = p.entry
	p.ExtendBaseWidget(p)
	p.updateSummary()
	return p
}

// FocusTarget is the query entry, which the window focuses when it shows the panel.
func (p *SearchPanel) FocusTarget() fyne.Focusable { return p.entry }

// Query is the text typed.
func (p *SearchPanel) Query() string { return p.entry.Text }

// SetQuery replaces the query and searches for it.
func (p *SearchPanel) SetQuery(q string) { p.entry.SetText(q) }

// Rerun searches for the current query again, e.g. after the vault changed on disk.
func (p *SearchPanel) Rerun() {
	open := p.openWhenDone // the same query: an Enter waiting for it still stands
	p.queryChanged(p.entry.Text)
	p.openWhenDone = open && p.searching
}

// SetIndexing shows the progress of building the text index (done of total notes). While
// it is not finished the summary says so; when done reaches total the query typed so far
// is searched again, since what the index could not find before it may find now.
func (p *SearchPanel) SetIndexing(done, total int) {
	wasIndexing := p.indexing()
	p.indexingDone, p.indexingTotal = done, total
	if done >= total {
		p.indexingTotal = 0
		if wasIndexing {
			p.Rerun()
			return
		}
	}
	p.updateSummary()
}

// Indexing reports whether the panel says the text is still being indexed.
func (p *SearchPanel) Indexing() bool { return p.indexing() }

// Len is the number of rows listed: notes and snippets.
func (p *SearchPanel) Len() int { return len(p.rows) }

// Results are the results shown.
func (p *SearchPanel) Results() search.Results { return p.results }

// CreateRenderer implements fyne.Widget.
func (p *SearchPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(
		container.NewVBox(p.entry, p.summary), nil, nil, nil, p.list))
}

func (p *SearchPanel) indexing() bool { return p.indexingTotal > 0 && p.indexingDone < p.indexingTotal }

// queryChanged starts a search for q, cancelling the one before.
func (p *SearchPanel) queryChanged(q string) {
	p.generation++
	gen := p.generation
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.openWhenDone = false
	if search.ParseQuery(q).Empty() || p.search == nil {
		p.searching = false
		p.show(gen, search.Results{}, nil)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.searching = true
	find, wait := p.search, p.debounce
	p.async(func() {
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return
			}
		}
		if ctx.Err() != nil {
			return
		}
		res, err := find(ctx, q)
		if ctx.Err() != nil {
			return
		}
		uiDo(func() { p.show(gen, res, err) })
	})
}

// show lists the results of query number gen, unless another query has started since.
func (p *SearchPanel) show(gen int, res search.Results, err error) {
	if gen != p.generation {
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	p.searching = false
	p.results, p.failed = res, err
	p.rows = p.rows[:0]
	for i, n := range res.Notes {
		p.rows = append(p.rows, searchRowRef{note: i, match: -1})
		for k := range n.Matches {
			p.rows = append(p.rows, searchRowRef{note: i, match: k})
		}
	}
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
	p.updateSummary()
	if p.openWhenDone && !p.indexing() {
		p.openWhenDone = false
		p.openSelected()
	}
}

func (p *SearchPanel) updateSummary() {
	res := p.results
	var text string
	switch {
	case p.indexing() && p.indexingDone == 0:
		text = "Reading the vault…"
	case p.indexing():
		text = "Indexing text… " + searchNumber(p.indexingDone) + " of " + searchNumber(p.indexingTotal)
	case p.failed != nil:
		text = "Search failed: " + p.failed.Error()
	case search.ParseQuery(p.entry.Text).Empty():
		text = `Words, "a phrase", -word, tag:x, path:folder, video:ID`
	case res.Total == 0:
		text = "No notes match"
	default:
		text = searchCount(res.Total, "note", "notes")
		if res.Matches > 0 {
			text += ", " + searchCount(res.Matches, "match", "matches")
		}
		if len(res.Notes) < res.Total {
			text += " (showing the first " + searchNumber(len(res.Notes)) + ")"
		}
	}
	p.summary.SetText(text)
}

// move moves the selection by delta rows; moving up from the first row clears it.
func (p *SearchPanel) move(delta int) {
	if len(p.rows) == 0 {
		return
	}
	s := p.selected + delta
	if p.selected < 0 && delta > 0 {
		s = delta - 1
	}
	if s < 0 {
		p.selected = -1
		p.list.UnselectAll()
		p.list.ScrollToTop()
		return
	}
	p.selected = min(s, len(p.rows)-1)
	p.list.Select(p.selected)
}

// openSelected opens the selected row or, with none, the best note at its first match.
func (p *SearchPanel) openSelected() {
	if (p.searching || p.indexing()) && p.selected < 0 {
		// Open what the query finds once it has been answered over every note.
		p.openWhenDone = true
		return
	}
	switch {
	case p.selected >= 0:
		p.open(p.selected)
	case len(p.rows) > 1 && p.rows[1].note == 0:
		p.open(1)
	case len(p.rows) > 0:
		p.open(0)
	}
}

// open opens row i.
func (p *SearchPanel) open(i int) {
	if i < 0 || i >= len(p.rows) || p.OnOpen == nil {
		return
	}
	r := p.rows[i]
	n := p.results.Notes[r.note]
	m := search.Match{Offset: -1}
	if r.match >= 0 {
		m = n.Matches[r.match]
	}
	p.OnOpen(n.Path, m)
}

func (p *SearchPanel) close() {
	if p.OnClose != nil {
		p.OnClose()
	}
}

// pick implements picker: Enter opens the selected row or, with none, the best note.
func (p *SearchPanel) pick() { p.openSelected() }

// searchRowSegments are the segments of row i of the panel: a note (its title in bold, then
// dimmed its path and number of matches) or a snippet, which stands indented under its note.
func (p *SearchPanel) searchRowSegments(i int) (segs []widget.RichTextSegment, snippet bool) {
	ref := p.rows[i]
	n := p.results.Notes[ref.note]
	if ref.match < 0 {
		return searchNoteSegments(n), false
	}
	return searchSnippetSegments(n.Matches[ref.match]), true
}

// searchNoteSegments are the segments of a note's row.
func searchNoteSegments(n search.NoteResult) []widget.RichTextSegment {
	dim := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}
	title := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: n.Title, Style: title},
		&widget.TextSegment{Text: "   " + n.Path, Style: dim},
	}
	if n.Count > 0 {
		segs = append(segs, &widget.TextSegment{Text: "   " + searchCount(n.Count, "match", "matches"), Style: dim})
	}
	return segs
}

// searchSnippetSegments are the segments of a snippet: its text in runs, the highlighted
// ones in bold in the primary colour.
func searchSnippetSegments(m search.Match) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(text string, style widget.RichTextStyle) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Text: text, Style: style})
		}
	}
	at := 0
	for _, h := range m.Highlights {
		if h[0] < at || h[1] > len(m.Snippet) || h[0] >= h[1] {
			continue // not from search.Search: ignore rather than fail
		}
		add(m.Snippet[at:h[0]], widget.RichTextStyleInline)
		add(m.Snippet[h[0]:h[1]], resultMatched)
		at = h[1]
	}
	add(m.Snippet[at:], widget.RichTextStyleInline)
	return segs
}

// searchCount writes n with its noun: "1 note", "1,200 notes".
func searchCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return searchNumber(n) + " " + many
}

// Count is n of word, as the app writes a count: "1 note", "20,000 notes".
func Count(n int, word string) string { return searchNumber(n) + " " + plural(n, word) }

// searchNumber writes n with thousands separated by commas: 12,000.
func searchNumber(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
