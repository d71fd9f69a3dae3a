package app

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

var findVault = fstest.MapFS{
	"Start.md":                             {Data: []byte("# Start\n\nSee [[Quarry Lighthouse Keeper]] and [[Nowhere Yet]].\n")},
	"research/Quarry Lighthouse Keeper.md": {Data: []byte("---\naliases: [The keeper]\n---\n# Quarry Lighthouse Keeper\n\nKeepers logged each storm.\n")},
	"research/Tidal Ledgers.md":            {Data: []byte("# Tidal Ledgers\n\nMany pages of tables.\n\nThe harbour master kept a *ledger* of unusual tides for forty years.\n")},
	"research/Quartz.md":                   {Data: []byte("# Quartz\n\nA mineral.\n")},
}

// findWindow opens a window on vault and returns it once the note is shown and both the
// quick switcher's matcher and the text index are ready.
func findWindow(t *testing.T, src VaultSource, note string) (*Window, chan Place, chan string) {
	t.Helper()
	w, shown, _ := newTestWindow(t)
	ready := make(chan string, 16)
	w.afterReady = func(what string) { ready <- what }
	onUI(w, func() { w.OpenVault(src, note) })
	waitShown(t, shown)
	waitReady(t, ready, "switcher", "search")
	return w, shown, ready
}

// waitReady waits until each of what has been reported ready, in any order.
func waitReady(t *testing.T, ready chan string, what ...string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	missing := map[string]bool{}
	for _, w := range what {
		missing[w] = true
	}
	for len(missing) > 0 {
		select {
		case got := <-ready:
			delete(missing, got)
		case <-deadline:
			t.Fatalf("not ready within 20 s: %v", missing)
		}
	}
}

func shortcut(w *Window, k fyne.KeyName, mod fyne.KeyModifier) {
	onUI(w, func() { w.keys.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}) })
}

// typeKeys types text into whatever has the keyboard, then presses keys.
func typeKeys(t *testing.T, w *Window, text string, keys ...fyne.KeyName) {
	t.Helper()
	onUI(w, func() {
		f := w.win.Canvas().Focused()
		if f == nil {
			t.Fatal("nothing has the keyboard")
		}
		test.Type(f, text)
		for _, k := range keys {
			f.TypedKey(&fyne.KeyEvent{Name: k})
		}
	})
}

// TestFind_QuickSwitcherByKeyboard: Ctrl+O, a few letters of a title, Enter opens the
// note; an alias finds its note; an unwritten name opens its page; Alt+Left returns.
func TestFind_QuickSwitcherByKeyboard(t *testing.T) {
	w, shown, _ := findWindow(t, VaultSource{FS: findVault}, "Start")

	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "quarlight", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "research/Quarry Lighthouse Keeper.md" {
		t.Fatalf("Ctrl+O quarlight Enter opened %+v", p)
	}
	onUI(w, func() {
		if w.find.switcher.popup != nil {
			t.Error("the switcher is still open after Enter")
		}
	})

	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "nowhere", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Unresolved != "Nowhere Yet" {
		t.Fatalf("Ctrl+O nowhere Enter opened %+v, want the unwritten name's page", p)
	}

	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "the keeper", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "research/Quarry Lighthouse Keeper.md" {
		t.Fatalf("the alias opened %+v", p)
	}

	shortcut(w, fyne.KeyLeft, fyne.KeyModifierAlt)
	if p := waitShown(t, shown); p.Unresolved != "Nowhere Yet" {
		t.Fatalf("Alt+Left went to %+v", p)
	}

	// With nothing typed, the notes read lately come first, the one on screen last: Enter
	// goes back to the note read before.
	onUI(w, func() { w.Open("Start.md", "") })
	waitShown(t, shown)
	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "research/Quarry Lighthouse Keeper.md" {
		t.Fatalf("Ctrl+O Enter with nothing typed opened %+v, want the note read before", p)
	}

	shortcut(w, fyne.KeyO, shortcutKey)
	typeKeys(t, w, "quar", fyne.KeyEscape)
	onUI(w, func() {
		if w.find.switcher.popup != nil {
			t.Error("Escape left the switcher open")
		}
	})
}

