package widgets_test

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// pageTreeVault is a small vault with the traps the tree must handle: titles that differ
// from file names, numbers in titles, a lower-case folder, a nested folder and a folder
// name wrapped in invisible direction marks.
var pageTreeVault = map[string]string{
	"Welcome.md":                     "# Welcome\n\nStart with [[Episode 2]].\n",
	"Episode 10.md":                  "---\ntitle: Episode 10\n---\nThe tenth one.\n",
	"Episode 2.md":                   "---\ntitle: Episode 2\n---\nThe second one.\n",
	"alpha.md":                       "---\ntitle: Zebra crossing\n---\nFiled under a for no reason.\n",
	"Field Notes/sundials.md":        "---\ntitle: How sundials keep time\n---\nShadows move.\n",
	"Field Notes/journal.md":         "---\ntitle: Keeping a field journal\n---\nWrite it down.\n",
	"Field Notes/Deep/moss.md":       "---\ntitle: Moss on the north side\n---\nNot always.\n",
	"\u2068Capital Show\u2069/c1.md": "---\ntitle: Capital episode 1\n---\nMoney.\n",
	"archive/old.md":                 "---\ntitle: An old note\n---\nDusty.\n",
}

func pageTreeIndex(t testing.TB, files map[string]string) *vault.Index {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return v.Index()
}

// pageTreeWindow shows a page tree of the given vault in a test window.
func pageTreeWindow(t *testing.T, files map[string]string) (*widgets.PageTree, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	p := widgets.NewPageTree()
	p.SetIndex(pageTreeIndex(t, files))
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(320, 520))
	return p, w
}

// shownLines returns the text shown on the canvas, one string per line of the screen from
// top to bottom, the pieces of a line joined in order from left to right.
func shownLines(c fyne.Canvas) []string {
	type piece struct {
		y, x float32
		text string
	}
	var pieces []piece
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			pieces = append(pieces, piece{float32(math.Round(float64(abs.Y + txt.Size().Height/2))), abs.X, txt.Text})
		}
	})
	slices.SortStableFunc(pieces, func(a, b piece) int {
		if a.y != b.y {
			if a.y < b.y {
				return -1
			}
			return 1
		}
		if a.x < b.x {
			return -1
		}
		if a.x > b.x {
			return 1
		}
		return 0
	})
	var rows []string
	lastY := float32(-1)
	for _, p := range pieces {
		if len(rows) > 0 && math.Abs(float64(p.y-lastY)) < 3 {
			rows[len(rows)-1] += p.text
			continue
		}
		rows = append(rows, p.text)
		lastY = p.y
	}
	return rows
}

// walkShown calls fn for every visible object below o with its absolute position,
// through the renderers Fyne has cached (the objects that are really on screen).
func walkShown(o fyne.CanvasObject, parent fyne.Position, fn func(fyne.CanvasObject, fyne.Position)) {
	if o == nil || !o.Visible() {
		return
	}
	abs := parent.Add(o.Position())
	fn(o, abs)
	switch x := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(x).Objects() {
			walkShown(child, abs, fn)
		}
	case *fyne.Container:
		for _, child := range x.Objects {
			walkShown(child, abs, fn)
		}
	}
}

// tapShownText taps the middle of the visible text that reads exactly text.
func tapShownText(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	var at *fyne.Position
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == text && at == nil {
			mid := abs.Add(fyne.NewPos(txt.Size().Width/2, txt.Size().Height/2))
			at = &mid
		}
	})
	if at == nil {
		t.Fatalf("no visible text %q; visible: %q", text, shownLines(c))
	}
	test.TapCanvas(c, *at)
}

// filterBox is the page tree's filter box, an entry of the tree's own.
type filterBox interface {
	fyne.CanvasObject
	fyne.Focusable
	SetPlaceHolder(string)
}

// pageTreeFilterEntry finds the page tree's filter box.
func pageTreeFilterEntry(t *testing.T, c fyne.Canvas) filterBox {
	t.Helper()
	var e filterBox
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
		if x, ok := o.(filterBox); ok && e == nil {
			e = x
		}
	})
	if e == nil {
		t.Fatal("no filter entry")
	}
	return e
}

func assertPageTreeRows(t *testing.T, c fyne.Canvas, want ...string) {
	t.Helper()
	got := shownLines(c)
	if len(got) > 0 && got[0] == "Filter notes" {
		got = got[1:] // the filter box's placeholder
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

func TestPageTree_FoldersFirstThenNotesInNaturalTitleOrder(t *testing.T) {
	_, w := pageTreeWindow(t, pageTreeVault)
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)",
		"Capital Show  (1)", // the direction marks of the folder name are not shown
		"Field Notes  (3)",  // counts the note in Deep too
		"Episode 2",
		"Episode 10",
		"Welcome",
		"Zebra crossing", // alpha.md, ordered by its title
	)
	test.AssertRendersToMarkup(t, "pagetree/initial.xml", w.Canvas())
}

