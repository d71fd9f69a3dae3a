package app

import (
	"log"
	"os"
	"runtime/debug"

	"vaultview/vault"
)

// The window's memory budget is 2.5× the vault's bytes. Of that, Fyne and the OpenGL driver
// take some 170 MB before a note is read, and the index, the text index and the switcher
// keep about 1.05× the notes' bytes alive. At the garbage collector's default pace the heap
// grows to twice what is alive before it is collected, which on a 160 MB vault meant 550 MB
// once the text index was built (it reads every note again). A soft memory limit a little
// above what stays alive keeps the peak near 2.4× on that vault; when the vault needs more,
// the limit is passed, never enforced, so nothing fails, the collector just runs more often.

// heapPerNoteByte is the soft heap limit per byte of the vault's notes, and minHeapLimit its
// floor for small vaults (where Fyne's own objects dominate).
const (
	heapPerNoteByte = 1.25
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
