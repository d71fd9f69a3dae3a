package e2e

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vaultview/app"
)

// exercised maps every entry of the window's action table to the test that presses its key
// (or, for the entries without one, chooses it from the menu) in the real window and checks
// what a user sees.
var exercised = map[string]string{
	"File › Open vault…":             "TestActions_FileEditViewHelp",
	"File › Reload vault":            "TestActions_FileEditViewHelp",
	"File › Open the sample vault":   "TestActions_FileEditViewHelp",
	"File › Quit":                    "TestLayout_PanesHoldStillAndTheChosenPaneIsNamed",
	"Edit › Copy note as Markdown":   "TestActions_FileEditViewHelp",
	"Edit › Find in note…":           "TestFind_InNote",
	"Edit › Find next":               "TestFind_InNote",
	"Edit › Find previous":           "TestFind_InNote",
	"View › Note source":             "TestActions_FileEditViewHelp",
	"View › Page tree":               "TestActions_FileEditViewHelp",
	"View › Side panel":              "TestActions_FileEditViewHelp",
	"View › Attachments in the tree": "TestAttachments_TreeCardsAndTheAllowList",
	"View › Zoom in":                 "TestActions_FileEditViewHelp",
	"View › Zoom out":                "TestActions_FileEditViewHelp",
	"View › Actual size":             "TestActions_FileEditViewHelp",
	"View › Follow mode":             "TestActions_FileEditViewHelp",
	"Go › Quick switcher…":           "TestKeys_FindAndGo",
	"Go › Search in all notes…":      "TestKeys_FindAndGo",
	"Go › Back":                      "TestKeys_FindAndGo",
	"Go › Forward":                   "TestKeys_FindAndGo",
	"Go › Timeline":                  "TestKeys_SidePanes",
	"Go › Videos":                    "TestVideos_TableSortsAndOpens",
	"Go › Next side panel tab":       "TestKeys_SidePanes",
	"Go › Previous side panel tab":   "TestKeys_SidePanes",
	"Go › Backlinks tab":             "TestKeys_SidePanes",
	"Go › Outgoing tab":              "TestKeys_SidePanes",
	"Go › Outline tab":               "TestKeys_SidePanes",
	"Go › Tags tab":                  "TestKeys_SidePanes",
	"Go › Graph tab":                 "TestKeys_SidePanes",
	"Go › Timeline tab":              "TestKeys_SidePanes",
	"Go › Across videos tab":         "TestKeys_SidePanes",
	"Play › Play or pause":           "TestPlayer_ChipsSeekOneMPV",
	"Play › Back 10 seconds":         "TestPlayer_ChipsSeekOneMPV",
	"Play › Forward 10 seconds":      "TestPlayer_ChipsSeekOneMPV",
	"Play › Faster":                  "TestPlayer_ChipsSeekOneMPV",
	"Play › Slower":                  "TestPlayer_ChipsSeekOneMPV",
	"Play › Close the player":        "TestPlayer_ChipsSeekOneMPV",
	"Play › Follow playback":         "TestPlayer_ChipsSeekOneMPV",
	"Help › Keyboard shortcuts":      "TestActions_FileEditViewHelp",
	"Help › About Vaultview":         "TestActions_FileEditViewHelp",
}

// TestActions_EveryOneIsExercised: a new entry in the action table needs a scenario here.
func TestActions_EveryOneIsExercised(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range app.Actions() {
		name := a.Menu + " › " + a.Name
		seen[name] = true
		if exercised[name] == "" {
			t.Errorf("%s (%s) is in the action table but no end-to-end test presses it", name, a.Key)
		}
	}
	for name := range exercised {
		if !seen[name] {
			t.Errorf("%s is exercised here but is no longer in the action table", name)
		}
	}
}