// TestFind_SearchOpensTheNoteAtTheMatch: Ctrl+Shift+F, a remembered phrase, Enter opens
// the note that has it, scrolled to the phrase and marked; Alt+Left returns.
func TestFind_SearchOpensTheNoteAtTheMatch(t *testing.T) {
	w, shown, _ := findWindow(t, VaultSource{FS: findVault}, "Start")

	shortcut(w, fyne.KeyF, shortcutKey|fyne.KeyModifierShift)
	typeKeys(t, w, `"ledger of unusual tides"`, fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "research/Tidal Ledgers.md" {
		t.Fatalf("search opened %+v", p)
	}
	onUI(w, func() {
		if w.find.search.popup.Visible() {
			t.Error("the search is still open after Enter")
		}
		if got := w.note.MarkedText(); !strings.EqualFold(got, "ledger of unusual tides") {
			t.Errorf("marked %q in the note, want the phrase", got)
		}
	})

	shortcut(w, fyne.KeyLeft, fyne.KeyModifierAlt)
	if p := waitShown(t, shown); p.Path != "Start.md" {
		t.Fatalf("Alt+Left went to %+v", p)
	}

	// The search opens with the last query selected, so typing replaces it.
	shortcut(w, fyne.KeyF, shortcutKey|fyne.KeyModifierShift)
	typeKeys(t, w, "mineral", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "research/Quartz.md" {
		t.Fatalf("second search opened %+v", p)
	}
}

// TestFind_SearchFollowsSaves: a note saved while the window is open is found by its new
// words.
func TestFind_SearchFollowsSaves(t *testing.T) {
	w, shown, dir := diskWindow(t, map[string]string{"Start.md": "# Start\n\nNothing yet.\n"}, "Start.md")
	ready := make(chan string, 16)
	onUI(w, func() { w.afterReady = func(what string) { ready <- what } })
	if st := w.find.search.state.Load(); st == nil || st.store == nil {
		waitReady(t, ready, "search")
	}
	write(t, dir, "New.md", "# New\n\nA saved note about heliotropes.\n")
	waitReady(t, ready, "search")

	shortcut(w, fyne.KeyF, shortcutKey|fyne.KeyModifierShift)
	typeKeys(t, w, "heliotropes", fyne.KeyReturn)
	if p := waitShown(t, shown); p.Path != "New.md" {
		t.Fatalf("search opened %+v", p)
	}
}

// gatedFS holds every read until open is closed: a vault that is slow to load.
type gatedFS struct {
	fs.FS
	open chan struct{}
}

func (g gatedFS) Open(name string) (fs.File, error) {
	<-g.open
	return g.FS.Open(name)
}

// TestFind_KeysTypedWhileTheVaultLoadsAreKept: Ctrl+O and Ctrl+Shift+F work while a big
// vault is still being read; what was typed, Enter included, is acted on once it is.
func TestFind_KeysTypedWhileTheVaultLoadsAreKept(t *testing.T) {
	for _, tc := range []struct {
		name  string
		key   fyne.KeyName
		mod   fyne.KeyModifier
		typed string
	}{
		{"quick switcher", fyne.KeyO, shortcutKey, "quarlight"},
		{"search", fyne.KeyF, shortcutKey | fyne.KeyModifierShift, "keepers logged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, shown, _ := newTestWindow(t)
			gate := gatedFS{FS: findVault, open: make(chan struct{})}
			onUI(w, func() { w.OpenVault(VaultSource{FS: gate}, "Start") })
			shortcut(w, tc.key, tc.mod)
			typeKeys(t, w, tc.typed, fyne.KeyReturn)
			close(gate.open)
			for {
				p := waitShown(t, shown)
				if p.Path == "research/Quarry Lighthouse Keeper.md" {
					return
				}
				if p.Path != "Start.md" {
					t.Fatalf("opened %+v", p)
				}
			}
		})
	}
}
