package vault_test

import (
	"context"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/internal/vaultgen"
	"vaultview/vault"
)

// TestFillLinkContexts_SameAsLoad: on a vault loaded without contexts, FillLinkContexts gives
// every backlink (to notes and to unresolved names) the context, bounds and all, that a load
// with contexts gives it, byte for byte; and Vault.TopicMentions the same mentions as the
// index of a load with contexts.
func TestFillLinkContexts_SameAsLoad(t *testing.T) {
	o := vaultgen.DefaultOptions()
	o.Notes = 300
	for name, fsys := range map[string]fs.FS{
		"generated": vaultgen.MapFS(o),
		"formats":   os.DirFS("testdata/vaults/formats"),
	} {
		t.Run(name, func(t *testing.T) {
			full, err := vault.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			lean, err := vault.Load(fsys, vault.WithoutLinkContexts())
			if err != nil {
				t.Fatal(err)
			}
			a, b := full.Index(), lean.Index()
			compare := func(what string, want, got []vault.Backlink) int {
				t.Helper()
				if len(got) != len(want) {
					t.Fatalf("%s: %d backlinks, want %d", what, len(got), len(want))
				}
				if err := lean.FillLinkContexts(context.Background(), got); err != nil {
					t.Fatal(err)
				}
				for i := range want {
					if got[i].Source.Path != want[i].Source.Path || got[i].Link != want[i].Link {
						t.Errorf("%s, backlink %d from %s:\n got %+v\nwant %+v", what, i, want[i].Source.Path, got[i].Link, want[i].Link)
					}
				}
				return len(want)
			}
			links, mentions := 0, 0
			for _, p := range a.Paths() {
				links += compare(p, a.Backlinks(p), b.Backlinks(p))
				want, got := a.TopicMentions(p), lean.TopicMentions(context.Background(), b, p)
				if len(got) != len(want) {
					t.Fatalf("%s: %d topic mentions, want %d", p, len(got), len(want))
				}
				for i := range want {
					w, g := want[i], got[i]
					w.Source, g.Source = nil, nil
					if g != w {
						t.Errorf("%s: topic mention %d:\n got %+v\nwant %+v", p, i, g, w)
					}
				}
				mentions += len(want)
			}
			for _, u := range a.Unresolved() {
				links += compare("unresolved "+u.Name, a.UnresolvedBacklinks(u.Name), b.UnresolvedBacklinks(u.Name))
			}
			t.Logf("%d backlinks and %d topic mentions compared", links, mentions)
			if links == 0 {
				t.Fatal("no backlinks: the test proves nothing")
			}
			if name == "generated" && mentions == 0 {
				t.Fatal("no topic mentions: the test proves nothing")
			}
		})
	}
}

// TestFillLinkContexts_ChangedOrCancelled: a source changed on disk since the snapshot, or
// not reached before the context is cancelled, leaves its links' contexts empty; a reload
// (Update) of a vault loaded without contexts parses without them too.
func TestFillLinkContexts_ChangedOrCancelled(t *testing.T) {
	then := time.Unix(1_700_000_000, 0)
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("The tide turns at [[c]] daily.\n"), ModTime: then},
		"b.md": {Data: []byte("Boats moor by [[c]].\n"), ModTime: then},
		"c.md": {Data: []byte("Harbour.\n"), ModTime: then},
	}
	v, err := vault.Load(fsys, vault.WithoutLinkContexts())
	if err != nil {
		t.Fatal(err)
	}
	bs := v.Index().Backlinks("c.md")
	for _, b := range bs {
		if b.Link.Context != "" {
			t.Fatalf("loaded without contexts, %s has one: %q", b.Source.Path, b.Link.Context)
		}
	}
	fsys["b.md"] = &fstest.MapFile{Data: []byte("Boats moor by [[c]]."), ModTime: then.Add(time.Second)}
	if err := v.FillLinkContexts(context.Background(), bs); err != nil {
		t.Fatal(err)
	}
	if got := bs[0].Link.Context; got != "The tide turns at c daily." {
		t.Errorf("a.md: context %q", got)
	}
	if got := bs[1].Link.Context; got != "" {
		t.Errorf("b.md changed since the snapshot, yet its context is %q", got)
	}

	ix := v.Update("b.md")
	if l := ix.Note("b.md").Links[0]; l.Context != "" || l.ContextEnd != 0 {
		t.Errorf("reloaded without contexts, b.md's link has one: %+v", l)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	bs = ix.Backlinks("c.md")
	if err := v.FillLinkContexts(ctx, bs); err != context.Canceled {
		t.Errorf("cancelled: error %v", err)
	}
	for _, b := range bs {
		if b.Link.Context != "" {
			t.Errorf("cancelled before it started, %s got a context", b.Source.Path)
		}
	}
}
