package vault_test

import (
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"vaultview/vault"
)

func TestTags_CountsNestingAndSpelling(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []vault.TagCount
	}{
		{
			name:  "no tags",
			files: map[string]string{"a.md": "plain text # not a tag\n"},
			want:  []vault.TagCount{},
		},
		{
			name: "frontmatter and inline count once per note",
			files: map[string]string{
				"a.md": "---\ntags: [ai, video]\n---\nAbout #ai and #ai again.\n",
				"b.md": "Only #ai here.\n",
			},
			want: []vault.TagCount{{"ai", 2}, {"video", 1}},
		},
		{
			name: "parents of nested tags are counted by distinct notes",
			files: map[string]string{
				"a.md": "#ai/agents and #ai/vision\n",
				"b.md": "#ai/agents/tools\n",
				"c.md": "#ai\n",
			},
			want: []vault.TagCount{{"ai", 3}, {"ai/agents", 2}, {"ai/agents/tools", 1}, {"ai/vision", 1}},
		},
		{
			name: "case-insensitive, most common spelling wins",
			files: map[string]string{
				"a.md": "#AI\n",
				"b.md": "#ai\n",
				"c.md": "#ai/Agents\n",
				"d.md": "#Ai/agents\n",
				"e.md": "#ai/agents\n",
				"f.md": "#ai/agents\n",
			},
			// "ai" is spelled so by b, c, e and f; "ai/agents" by e and f.
			want: []vault.TagCount{{"ai", 6}, {"ai/agents", 4}},
		},
		{
			name: "a tie between spellings is decided by byte order, the same every time",
			files: map[string]string{
				"a.md": "#Rust\n",
				"b.md": "#rust\n",
			},
			want: []vault.TagCount{{"Rust", 2}},
		},
		{
			name: "natural order, parents directly before children",
			files: map[string]string{
				"a.md": "#ep10 #ep2 #Zebra #apple #a-b #a/z #a\n",
			},
			want: []vault.TagCount{{"a", 1}, {"a/z", 1}, {"a-b", 1}, {"apple", 1}, {"ep2", 1}, {"ep10", 1}, {"Zebra", 1}},
		},
		{
			name: "empty levels are dropped",
			files: map[string]string{
				"a.md": "---\ntags: [\"/x//y/\", \"/\"]\n---\n",
			},
			want: []vault.TagCount{{"x", 1}, {"x/y", 1}},
		},
		{
			name: "a parent spelled differently from its children stays before them",
			files: map[string]string{
				"a.md": "#b\n",
				"b.md": "#B/x\n",
				"c.md": "#B/y\n",
				"d.md": "#b/a\n",
			},
			want: []vault.TagCount{{"B", 4}, {"b/a", 1}, {"B/x", 1}, {"B/y", 1}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := loadMap(t, c.files).Index().Tags()
			if got == nil {
				got = []vault.TagCount{}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Tags() = %v\nwant      %v", got, c.want)
			}
		})
	}
}

func TestTagNotes_NestedAndSortedByTitle(t *testing.T) {
	ix := loadMap(t, map[string]string{
		"z.md":        "---\ntitle: Episode 10\n---\n#show/s1\n",
		"y.md":        "---\ntitle: episode 2\n---\n#Show\n",
		"x.md":        "---\ntitle: Alpha\n---\n#showcase\n",
		"w.md":        "---\ntitle: Beta\ntags: show/s2\n---\n",
		"sub/v.md":    "---\ntitle: Beta\n---\n#show/s2/deep\n",
		"untagged.md": "nothing\n",
	}).Index()
	cases := []struct {
		tag  string
		want []string
	}{
		{"show", []string{"sub/v.md", "w.md", "y.md", "z.md"}},
		{"#SHOW", []string{"sub/v.md", "w.md", "y.md", "z.md"}},
		{"show/s2", []string{"sub/v.md", "w.md"}},
		{"show/s2/", []string{"sub/v.md", "w.md"}},
		{"showcase", []string{"x.md"}},
		{"show/s", nil},
		{"", nil},
		{"#", nil},
		{"missing", nil},
	}
	for _, c := range cases {
		if got := ix.TagNotes(c.tag); !reflect.DeepEqual(got, c.want) {
			t.Errorf("TagNotes(%q) = %q, want %q", c.tag, got, c.want)
		}
	}
}

