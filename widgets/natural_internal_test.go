package widgets

import (
	"slices"
	"testing"
)

func TestNaturalCompare(t *testing.T) {
	want := []string{
		"", "#1", "a", "A2", "a10", "Éclair", "ep", "Episode 1", "episode 2", "Episode 02",
		"Episode 10", "Episode 10b", "Episode 100", "Øresund", "zebra", "Zürich",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, naturalCompare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n got %q\nwant %q", got, want)
	}
	if naturalCompare("abc", "ABC") == 0 {
		t.Error("names that differ only by case must still have an order")
	}
	if naturalCompare("Note", "note") != -naturalCompare("note", "Note") {
		t.Error("not antisymmetric")
	}
}

func TestPlainDisplayText(t *testing.T) {
	for in, want := range map[string]string{
		"\u2068Capital Quarry Show\u2069": "Capital Quarry Show",
		"plain":                           "plain",
		"a\u200eb\u202ec":                 "abc",
		"Ça Compte — ★":                   "Ça Compte — ★",
	} {
		if got := plainDisplayText(in); got != want {
			t.Errorf("plainDisplayText(%q) = %q, want %q", in, got, want)
		}
	}
}
