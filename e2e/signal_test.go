package e2e

import (
	"strings"
	"syscall"
	"testing"
)

// TestSignal_Ends: SIGTERM (a session logging out) and SIGINT (Ctrl+C in a terminal) end the
// app. Fyne's own handling of them could leave the process running for ever (see
// app/signal.go), repeatedly so on a vault still being indexed, so each is sent while the
// window is busy reading a generated vault.
func TestSignal_Ends(t *testing.T) {
	dir := GenVault(t, 2000, nil)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			a := Start(t, dir)
			a.Wait("a titled window", func() bool { return strings.HasSuffix(a.Title(), " — Vaultview") })
			if err := a.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			a.WaitExit()
		})
	}
}