// TestTags_MatchTagNotes checks the two against each other: every count is the length of
// the tag's note list.
func TestTags_MatchTagNotes(t *testing.T) {
	ix := loadMap(t, map[string]string{
		"1.md": "#a/b/c #a/d\n", "2.md": "#A/b\n", "3.md": "#e\n", "4.md": "---\ntags: [a, e/f]\n---\n",
	}).Index()
	for _, tc := range ix.Tags() {
		if n := len(ix.TagNotes(tc.Tag)); n != tc.Notes {
			t.Errorf("%s: Tags counts %d notes, TagNotes lists %d", tc.Tag, tc.Notes, n)
		}
	}
}

// TestTags_Concurrent reads one snapshot from several goroutines (run with -race).
func TestTags_Concurrent(t *testing.T) {
	ix := loadMap(t, map[string]string{"a.md": "#x/y\n", "b.md": "#x\n"}).Index()
	want := ix.Tags()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := ix.Tags(); !reflect.DeepEqual(got, want) {
				t.Errorf("Tags() = %v, want %v", got, want)
			}
			ix.TagNotes("x")
		})
	}
	wg.Wait()
}

var (
	benchIndexOnce sync.Once
	benchIndexIx   *vault.Index
	benchIndexErr  error
)

// loadBenchIndex loads the benchmark vault once for all the benchmarks that only read it.
func loadBenchIndex(b *testing.B) *vault.Index {
	b.Helper()
	dir := benchVault(b)
	benchIndexOnce.Do(func() {
		var v *vault.Vault
		v, benchIndexErr = vault.Load(os.DirFS(dir))
		if benchIndexErr == nil {
			benchIndexIx = v.Index()
		}
	})
	if benchIndexErr != nil {
		b.Fatal(benchIndexErr)
	}
	return benchIndexIx
}

// BenchmarkTags lists every tag of the 20,000-note vault.
func BenchmarkTags(b *testing.B) {
	ix := loadBenchIndex(b)
	b.ResetTimer()
	for b.Loop() {
		ix.Tags()
	}
}

// BenchmarkTagNotes lists the notes of the vault's most used tag.
func BenchmarkTagNotes(b *testing.B) {
	ix := loadBenchIndex(b)
	best := vault.TagCount{}
	for _, tc := range ix.Tags() {
		if tc.Notes > best.Notes {
			best = tc
		}
	}
	b.Logf("%d tags; #%s has %d notes", len(ix.Tags()), best.Tag, best.Notes)
	b.ResetTimer()
	for b.Loop() {
		ix.TagNotes(best.Tag)
	}
}

// BenchmarkTags_ManyTags lists the tags of 20,000 small notes carrying six tags each out of
// 3,000 distinct ones, nested two or three deep and spelled in two cases: a vault far
// richer in tags than the generated one (29 tags).
func BenchmarkTags_ManyTags(b *testing.B) {
	files := make(map[string]string, 20000)
	for i := range 20000 {
		var sb strings.Builder
		for k := range 6 {
			t := (i*7 + k*131) % 3000
			top := "Topic" + strconv.Itoa(t%40)
			if (i+k)%2 == 0 {
				top = strings.ToLower(top)
			}
			fmt.Fprintf(&sb, "#%s/sub%d/leaf%d ", top, t%300, t)
		}
		files[fmt.Sprintf("f%d/n%d.md", i%50, i)] = sb.String() + "\n"
	}
	ix := loadMap(b, files).Index()
	b.Logf("%d tags", len(ix.Tags()))
	b.ResetTimer()
	for b.Loop() {
		ix.Tags()
	}
}
