package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault/switcher"
)

// switcherLimit is how many results the quick switcher lists: more than a reader scrolls
// through before typing another letter.
const switcherLimit = 100

// QuickSwitcher is the content of the quick switcher (Ctrl+O): a filter entry above the
// notes that match it, best first, with the matched letters in bold. Up and Down move the
// highlight, Enter opens the highlighted note (the best one unless moved), Escape closes.
// With nothing typed it lists the recent notes.
//
// Matching runs on the UI goroutine as the reader types: a switcher.Matcher answers in about
// a millisecond per keystroke on a 20,000-note vault (see vault/switcher/bench_test.go).
type QuickSwitcher struct {
	widget.BaseWidget

	// OnOpen is called with the path of the note chosen. The switcher does not close
	// itself: the window hides it.
	OnOpen func(path string)
	// OnOpenUnresolved is called with a name that links point at but no note has yet.
	OnOpenUnresolved func(name string)
	// OnClose is called when the reader presses Escape.
	OnClose func()

	matcher *switcher.Matcher
	recent  []string
	results []switcher.Result
	current int

	entry *pickerEntry
	// openWhenReady is set when Enter came before there was anything to match against.
	openWhenReady bool
	list          *keyList
	hint          *widget.Label
}

// NewQuickSwitcher returns a switcher over the candidates of m (nil: none yet, see
// SetMatcher) that lists recent (vault-relative paths, most recent first) until something
// is typed.
func NewQuickSwitcher(m *switcher.Matcher, recent []string) *QuickSwitcher {
	s := &QuickSwitcher{matcher: m, recent: recent}
	s.entry = newPickerEntry(s, "Go to note…", func(string) { s.rematch() })
	s.hint = widget.NewLabel("")
	s.hint.Importance = widget.LowImportance
	s.hint.Wrapping = fyne.TextWrapWord
	s.list = newKeyList(
		func() int { return len(s.results) },
		func() fyne.CanvasObject { return newResultRow(s.open) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.results) {
				o.(*resultRow).show(i, resultSegments(s.results[i]), false)
			}
		})
	s.list.keysTo = s.entry
	s.ExtendBaseWidget(s)
	s.rematch()
	return s
}

// SetMatcher replaces the candidates, e.g. when the matcher of a new index snapshot is
// ready, and matches the query typed so far again. Call it on the UI goroutine.
func (s *QuickSwitcher) SetMatcher(m *switcher.Matcher) {
	s.matcher = m
	s.rematch()
	if s.openWhenReady && m != nil {
		s.openWhenReady = false
		s.open(s.current)
	}
}

// FocusTarget is the filter entry, which the window focuses when it shows the switcher.
func (s *QuickSwitcher) FocusTarget() fyne.Focusable { return s.entry }

// Len is the number of results listed.
func (s *QuickSwitcher) Len() int { return len(s.results) }

// MinSize is large enough for a dozen results of a long title: the switcher is shown as a
// modal and should not be resized to its entry.
func (s *QuickSwitcher) MinSize() fyne.Size {
	t := s.Theme().Size(theme.SizeNameText)
	return s.BaseWidget.MinSize().Max(fyne.NewSize(40*t, 30*t))
}

// CreateRenderer implements fyne.Widget.
func (s *QuickSwitcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(s.entry, nil, nil, nil,
		container.NewStack(s.list, container.NewVBox(s.hint))))
}

// rematch lists the results of the query typed and highlights the first.
func (s *QuickSwitcher) rematch() {
	query := s.entry.Text
	s.results = nil
	if s.matcher != nil {
		s.results = s.matcher.Match(query, s.recent, switcherLimit)
	}
	switch {
	case len(s.results) > 0:
		s.hint.Hide()
	case s.matcher == nil:
		s.hint.SetText("Reading the vault…")
		s.hint.Show()
	case isBlank(query):
		s.hint.SetText("Type to find a note by its title, file name or alias.")
		s.hint.Show()
	default:
		s.hint.SetText("No note matches “" + query + "”.")
		s.hint.Show()
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.current = 0
	if len(s.results) > 0 {
		s.list.Select(0)
		s.list.ScrollToTop()
	}
}

// move moves the highlight by delta rows, stopping at the ends.
func (s *QuickSwitcher) move(delta int) {
	if len(s.results) == 0 {
		return
	}
	s.current = min(max(s.current+delta, 0), len(s.results)-1)
	s.list.Select(s.current)
}

// open opens result i.
func (s *QuickSwitcher) open(i int) {
	if i < 0 || i >= len(s.results) {
		return
	}
	r := s.results[i]
	if r.Kind == switcher.Unresolved {
		if s.OnOpenUnresolved != nil {
			s.OnOpenUnresolved(r.Text)
		}
		return
	}
	if s.OnOpen != nil {
		s.OnOpen(r.Path)
	}
}

func (s *QuickSwitcher) close() {
	if s.OnClose != nil {
		s.OnClose()
	}
}

// isBlank reports whether q has nothing the matcher matches (it skips spaces, underscores
// and hyphens), so that the switcher lists the recent notes.
func isBlank(q string) bool {
	return strings.TrimFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '_' || r == '-' }) == ""
}

