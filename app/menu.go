package app

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"vaultview/cli"
)

// action is one thing the user can do, with its key: the menus, the window's shortcuts and
// the Help list are all made from the same table, so they cannot disagree.
type action struct {
	menu, name string
	key        fyne.KeyName
	mod        fyne.KeyModifier
	run        func()
}

// Action is one entry of the window's action table as a user meets it: the menu it is in,
// its name there, and its key as F1 and the menus spell it ("" for none).
type Action struct{ Menu, Name, Key string }

// Actions lists the window's action table in menu order: what the menus, the window's
// shortcuts and F1 offer. The end-to-end suite checks that it exercises every entry, and a
// test holds README's list of keys to it.
func Actions() []Action {
	w := &Window{side: namesOnly()}
	return describeActions(w.actions())
}

func describeActions(acts []action) []Action {
	out := make([]Action, len(acts))
	for i, a := range acts {
		out[i] = Action{Menu: a.menu, Name: a.name}
		if a.key != "" {
			out[i].Key = keyLabel(a)
		}
	}
	return out
}

// shortcutKey is Ctrl on Linux and Windows, Cmd on macOS.
const shortcutKey = fyne.KeyModifierShortcutDefault

func (w *Window) actions() []action {
	return append(append([]action{
		{"File", "Open vault…", fyne.KeyO, shortcutKey | fyne.KeyModifierShift, w.chooseVault},
		{"File", "Reload vault", fyne.KeyR, shortcutKey, w.reloadVault},
		{"File", "Open the sample vault", "", 0, func() { w.OpenVault(SampleSource(), "") }},
		{"File", "Quit", fyne.KeyQ, shortcutKey, w.quit},
		{"Edit", "Copy note as Markdown", fyne.KeyC, shortcutKey | fyne.KeyModifierShift, w.copyMarkdown},
		{"Edit", "Find in note…", fyne.KeyF, shortcutKey, w.showFind},
		// F3 and Shift+F3 do the same in the note and in the find bar (widgets.NoteView):
		// Fyne makes no shortcut, so no menu key, of a plain key with Shift.
		{"Edit", "Find next", fyne.KeyG, shortcutKey, w.note.FindNext},
		{"Edit", "Find previous", fyne.KeyG, shortcutKey | fyne.KeyModifierShift, w.note.FindPrevious},
		{"View", "Note source", fyne.KeyU, shortcutKey, w.showSource},
		{"View", "Page tree", fyne.Key1, shortcutKey, func() { w.togglePane(w.treePane) }},
		{"View", "Side panel", fyne.Key2, shortcutKey, func() { w.togglePane(w.side.panel) }},
		{"View", "Attachments in the tree", "", 0, w.toggleAttachments},
		{"View", "Zoom in", fyne.KeyEqual, shortcutKey, func() { w.SetZoom(w.zoom + zoomStep) }},
		{"View", "Zoom out", fyne.KeyMinus, shortcutKey, func() { w.SetZoom(w.zoom - zoomStep) }},
		{"View", "Actual size", fyne.Key0, shortcutKey, func() { w.SetZoom(1) }},
		{"View", "Follow mode", fyne.KeyL, shortcutKey | fyne.KeyModifierShift, func() { w.SetFollow(!w.reload.follow) }},
		{"Go", "Quick switcher…", fyne.KeyO, shortcutKey, w.find.showSwitcher},
		{"Go", "Search in all notes…", fyne.KeyF, shortcutKey | fyne.KeyModifierShift, w.find.showSearch},
		{"Go", "Back", fyne.KeyLeft, fyne.KeyModifierAlt, w.Back},
		{"Go", "Forward", fyne.KeyRight, fyne.KeyModifierAlt, w.Forward},
		{"Go", "Timeline", fyne.KeyT, shortcutKey, w.focusTimeline},
		{"Go", "Videos", fyne.KeyV, shortcutKey | fyne.KeyModifierShift, w.showVideos},
		// The controlled player (play.go): YouTube's own keys, with the shortcut key.
		{"Play", "Play or pause", fyne.KeyK, shortcutKey, w.playPause},
		{"Play", "Back 10 seconds", fyne.KeyJ, shortcutKey, func() { w.playSeek(-10) }},
		{"Play", "Forward 10 seconds", fyne.KeyL, shortcutKey, func() { w.playSeek(10) }},
		{"Play", "Faster", fyne.KeyPeriod, shortcutKey | fyne.KeyModifierShift, func() { w.playSpeed(+1, false) }},
		{"Play", "Slower", fyne.KeyComma, shortcutKey | fyne.KeyModifierShift, func() { w.playSpeed(-1, false) }},
		{"Play", "Close the player", fyne.KeyK, shortcutKey | fyne.KeyModifierShift, w.closePlayer},
		{"Play", "Follow playback", fyne.KeyJ, shortcutKey | fyne.KeyModifierShift, w.toggleFollowPlayback},
	}, w.sideTabActions()...), []action{
		{"Help", "Keyboard shortcuts", fyne.KeyF1, 0, w.showShortcuts},
		{"Help", "About Vaultview", "", 0, w.showAbout},
	}...)
}

