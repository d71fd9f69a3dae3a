package widgets_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/vault/search"
	"vaultview/widgets"
)

// searchTestVault is a small vault searched through a real text index.
var searchTestVault = fstest.MapFS{
	"acquired/amazon.md": {Data: []byte("---\ntitle: History of AWS\n---\n\nAmazon built the **flywheel** early.\n\nThe flywheel spun faster. A flywheel again.\n")},
	"notes/wheel.md":     {Data: []byte("# Wheels\n\nA flywheel stores energy.\n")}, // titled by its file name
	"notes/other.md":     {Data: []byte("Nothing to see.\n")},
}

// shownSearch is a search panel in a window with its entry focused. Its searches wait in
// jobs until the test runs them; what it opens and whether it closed are recorded.
type shownSearch struct {
	p       *widgets.SearchPanel
	w       fyne.Window
	src     fstest.MapFS
	jobs    []func()
	queries []string
	opened  []string
	matches []search.Match
	closed  int
}

func showSearch(t *testing.T) *shownSearch {
	t.Helper()
	test.NewTempApp(t)
	v, err := vault.Load(searchTestVault)
	if err != nil {
		t.Fatal(err)
	}
	store, err := search.Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &shownSearch{src: searchTestVault}
	s.p = widgets.NewSearchPanel(func(ctx context.Context, q string) (search.Results, error) {
		s.queries = append(s.queries, q)
		return store.Search(ctx, v, v.Index(), search.ParseQuery(q), 0)
	})
	widgets.SetSearchAsync(s.p, func(f func()) { s.jobs = append(s.jobs, f) })
	s.p.OnOpen = func(p string, m search.Match) {
		s.opened = append(s.opened, p)
		s.matches = append(s.matches, m)
	}
	s.p.OnClose = func() { s.closed++ }
	s.w = test.NewTempWindow(t, s.p)
	s.w.Resize(fyne.NewSize(420, 320))
	s.w.Canvas().Focus(s.p.FocusTarget())
	if s.w.Canvas().Focused() == nil {
		t.Fatal("the panel's focus target does not take the focus")
	}
	return s
}

// typeText types into the focused widget, as the window would.
func (s *shownSearch) typeText(text string) { test.Type(s.w.Canvas().Focused(), text) }

func (s *shownSearch) keys(names ...fyne.KeyName) {
	for _, n := range names {
		s.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// runJobs runs the searches waiting, oldest first.
func (s *shownSearch) runJobs() {
	jobs := s.jobs
	s.jobs = nil
	for _, f := range jobs {
		f()
	}
}

var flywheelRows = []string{
	"History of AWS   acquired/amazon.md   3 matches",
	"  Amazon built the [flywheel] early.",
	"  The [flywheel] spun faster. A [flywheel] again.",
	"wheel   notes/wheel.md   1 match",
	"  A [flywheel] stores energy.",
}

func TestSearchPanel_TypingShowsGroupedResults(t *testing.T) {
	s := showSearch(t)
	if got := widgets.SearchSummary(s.p); got != `Words, "a phrase", -word, tag:x, path:folder, video:ID` {
		t.Errorf("summary before typing: %q", got)
	}
	s.typeText("flywheel")
	if len(s.jobs) == 0 {
		t.Fatal("typing started no search")
	}
	if s.w.Canvas().Focused() != s.p.FocusTarget() {
		t.Error("the entry lost the focus while typing")
	}
	s.runJobs()
	// Each keystroke cancelled the search before it, so only the last one asked.
	if !reflect.DeepEqual(s.queries, []string{"flywheel"}) {
		t.Errorf("searched for %q", s.queries)
	}
	if got := widgets.SearchRows(s.p); !reflect.DeepEqual(got, flywheelRows) {
		t.Errorf("rows\n got %q\nwant %q", got, flywheelRows)
	}
	if got := widgets.SearchSummary(s.p); got != "2 notes, 4 matches" {
		t.Errorf("summary %q", got)
	}
	test.AssertRendersToMarkup(t, "search/flywheel.xml", s.w.Canvas())

	s.typeText("zzz")
	s.runJobs()
	if got := widgets.SearchSummary(s.p); got != "No notes match" || s.p.Len() != 0 {
		t.Errorf("no match: summary %q, %d rows", got, s.p.Len())
	}
}

func TestSearchPanel_Keys(t *testing.T) {
	for _, tc := range []struct {
		name   string
		keys   []fyne.KeyName
		opened string
		text   string
		offset int
	}{
		{"Enter opens the best note at its first match", []fyne.KeyName{fyne.KeyReturn},
			"acquired/amazon.md", "flywheel", len("---\ntitle: History of AWS\n---\n\nAmazon built the **")},
		{"keypad Enter too", []fyne.KeyName{fyne.KeyEnter},
			"acquired/amazon.md", "flywheel", len("---\ntitle: History of AWS\n---\n\nAmazon built the **")},
		{"Down selects the first note's row", []fyne.KeyName{fyne.KeyDown, fyne.KeyReturn},
			"acquired/amazon.md", "", -1},
		{"Down Down selects its first snippet", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn},
			"acquired/amazon.md", "flywheel", len("---\ntitle: History of AWS\n---\n\nAmazon built the **")},
		{"the second snippet", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn},
			"acquired/amazon.md", "flywheel", len("---\ntitle: History of AWS\n---\n\nAmazon built the **flywheel** early.\n\nThe ")},
		{"the next note", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn},
			"notes/wheel.md", "", -1},
		{"Page Down stops at the last row", []fyne.KeyName{fyne.KeyPageDown, fyne.KeyReturn},
			"notes/wheel.md", "flywheel", len("# Wheels\n\nA ")},
		{"Up from the first row clears the selection", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyUp, fyne.KeyReturn},
			"acquired/amazon.md", "flywheel", len("---\ntitle: History of AWS\n---\n\nAmazon built the **")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := showSearch(t)
			s.typeText("flywheel")
			s.runJobs()
			s.keys(tc.keys...)
			if len(s.opened) != 1 || s.opened[0] != tc.opened || s.matches[0].Text != tc.text || s.matches[0].Offset != tc.offset {
				t.Fatalf("opened %q %+v, want %s at %d (%q)", s.opened, s.matches, tc.opened, tc.offset, tc.text)
			}
			if tc.offset >= 0 {
				src := string(s.src[tc.opened].Data)
				if got := src[tc.offset : tc.offset+len(tc.text)]; got != tc.text {
					t.Errorf("the source at the match's offset is %q", got)
				}
			}
			if s.closed != 0 {
				t.Error("opening closed the panel")
			}
		})
	}
}

