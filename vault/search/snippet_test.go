package search

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// TestSnippets_PrefixSameAsWhole checks that snippets made from a prefix of a note's text
// are those made from all of it, whatever the prefix's length.
func TestSnippets_PrefixSameAsWhole(t *testing.T) {
	o := vaultgen.DefaultOptions()
	o.Notes = 60
	fsys := vaultgen.MapFS(o)
	// Matches near every cut: one line per word, phrases over line breaks.
	fsys["dense.md"] = &fstest.MapFile{Data: []byte(strings.Repeat("the flywheel\nspun the fly wheel, the\nflywheel. ", 3000))}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	queries := [][]string{{"qqqxz"}, {"spun the fly wheel"}, {"the"}, {"flywheel"}, {"the flywheel"}, {"the", "the flywheel"}, {"wheel, the flywheel"}, {"the", "wheel, the flywheel. the"}, {"wheel", "fly"}, {"e"}, {"flywheel spun"}, {"a"}, {"s", "the"}}
	for _, p := range v.Index().Paths() {
		src, err := v.Source(p)
		if err != nil {
			t.Fatal(err)
		}
		body := v.Index().Note(p).BodyOffset
		for _, words := range queries {
			longest := 0
			for _, w := range words {
				longest = max(longest, len(w))
			}
			text := Strip(src, body)
			want, _ := snippetsIn(text, words, longest, true, -1)
			folded := []byte(foldString(string(text.Plain)))
			count := 0
			for _, w := range words {
				count += bytes.Count(folded, []byte(w))
			}
			limits := []int{1, 50, 300, 2000}
			if p == "dense.md" {
				for l := 2; l < 400; l++ {
					limits = append(limits, l)
				}
			}
			for _, limit := range limits {
				for _, c := range []int{-1, count} {
					if got := snippetsOf(src, body, words, limit, c); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s, %q, %d matches, first %d bytes: %v, from the whole text %v", p, words, c, limit, got, want)
					}
				}
			}
		}
	}
}
