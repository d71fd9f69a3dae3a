package widgets_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/vault/bases"
	"vaultview/widgets"
)

// showBase shows the result of view in a BaseView of a test window, and records the notes
// it opens.
func showBase(t *testing.T, view bases.View, result bases.Table) (*widgets.BaseView, fyne.Window, *[]string) {
	t.Helper()
	v := widgets.NewBaseView()
	opened := new([]string)
	v.OnOpenNote = func(p string) { *opened = append(*opened, p) }
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(700, 500))
	v.SetBase("Shelf.base", []string{view.Name}, view.Name, view.Type, result, nil)
	return v, w, opened
}

// A grouped view shows a heading before each group with its count, the summaries in a last
// line; sorting by a column sorts within the groups; only a note's line opens a note.
func TestBaseView_GroupsAndSummaries(t *testing.T) {
	test.NewTempApp(t)
	b, _, err := bases.Parse([]byte(`views:
  - type: table
    name: Shelf
    order: [file.name, pages]
    groupBy: {property: status}
    summaries: {pages: Sum}
`))
	if err != nil {
		t.Fatal(err)
	}
	row := func(name, status string, pages float64) *bases.Row {
		return &bases.Row{Path: name + ".md", Props: map[string]bases.Value{"status": bases.String(status), "pages": bases.Number(pages)}}
	}
	rows := []*bases.Row{row("Atlas", "reading", 300), row("Moon", "done", 100), row("Sea", "reading", 90), row("Map", "done", 50)}
	view, _ := b.View("")
	v, w, opened := showBase(t, view, b.Run(view, rows, nil, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)))
	want := "status: done (2)\nMoon\t100\nMap\t50\nstatus: reading (2)\nAtlas\t300\nSea\t90\n\tSum: 540"
	if got := strings.Join(v.Lines(), "\n"); got != want {
		t.Errorf("lines:\n%s\nwant\n%s", got, want)
	}
	v.SortBy(1, false)
	want = "status: done (2)\nMap\t50\nMoon\t100\nstatus: reading (2)\nSea\t90\nAtlas\t300\n\tSum: 540"
	if got := strings.Join(v.Lines(), "\n"); got != want {
		t.Errorf("sorted by pages:\n%s\nwant\n%s", got, want)
	}
	table := findAll[*widget.Table](w.Canvas().Content())
	if len(table) != 1 {
		t.Fatalf("%d tables", len(table))
	}
	table[0].Select(widget.TableCellID{Row: 0, Col: 0}) // a heading
	table[0].Select(widget.TableCellID{Row: 5, Col: 0}) // Atlas
	table[0].Select(widget.TableCellID{Row: 6, Col: 1}) // the summaries
	if strings.Join(*opened, " ") != "Atlas.md" {
		t.Errorf("opened %q", *opened)
	}
}

// A list view shows each note's name and its other values that are not empty, after the
// groups' headings, the summaries last; a click on a note's line opens it, on a heading or
// the summaries nothing.
func TestBaseView_List(t *testing.T) {
	test.NewTempApp(t)
	b, problems, err := bases.Parse([]byte(`views:
  - type: list
    name: Spines
    order: [file.name, status, pages]
    groupBy: {property: status}
    summaries: {pages: Sum}
`))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	row := func(name, status string, pages float64) *bases.Row {
		props := map[string]bases.Value{"pages": bases.Number(pages)}
		if status != "" {
			props["status"] = bases.String(status)
		}
		return &bases.Row{Path: name + ".md", Props: props}
	}
	rows := []*bases.Row{row("Atlas", "reading", 300), row("Moon", "done", 100), row("Sea", "", 90)}
	view, _ := b.View("")
	if view.Type != "list" {
		t.Fatalf("view type %q", view.Type)
	}
	v, w, opened := showBase(t, view, b.Run(view, rows, nil, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)))
	want := "status: done (1)\nMoon\tstatus: done  ·  pages: 100\nstatus: reading (1)\nAtlas\tstatus: reading  ·  pages: 300\n" +
		"status: (none) (1)\nSea\tpages: 90\n\tpages – Sum: 490"
	if got := strings.Join(v.ListLines(), "\n"); got != want {
		t.Errorf("lines:\n%s\nwant\n%s", got, want)
	}
	lists := findAll[*widget.List](w.Canvas().Content())
	if len(lists) != 1 || len(findAll[*widget.Table](w.Canvas().Content())) != 0 {
		t.Fatalf("%d lists shown, want the list alone", len(lists))
	}
	// What the list draws: the note's name and its values.
	var shown []string
	for _, l := range findAll[*widget.Label](lists[0]) {
		if l.Visible() && l.Text != "" {
			shown = append(shown, l.Text)
		}
	}
	for _, want := range []string{"• Atlas", "status: reading  ·  pages: 300", "status: (none) (1)", "pages – Sum: 490"} {
		if !slices.Contains(shown, want) {
			t.Errorf("the list draws %q, without %q", shown, want)
		}
	}
	lists[0].Select(0) // a heading
	lists[0].Select(3) // Atlas
	lists[0].Select(6) // the summaries
	if strings.Join(*opened, " ") != "Atlas.md" {
		t.Errorf("opened %q", *opened)
	}
}

