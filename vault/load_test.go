package vault_test

import (
	"os"
	"reflect"
	"testing"

	"vaultview/vault"
)

// TestLoad_WithoutLinkContexts: leaving the contexts out changes nothing else in any note,
// on the fixture vault of every format.
func TestLoad_WithoutLinkContexts(t *testing.T) {
	fsys := os.DirFS("testdata/vaults/formats")
	full, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := vault.Load(fsys, vault.WithoutLinkContexts())
	if err != nil {
		t.Fatal(err)
	}
	a, b := full.Index(), lean.Index()
	if !reflect.DeepEqual(a.Paths(), b.Paths()) || !reflect.DeepEqual(a.Problems(), b.Problems()) {
		t.Fatalf("paths or problems differ")
	}
	contexts := 0
	for _, p := range a.Paths() {
		want := *a.Note(p)
		want.Links = append([]vault.Link(nil), want.Links...)
		for i := range want.Links {
			if want.Links[i].Context != "" {
				contexts++
			}
			want.Links[i].Context, want.Links[i].ContextStart, want.Links[i].ContextEnd = "", 0, 0
		}
		if got := *b.Note(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: without contexts\n%+v\nwant\n%+v", p, got, want)
		}
		for i, l := range a.Links(p) {
			if r := b.Links(p)[i].Resolved; r != l.Resolved {
				t.Errorf("%s: link %d resolves to %q, want %q", p, i, r, l.Resolved)
			}
		}
	}
	if contexts == 0 {
		t.Fatal("the fixture has no link contexts; the test proves nothing")
	}
}
