package vaultgen

// The fixed notes: index.md and directory.md at the top, and per channel folder the channel
// note listing its episodes (plus, in one folder, a lower-case twin of it).

func (w *noteWriter) startFixed(stream uint64) {
	w.r = newRNG(w.p.o.Seed, 1<<41+stream)
	w.b = w.b[:0]
}

// indexNote lists the channels by their note names.
func (w *noteWriter) indexNote() []byte {
	w.startFixed(0)
	w.s("# Index\n\nChannels in this vault, one folder each.\n\n")
	for _, ch := range w.p.channels {
		w.s("- [[")
		w.s(ch.note)
		w.s("]]\n")
	}
	return w.b
}

// directoryNote lists the channels again with path links and counts.
func (w *noteWriter) directoryNote() []byte {
	w.startFixed(1)
	w.s("# Directory\n\n")
	for _, ch := range w.p.channels {
		w.s("- [[")
		w.s(ch.folder)
		w.c('/')
		w.s(ch.note)
		w.c('|')
		w.s(ch.from)
		w.s("]]: ")
		w.b = appendInt(w.b, len(ch.topics))
		w.s(" notes, ")
		w.b = appendInt(w.b, len(ch.episodes))
		w.s(" episodes\n")
		if ch.twin != "" {
			w.s("  - [[")
			w.s(ch.folder)
			w.c('/')
			w.s(ch.twin)
			w.s("]] (older list)\n")
		}
	}
	return w.b
}

// channelNote lists channel c's episodes, each a ### link to the video followed by bullet
// links to the episode's topic notes.
func (w *noteWriter) channelNote(c int) ([]byte, int) {
	w.startFixed(2 + 2*uint64(c))
	ch := &w.p.channels[c]
	links := 0
	if w.r.per10k(5000) {
		w.s("# ")
		w.s(ch.from)
		w.s("\n\n")
	}
	for _, ep := range ch.episodes {
		w.s("### [")
		w.s(ep.title)
		w.s("](https://www.youtube.com/watch?v=")
		w.s(ep.videoID)
		w.s(")\n")
		for _, t := range ep.topics {
			name := &w.p.names[w.p.topics[t].name]
			w.s("- [[")
			w.s(name.base)
			if w.r.per10k(2000) {
				w.s(" | ")
				w.s(name.title)
			}
			w.s("]]\n")
			links++
		}
		w.nl()
	}
	return w.b, links
}

// twinNote is the lower-case twin of channel c's note: same name but for case, same folder.
func (w *noteWriter) twinNote(c int) ([]byte, int) {
	w.startFixed(3 + 2*uint64(c))
	ch := &w.p.channels[c]
	w.s("---\ntitle: ")
	w.s(ch.twin)
	w.s(" (older list)\n---\n\nAn older, shorter list of this channel's notes.\n\n")
	n := min(5, len(ch.topics))
	for _, t := range ch.topics[:n] {
		w.s("- [[")
		w.s(w.p.names[w.p.topics[t].name].base)
		w.s("]]\n")
	}
	return w.b, n
}
