// Package app is Vaultview's window: it wires the vault engine to the widgets. It is the one
// place that starts Fyne and the one place that calls fyne.Do.
package app

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"vaultview/assets"
	"vaultview/vault"
)

// ID is the application id: where Fyne keeps preferences.
const ID = "app.vaultview.viewer"

// Run opens the window on the vault named in args (else the built-in sample) and returns
// the process exit code when the window closes.
func Run(args []string) int {
	var fsys fs.FS
	name := "Sample vault"
	if len(args) > 0 {
		dir, err := filepath.Abs(args[0])
		if err != nil {
			fmt.Fprintln(os.Stderr, "vaultview:", err)
			return 2
		}
		fsys, name = os.DirFS(dir), dir
	} else {
		fsys = assets.SampleVault()
	}
	a := fyneapp.NewWithID(ID)
	w := a.NewWindow("Vaultview")
	status := widget.NewLabel("Loading " + name + "…")
	w.SetContent(status)
	w.Resize(fyne.NewSize(1000, 700))
	go func() {
		v, err := vault.Load(fsys)
		fyne.Do(func() {
			if err != nil {
				status.SetText(err.Error())
				return
			}
			status.SetText(fmt.Sprintf("%s: %d notes", name, v.Index().Len()))
		})
	}()
	w.ShowAndRun()
	return 0
}
