package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestPreferences_RoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	var w *Window
	onUILock(func() { w = NewWindow(a, nil) }) // another test\'s window may still be finishing work
	w.SetZoom(1.3)
	w.SetTheme(ThemeLight)
	w.togglePane(w.side.panel)
	w.SetFollow(true)
	dir := t.TempDir()
	w.remember(dir)

	// A new window of the same app (as after a restart) starts where the user left off.
	var w2 *Window
	onUILock(func() { w2 = NewWindow(a, nil) }) // another test\'s window may still be finishing work
	if w2.zoom != clampZoom(1.3) || w2.themeChoice != ThemeLight {
		t.Errorf("zoom %v theme %q after restart", w2.zoom, w2.themeChoice)
	}
	if w2.side.panel.Visible() || !w2.tree.Visible() {
		t.Error("pane visibility not restored")
	}
	if got := w2.recentVaults(); len(got) != 1 || got[0] != dir {
		t.Errorf("recent vaults = %v", got)
	}
	if got := a.Preferences().String(prefLastVault); got != dir {
		t.Errorf("last vault = %q", got)
	}
	if got := a.Settings().Theme().Size(theme.SizeNameText); got != theme.DefaultTheme().Size(theme.SizeNameText)*clampZoom(1.3) {
		t.Errorf("text size %v with zoom 1.3", got)
	}
}

func TestZoom_IsClampedAndStepped(t *testing.T) {
	for _, c := range []struct{ in, want float32 }{{1, 1}, {1.04, 1}, {1.06, 1.1}, {0.1, minZoom}, {9, maxZoom}} {
		if got := clampZoom(c.in); got < c.want-0.001 || got > c.want+0.001 {
			t.Errorf("clampZoom(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestShortcuts_EveryActionHasMenuAndKey: each action with a key is in the menus with that
// key and is registered on the canvas, and the Help list names it.
func TestShortcuts_EveryActionHasMenuAndKey(t *testing.T) {
	a := test.NewTempApp(t)
	var w *Window
	onUILock(func() { w = NewWindow(a, nil) }) // another test\'s window may still be finishing work
	inMenu := map[string]fyne.Shortcut{}
	for _, m := range w.menu().Items {
		for _, it := range m.Items {
			inMenu[m.Label+"/"+it.Label] = it.Shortcut
		}
	}
	for _, act := range w.actions() {
		sc, ok := inMenu[act.menu+"/"+act.name]
		if !ok {
			t.Errorf("%s › %s is not in the menus", act.menu, act.name)
			continue
		}
		if act.key == "" {
			continue
		}
		if act.mod == 0 {
			continue // plain keys (F1) go through the canvas key handler
		}
		if sc == nil || sc.ShortcutName() != (&desktop.CustomShortcut{KeyName: act.key, Modifier: act.mod}).ShortcutName() {
			t.Errorf("%s › %s has shortcut %v in the menu", act.menu, act.name, sc)
		}
		if keyLabel(act) == "" {
			t.Errorf("%s has no key label", act.name)
		}
	}
}

// TestShortcuts_TypedKeysRun drives the window with its keys as a user would.
func TestShortcuts_TypedKeysRun(t *testing.T) {
	a := test.NewTempApp(t)
	var w *Window
	onUILock(func() { w = NewWindow(a, nil) }) // another test\'s window may still be finishing work
	typed := &w.keys
	before := w.zoom
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault})
	if w.zoom <= before {
		t.Errorf("Ctrl+= left the zoom at %v", w.zoom)
	}
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault})
	if w.zoom != 1 {
		t.Errorf("Ctrl+0 left the zoom at %v", w.zoom)
	}
	visible := w.treePane.Visible()
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault})
	if w.treePane.Visible() == visible {
		t.Error("Ctrl+1 did not toggle the page tree")
	}
}

func TestDrop_FolderOpensItAsTheVault(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "Dropped note.md", "dropped here\n")
	w, shown, _ := testWindow(t, VaultSource{FS: testVault}, "Start")
	waitShown(t, shown)
	onUI(w, func() { w.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(dir)}) })
	if p := waitShown(t, shown); p.Path != "Dropped note.md" {
		t.Fatalf("after the drop the window shows %+v", p)
	}
	onUI(w, w.reload.stop)
}