func (w *Window) menu() *fyne.MainMenu {
	menus := map[string]*fyne.Menu{}
	var order []*fyne.Menu
	for _, a := range w.actions() {
		m := menus[a.menu]
		if m == nil {
			m = fyne.NewMenu(a.menu)
			menus[a.menu] = m
			order = append(order, m)
		}
		item := fyne.NewMenuItem(a.name, a.run)
		item.IsQuit = a.name == "Quit" // so the toolkit adds no Quit of its own
		if a.key != "" {
			item.Shortcut = &desktop.CustomShortcut{KeyName: a.key, Modifier: a.mod}
		}
		switch a.name {
		case "Follow mode":
			item.Checked = w.reload.follow
		case "Page tree":
			item.Checked = w.treePane.Visible()
		case "Side panel":
			item.Checked = w.side.panel.Visible()
		case "Attachments in the tree":
			item.Checked = w.tree.AttachmentsShown()
		case "Follow playback":
			item.Checked = w.play.follow
		}
		m.Items = append(m.Items, item)
		if a.name == "Open vault…" {
			m.Items = append(m.Items, w.recentMenu())
		}
		if a.name == "Actual size" {
			m.Items = append(m.Items, w.themeMenu(), w.playerMenu())
		}
	}
	return fyne.NewMainMenu(order...)
}

func (w *Window) recentMenu() *fyne.MenuItem {
	recent := fyne.NewMenuItem("Open recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, dir := range w.recentVaults() {
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(dir, func() { w.openDir(dir) }))
	}
	recent.Disabled = len(recent.ChildMenu.Items) == 0
	return recent
}

func (w *Window) themeMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Theme", nil)
	item.ChildMenu = fyne.NewMenu("")
	for _, c := range []struct {
		label  string
		choice ThemeChoice
	}{{"As the system", ThemeSystem}, {"Light", ThemeLight}, {"Dark", ThemeDark}} {
		it := fyne.NewMenuItem(c.label, func() { w.SetTheme(c.choice) })
		it.Checked = w.themeChoice == c.choice
		item.ChildMenu.Items = append(item.ChildMenu.Items, it)
	}
	return item
}

// shortcuts registers every action's key on the window's canvas, so keys work wherever the
// focus is, and on systems whose menus do not handle shortcuts.
func (w *Window) shortcuts() {
	c := w.win.Canvas()
	for _, a := range w.actions() {
		if a.key == "" {
			continue
		}
		run := a.run
		if a.mod == 0 {
			c.SetOnTypedKey(chainKey(c.OnTypedKey(), a.key, run))
			continue
		}
		sc := &desktop.CustomShortcut{KeyName: a.key, Modifier: a.mod}
		c.AddShortcut(sc, func(fyne.Shortcut) { run() })
		w.keys.AddShortcut(sc, func(fyne.Shortcut) { run() })
	}
	c.SetOnTypedKey(w.escapeKey(c.OnTypedKey()))
	// Ctrl+C with nothing focused still copies the note's selection: a drag that ends outside
	// the note gives the focus back to it a moment later, and a quick Ctrl+C comes first.
	c.AddShortcut(&fyne.ShortcutCopy{}, func(s fyne.Shortcut) {
		if len(w.center.Objects) == 1 && w.center.Objects[0] == w.note {
			w.note.TypedShortcut(s)
		}
	})
}

// chainKey adds a plain key (F1) to a canvas's key handler.
func chainKey(next func(*fyne.KeyEvent), key fyne.KeyName, run func()) func(*fyne.KeyEvent) {
	return func(e *fyne.KeyEvent) {
		if e.Name == key {
			run()
			return
		}
		if next != nil {
			next(e)
		}
	}
}

