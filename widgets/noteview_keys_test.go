package widgets_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// Fyne's test driver has no key modifiers and its canvas takes no shortcuts. The desktop
// driver has both: nvKeysDriver and nvKeysCanvas stand in for them, so that a test sees what
// the note does with Shift+Space and with the shortcuts it hands on to the window.

type nvKeysApp struct {
	fyne.App
	d *nvKeysDriver
}

func (a *nvKeysApp) Driver() fyne.Driver { return a.d }

// nvKeysDriver is the test driver with the modifiers held (desktop.Driver) and every object
// on one canvas.
type nvKeysDriver struct {
	fyne.Driver
	c    *nvKeysCanvas
	mods fyne.KeyModifier
}

func (d *nvKeysDriver) CanvasForObject(fyne.CanvasObject) fyne.Canvas { return d.c }
func (d *nvKeysDriver) CreateSplashWindow() fyne.Window               { return d.CreateWindow("") }
func (d *nvKeysDriver) CurrentKeyModifiers() fyne.KeyModifier         { return d.mods }
func (d *nvKeysDriver) HasSecondaryDisplay() bool                     { return false }

// nvKeysCanvas is a test canvas whose shortcuts fire as a desktop window's do.
type nvKeysCanvas struct {
	fyne.Canvas
	keys fyne.ShortcutHandler
}

func (c *nvKeysCanvas) AddShortcut(s fyne.Shortcut, h func(fyne.Shortcut)) { c.keys.AddShortcut(s, h) }
func (c *nvKeysCanvas) RemoveShortcut(s fyne.Shortcut)                     { c.keys.RemoveShortcut(s) }
func (c *nvKeysCanvas) TypedShortcut(s fyne.Shortcut)                      { c.keys.TypedShortcut(s) }

// nvKeysNote is a note of 200 numbered paragraphs; the first links to another note.
func nvKeysNote() string {
	var b strings.Builder
	b.WriteString("# Long\n\nParagraph 1 links to [[other]] and goes on.\n\n")
	for i := 2; i <= 200; i++ {
		fmt.Fprintf(&b, "Paragraph %d is about the sea, the wind and the long evenings of the coast.\n\n", i)
	}
	return b.String()
}

// nvKeys shows the long note in a window the size of a small screen, on the stand-in driver.
type nvKeys struct {
	t        *testing.T
	nv       *widgets.NoteView
	w        fyne.Window
	d        *nvKeysDriver
	scrolled int
}