// A column is wide enough for the cells of its first rows, and the view switcher for the
// longest view's name: neither is cut short when the window has room.
func TestBaseView_FitsItsText(t *testing.T) {
	test.NewTempApp(t)
	b, _, err := bases.Parse([]byte(`views:
  - type: table
    name: Notes about videos
    order: [file.name, tags]
  - type: cards
    name: Shelf
`))
	if err != nil {
		t.Fatal(err)
	}
	long := "astronomy, instruments, sundials"
	rows := []*bases.Row{{Path: "a.md", Props: map[string]bases.Value{"tags": bases.String(long)}}}
	view, _ := b.View("")
	v := widgets.NewBaseView()
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1000, 500))
	v.SetBase("Episodes.base", []string{"Notes about videos", "Shelf"}, view.Name, view.Type,
		b.Run(view, rows, nil, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)), nil)
	size := theme.TextSize()
	for _, l := range findAll[*widget.Label](w.Canvas().Content()) {
		if l.Text == long && l.Size().Width < fyne.MeasureText(long, size, fyne.TextStyle{}).Width {
			t.Errorf("the cell is %v wide, its text %v", l.Size().Width, fyne.MeasureText(long, size, fyne.TextStyle{}).Width)
		}
	}
	sel := findAll[*widget.Select](w.Canvas().Content())
	if len(sel) != 1 {
		t.Fatalf("%d view switchers", len(sel))
	}
	if need := fyne.MeasureText(view.Name, size, fyne.TextStyle{}).Width + theme.IconInlineSize(); sel[0].Size().Width < need {
		t.Errorf("the view switcher is %v wide, its longest name and arrow %v", sel[0].Size().Width, need)
	}
}

// Embedded in a note, a grouped view shows the groups' headings among its rows and the
// summaries under them.
func TestRenderNote_EmbeddedBaseWithGroupsAndSummaries(t *testing.T) {
	text := embeddedBase(t, "views:\n  - type: table\n    order: [file.name, pages]\n    groupBy: {property: status}\n    summaries: {pages: Sum}\n",
		book("Atlas", "reading", 300), book("Moon", "done", 100))
	for _, want := range []string{"status: done", "Moon", "status: reading", "Atlas", "Sum: 400"} {
		if !strings.Contains(text, want) {
			t.Errorf("the embed lacks %q:\n%s", want, text)
		}
	}
	if strings.Index(text, "status: done") > strings.Index(text, "Moon") {
		t.Errorf("the group's heading is not above its row:\n%s", text)
	}
}

// Embedded in a note, a list view shows as the base shows it: a line a note, its name a link
// and its other values after it, under its group's heading; not as a table.
func TestRenderNote_EmbeddedListView(t *testing.T) {
	atlas, moon := book("Atlas", "reading", 300), book("Moon", "done", 0)
	delete(moon.Props, "pages")
	text := embeddedBase(t, "views:\n  - type: list\n    order: [file.name, pages, status]\n    groupBy: {property: status}\n", atlas, moon)
	// A table would show the cells apart, without the list's bullets and separators.
	inOrder(t, text, "status: done (1)", "•  Moon  ·  status: done", "status: reading (1)", "•  Atlas  ·  pages: 300  ·  status: reading")
}

