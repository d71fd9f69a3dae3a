package cli_test

import (
	"io"
	"testing"

	"vaultview/cli"
	"vaultview/internal/benchvault"
)

// BenchmarkCheck runs `vaultview check` in the test process on the vault named by
// VAULTVIEW_BENCH_VAULT (skipped without one), so that -cpuprofile, -memprofile and -trace
// show where the command spends its time beyond vault.Load. The whole-process figures of
// BENCHMARKS.md come from the built binary against tools/gmparse.
func BenchmarkCheck(b *testing.B) {
	dir := benchvault.Dir(b)
	for b.Loop() {
		if code, _ := cli.Run([]string{"check", dir}, io.Discard, io.Discard); code == cli.ExitError {
			b.Fatal("check could not read the vault")
		}
	}
}