func TestPageTree_TapFolderOpensAndClosesIt(t *testing.T) {
	_, w := pageTreeWindow(t, pageTreeVault)
	tapShownText(t, w.Canvas(), "Field Notes")
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)",
		"Capital Show  (1)",
		"Field Notes  (3)",
		"Deep  (1)",
		"How sundials keep time",
		"Keeping a field journal",
		"Episode 2",
		"Episode 10",
		"Welcome",
		"Zebra crossing",
	)
	tapShownText(t, w.Canvas(), "Field Notes")
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)", "Capital Show  (1)", "Field Notes  (3)",
		"Episode 2", "Episode 10", "Welcome", "Zebra crossing")
}

func TestPageTree_UserTapFiresOnSelectedOnce(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	var got []string
	p.OnSelected = func(path string) {
		got = append(got, path)
		p.Select(path) // what an app does when a note opens: must not loop
	}
	tapShownText(t, w.Canvas(), "Episode 10")
	if !slices.Equal(got, []string{"Episode 10.md"}) {
		t.Fatalf("OnSelected calls = %q, want one with Episode 10.md", got)
	}
	if p.Selected() != "Episode 10.md" {
		t.Errorf("Selected() = %q", p.Selected())
	}
	tapShownText(t, w.Canvas(), "Episode 10") // the selected note again: nothing new
	if len(got) != 1 {
		t.Errorf("OnSelected calls after second tap = %q", got)
	}
	tapShownText(t, w.Canvas(), "Welcome")
	if !slices.Equal(got, []string{"Episode 10.md", "Welcome.md"}) {
		t.Errorf("OnSelected calls = %q", got)
	}
}

func TestPageTree_SelectRevealsWithoutFiringOnSelected(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	fired := 0
	p.OnSelected = func(string) { fired++ }
	p.Select("Field Notes/Deep/moss.md")
	if fired != 0 {
		t.Errorf("Select fired OnSelected %d times", fired)
	}
	if p.Selected() != "Field Notes/Deep/moss.md" {
		t.Errorf("Selected() = %q", p.Selected())
	}
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)",
		"Capital Show  (1)",
		"Field Notes  (3)",
		"Deep  (1)",
		"Moss on the north side",
		"How sundials keep time",
		"Keeping a field journal",
		"Episode 2",
		"Episode 10",
		"Welcome",
		"Zebra crossing",
	)
	test.AssertRendersToMarkup(t, "pagetree/selected.xml", w.Canvas())

	p.Select("no/such/note.md")
	if p.Selected() != "" || fired != 0 {
		t.Errorf("Select(unknown): Selected() = %q, fired %d", p.Selected(), fired)
	}
}

func TestPageTree_SelectScrollsToTheNote(t *testing.T) {
	files := map[string]string{}
	for i := 1; i <= 300; i++ {
		files[fmt.Sprintf("Big/ep%03d.md", i)] = fmt.Sprintf("---\ntitle: Episode %d\n---\nText.\n", i)
	}
	p, w := pageTreeWindow(t, files)
	p.Select("Big/ep250.md")
	rows := shownLines(w.Canvas())
	if !slices.Contains(rows, "Episode 250") {
		t.Errorf("Episode 250 not on screen after Select; visible: %q", rows)
	}
	if slices.Contains(rows, "Episode 1") {
		t.Errorf("tree did not scroll: %q", rows)
	}
}

func TestPageTree_SelectBeforeShownRevealsOnceShown(t *testing.T) {
	files := map[string]string{}
	for i := 1; i <= 300; i++ {
		files[fmt.Sprintf("Big/ep%03d.md", i)] = fmt.Sprintf("---\ntitle: Episode %d\n---\nText.\n", i)
	}
	test.NewTempApp(t)
	p := widgets.NewPageTree()
	p.SetIndex(pageTreeIndex(t, files))
	p.Select("Big/ep200.md")
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(320, 520))
	if rows := shownLines(w.Canvas()); !slices.Contains(rows, "Episode 200") {
		t.Errorf("Episode 200 not on screen; visible: %q", rows)
	}
}

func TestPageTree_FilterNarrowsAndClears(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	tapShownText(t, w.Canvas(), "archive") // the user's own open folder, to come back after

	test.Type(pageTreeFilterEntry(t, w.Canvas()), "SUN")
	assertPageTreeRows(t, w.Canvas(), "SUN",
		"Field Notes  (1)",
		"How sundials keep time",
	)
	test.AssertRendersToMarkup(t, "pagetree/filtered.xml", w.Canvas())

	// Matching the path: the folder name finds all of its notes, opened down to them.
	p.SetFilter("deep")
	assertPageTreeRows(t, w.Canvas(), "deep",
		"Field Notes  (1)",
		"Deep  (1)",
		"Moss on the north side",
	)
	// Every word must match, anywhere in the title or the path.
	p.SetFilter("episode capital")
	assertPageTreeRows(t, w.Canvas(), "episode capital", "Capital Show  (1)", "Capital episode 1")
	p.SetFilter("episode")
	assertPageTreeRows(t, w.Canvas(), "episode",
		"Capital Show  (1)", "Capital episode 1", "Episode 2", "Episode 10")

	p.SetFilter("zzz")
	assertPageTreeRows(t, w.Canvas(), "zzz", "No notes match “zzz”")

	tapPageTreeClear(t, w.Canvas())
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)",
		"An old note",
		"Capital Show  (1)",
		"Field Notes  (3)",
		"Episode 2", "Episode 10", "Welcome", "Zebra crossing",
	)
}

