package app

import (
	"sync/atomic"

	"vaultview/vault"
	"vaultview/widgets"
)

// renderInput is what rendering a note of v needs, for the window and its tests alike:
// links resolve in the index index returns, embedded notes and images are read through the
// vault, timestamp chips open in the player vurl addresses, and the previews of links to
// notes not written yet say how many notes link there. It runs off the UI goroutine and
// reads only snapshots and the vault's files.
//
// index returns the index to read and whether its notes are parsed. For a note opened
// from the vault it is one published snapshot; for the first note, shown while the vault is
// still read, it is the names alone (parsed false) until the index is published. Without
// parsed notes, embeds are parsed as they are read, and what only the index knows (a
// channel note's episode counts) is left out and recorded in asked, when not nil, so the
// note can be rendered again once the index is there.
func renderInput(v *vault.Vault, index func() (ix *vault.Index, parsed bool), vurl func(string, int) string, asked *atomic.Bool) widgets.RenderInput {
	return widgets.RenderInput{
		Resolve: func(from, target string) string {
			ix, _ := index()
			return ix.Resolve(from, target)
		},
		LoadNote: func(p string) ([]byte, *vault.Note, bool) {
			var n *vault.Note
			if ix, parsed := index(); parsed {
				if n = ix.Note(p); n == nil {
					return nil, nil, false
				}
			}
			s, err := v.Source(p)
			if err != nil {
				return nil, nil, false
			}
			if n == nil {
				n = vault.ParseNote(p, s)
			}
			return s, n, true
		},
		LoadImage: v.ReadFile,
		VideoURL:  vurl,
		EpisodeNotes: func(id string) int {
			ix, parsed := index()
			if !parsed {
				if asked != nil {
					asked.Store(true)
				}
				return 0
			}
			return len(ix.VideoNotes(id))
		},
		NotesLinkingTo: func(name string) int {
			if ix, parsed := index(); parsed {
				return ix.NotesLinkingTo(name)
			}
			return 0
		},
	}
}

// snapshotInput is renderInput for a note of the published snapshot ix.
func snapshotInput(v *vault.Vault, ix *vault.Index, vurl func(string, int) string) widgets.RenderInput {
	return renderInput(v, func() (*vault.Index, bool) { return ix, true }, vurl, nil)
}

// earlyInput is renderInput for the first note, rendered before the vault's index is
// there: links resolve from names until the index is published, then from it.
func earlyInput(v *vault.Vault, names *vault.Index, vurl func(string, int) string, asked *atomic.Bool) widgets.RenderInput {
	return renderInput(v, func() (*vault.Index, bool) {
		if ix := v.Index(); ix != nil {
			return ix, true
		}
		return names, false
	}, vurl, asked)
}
