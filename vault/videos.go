package vault

import (
	"bytes"
	"slices"
	"strings"
)

// Video is one video of the vault as the Videos view lists it (issue #16, item 2): every
// video some note is about (its frontmatter videoId), with what the vault holds of it.
type Video struct {
	ID string
	// Title is the episode's title as a channel note's `### [Title](video address)` heading
	// gives it, else the title of its first note.
	Title string
	// Channel is the folder most of its notes are in ("" for the top of the vault).
	Channel string
	// Notes are the paths of the notes about it, sorted; the slice is the index's.
	Notes []string
	// Timestamps counts the valid timestamps in its notes; First and Last are the earliest
	// and latest moments they mark, in seconds (-1 with none).
	Timestamps  int
	First, Last int
	// Backlinks counts the links into its notes from other notes of the vault.
	Backlinks int
}

// maxEpisodeNotes bounds how many channel notes Videos reads for episode titles.
const maxEpisodeNotes = 5000

// VideoList lists every video of the vault, ordered by channel, then title, then id. source
// reads a note's text (as (*Vault).Source does); it is asked only for notes without a video
// of their own that have headings: the channel notes where episodes are titled. A nil source
// titles every video by its first note.
func (ix *Index) VideoList(source func(p string) ([]byte, error)) []Video {
	episode := map[string]string{}
	if source != nil {
		read := 0
		for _, p := range ix.Paths() {
			n := ix.Note(p)
			if n == nil || n.VideoID != "" || len(n.Headings) == 0 || read >= maxEpisodeNotes {
				continue
			}
			read++
			src, err := source(p)
			if err != nil || !bytes.Contains(src, []byte("](http")) {
				continue
			}
			for _, e := range ix.Episodes(n, src) {
				if _, ok := episode[e.VideoID]; !ok && strings.TrimSpace(e.Title) != "" {
					episode[e.VideoID] = strings.TrimSpace(e.Title)
				}
			}
		}
	}
	ids := ix.videos.keys()
	out := make([]Video, 0, len(ids))
	for _, id := range ids {
		notes := ix.VideoNotes(id)
		if len(notes) == 0 {
			continue
		}
		v := Video{ID: id, Notes: notes, First: -1, Last: -1}
		folders := map[string]int{}
		for _, p := range notes {
			n := ix.Note(p)
			if n == nil {
				continue
			}
			if v.Title == "" {
				v.Title = n.Title
			}
			folders[n.Folder()]++
			for _, t := range n.Timestamps {
				if !t.Valid {
					continue
				}
				v.Timestamps++
				s := int(t.Seconds)
				if v.First < 0 || s < v.First {
					v.First = s
				}
				if s > v.Last {
					v.Last = s
				}
			}
			for _, r := range ix.backlinks.get(p) {
				if r.source != p && ix.linking(r) != nil {
					v.Backlinks++
				}
			}
		}
		if t, ok := episode[id]; ok {
			v.Title = t
		}
		best := -1
		for f, c := range folders {
			if c > best || c == best && f < v.Channel {
				v.Channel, best = f, c
			}
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b Video) int {
		if c := strings.Compare(a.Channel, b.Channel); c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}