func nvKeysShow(t *testing.T) *nvKeys {
	t.Helper()
	a := test.NewTempApp(t)
	v, err := vault.Load(fstest.MapFS{
		"long.md":  {Data: []byte(nvKeysNote())},
		"other.md": {Data: []byte("# Other\n\nText.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	nv := widgets.NewNoteView()
	k := &nvKeys{t: t, nv: nv}
	nv.OnScrolled = func(int) { k.scrolled++ }
	k.w = test.NewTempWindow(t, nv)
	k.w.Resize(fyne.NewSize(700, 500))
	k.d = &nvKeysDriver{Driver: a.Driver(), c: &nvKeysCanvas{Canvas: k.w.Canvas()}}
	fyne.SetCurrentApp(&nvKeysApp{App: a, d: k.d})
	nv.ShowNote(nvRender(t, v, "long.md"))
	return k
}

// click taps the middle of the text of paragraph n, as the pointer would; the paragraph has
// to be in view.
func (k *nvKeys) click(n int) {
	k.t.Helper()
	want := fmt.Sprintf("Paragraph %d ", n)
	_, _, _, view := k.nv.KeySteps()
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(k.nv).Y + k.nv.Size().Height
	var at *canvas.Text
	nvWalk(k.w.Canvas().Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && at == nil && strings.HasPrefix(t.Text, want) {
			if y := nvCentre(t).Y; y > bottom-view && y < bottom {
				at = t
			}
		}
	})
	if at == nil {
		k.t.Fatalf("paragraph %d is not in view", n)
	}
	test.TapCanvas(k.w.Canvas(), nvCentre(at))
}

func (k *nvKeys) key(name fyne.KeyName) {
	k.t.Helper()
	f := k.w.Canvas().Focused()
	if f == nil {
		k.t.Fatalf("%s: nothing has the focus", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

func (k *nvKeys) shortcut(mod fyne.KeyModifier, name fyne.KeyName) {
	k.t.Helper()
	f, ok := k.w.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		k.t.Fatalf("%v is focused, which takes no shortcuts", k.w.Canvas().Focused())
	}
	f.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
}

func TestNoteView_ClickOnTextFocusesTheNote(t *testing.T) {
	k := nvKeysShow(t)
	k.click(2)
	if f := k.w.Canvas().Focused(); f != k.nv {
		t.Fatalf("focused after a click on the text: %v, want the note", f)
	}
}

func TestNoteView_KeysScroll(t *testing.T) {
	k := nvKeysShow(t)
	k.click(2)
	line, page, bottom, view := k.nv.KeySteps()
	if line < 10 || line > 40 {
		t.Fatalf("a line is %v px", line)
	}
	if view < 200 || page != view-line {
		t.Fatalf("a page is %v px in a view of %v px with lines of %v", page, view, line)
	}
	if bottom < 10*view {
		t.Fatalf("the end of 200 paragraphs is at %v, in a view of %v", bottom, view)
	}
	type step struct {
		name  string
		press func()
		by    float32 // how far from where it was; with to unset
		to    float32 // where, when set
	}
	key := func(n fyne.KeyName) func() { return func() { k.key(n) } }
	shift := func(n fyne.KeyName) func() {
		return func() { k.d.mods = fyne.KeyModifierShift; k.key(n); k.d.mods = 0 }
	}
	ctrl := func(n fyne.KeyName) func() { return func() { k.shortcut(fyne.KeyModifierControl, n) } }
	inf := float32(math.Inf(1))
	for _, s := range []step{
		{"Down", key(fyne.KeyDown), line, inf},
		{"Down", key(fyne.KeyDown), line, inf},
		{"Up", key(fyne.KeyUp), -line, inf},
		{"Page Down", key(fyne.KeyPageDown), page, inf},
		{"Page Down", key(fyne.KeyPageDown), page, inf},
		{"Page Up", key(fyne.KeyPageUp), -page, inf},
		{"Space", key(fyne.KeySpace), page, inf},
		{"Shift+Space", shift(fyne.KeySpace), -page, inf},
		{"End", key(fyne.KeyEnd), 0, bottom},
		{"Down at the end", key(fyne.KeyDown), 0, inf},
		{"Page Down at the end", key(fyne.KeyPageDown), 0, inf},
		{"Space at the end", key(fyne.KeySpace), 0, inf},
		{"Page Up", key(fyne.KeyPageUp), -page, inf},
		{"Home", key(fyne.KeyHome), 0, 0},
		{"Up at the top", key(fyne.KeyUp), 0, 0},
		{"Shift+Space at the top", shift(fyne.KeySpace), 0, 0},
		{"Ctrl+End", ctrl(fyne.KeyEnd), 0, bottom},
		{"Ctrl+Home", ctrl(fyne.KeyHome), 0, 0},
	} {
		from := k.nv.ScrollOffset()
		calls := k.scrolled
		s.press()
		got := k.nv.ScrollOffset()
		want := from + s.by
		if s.to != inf {
			_, _, bottom, _ = k.nv.KeySteps() // the end is measured once shown
			want = s.to
			if s.to != 0 {
				want = bottom
			}
		}
		if math.Abs(float64(got-want)) > 0.5 {
			t.Fatalf("%s from %v: at %v, want %v", s.name, from, got, want)
		}
		if moved := got != from; moved != (k.scrolled > calls) {
			t.Errorf("%s: moved %v, OnScrolled called %d times", s.name, moved, k.scrolled-calls)
		}
	}
}

func TestNoteView_EndShowsTheLastParagraph(t *testing.T) {
	k := nvKeysShow(t)
	k.click(2)
	k.key(fyne.KeyEnd)
	k.click(200) // fails when paragraph 200 is not shown
	k.key(fyne.KeyHome)
	k.click(1)
}

// The rows at the end of a note are measured only once they are in view, and change its
// height: End still has to show the very end.
func TestNoteView_EndReachesTheEndOfAMixedNote(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1000, Height: 600}, {Width: 300, Height: 200}} {
		nv, w, _ := nvShow(t, nvFixtureNote, size)
		w.Canvas().Focus(nv)
		nv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
		if _, _, bottom, _ := nv.KeySteps(); nv.ScrollOffset() != bottom {
			t.Errorf("%v: End is at %v, the end at %v", size, nv.ScrollOffset(), bottom)
		}
	}
}

func TestNoteView_ShortcutsTheNoteDoesNotTakeReachTheWindow(t *testing.T) {
	k := nvKeysShow(t)
	var got []string
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierControl},
		{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt},
		{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl},
	} {
		k.d.c.AddShortcut(sc, func(s fyne.Shortcut) { got = append(got, s.ShortcutName()) })
	}
	var typed []fyne.KeyName
	k.w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) { typed = append(typed, e.Name) })
	k.click(2)
	k.shortcut(fyne.KeyModifierControl, fyne.KeyO)
	k.shortcut(fyne.KeyModifierAlt, fyne.KeyLeft)
	k.shortcut(fyne.KeyModifierControl, fyne.KeyEnd) // the note's own
	k.key(fyne.KeyF1)
	k.key(fyne.KeyDown) // the note's own
	if want := "CustomDesktop:Control+O CustomDesktop:Alt+Left"; strings.Join(got, " ") != want {
		t.Errorf("the window's shortcuts got %q, want %q", got, want)
	}
	if len(typed) != 1 || typed[0] != fyne.KeyF1 {
		t.Errorf("the window's key handler got %v, want [F1]", typed)
	}
}

func TestNoteView_TabStillGoesToTheLinks(t *testing.T) {
	k := nvKeysShow(t)
	k.click(2)
	k.w.Canvas().FocusNext()
	link := k.w.Canvas().Focused()
	if link == nil || link == fyne.Focusable(k.nv) {
		t.Fatalf("Tab from the note focused %v, want its first link", link)
	}
	// A link takes Space and Return; the note still scrolls for the other keys.
	k.key(fyne.KeyPageDown)
	if k.nv.ScrollOffset() <= 0 {
		t.Errorf("Page Down with a link focused did not scroll")
	}
	k.shortcut(fyne.KeyModifierControl, fyne.KeyHome)
	if k.nv.ScrollOffset() != 0 {
		t.Errorf("Ctrl+Home with a link focused: at %v", k.nv.ScrollOffset())
	}
}
