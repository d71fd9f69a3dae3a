package widgets

// RenderedRows is the number of rows of a rendered note, for tests that check it is bounded.
func RenderedRows(r *RenderedNote) int { return len(r.rows) }

// Limits of what RenderNote shows of a note (render_limit.go), for tests.
const (
	MaxShownBytes = maxShownBytes
	MaxShownLine  = maxShownLine
	MaxShownRun   = maxShownRun
)
