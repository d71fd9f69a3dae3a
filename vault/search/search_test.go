package search_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/vault"
	"vaultview/vault/search"
)

// testVault is a small vault with every kind of thing the search looks at.
func testVault() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"acquired/amazon.md": file("---\ntitle: History of AWS\nvideoId: APvj15_YCqk\ntags: [business/cloud]\n---\n\n" +
			"From: [[acquiredFM]] <br/>\n\nAmazon built the **flywheel** early <a class=\"yt-timestamp\" data-t=\"00:18:28\">[00:18:28]</a>.\n" +
			"The flywheel spun faster. A flywheel again.\n\n> [!info] Lessons\n> Customer obsession is the lesson.\n"),
		"acquired/nvidia.md": file("---\ntitle: Nvidia\nvideoId: abcdefghijk\ntags: [business, chips]\n---\n\n" +
			"Nvidia sold graphics cards. The company bet on CUDA.\nNo wheels here, only the fly wheel of gaming.\n"),
		"notes/cafe.md":        file("# Café\n\nThe CAFÉ opened in Zürich. Another café, another ÉCOLE.\n\n- [[amazon | cloud giant]] was mentioned\n"),
		"notes/secret.md":      file("Text with %%a hidden flywheel%% comment and `code flywheel` span.\n\n#draft\n"),
		"notes/deep/phrase.md": file("---\ntags: [business]\n---\nThe exact phrase appears once. Exact, phrase does not. The exact\nphrase across lines.\n"),
		"flywheel.md":          file("Nothing about it in the text.\n"),
	}
}

func loadTest(t testing.TB, fsys fstest.MapFS) (*vault.Vault, *search.Store) {
	t.Helper()
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := search.Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return v, s
}

func run(t testing.TB, v *vault.Vault, s *search.Store, q string) search.Results {
	t.Helper()
	res, err := s.Search(context.Background(), v, v.Index(), search.ParseQuery(q), 0)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// summary lists the results as "path:count", best first.
func summary(res search.Results) []string {
	var out []string
	for _, n := range res.Notes {
		out = append(out, fmt.Sprintf("%s:%d", n.Path, n.Count))
	}
	return out
}

func TestSearch_Semantics(t *testing.T) {
	v, s := loadTest(t, testVault())
	tests := []struct {
		query string
		want  []string
	}{
		// The title holds "flywheel" for flywheel.md, so it ranks first with no text match.
		{"flywheel", []string{"flywheel.md:0", "acquired/amazon.md:3", "notes/secret.md:1"}},
		{"FLYWHEEL spun", []string{"acquired/amazon.md:4"}},
		// Both words are in flywheel.md's title: it ranks first.
		{"fly wheel", []string{"flywheel.md:0", "acquired/amazon.md:6", "acquired/nvidia.md:3", "notes/secret.md:2"}},
		{`"fly wheel"`, []string{"acquired/nvidia.md:1"}},
		{`"exact phrase"`, []string{"notes/deep/phrase.md:2"}},
		{`"exact phrase" -"phrase does"`, nil},
		{"flywheel -obsession", []string{"flywheel.md:0", "notes/secret.md:1"}},
		{"flywheel -history", []string{"flywheel.md:0", "notes/secret.md:1"}},
		{"café", []string{"notes/cafe.md:3"}},
		{"école zürich", []string{"notes/cafe.md:2"}},
		{"ZÜRICH", []string{"notes/cafe.md:1"}},
		{"cloud giant", []string{"notes/cafe.md:2"}},
		{"acquiredfm", []string{"acquired/amazon.md:1"}},
		{"yt-timestamp", nil},
		{"00:18:28", nil},
		{"hidden", nil},
		{"lessons info", nil},
		{"lessons", []string{"acquired/amazon.md:1"}},
		{"tag:business", []string{"acquired/amazon.md:0", "acquired/nvidia.md:0", "notes/deep/phrase.md:0"}},
		{"tag:Business/Cloud", []string{"acquired/amazon.md:0"}},
		{"tag:busi", nil},
		{"tag:draft", []string{"notes/secret.md:0"}},
		{"the -tag:business", []string{"notes/cafe.md:3", "flywheel.md:1"}},
		{"the path:ACQUIRED", []string{"acquired/amazon.md:3", "acquired/nvidia.md:2"}},
		{"path:notes/deep", []string{"notes/deep/phrase.md:0"}},
		{"-path:notes -path:acquired", []string{"flywheel.md:0"}},
		{"video:APvj15_YCqk", []string{"acquired/amazon.md:0"}},
		{"video:https://youtu.be/abcdefghijk", []string{"acquired/nvidia.md:0"}},
		{"video:apvj15_ycqk", nil},
		{"nothing-like-this", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := run(t, v, s, tt.query)
			got := summary(res)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
			}
			total := 0
			for _, n := range res.Notes {
				total += n.Count
			}
			if res.Total != len(res.Notes) || res.Matches != total {
				t.Errorf("Total %d, Matches %d; want %d, %d", res.Total, res.Matches, len(res.Notes), total)
			}
		})
	}
}

