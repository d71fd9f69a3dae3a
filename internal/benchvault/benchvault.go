// Package benchvault names the vault the benchmarks of several packages run on: the folder in
// VAULTVIEW_BENCH_VAULT (`make bench` sets it to the calibrated 20,000-note vault of `make
// vault`, or the 100,000-note one).
package benchvault

import (
	"os"
	"testing"
)

// Dir returns the vault folder named by VAULTVIEW_BENCH_VAULT, and skips the benchmark when
// there is none.
func Dir(b testing.TB) string {
	b.Helper()
	dir := os.Getenv("VAULTVIEW_BENCH_VAULT")
	if dir == "" {
		b.Skip("VAULTVIEW_BENCH_VAULT names no vault (make vault, then VAULTVIEW_BENCH_VAULT=$PWD/testdata/gen/calibrated20k)")
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no vault: ", err)
	}
	return dir
}
