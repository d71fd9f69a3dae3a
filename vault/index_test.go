package vault_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// snapshot is everything a reader can ask an index, in comparable form.
func snapshot(ix *vault.Index) map[string]any {
	out := map[string]any{}
	paths := ix.Paths()
	out["paths"] = paths
	out["attachments"] = ix.Attachments()
	for _, p := range paths {
		var links []string
		for _, l := range ix.Links(p) {
			links = append(links, fmt.Sprintf("%d:%s->%s", l.Line, l.Target, l.Resolved))
		}
		out["links "+p] = links
		var back []string
		for _, b := range ix.Backlinks(p) {
			back = append(back, fmt.Sprintf("%s:%d", b.Source.Path, b.Link.Offset))
		}
		out["back "+p] = back
	}
	var un []string
	for _, u := range ix.Unresolved() {
		var refs []string
		for _, b := range ix.UnresolvedBacklinks(u.Name) {
			refs = append(refs, fmt.Sprintf("%s:%d", b.Source.Path, b.Link.Offset))
		}
		un = append(un, fmt.Sprintf("%s %d %d %v", vault.NormalizeName(u.Name), u.Count, u.Sources, refs))
	}
	sort.Strings(un)
	out["unresolved"] = un
	var walk func(string)
	walk = func(f string) {
		out["folder "+f] = ix.FolderNotes(f)
		out["sub "+f] = ix.Subfolders(f)
		for _, s := range ix.Subfolders(f) {
			walk(s)
		}
	}
	walk("")
	for _, v := range ix.Videos() {
		out["video "+v] = ix.VideoNotes(v)
	}
	out["ambiguous"] = ix.Ambiguous()
	out["clashes"] = ix.CaseClashes()
	return out
}

func TestIndex_IncrementalMatchesRebuild(t *testing.T) {
	o := vaultgen.DefaultOptions()
	o.Notes = 300
	fsys := vaultgen.MapFS(o)
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var notes []string
	var unresolved []string
	for p := range fsys {
		if strings.HasSuffix(p, ".md") {
			notes = append(notes, p)
		}
	}
	slices.Sort(notes)
	for _, u := range v.Index().Unresolved() {
		unresolved = append(unresolved, u.Name)
	}
	for step := range 60 {
		var touched []string
		for range 1 + rng.IntN(4) {
			switch rng.IntN(5) {
			case 0: // delete a note
				p := notes[rng.IntN(len(notes))]
				delete(fsys, p)
				touched = append(touched, p)
			case 1: // create the note an unresolved link wants, in some folder
				name := unresolved[rng.IntN(len(unresolved))]
				dir := folderOf(notes[rng.IntN(len(notes))])
				p := strings.TrimPrefix(dir+"/"+name+".md", "/")
				fsys[p] = &fstest.MapFile{Data: []byte("new note linking [[" + notes[rng.IntN(len(notes))] + "]]\n")}
				notes = append(notes, p)
				touched = append(touched, p)
			case 2: // rewrite a note's links
				p := notes[rng.IntN(len(notes))]
				body := fmt.Sprintf("---\nvideoId: abcdefghij%d\n---\nsee [[%s]] and [[%s]] and [[Brand New %d]]\n",
					rng.IntN(10), noteNameOf(notes[rng.IntN(len(notes))]), unresolved[rng.IntN(len(unresolved))], rng.IntN(3))
				fsys[p] = &fstest.MapFile{Data: []byte(body)}
				touched = append(touched, p)
			case 3: // a same-named note in another folder, changing rule 5's choice
				src := notes[rng.IntN(len(notes))]
				p := fmt.Sprintf("zz%d/%s.md", rng.IntN(3), noteNameOf(src))
				fsys[p] = &fstest.MapFile{Data: []byte("twin\n")}
				notes = append(notes, p)
				touched = append(touched, p)
			case 4: // an attachment appears or goes
				p := fmt.Sprintf("img/pic%d.png", rng.IntN(3))
				if _, ok := fsys[p]; ok {
					delete(fsys, p)
				} else {
					fsys[p] = &fstest.MapFile{Data: []byte{0x89, 'P', 'N', 'G'}}
				}
				touched = append(touched, p)
			}
		}
		got := v.Update(touched...)
		fresh, err := vault.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		gs, ws := snapshot(got), snapshot(fresh.Index())
		if !reflect.DeepEqual(gs, ws) {
			for k, w := range ws {
				if !reflect.DeepEqual(gs[k], w) {
					t.Fatalf("step %d (touched %v): %s differs\nincremental: %v\nrebuilt:     %v", step, touched, k, gs[k], w)
				}
			}
			for k := range gs {
				if _, ok := ws[k]; !ok {
					t.Fatalf("step %d: incremental has extra %s: %v", step, k, gs[k])
				}
			}
		}
		notes = slices.DeleteFunc(notes, func(p string) bool { _, ok := fsys[p]; return !ok })
	}
}

// TestIndex_SnapshotsAreImmutable: an index handed out keeps answering the same after later
// updates, so readers never see half a change.
func TestIndex_SnapshotsAreImmutable(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("[[b]] [[c]]")},
		"b.md": {Data: []byte("[[a]]")},
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	before := v.Index()
	want := snapshot(before)
	fsys["c.md"] = &fstest.MapFile{Data: []byte("[[a]]")}
	delete(fsys, "b.md")
	after := v.Update("c.md", "b.md")
	if !reflect.DeepEqual(snapshot(before), want) {
		t.Fatal("old snapshot changed after Update")
	}
	if after.Note("b.md") != nil || after.Note("c.md") == nil || len(after.Backlinks("a.md")) != 1 {
		t.Fatalf("new snapshot wrong: %v", snapshot(after))
	}
	if got := after.Links("a.md"); got[0].Resolved != "" || got[1].Resolved != "c.md" {
		t.Errorf("a.md links after update = %+v", got)
	}
}

func folderOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

func noteNameOf(p string) string {
	p = p[strings.LastIndexByte(p, '/')+1:]
	return strings.TrimSuffix(p, ".md")
}