// TestActions_FileEditViewHelp presses the keys of the File, Edit, View and Help menus in
// the real window, and chooses their entries without a key from the menus, checking each by
// what shows: the clipboard, the text on screen, where the panes are, the text's size, the
// window's title. The vault is not written to.
func TestActions_FileEditViewHelp(t *testing.T) {
	dir := readingVault(t)
	before := Snapshot(t, dir)
	a := Start(t, dir, "videos/Alpha.md")
	a.WaitTitle("Alpha")
	p := a.waitPanes()
	whole := image.Rectangle{}

	// Edit › Copy note as Markdown: the clipboard holds the file, byte for byte.
	src, err := os.ReadFile(filepath.Join(dir, "videos", "Alpha.md"))
	if err != nil {
		t.Fatal(err)
	}
	a.Key("ctrl+shift+c")
	a.Wait("the note's Markdown on the clipboard", func() bool { return a.Clipboard() == string(src) })

	// View › Note source: the Markdown, front matter and all, in a dialog.
	a.Key("ctrl+u")
	a.WaitText(whole, "tags: [garden]")
	a.ClickText(whole, "Close")
	a.waitGone(whole, "tags: [garden]")
	a.Key("ctrl+u")
	a.WaitText(whole, "tags: [garden]")
	a.Key("Escape") // closes every dialog
	a.waitGone(whole, "tags: [garden]")

	// View › Page tree and View › Side panel hide and show their panes.
	a.Key("ctrl+1")
	a.waitGone(whole, "Filter notes")
	a.Key("ctrl+1")
	a.WaitText(whole, "Filter notes")
	a.Key("ctrl+2")
	a.Wait("the side panel hidden", func() bool { return len(dividers(a.Shot(""))) == 1 })
	a.Key("ctrl+2")
	p = a.waitPanes()

	// View › Zoom in, Zoom out, Actual size: the note's text grows, shrinks, comes back.
	height := func() int {
		var h int
		a.Wait("a line of the note read", func() bool {
			b, ok := Find(a.Words(a.Shot(""), a.waitPanes().noteArea()), "paragraph 1 about")
			h = b.Dy()
			return ok
		})
		return h
	}
	normal := height()
	a.Key("ctrl+equal")
	a.Wait("bigger text", func() bool { return height() > normal })
	a.Key("ctrl+minus", "ctrl+minus")
	a.Wait("smaller text", func() bool { return height() < normal })
	a.Key("ctrl+0")
	a.Wait("the text at its size again", func() bool { return height() == normal })

	// Help › Keyboard shortcuts lists the keys.
	// The dialog is read alone: over the dimmed window, OCR of the whole screen can lose it.
	a.Key("F1")
	size := a.Shot("").Bounds()
	dialog := image.Rect(size.Dx()/4, 0, size.Dx()*3/4, size.Dy())
	a.WaitText(dialog, "Keyboard shortcuts")
	a.WaitText(dialog, "Copy note as Markdown")
	a.Key("Escape")
	a.waitGone(whole, "Keyboard shortcuts")

	// View › Follow mode: a note saved in the vault opens by itself, and no longer once
	// follow mode is off again.
	a.Key("ctrl+shift+l")
	write(t, filepath.Join(dir, "Fresh.md"), "---\ntitle: Freshly saved\n---\n\nJust written.\n")
	a.WaitTitle("Freshly saved")
	a.Key("ctrl+shift+l")
	write(t, filepath.Join(dir, "Later.md"), "---\ntitle: Later arrival\n---\n\nWritten after.\n")
	p = a.waitPanes()
	a.WaitText(p.treeArea(), "Later arrival")
	if got := a.Title(); got != "Freshly saved — Vaultview" {
		t.Errorf("with follow mode off a saved note still took the window: %q", got)
	}

	// File › Reload vault reads the vault again and stays on the note.
	loads := strings.Count(a.Log(), "indexed ")
	a.Key("ctrl+r")
	a.Wait("the vault read again", func() bool { return strings.Count(a.Log(), "indexed ") > loads })
	a.WaitTitle("Freshly saved")

	// File › Open vault… asks for a folder; Escape leaves everything as it was.
	a.Key("ctrl+shift+o")
	a.WaitText(whole, "Open Folder")
	a.Key("Escape")
	a.waitGone(whole, "Open Folder")
	a.WaitTitle("Freshly saved")

	// Help › About Vaultview, from the menu.
	menuBar := image.Rect(0, 0, 400, 30)
	a.ClickText(menuBar, "Help")
	a.chooseMenuItem("About Vaultview")
	middle := image.Rect(300, 200, 900, 600) // where dialogs show
	a.WaitText(middle, "A reader for vaults")
	a.Key("Escape")
	a.waitGone(middle, "A reader for vaults")

	// The theme, from the menu: Light turns the note's page light.
	a.chooseTheme(p, "Light")
	a.Shot("actions-light.png")

	// File › Open the sample vault, from the menu.
	a.ClickText(menuBar, "File")
	a.chooseMenuItem("Open the sample vault")
	a.WaitTitle("Welcome to Vaultview")

	after := Snapshot(t, dir)
	for f, b := range before {
		if after[f] != b {
			t.Errorf("%s was changed", f)
		}
	}
	for f := range after {
		if _, ok := before[f]; !ok && filepath.Base(f) != "Fresh.md" && filepath.Base(f) != "Later.md" {
			t.Errorf("%s was added to the vault", f)
		}
	}
}

// chooseMenuItem clicks an entry of an open menu and moves the pointer off it.
func (a *App) chooseMenuItem(label string) {
	a.t.Helper()
	a.ClickText(image.Rectangle{}, label)
	a.Hover(600, 700)
}

// waitGone waits until a phrase can no longer be read in a region of the window.
func (a *App) waitGone(region image.Rectangle, phrase string) {
	a.t.Helper()
	a.Wait(strings.Join([]string{"\"", phrase, "\" gone"}, ""), func() bool {
		_, ok := Find(a.Words(a.Shot(""), region), phrase)
		return !ok
	})
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
