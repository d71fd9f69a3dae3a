package widgets

import (
	"sync"
	"sync/atomic"
	"time"

	"vaultview/vault"
	"vaultview/vault/bases"
)

// NewRenderInput is what rendering a note of v needs, for the window and the tests alike:
// links resolve in the index index returns, embedded notes and images are read through the
// vault, timestamp chips open at the addresses videoURL makes (nil: vault.VideoURL), and the
// previews of links to notes not written yet say how many notes link there. Source and Note
// are left for the caller to fill. It runs off the UI goroutine and reads only snapshots and
// the vault's files.
//
// index returns the index to read and whether its notes are parsed. For a note opened from
// the vault it is one published snapshot (SnapshotInput); for the first note, shown while
// the vault is still read, it is the names alone (parsed false) until the index is
// published. Without parsed notes, embeds are parsed as they are read, and what only the
// index knows (a channel note's episode counts) is left out and recorded in asked, when not
// nil, so the note can be rendered again once the index is there.
func NewRenderInput(v *vault.Vault, index func() (ix *vault.Index, parsed bool), videoURL func(string, int) string, asked *atomic.Bool) RenderInput {
	return RenderInput{
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
		RunBase: func(p, view string, this *vault.Note) (bases.Table, []string, error) {
			ix, parsed := index()
			if !parsed {
				// While the vault is still read, a base would see some of its notes: the
				// app renders the note again once it is read.
				if asked != nil {
					asked.Store(true)
				}
				return bases.Table{}, []string{"The base shows once the vault is read."}, nil
			}
			_, _, t, problems, err := bases.RunFile(v, ix, p, view, this, time.Now())
			return t, problems, err
		},
		FileSize: func(p string) (int64, bool) {
			info, err := v.Stat(p)
			if err != nil {
				return 0, false
			}
			return info.Size(), true
		},
		VideoURL: videoURL,
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
		Videos: func() ([]vault.Video, bool) {
			ix, parsed := index()
			if !parsed {
				if asked != nil {
					asked.Store(true)
				}
				return nil, false
			}
			return snapshotVideos(v, ix), true
		},
		NotesLinkingTo: func(name string) int {
			if ix, parsed := index(); parsed {
				return ix.NotesLinkingTo(name)
			}
			return 0
		},
	}
}

// SnapshotInput is NewRenderInput for a note of the published snapshot ix.
func SnapshotInput(v *vault.Vault, ix *vault.Index, videoURL func(string, int) string) RenderInput {
	return NewRenderInput(v, func() (*vault.Index, bool) { return ix, true }, videoURL, nil)
}

// videosCache keeps the video list of the last snapshot: a channel note with a videos block
// is rendered again on every scroll back, reload and visit, and the list reads the vault's
// channel notes.
var videosCache struct {
	sync.Mutex
	ix     *vault.Index
	videos []vault.Video
}

// snapshotVideos is ix.VideoList, once per snapshot.
func snapshotVideos(v *vault.Vault, ix *vault.Index) []vault.Video {
	videosCache.Lock()
	defer videosCache.Unlock()
	if videosCache.ix != ix {
		videosCache.ix, videosCache.videos = ix, ix.VideoList(v.Source)
	}
	return videosCache.videos
}