// pick implements picker: Enter opens the highlighted result, or, while the vault is still
// being read, the first result once it is.
func (s *QuickSwitcher) pick() {
	if s.matcher == nil {
		s.openWhenReady = true
		return
	}
	s.open(s.current)
}

// resultRow is one row of the quick switcher's or the search's results: rich text cut with
// "…", indented when it stands under another row (a snippet under its note). Tapping it
// opens it.
type resultRow struct {
	widget.BaseWidget
	id       int
	open     func(id int)
	indented bool
	text     *widget.RichText
}

func newResultRow(open func(id int)) *resultRow {
	r := &resultRow{open: open, text: widget.NewRichText()}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// show sets the row to row id, showing segs.
func (r *resultRow) show(id int, segs []widget.RichTextSegment, indented bool) {
	r.id, r.indented = id, indented
	r.text.Segments = segs
	r.text.Refresh()
	r.Refresh()
}

// Tapped opens the row.
func (r *resultRow) Tapped(*fyne.PointEvent) { r.open(r.id) }

// CreateRenderer implements fyne.Widget.
func (r *resultRow) CreateRenderer() fyne.WidgetRenderer { return &resultRowRenderer{r: r} }

// resultRowRenderer indents a row that stands under another.
type resultRowRenderer struct{ r *resultRow }

func (rr *resultRowRenderer) indent() float32 {
	if !rr.r.indented {
		return 0
	}
	return 2 * rr.r.Theme().Size(theme.SizeNameText)
}

func (rr *resultRowRenderer) Destroy()                     {}
func (rr *resultRowRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.text} }
func (rr *resultRowRenderer) Refresh()                     { rr.Layout(rr.r.Size()) }

func (rr *resultRowRenderer) Layout(size fyne.Size) {
	in := rr.indent()
	rr.r.text.Move(fyne.NewPos(in, 0))
	rr.r.text.Resize(fyne.NewSize(max(0, size.Width-in), size.Height))
}

func (rr *resultRowRenderer) MinSize() fyne.Size {
	m := rr.r.text.MinSize()
	return fyne.NewSize(m.Width+rr.indent(), m.Height)
}

// resultMatched is the style of the matched letters of a result.
var resultMatched = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true}}

// resultSegments are the rich-text segments of a result: runs of matched and unmatched
// letters (the matched in bold in the primary colour), the folder and the kind hint.
func resultSegments(res switcher.Result) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	dim := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}
	hint := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder,
		TextStyle: fyne.TextStyle{Italic: true}}

	var segs []widget.RichTextSegment
	add := func(text string, style widget.RichTextStyle) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Text: text, Style: style})
		}
	}
	runes := []rune(res.Text)
	p, from := 0, 0
	for from < len(runes) {
		on := p < len(res.Positions) && res.Positions[p] == from
		to := from
		for to < len(runes) && (p < len(res.Positions) && res.Positions[p] == to) == on {
			if on {
				p++
			}
			to++
		}
		if on {
			add(string(runes[from:to]), resultMatched)
		} else {
			add(string(runes[from:to]), plain)
		}
		from = to
	}
	if res.Folder != "" {
		add("   "+res.Folder, dim)
	}
	switch res.Kind {
	case switcher.Alias:
		add("   alias of "+res.Title, hint)
	case switcher.FileName:
		add("   file name of "+res.Title, hint)
	case switcher.Unresolved:
		add("   not written yet", hint)
	}
	return segs
}
