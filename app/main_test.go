package app

import (
	"io"
	"log"
	"os"
	"testing"
)

// TestMain keeps the -v log quiet in tests.
func TestMain(m *testing.M) {
	log.SetOutput(io.Discard)
	os.Exit(m.Run())
}
