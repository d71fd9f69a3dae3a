package app

// Place is where the reader is: a note (or the page of a name no note has yet) and how far
// down it they were.
type Place struct {
	// Path is the note's vault-relative path; empty for an unresolved name's page.
	Path string
	// Unresolved is the name of a note that does not exist yet, when Path is empty.
	Unresolved string
	// Scroll is the vertical scroll offset of the note view, restored on Back and Forward.
	Scroll float32
}

// Same reports whether two places show the same page, whatever the scroll.
func (p Place) Same(q Place) bool { return p.Path == q.Path && p.Unresolved == q.Unresolved }

// maxHistory bounds the back list; a day of reading stays well inside it.
const maxHistory = 500

// History is the back/forward list of a window, as in a web browser: visiting a new place
// clears what was forward of the current one.
type History struct {
	back, forward []Place
	current       Place
	started       bool
}

// Visit makes p the current place. Visiting the page already shown only updates its scroll.
func (h *History) Visit(p Place) {
	if h.started && h.current.Same(p) {
		h.current = p
		return
	}
	if h.started {
		h.back = append(h.back, h.current)
		if len(h.back) > maxHistory {
			h.back = h.back[len(h.back)-maxHistory:]
		}
	}
	h.current, h.started = p, true
	h.forward = h.forward[:0]
}

// SetScroll records how far down the current place the reader is.
func (h *History) SetScroll(y float32) { h.current.Scroll = y }

// Current returns the current place; ok is false before the first Visit.
func (h *History) Current() (Place, bool) { return h.current, h.started }

// CanBack and CanForward say whether Back and Forward would move.
func (h *History) CanBack() bool    { return len(h.back) > 0 }
func (h *History) CanForward() bool { return len(h.forward) > 0 }

// Back moves to the previous place and returns it.
func (h *History) Back() (Place, bool) {
	if len(h.back) == 0 {
		return Place{}, false
	}
	h.forward = append(h.forward, h.current)
	h.current = h.back[len(h.back)-1]
	h.back = h.back[:len(h.back)-1]
	return h.current, true
}

// Forward moves to the next place and returns it.
func (h *History) Forward() (Place, bool) {
	if len(h.forward) == 0 {
		return Place{}, false
	}
	h.back = append(h.back, h.current)
	h.current = h.forward[len(h.forward)-1]
	h.forward = h.forward[:len(h.forward)-1]
	return h.current, true
}

// Retarget replaces every mention of a note's path, as when a note is renamed on disk.
func (h *History) Retarget(from, to string) {
	fix := func(ps []Place) {
		for i := range ps {
			if ps[i].Path == from {
				ps[i].Path = to
			}
		}
	}
	fix(h.back)
	fix(h.forward)
	if h.current.Path == from {
		h.current.Path = to
	}
}