// inOrder fails the test unless text holds each of want, one after another.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("the embed lacks %q after %d:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

// An embedded list longer than an embed shows stops at maxEmbeddedBaseRows notes and keeps
// its summaries, as the table does.
func TestRenderNote_EmbeddedListViewIsCut(t *testing.T) {
	var rows []*bases.Row
	for i := range 60 {
		rows = append(rows, book(fmt.Sprintf("Book %02d", i), "", 1))
	}
	text := embeddedBase(t, "views:\n  - type: list\n    order: [file.name, pages]\n    summaries: {pages: Sum}\n", rows...)
	if n := strings.Count(text, "•  Book"); n != 50 {
		t.Errorf("%d notes shown, want 50", n)
	}
	for _, want := range []string{"pages – Sum: 60", "50 of 60 notes; open the base for all of them."} {
		if !strings.Contains(text, want) {
			t.Errorf("the embed lacks %q", want)
		}
	}
}

// Embedded in a note, a cards view shows as cards, each note's name first and its other
// values below it as "name: value", not as a table; at most maxEmbeddedBaseRows of them.
func TestRenderNote_EmbeddedCardsView(t *testing.T) {
	var rows []*bases.Row
	for i := range 60 {
		rows = append(rows, book(fmt.Sprintf("Book %02d", i), "reading", float64(100+i)))
	}
	text := embeddedBase(t, "views:\n  - type: cards\n    order: [file.name, pages, status]\n", rows...)
	inOrder(t, text, "Book 00\npages: 100\nstatus: reading", "Book 01\npages: 101\nstatus: reading", "50 of 60 notes; open the base for all of them.")
	if n := strings.Count(text, "status: reading"); n != 50 {
		t.Errorf("%d cards shown, want 50", n)
	}
}

// Tab reaches each card of an embedded cards view in turn, as it reaches links, and Return
// opens the card's note.
func TestNoteView_EmbeddedCardsByKeyboard(t *testing.T) {
	test.NewTempApp(t)
	in := embeddedBaseInput(t, "views:\n  - type: cards\n    order: [file.name, pages]\n", book("Atlas", "", 300), book("Moon", "", 100))
	nv := widgets.NewNoteView()
	var opened []string
	nv.OnOpenLink = func(p, fragment string) { opened = append(opened, p) }
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(900, 600))
	nv.ShowNote(widgets.RenderNote(in))
	c := w.Canvas()
	for range 10 {
		c.FocusNext()
		if f := c.Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	}
	// Ten stops go round the window's focusable objects more than once; Return on the base's
	// name (a hyperlink) does nothing, as on any hyperlink.
	want := []string{"Atlas.md", "Moon.md"}
	if !slices.Equal(opened[:min(len(opened), 2)], want) {
		t.Errorf("Tab and Return opened %v, want %v first", opened, want)
	}
}

// embeddedBase is the text of a note that embeds the first view of the base base, run over
// rows.
func embeddedBase(t *testing.T, base string, rows ...*bases.Row) string {
	t.Helper()
	test.NewTempApp(t)
	return widgets.RenderNote(embeddedBaseInput(t, base, rows...)).Text()
}

// embeddedBaseInput is what renders a note that embeds the first view of the base base, run
// over rows.
func embeddedBaseInput(t *testing.T, base string, rows ...*bases.Row) widgets.RenderInput {
	t.Helper()
	b, _, err := bases.Parse([]byte(base))
	if err != nil {
		t.Fatal(err)
	}
	return widgets.RenderInput{
		Source:  []byte("Books:\n\n![[Shelf.base]]\n"),
		Resolve: func(_, target string) string { return target },
		RunBase: func(string, string, *vault.Note) (bases.Table, []string, error) {
			v, _ := b.View("")
			return b.Run(v, rows, nil, time.Now()), nil, nil
		},
	}
}

// book is a row of a base: the note name.md, with a status (none for "") and pages.
func book(name, status string, pages float64) *bases.Row {
	r := &bases.Row{Path: name + ".md", Props: map[string]bases.Value{"pages": bases.Number(pages)}}
	if status != "" {
		r.Props["status"] = bases.String(status)
	}
	return r
}