func TestSearch_SnippetsAndOffsets(t *testing.T) {
	fsys := testVault()
	v, s := loadTest(t, fsys)
	for _, q := range []string{"flywheel", "café", "École", `"exact phrase"`, "cloud giant", "lesson", "the"} {
		res := run(t, v, s, q)
		if len(res.Notes) == 0 {
			t.Fatalf("%q: no results", q)
		}
		words := search.ParseQuery(q).Words
		for _, n := range res.Notes {
			src := string(fsys[n.Path].Data)
			for _, m := range n.Matches {
				if m.Offset < 0 || m.Offset+len(m.Text) > len(src) || !strings.EqualFold(src[m.Offset:m.Offset+len(m.Text)], m.Text) {
					t.Errorf("%q in %s: source at offset %d is %q, want %q", q, n.Path, m.Offset, src[m.Offset:min(len(src), m.Offset+20)], m.Text)
				}
				if !slices.Contains(words, search.Fold(m.Text)) {
					t.Errorf("%q in %s: matched text %q is none of %q", q, n.Path, m.Text, words)
				}
				if len(m.Highlights) == 0 {
					t.Errorf("%q in %s: snippet %q has no highlight", q, n.Path, m.Snippet)
				}
				for _, h := range m.Highlights {
					if h[0] < 0 || h[1] > len(m.Snippet) || h[0] >= h[1] {
						t.Fatalf("highlight %v outside snippet %q", h, m.Snippet)
					}
					if hl := search.Fold(m.Snippet[h[0]:h[1]]); !slices.Contains(words, hl) {
						t.Errorf("%q: highlight %q of snippet %q is not a query word", q, hl, m.Snippet)
					}
				}
				if strings.ContainsAny(m.Snippet, "\n*<>[]") {
					t.Errorf("%q: snippet %q holds markup or a line break", q, m.Snippet)
				}
			}
		}
	}
	// Three flywheels on two lines: two snippets, the second highlighting two matches.
	res := run(t, v, s, "flywheel path:acquired")
	if len(res.Notes) != 1 {
		t.Fatalf("got %v", summary(res))
	}
	var got []string
	for _, m := range res.Notes[0].Matches {
		got = append(got, fmt.Sprintf("%s %v", m.Snippet, m.Highlights))
	}
	want := []string{
		"Amazon built the flywheel early. [[17 25]]",
		"The flywheel spun faster. A flywheel again. [[4 12] [28 36]]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("snippets\n got %q\nwant %q", got, want)
	}
}

