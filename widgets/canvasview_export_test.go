package widgets

// SetCanvasAsync replaces how a CanvasView renders its text cards in the background, so
// that tests decide when the work runs.
func SetCanvasAsync(v *CanvasView, run func(func())) { v.async = run }
