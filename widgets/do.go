package widgets

import "fyne.io/fyne/v2"

// uiDo runs f on the UI goroutine, for work a widget finishes in the background (a graph
// laid out, a search answered). It is fyne.Do. Fyne's test driver runs fyne.Do at once on
// the calling goroutine, so tests of a whole window replace it (SetUIDo) to serialise that
// work with their own, as the real driver does.
var uiDo = fyne.Do

// SetUIDo replaces how widgets hand background results to the UI goroutine. Call it once,
// before any widget is made (a test's TestMain); the app never calls it.
func SetUIDo(do func(func())) { uiDo = do }
