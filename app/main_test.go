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

// TestMain keeps the -v log quiet in tests, serialises UI work, and keeps the caches of the
// vaults the tests open out of the user's cache folder.
func TestMain(m *testing.M) {
	log.SetOutput(io.Discard)
	widgets.SetUIDo(onUILock)
	cache, err := os.MkdirTemp("", "vaultview-test-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}