func TestSearch_HandMadeQuery(t *testing.T) {
	v, s := loadTest(t, testVault())
	res, err := s.Search(context.Background(), v, v.Index(), search.Query{Words: []string{"", "  FLYWHEEL\n", " "}, Without: []string{""}, Paths: []string{"/acquired"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(res); !reflect.DeepEqual(got, []string{"acquired/amazon.md:3"}) {
		t.Errorf("got %v", got)
	}
	res, err = s.Search(context.Background(), v, v.Index(), search.Query{Words: []string{" "}}, 0)
	if err != nil || res.Total != 0 {
		t.Errorf("blank words found %d notes (%v)", res.Total, err)
	}
}

func TestSearch_LongLineSnippetIsCut(t *testing.T) {
	long := strings.Repeat("filler words go here ", 20) + "needle " + strings.Repeat("more filler text ", 20)
	v, s := loadTest(t, fstest.MapFS{"long.md": {Data: []byte(long)}})
	res := run(t, v, s, "needle")
	if len(res.Notes) != 1 || len(res.Notes[0].Matches) != 1 {
		t.Fatalf("got %+v", res)
	}
	m := res.Notes[0].Matches[0]
	if !strings.HasPrefix(m.Snippet, "…") || !strings.HasSuffix(m.Snippet, "…") || len(m.Snippet) > 200 {
		t.Errorf("snippet %q", m.Snippet)
	}
	if h := m.Highlights[0]; m.Snippet[h[0]:h[1]] != "needle" {
		t.Errorf("highlight %v of %q", h, m.Snippet)
	}
	if long[m.Offset:m.Offset+6] != "needle" {
		t.Errorf("offset %d", m.Offset)
	}
}

func TestSearch_LimitAndMatchesPerNote(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 30 {
		fsys[fmt.Sprintf("n%02d.md", i)] = &fstest.MapFile{Data: []byte(strings.Repeat("word\n\n", i+1))}
	}
	v, s := loadTest(t, fsys)
	res, err := s.Search(context.Background(), v, v.Index(), search.ParseQuery("word"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 30 || len(res.Notes) != 10 || res.Matches != 30*31/2 {
		t.Fatalf("Total %d, notes %d, Matches %d", res.Total, len(res.Notes), res.Matches)
	}
	if res.Notes[0].Path != "n29.md" || res.Notes[0].Count != 30 || len(res.Notes[0].Matches) != search.MaxMatchesPerNote {
		t.Errorf("first: %s %d with %d matches", res.Notes[0].Path, res.Notes[0].Count, len(res.Notes[0].Matches))
	}
}

// TestSearch_CountsAgreeWithText checks the store's token matching against bytes.Count on
// the stripped, folded text, for random notes and random words and phrases.
func TestSearch_CountsAgreeWithText(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "ab", "ba", "b", "aba", " ", " ", " ", ", ", ". ", "-", "é", "É", "\n", "x_y", "**", "[[a|b]]", "a a"}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	fsys := fstest.MapFS{}
	for i := range 40 {
		fsys[fmt.Sprintf("zz%02d.md", i)] = &fstest.MapFile{Data: []byte(gen(rng.IntN(200)))}
	}
	v, s := loadTest(t, fsys)
	folded := map[string][]byte{}
	for p, f := range fsys {
		folded[p] = []byte(search.Fold(string(search.Strip(f.Data, 0).Plain)))
		if got, _ := s.TextOf(p); got != string(folded[p]) {
			t.Fatalf("store text of %s = %q, want %q", p, got, folded[p])
		}
	}
	for range 300 {
		pat := strings.TrimSpace(gen(1 + rng.IntN(4)))
		q := search.Query{Words: []string{search.Fold(strings.Join(strings.Fields(pat), " "))}}
		if q.Words[0] == "" {
			continue
		}
		res, err := s.Search(context.Background(), v, v.Index(), q, 100)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, n := range res.Notes {
			got[n.Path] = n.Count
		}
		for p, text := range folded {
			want := bytes.Count(text, []byte(q.Words[0]))
			if got[p] != want {
				t.Errorf("%q in %s (%q): count %d, want %d", q.Words[0], p, text, got[p], want)
			}
		}
	}
}

func TestUpdate_EqualsFreshBuild(t *testing.T) {
	fsys := testVault()
	v, s := loadTest(t, fsys)
	before := s
	fsys["notes/new.md"] = &fstest.MapFile{Data: []byte("A brand new flywheel with unseenword inside.\n")}
	fsys["notes/cafe.md"] = &fstest.MapFile{Data: []byte("# Café\n\nNow about a flywheel, and zebra crossings.\n")}
	delete(fsys, "acquired/nvidia.md")
	fsys["image.png"] = &fstest.MapFile{Data: []byte("\x89PNG")}
	ix := v.Update("notes/new.md", "notes/cafe.md", "acquired/nvidia.md", "image.png")
	r := vault.Reload{Index: ix, Added: []string{"image.png", "notes/new.md"}, Changed: []string{"notes/cafe.md"}, Removed: []string{"acquired/nvidia.md"}}
	updated, err := s.Update(context.Background(), v, r)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := search.Build(context.Background(), v, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Len() != fresh.Len() || updated.Len() != ix.Len() {
		t.Fatalf("Len: updated %d, fresh %d, index %d", updated.Len(), fresh.Len(), ix.Len())
	}
	for _, p := range ix.Paths() {
		a, okA := updated.TextOf(p)
		b, okB := fresh.TextOf(p)
		if a != b || !okA || !okB {
			t.Errorf("%s: updated %q (%v), fresh %q (%v)", p, a, okA, b, okB)
		}
	}
	for _, q := range []string{"flywheel", "unseenword", "zebra crossings", "graphics", "café -zebra", "tag:business"} {
		a := run(t, v, updated, q)
		b := run(t, v, fresh, q)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: updated %v, fresh %v", q, summary(a), summary(b))
		}
	}
	if got := summary(run(t, v, updated, "unseenword")); !reflect.DeepEqual(got, []string{"notes/new.md:1"}) {
		t.Errorf("unseenword: %v", got)
	}
	// The old store is untouched.
	if _, ok := before.TextOf("acquired/nvidia.md"); !ok {
		t.Error("Update changed the store it started from")
	}
	if got, _ := before.TextOf("notes/cafe.md"); !strings.Contains(got, "zürich") {
		t.Errorf("old store's text of cafe.md changed to %q", got)
	}
}

func TestBuild_Progress(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 450 {
		fsys[fmt.Sprintf("n%03d.md", i)] = &fstest.MapFile{Data: []byte("word")}
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var calls [][2]int
	s, err := search.Build(context.Background(), v, v.Index(), func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 450 || len(calls) == 0 || calls[len(calls)-1] != [2]int{450, 450} {
		t.Errorf("Len %d, progress %v", s.Len(), calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
}

func TestCancel(t *testing.T) {
	v, s := loadTest(t, testVault())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := search.Build(ctx, v, v.Index(), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Build: %v", err)
	}
	if _, err := s.Search(ctx, v, v.Index(), search.ParseQuery("flywheel"), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Search: %v", err)
	}
	if _, err := s.Update(ctx, v, vault.Reload{Index: v.Index(), Changed: []string{"flywheel.md"}}); !errors.Is(err, context.Canceled) {
		t.Errorf("Update: %v", err)
	}
}

func TestSearch_NotesMissingFromIndexOrStore(t *testing.T) {
	fsys := testVault()
	v, s := loadTest(t, fsys)
	delete(fsys, "flywheel.md")
	fsys["other/flywheel.md"] = &fstest.MapFile{Data: []byte("flywheel")}
	ix := v.Update("flywheel.md", "other/flywheel.md")
	// The store has not caught up yet: the removed note is not shown, the new one not yet.
	res, err := s.Search(context.Background(), v, ix, search.ParseQuery("flywheel"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(res); !reflect.DeepEqual(got, []string{"acquired/amazon.md:3", "notes/secret.md:1"}) {
		t.Errorf("got %v", got)
	}
}

func TestSearch_UnreadableNoteHasNoText(t *testing.T) {
	fsys := testVault()
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	delete(fsys, "notes/cafe.md") // gone from disk, still in the index
	s, err := search.Build(context.Background(), v, v.Index(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if text, ok := s.TextOf("notes/cafe.md"); !ok || text != "" {
		t.Errorf("text %q, %v", text, ok)
	}
	if got := summary(run(t, v, s, "path:notes/cafe")); !reflect.DeepEqual(got, []string{"notes/cafe.md:0"}) {
		t.Errorf("got %v", got)
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"flywheel", `"exact phrase" -x`, "tag:business path:notes", `-"`, "é É ß", "a, b. c", `"`, "-", "video:"} {
		f.Add(q)
	}
	fsys := testVault()
	v, s := loadTest(f, fsys)
	text := readText(f, v)
	f.Fuzz(func(t *testing.T, query string) {
		q := search.ParseQuery(query)
		res, err := s.Search(context.Background(), v, v.Index(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		// The text not yet indexed answers the same (see ReadText).
		if got, err := text.Search(context.Background(), v, v.Index(), q, 3); err != nil || !reflect.DeepEqual(got, res) {
			t.Fatalf("unindexed text answers %+v (%v), the index %+v", got, err, res)
		}
		if len(res.Notes) > 3 || res.Total < len(res.Notes) {
			t.Fatalf("%d notes listed of %d", len(res.Notes), res.Total)
		}
		for _, n := range res.Notes {
			src := string(fsys[n.Path].Data)
			for _, m := range n.Matches {
				if m.Offset < 0 || m.Offset > len(src) {
					t.Fatalf("offset %d outside %s", m.Offset, n.Path)
				}
				for _, h := range m.Highlights {
					if h[0] < 0 || h[0] >= h[1] || h[1] > len(m.Snippet) {
						t.Fatalf("highlight %v outside %q", h, m.Snippet)
					}
				}
			}
		}
	})
}
