package app

import (
	"encoding/json"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
)

// prefPlaces + the vault's folder keeps where the reader left each note of that vault.
const prefPlaces = "places:"

// maxPlaces is how many notes' places a vault keeps: the most recently left.
const maxPlaces = 1000

// places remembers where the reader left each note of one vault, so that a note opened again
// (from a link, the tree, the switcher, or at the next start) opens there (issue #15, item 6).
// A place is the byte offset of the block at the top of the view (NoteView.TopOffset): it
// holds across zoom, window size and edits above it better than a scroll position would. It
// is kept in the app's preferences, never in the vault; the sample vault keeps none.
type places struct {
	prefs fyne.Preferences
	key   string // "" keeps nothing
	at    map[string]place
	seq   int
}

type place struct {
	Offset int `json:"o"`
	// Seq orders the places by when they were left, to forget the oldest.
	Seq int `json:"s"`
}

// loadPlaces reads the places kept for the vault in dir ("" for the sample vault: none).
func loadPlaces(prefs fyne.Preferences, dir string) *places {
	p := &places{prefs: prefs, at: map[string]place{}}
	if dir == "" || prefs == nil {
		return p
	}
	p.key = prefPlaces + dir
	if raw := prefs.String(p.key); raw != "" {
		// A damaged entry is only a lost reading position: start afresh.
		if err := json.Unmarshal([]byte(raw), &p.at); err != nil || p.at == nil {
			p.at = map[string]place{}
		}
	}
	for _, pl := range p.at {
		p.seq = max(p.seq, pl.Seq)
	}
	return p
}

// get returns where the note at path was left, if it was left anywhere but its top.
func (p *places) get(path string) (int, bool) {
	pl, ok := p.at[path]
	return pl.Offset, ok
}

// leave records that the note at path was left at offset; a negative offset (its top) forgets
// the place.
func (p *places) leave(path string, offset int) {
	if path == "" {
		return
	}
	old, had := p.at[path]
	switch {
	case offset < 0 && !had:
		return
	case offset < 0:
		delete(p.at, path)
	case had && old.Offset == offset:
		return
	default:
		p.seq++
		p.at[path] = place{Offset: offset, Seq: p.seq}
		if len(p.at) > maxPlaces {
			oldest := slices.MinFunc(slices.Collect(maps.Keys(p.at)), func(a, b string) int { return p.at[a].Seq - p.at[b].Seq })
			delete(p.at, oldest)
		}
	}
	if p.key == "" {
		return
	}
	if b, err := json.Marshal(p.at); err == nil {
		p.prefs.SetString(p.key, string(b))
	}
}
