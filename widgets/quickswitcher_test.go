package widgets_test

import (
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/vault/switcher"
	"vaultview/widgets"
)

// switcherVault is a small vault with titles, an alias, a file name and an unresolved name.
func switcherVault(t *testing.T) *switcher.Matcher {
	t.Helper()
	v, err := vault.Load(fstest.MapFS{
		"money/where.md":    {Data: []byte("---\ntitle: Where The Money Went\n---\n")},
		"watermelon.md":     {Data: []byte("---\ntitle: Watermelon\n---\n")},
		"a/alpha.md":        {Data: []byte("---\ntitle: Project Alpha\n---\n")},
		"b/beta.md":         {Data: []byte("---\ntitle: Project Beta\n---\n")},
		"gamma.md":          {Data: []byte("---\ntitle: Project Gamma\n---\n")},
		"cloud/aws_note.md": {Data: []byte("---\ntitle: Amazon Web Services\naliases: [AWS]\n---\n[[Nowhere Land]]\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return switcher.New(v.Index())
}

// openedSwitcher shows a switcher in a window with its entry focused, and records what it
// opens and whether it closed.
type openedSwitcher struct {
	s          *widgets.QuickSwitcher
	w          fyne.Window
	opened     []string
	unresolved []string
	closed     int
}

func showSwitcher(t *testing.T, recent []string) *openedSwitcher {
	t.Helper()
	test.NewTempApp(t)
	o := &openedSwitcher{s: widgets.NewQuickSwitcher(switcherVault(t), recent)}
	o.s.OnOpen = func(p string) { o.opened = append(o.opened, p) }
	o.s.OnOpenUnresolved = func(n string) { o.unresolved = append(o.unresolved, n) }
	o.s.OnClose = func() { o.closed++ }
	o.w = test.NewTempWindow(t, o.s)
	o.w.Resize(o.s.MinSize())
	o.w.Canvas().Focus(o.s.FocusTarget())
	if o.w.Canvas().Focused() == nil {
		t.Fatal("the switcher's focus target does not take the focus")
	}
	return o
}

// keys presses keys in the focused widget, as the window would.
func (o *openedSwitcher) keys(names ...fyne.KeyName) {
	for _, n := range names {
		o.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// typeText types into the focused widget, which must be the switcher's entry.
func (o *openedSwitcher) typeText(s string) { test.Type(o.w.Canvas().Focused(), s) }

func TestQuickSwitcher_Keys(t *testing.T) {
	for _, tc := range []struct {
		name       string
		typed      string
		keys       []fyne.KeyName
		opened     []string
		unresolved []string
		closed     int
	}{
		{"Enter opens the best match", "wtm", []fyne.KeyName{fyne.KeyReturn},
			[]string{"money/where.md"}, nil, 0},
		{"keypad Enter too", "wtm", []fyne.KeyName{fyne.KeyEnter},
			[]string{"money/where.md"}, nil, 0},
		{"Down Down Enter opens the third", "project", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn},
			[]string{"gamma.md"}, nil, 0},
		{"Down stops at the last", "project", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn},
			[]string{"gamma.md"}, nil, 0},
		{"Up stops at the first", "project", []fyne.KeyName{fyne.KeyDown, fyne.KeyUp, fyne.KeyUp, fyne.KeyReturn},
			[]string{"a/alpha.md"}, nil, 0},
		{"Page Down moves to the last", "project", []fyne.KeyName{fyne.KeyPageDown, fyne.KeyReturn},
			[]string{"gamma.md"}, nil, 0},
		{"an alias opens its note", "aws", []fyne.KeyName{fyne.KeyReturn},
			[]string{"cloud/aws_note.md"}, nil, 0},
		{"an unresolved name is offered as such", "nowhere", []fyne.KeyName{fyne.KeyReturn},
			nil, []string{"Nowhere Land"}, 0},
		{"Escape closes", "proj", []fyne.KeyName{fyne.KeyEscape},
			nil, nil, 1},
		{"Enter with no match does nothing", "zzz", []fyne.KeyName{fyne.KeyReturn},
			nil, nil, 0},
		{"typing again highlights the first again", "project", []fyne.KeyName{fyne.KeyDown, fyne.KeyBackspace, fyne.KeyReturn},
			[]string{"a/alpha.md"}, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := showSwitcher(t, nil)
			o.typeText(tc.typed)
			o.keys(tc.keys...)
			if !equalStrings(o.opened, tc.opened) || !equalStrings(o.unresolved, tc.unresolved) || o.closed != tc.closed {
				t.Errorf("typing %q then %v: opened %q, unresolved %q, closed %d times; want %q, %q, %d",
					tc.typed, tc.keys, o.opened, o.unresolved, o.closed, tc.opened, tc.unresolved, tc.closed)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestQuickSwitcher_RecentWhileEmpty(t *testing.T) {
	o := showSwitcher(t, []string{"gamma.md", "deleted.md", "money/where.md"})
	if o.s.Len() != 2 {
		t.Fatalf("the empty switcher lists %d notes, want the 2 recent ones that exist", o.s.Len())
	}
	test.AssertRendersToMarkup(t, "switcher/recent.xml", o.w.Canvas())
	o.keys(fyne.KeyDown, fyne.KeyReturn)
	if !equalStrings(o.opened, []string{"money/where.md"}) {
		t.Errorf("Down Enter on the recent notes opened %q, want the second", o.opened)
	}
	// Typing and erasing brings the recent notes back.
	o.typeText("aws")
	o.keys(fyne.KeyBackspace, fyne.KeyBackspace, fyne.KeyBackspace)
	if o.s.Len() != 2 {
		t.Errorf("after erasing the query the switcher lists %d notes, want the 2 recent", o.s.Len())
	}
}

func TestQuickSwitcher_ShowsMatches(t *testing.T) {
	o := showSwitcher(t, nil)
	o.typeText("w")
	o.typeText("t")
	o.typeText("m")
	if o.s.Len() != 2 {
		t.Fatalf("wtm lists %d results, want 2", o.s.Len())
	}
	// Where The Money Went first, its W, T and M in bold; its folder dimmed.
	test.AssertRendersToMarkup(t, "switcher/wtm.xml", o.w.Canvas())

	o.keys(fyne.KeyBackspace, fyne.KeyBackspace, fyne.KeyBackspace)
	o.typeText("a")
	test.AssertRendersToMarkup(t, "switcher/kinds.xml", o.w.Canvas())
}

func TestQuickSwitcher_TapOpens(t *testing.T) {
	o := showSwitcher(t, nil)
	o.typeText("project")
	test.TapCanvas(o.w.Canvas(), fyne.NewPos(60, 100)) // the second row
	if !equalStrings(o.opened, []string{"b/beta.md"}) {
		t.Errorf("tapping the second result opened %q, want b/beta.md", o.opened)
	}
}

func TestQuickSwitcher_Hints(t *testing.T) {
	test.NewTempApp(t)
	s := widgets.NewQuickSwitcher(nil, []string{"gamma.md"})
	w := test.NewTempWindow(t, s)
	w.Resize(s.MinSize())
	test.AssertRendersToMarkup(t, "switcher/reading.xml", w.Canvas())
	s.SetMatcher(switcherVault(t))
	if s.Len() != 1 {
		t.Errorf("once its matcher is set the switcher lists %d recent notes, want 1", s.Len())
	}
	test.Type(s.FocusTarget(), "zzz")
	if s.Len() != 0 {
		t.Errorf("zzz lists %d results", s.Len())
	}
	test.AssertRendersToMarkup(t, "switcher/no_match.xml", w.Canvas())
}

func TestQuickSwitcher_EmptyWithoutRecent(t *testing.T) {
	o := showSwitcher(t, nil)
	if o.s.Len() != 0 {
		t.Errorf("with no recent notes the empty switcher lists %d", o.s.Len())
	}
	test.AssertRendersToMarkup(t, "switcher/empty.xml", o.w.Canvas())
	o.keys(fyne.KeyDown, fyne.KeyReturn)
	if len(o.opened) != 0 {
		t.Errorf("Enter in the empty switcher opened %q", o.opened)
	}
}
