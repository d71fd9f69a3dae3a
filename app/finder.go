package app

import (
	"fyne.io/fyne/v2"

	"vaultview/vault"
)

// finder is the window's find part: the quick switcher (Ctrl+O, switcher.go) and the search
// in all notes (Ctrl+Shift+F, search.go), with their widgets and what they are built from,
// the matcher and the text index of the latest snapshot. It knows the window only through
// the hooks NewWindow gives it.
type finder struct {
	finderHooks
	switcher quickSwitch
	search   textSearch
	// canvas is the window's canvas, where the switcher and the search pop up.
	canvas fyne.Canvas
}

// finderHooks are what the finder needs from the window.
type finderHooks struct {
	// opened says what the window has open: whether a vault is open or being read, its
	// vault once read (nil until then), and the path of the note shown ("" for none).
	opened func() (ok bool, v *vault.Vault, shown string)
	// open shows the note at p at a spot (a search match; offset -1: where it was left), or
	// the other file at p (a board, a base: see showAt), and openUnresolved the page of a
	// name no note has; both are a new place in the history.
	open           func(p string, at spot)
	openUnresolved func(name string)
	setStatus      func(msg string)
	// ready says that a snapshot's matcher ("switcher") or text index ("search") is ready,
	// that the text index saved the last time can be searched while the vault is read
	// ("search early"), or that the text index was saved for the next opening ("search
	// saved").
	ready func(what string)
	// gen is the vault generation: work started for an older vault is dropped.
	gen func() uint64
	// do runs f on the UI goroutine.
	do func(f func())
}

// newFinder builds the switcher's and the search's state and the search panel; they pop up
// over canvas.
func newFinder(canvas fyne.Canvas, hooks finderHooks) *finder {
	f := &finder{finderHooks: hooks, canvas: canvas}
	f.newSearch()
	return f
}

// forget drops what the finder knows of the vault being closed: the text index and the
// switcher's state, and hides both.
func (f *finder) forget() {
	f.search.stop()
	f.search.hide()
	f.switcher.forget()
}

// follow builds the matcher and brings the text index up to date for a reload's snapshot.
func (f *finder) follow(r vault.Reload) {
	f.updateText(f.gen(), r)
	f.buildMatcher(r.Index)
}
