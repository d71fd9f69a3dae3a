package app

import (
	"io"
	"log"
	"os"
	"sync"
	"testing"

	"vaultview/widgets"
)

// uiLock stands for the real driver's one UI goroutine: every window of a test and every
// widget finishing work in the background run their UI work under it.
var uiLock sync.Mutex

func onUILock(f func()) { uiLock.Lock(); defer uiLock.Unlock(); f() }

// TestMain keeps the -v log quiet in tests, and serialises UI work.
func TestMain(m *testing.M) {
	log.SetOutput(io.Discard)
	widgets.SetUIDo(onUILock)
	os.Exit(m.Run())
}
