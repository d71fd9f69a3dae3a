package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// The note reads from the keyboard the way a page does in a browser. A click on its text (or
// Tab) gives it the keyboard focus; then Up and Down move a line, Page Up and Page Down (and
// Space, Shift+Space) a screenful less a line, so the line that was at the bottom is still in
// view at the top; Home and End (and Ctrl+Home, Ctrl+End) go to the top and the bottom.
//
// Fyne's desktop driver never focuses anything on a click: it only takes the focus away from
// what is not under the pointer, so the note focuses itself when tapped. Keys go to the
// focused object only, so whatever the note does not use is handed on to the window: other
// keys to the canvas's key handler, shortcuts to the canvas's shortcuts (the driver gives a
// focused fyne.Shortcutable every shortcut that is not a menu item's instead of the canvas).

// Tapped gives the note the keyboard focus, so that its keys work after a click on its text.
func (v *NoteView) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// FocusGained implements fyne.Focusable: the line under the header takes the focus colour,
// the only sign of it in a view made for reading.
func (v *NoteView) FocusGained() {
	v.focused = true
	v.Refresh()
}

// FocusLost implements fyne.Focusable.
func (v *NoteView) FocusLost() {
	v.focused = false
	v.shift = false // released elsewhere, unseen
	v.Refresh()
}

// isShift reports whether k is either Shift key.
func isShift(k fyne.KeyName) bool { return k == desktop.KeyShiftLeft || k == desktop.KeyShiftRight }

// KeyDown implements desktop.Keyable, to know whether Shift is held for Shift+F3: Fyne makes
// no shortcut of Shift with a plain key.
func (v *NoteView) KeyDown(e *fyne.KeyEvent) {
	if isShift(e.Name) {
		v.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *NoteView) KeyUp(e *fyne.KeyEvent) {
	if isShift(e.Name) {
		v.shift = false
	}
}

// TypedRune implements fyne.Focusable: the note takes no text, the window may.
func (v *NoteView) TypedRune(r rune) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedRune() != nil {
		c.OnTypedRune()(r)
	}
}

// TypedKey scrolls the note for the keys that move it, and hands any other key to the
// window's key handler (F1 is the window's).
func (v *NoteView) TypedKey(e *fyne.KeyEvent) {
	if v.scrollKey(e.Name) {
		return
	}
	if e.Name == fyne.KeyEscape && v.HasSelection() && !v.find.open {
		v.ClearSelection()
		return
	}
	if v.find.open {
		switch e.Name {
		case fyne.KeyF3:
			if v.shift {
				v.FindPrevious()
			} else {
				v.FindNext()
			}
			return
		case fyne.KeyEscape:
			v.HideFind()
			return
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

// TypedShortcut goes to the top or the bottom on Ctrl+Home and Ctrl+End (Cmd on macOS) and
// hands any other shortcut to the window's canvas, whose shortcuts would otherwise not fire
// while the note has the focus.
func (v *NoteView) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		copyTo(s.Clipboard, v.SelectedText())
		return
	case *fyne.ShortcutSelectAll:
		v.SelectAll()
		return
	}
	if k, ok := s.(*desktop.CustomShortcut); ok &&
		(k.Modifier == fyne.KeyModifierControl || k.Modifier == fyne.KeyModifierSuper) {
		switch k.KeyName {
		case fyne.KeyHome:
			v.body.scrollTo(0)
			return
		case fyne.KeyEnd:
			v.body.scrollToEnd()
			return
		}
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// scrollKey scrolls the note for key, and reports whether key is one that scrolls.
func (v *NoteView) scrollKey(key fyne.KeyName) bool {
	b := v.body
	y := b.scroll.Offset.Y
	switch key {
	case fyne.KeyUp:
		b.scrollTo(y - b.lineStep())
	case fyne.KeyDown:
		b.scrollTo(y + b.lineStep())
	case fyne.KeyPageUp:
		b.scrollTo(y - b.pageStep())
	case fyne.KeyPageDown:
		b.scrollTo(y + b.pageStep())
	case fyne.KeySpace:
		if shiftHeld() {
			b.scrollTo(y - b.pageStep())
		} else {
			b.scrollTo(y + b.pageStep())
		}
	case fyne.KeyHome:
		b.scrollTo(0)
	case fyne.KeyEnd:
		b.scrollToEnd()
	default:
		return false
	}
	return true
}

// shiftHeld reports whether Shift is down. A key event does not say; the desktop driver
// knows the modifiers of the key being handled (it sets them before it calls TypedKey).
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// lineStep is how far Up and Down move: a line of body text.
func (b *pageBody) lineStep() float32 {
	m := b.ensureMetrics()
	return m.lineHeight[theme.SizeNameText] + m.lineGap
}

// pageStep is how far Page Down and Space move: the view's height less a line.
func (b *pageBody) pageStep() float32 {
	line := b.lineStep()
	return max(b.viewHeight()-line, line)
}

// bottom is the offset that shows the end of the note.
func (b *pageBody) bottom() float32 {
	return max(b.total()-b.viewHeight(), 0)
}

// scrollTo moves the view to start y down the note, held inside the note, and does what a
// turn of the wheel does after it: measures the rows coming into view, redraws, and calls
// scrolled (which hides a link's preview and tells OnScrolled).
func (b *pageBody) scrollTo(y float32) {
	from := b.scroll.Offset.Y
	b.scroll.Offset.Y = max(min(y, b.bottom()), 0)
	b.sync()
	b.afterScroll(from)
}

// scrollToEnd shows the end of the note. The rows there are measured only once they are in
// view, and can make the note taller or shorter than estimated, so it moves until it stays.
func (b *pageBody) scrollToEnd() {
	from := b.scroll.Offset.Y
	for range 8 {
		b.scroll.Offset.Y = b.bottom()
		b.sync()
		if b.scroll.Offset.Y == b.bottom() {
			break
		}
	}
	b.afterScroll(from)
}

// afterScroll redraws the scroll and calls scrolled if the view moved from from.
func (b *pageBody) afterScroll(from float32) {
	b.scroll.Refresh()
	if b.scroll.Offset.Y != from && b.scrolled != nil {
		b.scrolled()
	}
}
