package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestVideo_KeyboardTimeline is the "done when": open a video note, Ctrl+T, Enter
// opens the video at the first timestamp's second; Down, Enter at the second one.
func TestVideo_KeyboardTimeline(t *testing.T) {
	w, shown, opened := testWindow(t, SampleSource(), "Field Notes/how_sundials_keep_time")
	if p := waitShown(t, shown); p.Path != "Field Notes/how_sundials_keep_time.md" {
		t.Fatalf("opened %+v", p)
	}
	key := func(name fyne.KeyName) {
		onUI(w, func() {
			f, ok := w.win.Canvas().Focused().(fyne.Focusable)
			if !ok {
				t.Fatalf("nothing has the keyboard after Ctrl+T")
			}
			f.TypedKey(&fyne.KeyEvent{Name: name})
		})
	}
	onUI(w, func() {
		w.keys.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	})
	key(fyne.KeyReturn)
	key(fyne.KeyDown)
	key(fyne.KeyReturn)
	want := []string{
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=72s",
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=270s",
	}
	if len(*opened) != 2 || (*opened)[0] != want[0] || (*opened)[1] != want[1] {
		t.Fatalf("opened %v, want %v", *opened, want)
	}
}

// TestVideo_PlayerChoiceChangesChips: chips follow View › Player, and a hostile template
// is refused.
func TestVideo_PlayerChoiceChangesChips(t *testing.T) {
	w, shown, opened := testWindow(t, SampleSource(), "Field Notes/how_sundials_keep_time")
	waitShown(t, shown)
	var err error
	onUI(w, func() { err = w.SetPlayer("youtu.be") })
	if err != nil {
		t.Fatal(err)
	}
	waitShown(t, shown) // the note re-renders with the new addresses
	onUI(w, func() {
		w.focusTimeline()
		w.win.Canvas().Focused().(fyne.Focusable).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if len(*opened) != 1 || (*opened)[0] != "https://youtu.be/APvj15_YCqk?t=72" {
		t.Fatalf("opened %v", *opened)
	}
	onUI(w, func() { err = w.SetPlayer("javascript:alert({id})") })
	if err == nil {
		t.Fatal("a javascript: template was accepted")
	}
}
