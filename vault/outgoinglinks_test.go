package vault_test

import (
	"reflect"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

func TestOutgoingLinks_CountsEachTargetOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":    {Data: []byte("# A\n[[B]] [[b]] [[Missing]] [[missing]] [[#A]] [[C]] ![[pic.png]]\n")},
		"b.md":    {Data: []byte("---\ntitle: Bee\n---\n[[Missing]] [[Missing]]\n")},
		"c.md":    {Data: []byte("[[Other missing]]\n")},
		"pic.png": {Data: []byte("png")},
		"none.md": {Data: []byte("no links\n")},
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	got := ix.OutgoingLinks("a.md")
	want := vault.OutgoingLinks{
		Targets: []vault.OutgoingTarget{
			{Label: "Bee", Path: "b.md", Name: "B", Count: 2},
			{Label: "c", Path: "c.md", Name: "C", Count: 1},
			{Label: "pic.png", Path: "pic.png", Name: "pic.png", Count: 1},
			{Label: "Missing", Name: "Missing", Count: 2},
		},
		Total: 6, Resolved: 3, Unresolved: 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OutgoingLinks(a.md) =\n%+v\nwant\n%+v", got, want)
	}
	if got := ix.OutgoingLinks("none.md"); got.Total != 0 || len(got.Targets) != 0 {
		t.Errorf("OutgoingLinks(none.md) = %+v, want none", got)
	}

	for _, tc := range []struct {
		name string
		want int
	}{{"Missing", 2}, {"other missing", 1}, {"Nobody", 0}} {
		if got := ix.NotesLinkingTo(tc.name); got != tc.want {
			t.Errorf("NotesLinkingTo(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
}
