package app

import (
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestSide_EveryTabIsReachableByKeyboard: Alt+N chooses the side panel's N-th tab and its
// list takes the keyboard, so Space opens the highlighted entry; Ctrl+PageDown and
// Ctrl+PageUp step through the tabs, wrapping around.
func TestSide_EveryTabIsReachableByKeyboard(t *testing.T) {
	w, shown, _ := testWindow(t, VaultSource{FS: testVault}, "Start")
	waitShown(t, shown)
	shortcut := func(k fyne.KeyName, mod fyne.KeyModifier) {
		onUI(w, func() { w.keys.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}) })
	}
	for i, tab := range w.side.tabs {
		shortcut(fyne.KeyName(rune('1'+i)), fyne.KeyModifierAlt)
		onUI(w, func() {
			if got := w.side.panel.Selected(); got != tab.item {
				t.Errorf("Alt+%d chose %q, want %q", i+1, got.Text, tab.item.Text)
			}
		})
	}

	shortcut(fyne.KeyName("2"), fyne.KeyModifierAlt) // Outgoing: [[Second]], [[Nowhere Yet]]
	onUI(w, func() {
		f := w.win.Canvas().Focused()
		if f == nil || f != w.side.outgoing.FocusTarget() {
			t.Fatalf("after Alt+2 the keyboard is with %T, not the outgoing list", f)
		}
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	})
	if p := waitShown(t, shown); p.Path != "sub/Second.md" {
		t.Fatalf("Space on the first outgoing link opened %+v", p)
	}

	shortcut(fyne.KeyName("1"), fyne.KeyModifierAlt)
	shortcut(fyne.KeyPageUp, shortcutKey)
	onUI(w, func() {
		if got, last := w.side.panel.SelectedIndex(), len(w.side.tabs)-1; got != last {
			t.Errorf("Ctrl+PageUp from the first tab chose tab %d, want the last (%d)", got, last)
		}
	})
	shortcut(fyne.KeyPageDown, shortcutKey)
	shortcut(fyne.KeyPageDown, shortcutKey)
	onUI(w, func() {
		if got := w.side.panel.SelectedIndex(); got != 1 {
			t.Errorf("Ctrl+PageDown twice from the last tab chose tab %d, want 1", got)
		}
	})
}

// TestSide_TappingATagListsItsNotes: a tag in the note's header opens the Tags tab on that
// tag's notes.
func TestSide_TappingATagListsItsNotes(t *testing.T) {
	vault := fstest.MapFS{
		"a.md": {Data: []byte("---\ntags: [history/medieval]\n---\n# A\n")},
		"b.md": {Data: []byte("# B\n\nAbout #history/medieval mills.\n")},
		"c.md": {Data: []byte("# C\n")},
	}
	w, shown, _ := testWindow(t, VaultSource{FS: vault}, "a.md")
	waitShown(t, shown)
	onUI(w, func() { w.note.OnOpenTag("history/medieval") })
	onUI(w, func() {
		if w.side.panel.Selected().Content != w.side.tags {
			t.Fatalf("the side panel shows %q, not Tags", w.side.panel.Selected().Text)
		}
		if got := w.side.tags.Shown(); !strings.EqualFold(got, "history/medieval") {
			t.Errorf("the Tags tab lists %q", got)
		}
	})
}