// keyLabel spells a shortcut the way the user's system does.
func keyLabel(a action) string {
	var parts []string
	if a.mod&fyne.KeyModifierShortcutDefault != 0 {
		if runtime.GOOS == "darwin" {
			parts = append(parts, "Cmd")
		} else {
			parts = append(parts, "Ctrl")
		}
	}
	if a.mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if a.mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	name := string(a.key)
	switch a.key {
	case fyne.KeyEqual:
		name = "="
	case fyne.KeyMinus:
		name = "-"
	case fyne.KeyPageDown:
		name = "PageDown" // fyne names it "Next", as X11 does
	case fyne.KeyPageUp:
		name = "PageUp"
	}
	return strings.Join(append(parts, name), "+")
}

func (w *Window) showShortcuts() {
	var rows []fyne.CanvasObject
	for _, a := range w.actions() {
		if a.key == "" {
			continue
		}
		k := widget.NewLabel(keyLabel(a))
		k.TextStyle = fyne.TextStyle{Monospace: true}
		rows = append(rows, k, widget.NewLabel(a.menu+" › "+a.name))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(container.NewGridWithColumns(2, rows...)), w.win)
	d.Resize(fyne.NewSize(520, 560))
	w.showDialog(d)
}

func (w *Window) showAbout() {
	w.showDialog(dialog.NewInformation("About Vaultview", fmt.Sprintf(
		"Vaultview %s\n\nA reader for vaults of Markdown notes.\nIt never changes your files.", cli.Version), w.win))
}

// quit closes the window as its close button does, so what is kept on closing (the pane
// widths, the window's size) is kept, and the app ends with its last window.
func (w *Window) quit() { w.win.Close() }

// toggleAttachments shows or hides the vault's other files in the page tree, and remembers it.
func (w *Window) toggleAttachments() {
	w.tree.ShowAttachments(!w.tree.AttachmentsShown())
	w.app.Preferences().SetBool(prefAttachments, w.tree.AttachmentsShown())
	w.win.SetMainMenu(w.menu())
}

// togglePane shows or hides a side pane, and remembers it.
func (w *Window) togglePane(o fyne.CanvasObject) {
	if o.Visible() {
		o.Hide()
	} else {
		o.Show()
	}
	w.outer.Refresh()
	w.inner.Refresh()
	w.app.Preferences().SetBool(prefShowTree, w.treePane.Visible())
	w.app.Preferences().SetBool(prefShowBacklinks, w.side.panel.Visible())
	w.win.SetMainMenu(w.menu())
}

// SetZoom sets the text size factor (1 is Fyne's size) and remembers it.
func (w *Window) SetZoom(z float32) {
	w.zoom = clampZoom(z)
	w.app.Preferences().SetFloat(prefZoom, float64(w.zoom))
	w.applyTheme()
}

// SetTheme chooses light, dark or the system's, and remembers it.
func (w *Window) SetTheme(c ThemeChoice) {
	w.themeChoice = c
	w.app.Preferences().SetString(prefTheme, string(c))
	w.applyTheme()
	w.win.SetMainMenu(w.menu())
}

func (w *Window) applyTheme() {
	w.app.Settings().SetTheme(readingTheme{choice: w.themeChoice, zoom: w.zoom})
}

// reloadVault reads the open vault again from disk, keeping the note.
func (w *Window) reloadVault() {
	note := ""
	if cur, ok := w.nav.history.Current(); ok {
		note = cur.Path
	}
	if w.source.Dir == "" {
		w.OpenVault(SampleSource(), note)
		return
	}
	if src, err := DirSource(w.source.Dir); err == nil {
		w.OpenVault(src, note)
	}
}

// dropped opens what is dropped on the window: a folder as the vault, a Markdown file as its
// vault (the folder it is in, or the vault already open when it lies inside it) at that
// note.
func (w *Window) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || uris[0].Scheme() != "file" {
		return
	}
	p := uris[0].Path()
	if src, err := DirSource(p); err == nil {
		w.OpenVault(src, "")
		return
	}
	if !strings.HasSuffix(strings.ToLower(p), ".md") {
		w.setStatus("Drop a vault folder or a Markdown note")
		return
	}
	if w.source.Dir != "" {
		if rel, ok := within(w.source.Dir, p); ok {
			if w.vault != nil && w.vault.Index().Note(rel) != nil {
				w.Open(rel, "")
				return
			}
		}
	}
	dir := filepath.Dir(p)
	if src, err := DirSource(dir); err == nil {
		w.OpenVault(src, filepath.Base(p))
	}
}

// within returns p relative to dir when p lies inside it.
func within(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
