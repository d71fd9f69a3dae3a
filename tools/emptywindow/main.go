// Command emptywindow opens a bare Fyne window titled like Vaultview's: the baseline that
// scripts/time-to-title.sh measures Vaultview's start against, so the figure says what
// Vaultview adds to the toolkit's own start-up on the machine at hand.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("app.vaultview.baseline")
	w := a.NewWindow("Empty — Vaultview")
	w.SetContent(widget.NewLabel("baseline"))
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
}
