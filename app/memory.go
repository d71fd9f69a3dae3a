package app

import (
	"log"
	"os"
	"runtime/debug"

	"vaultview/vault"
)

// The window's memory budget is 2.2× the vault's bytes (issue #14). Of that, Fyne and the
// OpenGL driver take some 145-170 MB before a note is read (an empty Fyne window under Xvfb:
// 144 MB), and the index (loaded without link contexts), the text index and the switcher
// keep a little under 1× the notes' bytes alive. At the garbage collector's default pace the
// heap grows to twice what is alive before it is collected, and the text index, built after
// the load, reads every note again. A soft memory limit above what stays alive holds the
// peak down; when the vault needs more, the limit is passed, never enforced, so nothing
// fails, the collector just runs more often.
//
// How far above is a trade between the peak and how soon search is ready: on the calibrated
// 20,000-note vault (149 MB of notes, 2 cores), 1.25× the notes' bytes peaked at 393-397 MB
// with the text index built in 7.6-8.6 s, 1.75× at 398-399 MB in 5.3-5.8 s, and no limit
// at ~449 MB in 2.4-4.9 s (runs alternated in one session).

// heapPerNoteByte is the soft heap limit per byte of the vault's notes, and minHeapLimit its
// floor for small vaults (where Fyne's own objects dominate).
const (
	heapPerNoteByte = 1.75
	minHeapLimit    = 192 << 20
)

// gcPercent is the collector's pace in the window, as in the one-shot commands.
const gcPercent = 40

// paceGC sets the collector's pace, unless the user set one (GOGC).
func paceGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// heapLimit is the soft heap limit for a vault whose notes hold noteBytes.
func heapLimit(noteBytes int64) int64 {
	return max(minHeapLimit, int64(float64(noteBytes)*heapPerNoteByte))
}

// limitMemory sets the soft heap limit for the vault just loaded, unless the user set one
// (GOMEMLIMIT).
func limitMemory(ix *vault.Index) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var bytes int64
	for _, p := range ix.Paths() {
		if n := ix.Note(p); n != nil {
			bytes += n.Size
		}
	}
	limit := heapLimit(bytes)
	debug.SetMemoryLimit(limit)
	log.Printf("heap limit %d MB for %d MB of notes", limit>>20, bytes>>20)
}
