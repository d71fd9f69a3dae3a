package vaultstats_test

import (
	"os"
	"testing"

	"vaultview/internal/benchvault"
	"vaultview/internal/vaultstats"
)

// BenchmarkMeasure measures the vault named by VAULTVIEW_BENCH_VAULT.
func BenchmarkMeasure(b *testing.B) {
	fsys := os.DirFS(benchvault.Dir(b))
	for b.Loop() {
		if _, err := vaultstats.Measure(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