func TestSearchPanel_SelectionShows(t *testing.T) {
	s := showSearch(t)
	s.typeText("flywheel")
	s.runJobs()
	s.keys(fyne.KeyDown, fyne.KeyDown)
	if got := widgets.SearchRows(s.p)[1]; got != ">  Amazon built the [flywheel] early." {
		t.Errorf("selected row %q", got)
	}
	// New results clear the selection.
	s.typeText(" again")
	s.runJobs()
	for _, r := range widgets.SearchRows(s.p) {
		if r[0] == '>' {
			t.Errorf("row %q still selected", r)
		}
	}
}

func TestSearchPanel_EscapeCloses(t *testing.T) {
	s := showSearch(t)
	s.typeText("fly")
	s.keys(fyne.KeyEscape)
	if s.closed != 1 || len(s.opened) != 0 {
		t.Errorf("closed %d times, opened %q", s.closed, s.opened)
	}
}

func TestSearchPanel_EnterWithNoResultsDoesNothing(t *testing.T) {
	s := showSearch(t)
	s.keys(fyne.KeyReturn, fyne.KeyDown, fyne.KeyReturn)
	s.typeText("zzz")
	s.runJobs()
	s.keys(fyne.KeyReturn, fyne.KeyDown, fyne.KeyReturn)
	if len(s.opened) != 0 {
		t.Errorf("opened %q", s.opened)
	}
}

func TestSearchPanel_TapOpens(t *testing.T) {
	s := showSearch(t)
	s.typeText("flywheel")
	s.runJobs()
	// Tap from the top of the window down: the rows open, in order, each note and then
	// each of its snippets.
	var seen []string
	for y := float32(2); y < 320; y += 4 {
		s.opened, s.matches = nil, nil
		test.TapCanvas(s.w.Canvas(), fyne.NewPos(80, y))
		if len(s.opened) == 0 {
			continue
		}
		got := s.opened[0] + " " + strconv.Itoa(s.matches[0].Offset)
		if len(seen) == 0 || seen[len(seen)-1] != got {
			seen = append(seen, got)
		}
	}
	want := []string{"acquired/amazon.md -1", "acquired/amazon.md 50", "acquired/amazon.md 73", "notes/wheel.md -1", "notes/wheel.md 12"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("tapping down the panel opened %q, want %q", seen, want)
	}
}