func TestPageTree_PickingAFilteredNote(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	var got []string
	p.OnSelected = func(path string) { got = append(got, path) }
	p.SetFilter("moss")
	tapShownText(t, w.Canvas(), "Moss on the north side")
	if !slices.Equal(got, []string{"Field Notes/Deep/moss.md"}) {
		t.Fatalf("OnSelected = %q", got)
	}
	// Clearing the filter shows the picked note where it lives, its folders opened.
	p.SetFilter("")
	rows := shownLines(w.Canvas())
	if !slices.Contains(rows, "Moss on the north side") {
		t.Errorf("picked note not revealed after clearing the filter: %q", rows)
	}

	// Enter in the filter box picks the first match.
	e := pageTreeFilterEntry(t, w.Canvas())
	test.Type(e, "episode 1")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !slices.Equal(got, []string{"Field Notes/Deep/moss.md", "\u2068Capital Show\u2069/c1.md"}) {
		t.Errorf("OnSelected after Enter = %q", got)
	}
}

func TestPageTree_SetIndexKeepsOpenFoldersAndSelection(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	tapShownText(t, w.Canvas(), "Field Notes")
	tapShownText(t, w.Canvas(), "Deep")
	tapShownText(t, w.Canvas(), "Keeping a field journal")

	changed := maps.Clone(pageTreeVault)
	changed["Field Notes/almanac.md"] = "---\ntitle: An almanac\n---\nNew.\n"
	delete(changed, "Welcome.md")
	p.SetIndex(pageTreeIndex(t, changed))
	assertPageTreeRows(t, w.Canvas(),
		"archive  (1)",
		"Capital Show  (1)",
		"Field Notes  (4)",
		"Deep  (1)",
		"Moss on the north side",
		"An almanac",
		"How sundials keep time",
		"Keeping a field journal",
		"Episode 2",
		"Episode 10",
		"Zebra crossing",
	)
	if p.Selected() != "Field Notes/journal.md" {
		t.Errorf("selection lost: %q", p.Selected())
	}

	// The selected note disappears: the selection goes with it.
	delete(changed, "Field Notes/journal.md")
	p.SetIndex(pageTreeIndex(t, changed))
	if p.Selected() != "" {
		t.Errorf("Selected() = %q after its note went", p.Selected())
	}
}

func TestPageTree_SetIndexKeepsFilter(t *testing.T) {
	p, w := pageTreeWindow(t, pageTreeVault)
	p.SetFilter("journal")
	changed := maps.Clone(pageTreeVault)
	changed["journal of a trip.md"] = "A trip.\n"
	p.SetIndex(pageTreeIndex(t, changed))
	assertPageTreeRows(t, w.Canvas(), "journal",
		"Field Notes  (1)", "Keeping a field journal", "journal of a trip")
}

func TestPageTree_Empty(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewPageTree()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(200, 200))
	p.Select("x.md")
	p.SetFilter("x")
	p.SetIndex(nil)
	if got := strings.Join(shownLines(w.Canvas()), "|"); got != "x|No notes match “x”" {
		t.Errorf("rows = %q", got)
	}
}

// tapPageTreeClear taps the ✕ at the right end of the filter box.
func tapPageTreeClear(t *testing.T, c fyne.Canvas) {
	t.Helper()
	e := pageTreeFilterEntry(t, c)
	var at fyne.Position
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, abs fyne.Position) {
		if o == e {
			at = abs.Add(fyne.NewPos(e.Size().Width-14, e.Size().Height/2))
		}
	})
	test.TapCanvas(c, at)
}

// Escape in the filter box empties it; in an empty box it gives the keyboard back to the
// window (a focused box blinks its cursor for ever).
func TestPageTree_EscapeEmptiesTheFilterThenLeavesIt(t *testing.T) {
	_, w := pageTreeWindow(t, pageTreeVault)
	e := pageTreeFilterEntry(t, w.Canvas())
	w.Canvas().Focus(e)
	test.Type(e, "moss")
	if rows := shownLines(w.Canvas()); rows[0] != "moss" {
		t.Fatalf("typed into the filter: %q", rows)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Focused() != e {
		t.Error("the first Escape left the filter box")
	}
	if rows := shownLines(w.Canvas()); rows[0] != "Filter notes" { // the empty box's placeholder
		t.Errorf("the first Escape did not empty the filter: %q", rows)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Focused() != nil {
		t.Error("Escape in an empty filter box kept the keyboard")
	}
}
