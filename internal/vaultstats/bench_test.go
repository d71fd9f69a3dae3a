package vaultstats_test

import (
	"os"
	"testing"

	"vaultview/internal/vaultstats"
)

// BenchmarkMeasure measures the generated 20,000-note vault (make it with
// `go run ./tools/genvault testdata/gen/vault20k`), or the vault in $VAULTSTATS_DIR.
func BenchmarkMeasure(b *testing.B) {
	dir := os.Getenv("VAULTSTATS_DIR")
	if dir == "" {
		dir = "../../testdata/gen/vault20k"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no vault at", dir)
	}
	fsys := os.DirFS(dir)
	for b.Loop() {
		if _, err := vaultstats.Measure(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
