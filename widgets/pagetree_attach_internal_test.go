package widgets

import (
	"slices"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

// With attachments shown, a folder's files follow its notes, a folder holding only files is
// in the tree, and the filter finds files by name; hidden, none of them is.
func TestPageTreeModel_Attachments(t *testing.T) {
	v, err := vault.Load(fstest.MapFS{
		"Lecture.md":            {Data: []byte("# L\n")},
		"talks/Day one.md":      {Data: []byte("# D\n")},
		"talks/day one.m4a":     {Data: []byte("x")},
		"files/deep/slides.pdf": {Data: []byte("x")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	m := newPageTreeModel(ix, true)
	if got := m.folders[""].kids; !slices.Equal(got, []string{"files/", "talks/", "Lecture.md"}) {
		t.Errorf("top: %q", got)
	}
	if got := m.folders["talks/"].kids; !slices.Equal(got, []string{"talks/Day one.md", "talks/day one.m4a"}) {
		t.Errorf("talks: %q, want the note, then the recording", got)
	}
	if got := m.folders["files/deep/"]; got == nil || !slices.Equal(got.kids, []string{"files/deep/slides.pdf"}) || m.folders["files/"].count != 1 {
		t.Errorf("a folder of attachments only: %+v, files/ %+v", got, m.folders["files/"])
	}
	if !m.has("files/deep/slides.pdf") {
		t.Error("the tree does not hold the PDF")
	}
	if f := m.filter([]string{"slides"}); f == nil || !slices.Equal(f["files/deep/"].kids, []string{"files/deep/slides.pdf"}) {
		t.Errorf("filter slides: %v", f)
	}

	hidden := newPageTreeModel(ix, false)
	if got := hidden.folders[""].kids; !slices.Equal(got, []string{"talks/", "Lecture.md"}) || hidden.has("talks/day one.m4a") {
		t.Errorf("attachments hidden: top %q", got)
	}
}