func TestSearchPanel_StaleResultDiscarded(t *testing.T) {
	test.NewTempApp(t)
	// A search that ignores cancellation and answers whatever it was asked.
	answer := func(q string) search.Results {
		return search.Results{Total: 1, Matches: 1, Notes: []search.NoteResult{{Path: q + ".md", Title: q, Count: 1}}}
	}
	p := widgets.NewSearchPanel(func(_ context.Context, q string) (search.Results, error) { return answer(q), nil })
	var jobs []func()
	widgets.SetSearchAsync(p, func(f func()) { jobs = append(jobs, f) })
	w := test.NewTempWindow(t, p)
	w.Canvas().Focus(p.FocusTarget())
	p.SetQuery("old")
	p.SetQuery("new")
	if len(jobs) != 2 {
		t.Fatalf("%d searches started", len(jobs))
	}
	jobs[1]() // the newer search answers first
	jobs[0]() // then the stale one
	if got := widgets.SearchRows(p); !reflect.DeepEqual(got, []string{"new   new.md   1 match"}) {
		t.Errorf("rows %q", got)
	}
	if p.Query() != "new" {
		t.Errorf("query %q", p.Query())
	}
}

func TestSearchPanel_SummaryStates(t *testing.T) {
	test.NewTempApp(t)
	var fail error
	many := search.Results{Total: 1200, Matches: 34567, Notes: make([]search.NoteResult, 100)}
	for i := range many.Notes {
		many.Notes[i] = search.NoteResult{Path: "n.md", Title: "n"}
	}
	p := widgets.NewSearchPanel(func(context.Context, string) (search.Results, error) { return many, fail })
	var jobs []func()
	widgets.SetSearchAsync(p, func(f func()) { jobs = append(jobs, f) })
	run := func() {
		for len(jobs) > 0 {
			f := jobs[0]
			jobs = jobs[1:]
			f()
		}
	}
	p.SetIndexing(12000, 20000)
	if got := widgets.SearchSummary(p); got != "Indexing text… 12,000 of 20,000" {
		t.Errorf("indexing: %q", got)
	}
	p.SetQuery("x")
	run()
	if got := widgets.SearchSummary(p); got != "Indexing text… 12,000 of 20,000" {
		t.Errorf("indexing while searching: %q", got)
	}
	p.SetIndexing(20000, 20000)
	if len(jobs) != 1 {
		t.Fatalf("finishing the index started %d searches, want 1", len(jobs))
	}
	run()
	if got := widgets.SearchSummary(p); got != "1,200 notes, 34,567 matches (showing the first 100)" {
		t.Errorf("results: %q", got)
	}
	fail = errors.New("disk on fire")
	p.Rerun()
	run()
	if got := widgets.SearchSummary(p); got != "Search failed: disk on fire" {
		t.Errorf("failure: %q", got)
	}
	fail = nil
	p.SetQuery("  ")
	if got := widgets.SearchSummary(p); got != `Words, "a phrase", -word, tag:x, path:folder, video:ID` || len(jobs) != 0 || p.Len() != 0 {
		t.Errorf("blank query: %q, %d searches, %d rows", got, len(jobs), p.Len())
	}
}

// TestSearchPanel_EnterBeforeResultsOpensWhatWasTyped: a fast typist presses Enter before
// the search for the last keystroke has answered; Enter waits for it and opens its top
// note, not the top of the results still on screen.
func TestSearchPanel_EnterBeforeResultsOpensWhatWasTyped(t *testing.T) {
	s := showSearch(t)
	s.typeText("flywheel")
	s.runJobs()
	if len(widgets.SearchRows(s.p)) == 0 {
		t.Fatal("no results for flywheel")
	}
	s.p.SetQuery("stores energy")
	s.keys(fyne.KeyReturn)
	if len(s.opened) != 0 {
		t.Fatalf("Enter opened %v from the previous query's results", s.opened)
	}
	s.runJobs()
	if len(s.opened) != 1 || s.opened[0] != "notes/wheel.md" {
		t.Fatalf("after the search answered, opened %v, want [notes/wheel.md]", s.opened)
	}
}

// TestSearchPanel_EnterWhileIndexingOpensOnceIndexed: Enter pressed while the text index is
// still being built opens the top result as soon as the query has run over every note.
func TestSearchPanel_EnterWhileIndexingOpensOnceIndexed(t *testing.T) {
	s := showSearch(t)
	s.p.SetIndexing(1, 3)
	s.typeText("stores energy")
	s.runJobs()
	s.keys(fyne.KeyReturn)
	if len(s.opened) != 0 {
		t.Fatalf("Enter opened %v while the text was still being indexed", s.opened)
	}
	s.p.SetIndexing(3, 3)
	s.runJobs()
	if len(s.opened) != 1 || s.opened[0] != "notes/wheel.md" {
		t.Fatalf("once indexed, opened %v, want [notes/wheel.md]", s.opened)
	}
}
