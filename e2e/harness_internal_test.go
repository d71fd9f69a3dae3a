package e2e

import (
	"strings"
	"testing"
)

// TestFailureLog: a failing step shows why the app died, not only the last goroutines of a
// long stack dump.
func TestFailureLog(t *testing.T) {
	short := "indexed: 3 notes\n"
	if got := failureLog(short); got != short {
		t.Errorf("a short log: %q", got)
	}
	dump := "started\nfatal error: concurrent map read and map write\n\ngoroutine 1 [running]:\nmain.paint()\n" +
		strings.Repeat("goroutine 9 [select]:\nsome.wait()\n", 500)
	got := failureLog(dump)
	if !strings.HasPrefix(got, "fatal error: concurrent map read and map write\n\ngoroutine 1 [running]:\nmain.paint()") {
		t.Errorf("the dump's head is lost:\n%.200s", got)
	}
	if !strings.HasSuffix(got, "some.wait()\n") || len(got) > 6100 {
		t.Errorf("the end of the log, %d bytes: %q", len(got), got[len(got)-40:])
	}
	long := strings.Repeat("x", 5000) + "\npanic: boom\n" + strings.Repeat("y", 100)
	if got := failureLog(long); !strings.HasPrefix(got, "…") || !strings.Contains(got, "panic: boom") {
		t.Errorf("a panic near the end is in the tail: %.60q", got)
	}
}
