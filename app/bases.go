package app

import (
	"log"
	"time"

	"vaultview/vault/bases"
)

// Bases (issue #16, item 1): a `.base` file opens in the note's place as its first view (or
// the one chosen in its switcher), run off the UI goroutine over every note of the vault.

// showBase opens the base at p at its view called view.
func (w *Window) showBase(p, view string) {
	v, ix, ok := w.openingFile(p)
	if !ok {
		return
	}
	go func() {
		started := time.Now()
		b, shown, t, problems, err := bases.RunFile(v, ix, p, view, nil, time.Now())
		log.Printf("base %s: view %q, %d of %d notes, in %v", p, shown.Name, len(t.Rows), ix.Len(), time.Since(started).Round(time.Millisecond))
		w.do(func() {
			if w.vault != v {
				return
			}
			if err != nil {
				w.setStatus(cannotShow(p, err))
				return
			}
			var names []string
			for _, vw := range b.Views {
				names = append(names, vw.Name)
			}
			w.shown = ""
			w.baseAt.path, w.baseAt.view = p, shown.Name
			w.base.OnViewChosen = func(name string) { w.showBase(p, name) }
			w.base.SetBase(p, names, shown.Name, shown.Type, t, problems)
			w.setCenter(w.base)
		})
	}()
}

// followBase runs the base on show again after the vault changed: a view follows its notes
// as they are edited.
func (w *Window) followBase() {
	if len(w.center.Objects) == 1 && w.center.Objects[0] == w.base && w.baseAt.path != "" {
		w.showBase(w.baseAt.path, w.baseAt.view)
	}
}
