package bases_test

import (
	"os"
	"testing"
	"time"

	"vaultview/internal/benchvault"
	"vaultview/vault"
	"vaultview/vault/bases"
)

// BenchmarkRunFile runs a base over the whole benchmark vault as the window does when a
// base opens: every note's frontmatter read typed, a filter on tags and a property, a
// formula, a sort (rows+run reads the notes each time; run uses the rows kept for the
// snapshot, as a second opening, a view switch or an embed does). The baseline is listing the vault's tags (the Tags panel) in the same run.
func BenchmarkRunFile(b *testing.B) {
	dir := benchvault.Dir(b)
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	ix := v.Index()
	src := []byte("filters:\n  or:\n    - 'videoId != null'\n    - file.hasTag(\"ai\")\nformulas:\n  words: 'file.size / 6'\nviews:\n  - type: table\n    name: All\n    order: [file.name, title, formula.words]\n    sort:\n      - property: formula.words\n        direction: DESC\n")
	bs, _, err := bases.Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("rows+run", func(b *testing.B) {
		var n int
		for b.Loop() {
			t := bs.Run(bs.Views[0], bases.ReadRows(v, ix), nil, time.Now())
			n = t.Total
		}
		b.ReportMetric(float64(n), "rows")
	})
	rows := bases.Rows(v, ix)
	b.Run("run", func(b *testing.B) {
		for b.Loop() {
			bs.Run(bs.Views[0], rows, nil, time.Now())
		}
	})
	b.Run("baseline-tags", func(b *testing.B) {
		for b.Loop() {
			ix.Tags()
		}
	})
}
