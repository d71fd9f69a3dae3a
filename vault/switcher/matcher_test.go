package switcher_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/vault"
	"vaultview/vault/switcher"
)

// load indexes a vault of notes given as path → source.
func load(t *testing.T, files map[string]string) *vault.Index {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, src := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(src)}
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return v.Index()
}

// titled is a note source with a frontmatter title and aliases.
func titled(title string, aliases ...string) string {
	s := "---\ntitle: " + title + "\n"
	if len(aliases) > 0 {
		s += "aliases: [" + strings.Join(aliases, ", ") + "]\n"
	}
	return s + "---\nText.\n"
}

// texts are the shown texts of results.
func texts(rs []switcher.Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text
	}
	return out
}

func TestMatch_Ranking(t *testing.T) {
	for _, tc := range []struct {
		name   string
		titles []string
		query  string
		want   []string // every result, in order
	}{
		{"each letter at a word start beats letters that merely appear in order",
			[]string{"Watermelon", "Swimming with time machines", "Where The Money Went", "Atom"},
			"wtm", []string{"Where The Money Went", "Swimming with time machines", "Watermelon"}},
		{"the title, then titles starting with it, then the word, then the word inside a word, then scattered",
			[]string{"A Pale Plum Leaf", "Pineapple", "Big Apple", "Apple Pie", "Apple", "Pear"},
			"apple", []string{"Apple", "Apple Pie", "Big Apple", "Pineapple", "A Pale Plum Leaf"}},
		{"a shorter title first among equals; a word beats the same letters across words",
			[]string{"Common Money", "Money in the long history of many long-forgotten empires", "Money Matters", "Money", "Harmony of the spheres"},
			"money", []string{"Money", "Money Matters", "Money in the long history of many long-forgotten empires", "Common Money"}},
		{"a word start beats a run inside a word, even with a letter missed",
			[]string{"Harmony of the spheres", "Common Money", "Money Matters", "Money"},
			"mony", []string{"Money", "Money Matters", "Common Money", "Harmony of the spheres"}},
		{"word starts beat a run inside a word",
			[]string{"Trampoline", "Market Power"},
			"mp", []string{"Market Power", "Trampoline"}},
		{"a case change starts a word",
			[]string{"Telegraph history", "iPhone sales"},
			"ph", []string{"iPhone sales", "Telegraph history"}},
		{"a digit after letters starts a word",
			[]string{"Luminous 9 lamps", "Lumen90"},
			"l9", []string{"Lumen90", "Luminous 9 lamps"}},
		{"a run at a word start beats word starts apart, which beat a run inside a word",
			[]string{"Mother", "To Have Everything", "Theory of Everything"},
			"the", []string{"Theory of Everything", "To Have Everything", "Mother"}},
		{"spaces in the query are a hint: the letters match with or without them",
			[]string{"Where The Money Went", "Wheat harvest"},
			"where the", []string{"Where The Money Went"}},
		{"spaces in the query are a hint: the letters match with or without them",
			[]string{"Where The Money Went", "Wheat harvest"},
			"wherethe", []string{"Where The Money Went"}},
		{"so are underscores and hyphens, in the query and in the text",
			[]string{"Long forgotten empires", "Long-forgotten", "Longer forgotten"},
			"long_forgotten", []string{"Long-forgotten", "Long forgotten empires", "Longer forgotten"}},
		{"case and accents do not matter",
			[]string{"Zürich", "ZURICH notes", "Zucchini"},
			"zur", []string{"Zürich", "ZURICH notes"}},
		{"the query's accents do not matter either",
			[]string{"Ecole", "École normale"},
			"éco", []string{"Ecole", "École normale"}},
	} {
		files := map[string]string{}
		for i, title := range tc.titles {
			files[fmt.Sprintf("n%d.md", i)] = titled(title)
		}
		got := texts(switcher.New(load(t, files)).Match(tc.query, nil, 0))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Match(%q) = %q, want %q", tc.name, tc.query, got, tc.want)
		}
	}
}

func TestMatch_Positions(t *testing.T) {
	ix := load(t, map[string]string{
		"a.md": titled("Where The Money Went"),
		"b.md": titled("Common Money"),
		"c.md": titled("Zürich café"),
		"d.md": titled("École normale"),
		"e.md": titled("Abab"),
	})
	m := switcher.New(ix)
	for _, tc := range []struct {
		query, text string
		want        []int
	}{
		{"wtm", "Where The Money Went", []int{0, 6, 10}},
		{"where the", "Where The Money Went", []int{0, 1, 2, 3, 4, 6, 7, 8}},
		{"money", "Common Money", []int{7, 8, 9, 10, 11}},
		{"mowe", "Where The Money Went", []int{10, 11, 16, 17}},
		// Positions count runes, not bytes; accents do not matter either way.
		{"zurich", "Zürich café", []int{0, 1, 2, 3, 4, 5}},
		{"cafe", "Zürich café", []int{7, 8, 9, 10}},
		{"Zür", "Zürich café", []int{0, 1, 2}},
		{"ecole", "École normale", []int{0, 1, 2, 3, 4}},
		{"écn", "École normale", []int{0, 1, 6}},
		// Of equal alignments the earliest, in one run.
		{"ab", "Abab", []int{0, 1}},
	} {
		var got []int
		found := false
		for _, r := range m.Match(tc.query, nil, 0) {
			if r.Text == tc.text {
				got, found = r.Positions, true
			}
		}
		if !found {
			t.Errorf("Match(%q) does not find %q", tc.query, tc.text)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Match(%q) highlights %v of %q, want %v", tc.query, got, tc.text, tc.want)
		}
	}
}

func TestMatch_AliasesFileNamesAndUnresolved(t *testing.T) {
	ix := load(t, map[string]string{
		"companies/amazon_web_services.md": titled("Amazon Web Services", "AWS", "Amazon cloud"),
		"physics/laws.md":                  titled("Laws of Motion"),
		"lang/rust.md":                     titled("Rust"),
		"lang/ferris.md":                   titled("Ferris the crab", "Rust"),
		"notes/physical_launch.md":         titled("Launch of Castellan"),
		"notes/ashgrove_records_erp.md":    titled("Ashgrove Records (ERP)", "ashgrove-records-erp"),
		"links.md":                         "[[Nowhere Land]] and [[Nowhere Land]] and [[Rusty Nail]]\n",
	})
	m := switcher.New(ix)
	type res struct {
		Text, Path string
		Kind       switcher.Kind
		Folder     string
		Title      string
	}
	first := func(q string) res {
		rs := m.Match(q, nil, 1)
		if len(rs) == 0 {
			t.Fatalf("Match(%q) finds nothing", q)
		}
		r := rs[0]
		return res{r.Text, r.Path, r.Kind, r.Folder, r.Title}
	}
	for _, tc := range []struct {
		query string
		want  res
	}{
		// An alias equal to the query beats a title that only contains it.
		{"aws", res{"AWS", "companies/amazon_web_services.md", switcher.Alias, "companies", "Amazon Web Services"}},
		{"amazon cl", res{"Amazon cloud", "companies/amazon_web_services.md", switcher.Alias, "companies", "Amazon Web Services"}},
		// A note's own title beats another note's alias.
		{"rust", res{"Rust", "lang/rust.md", switcher.Title, "lang", "Rust"}},
		// The file name is found where it differs from the title.
		{"physical", res{"physical_launch", "notes/physical_launch.md", switcher.FileName, "notes", "Launch of Castellan"}},
		{"launch", res{"Launch of Castellan", "notes/physical_launch.md", switcher.Title, "notes", "Launch of Castellan"}},
		// A file name or alias that only spells the title again is not a name of its own;
		// underscores and hyphens in the query are hints like spaces, so it still finds.
		{"ashgrove_records_erp", res{"Ashgrove Records (ERP)", "notes/ashgrove_records_erp.md", switcher.Title, "notes", "Ashgrove Records (ERP)"}},
		{"ashgrove-rec", res{"Ashgrove Records (ERP)", "notes/ashgrove_records_erp.md", switcher.Title, "notes", "Ashgrove Records (ERP)"}},
		// A name links point at that no note has is offered as such.
		{"nowhere", res{"Nowhere Land", "", switcher.Unresolved, "", ""}},
	} {
		if got := first(tc.query); got != tc.want {
			t.Errorf("Match(%q) first = %+v, want %+v", tc.query, got, tc.want)
		}
	}

	// One result per note: the best of its title, file name and aliases.
	got := m.Match("a", nil, 0)
	seen := map[string]bool{}
	for _, r := range got {
		if r.Path == "" {
			continue
		}
		if seen[r.Path] {
			t.Errorf("Match(a) lists %s twice", r.Path)
		}
		seen[r.Path] = true
	}
	// "Rust" as an alias of Ferris still finds Ferris, after the note called Rust, before
	// the unresolved "Rusty Nail".
	if got := texts(m.Match("rust", nil, 0)); !reflect.DeepEqual(got, []string{"Rust", "Rust", "Rusty Nail"}) {
		t.Errorf("Match(rust) = %q", got)
	}
	if rs := m.Match("rust", nil, 0); len(rs) == 3 && (rs[1].Path != "lang/ferris.md" || rs[1].Kind != switcher.Alias) {
		t.Errorf("Match(rust)[1] = %+v, want the alias of lang/ferris.md", rs[1].Candidate)
	}
}

func TestMatch_Recent(t *testing.T) {
	ix := load(t, map[string]string{
		"a/alpha.md": titled("Project Alpha"),
		"b/beta.md":  titled("Project Beta"),
		"gamma.md":   titled("Project Gamma"),
		"delta.md":   titled("Delta", "Project Delta"),
		"links.md":   "[[Project Omega]]\n",
	})
	m := switcher.New(ix)
	for _, tc := range []struct {
		name   string
		query  string
		recent []string
		limit  int
		want   []string
	}{
		{"no query, no recent notes: nothing", "", nil, 0, nil},
		{"no query: the recent notes that exist, most recent first, once each", "  ",
			[]string{"gamma.md", "gone.md", "a/alpha.md", "gamma.md", "delta.md"}, 0,
			[]string{"Project Gamma", "Project Alpha", "Delta"}},
		{"no query: at most limit", "", []string{"gamma.md", "a/alpha.md", "delta.md"}, 2,
			[]string{"Project Gamma", "Project Alpha"}},
		{"equal matches alphabetically, a title before an alias before an unresolved name", "project", nil, 0,
			[]string{"Project Alpha", "Project Beta", "Project Gamma", "Project Delta", "Project Omega"}},
		{"a recent note first among equals", "project", []string{"b/beta.md"}, 2,
			[]string{"Project Beta", "Project Alpha"}},
		{"the more recent first", "project", []string{"gamma.md", "b/beta.md"}, 3,
			[]string{"Project Gamma", "Project Beta", "Project Alpha"}},
		// Being recent is worth less than a better match.
		{"recent does not beat a better match", "pa", []string{"gamma.md"}, 1,
			[]string{"Project Alpha"}},
	} {
		got := texts(m.Match(tc.query, tc.recent, tc.limit))
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Match(%q, %q, %d) = %q, want %q", tc.name, tc.query, tc.recent, tc.limit, got, tc.want)
		}
	}
	for _, r := range m.Match("", []string{"delta.md"}, 0) {
		if r.Kind != switcher.Title || r.Path != "delta.md" || r.Positions != nil {
			t.Errorf("recent result = %+v, want the title of delta.md, no positions", r)
		}
	}
}

func TestMatch_BadInput(t *testing.T) {
	long := strings.Repeat("Long title ", 10000)
	ix := load(t, map[string]string{
		"long.md": titled(long),
		"ok.md":   titled("Ordinary"),
		"nul.md":  titled("Bad \xff bytes"),
	})
	m := switcher.New(ix)
	for _, q := range []string{"\xff", "\x00", "ordinary\xff", long, strings.Repeat("l", 300), "   ", "日本語"} {
		_ = m.Match(q, []string{"nowhere.md", ""}, 10)
	}
	// The letters past the matched length are never found, but the start is.
	if got := m.Match("longtitle", nil, 1); len(got) != 1 || got[0].Path != "long.md" {
		t.Errorf("a very long title is not found by its start: %v", texts(got))
	}
	if got := m.Match(long, nil, 1); len(got) != 0 {
		t.Errorf("a query longer than what is matched finds %q", texts(got))
	}
	empty := switcher.New(nil)
	if got := empty.Match("a", []string{"a.md"}, 5); len(got) != 0 {
		t.Errorf("a matcher without an index finds %q", texts(got))
	}
	if got := empty.Match("", []string{"a.md"}, 5); len(got) != 0 {
		t.Errorf("a matcher without an index lists recent %q", texts(got))
	}
}

// TestMatch_IncrementalSameAsCold types random queries into one matcher — letters added,
// taken away, replaced — and compares every answer with a fresh matcher's, and with the
// first of all results (a limit lets Match skip texts that cannot make the list).
func TestMatch_IncrementalSameAsCold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"alpha", "beta", "Gamma", "delta", "Épée", "zürich", "money", "Where",
		"the", "went", "river", "RUN", "mp3", "iPhone", "x"}
	files := map[string]string{}
	for i := range 300 {
		var title []string
		for range 1 + rng.IntN(5) {
			title = append(title, words[rng.IntN(len(words))])
		}
		var aliases []string
		if rng.IntN(4) == 0 {
			aliases = append(aliases, words[rng.IntN(len(words))]+" "+words[rng.IntN(len(words))])
		}
		src := titled(strings.Join(title, " "), aliases...)
		if rng.IntN(3) == 0 {
			src += "[[" + words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))] + " unwritten]]\n"
		}
		files[fmt.Sprintf("f%d/note_%d.md", i%7, i)] = src
	}
	ix := load(t, files)
	inc := switcher.New(ix)
	recent := []string{"f1/note_1.md", "f2/note_9.md"}
	letters := []rune("aeimnortw uzpé3EX")
	var q []rune
	for step := range 3000 {
		switch r := rng.IntN(10); {
		case r < 6:
			q = append(q, letters[rng.IntN(len(letters))])
		case r < 8 && len(q) > 0:
			q = q[:len(q)-1]
		case r < 9:
			q = q[:0]
		default:
			w := []rune(words[rng.IntN(len(words))])
			q = append(q[:0], w[:1+rng.IntN(len(w))]...)
		}
		limit := []int{0, 1, 5, 50}[rng.IntN(4)]
		got := inc.Match(string(q), recent, limit)
		want := switcher.New(ix).Match(string(q), recent, limit)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: incremental Match(%q, limit %d) = %q, fresh = %q", step, string(q), limit, texts(got), texts(want))
		}
		// A limit only cuts the list: the first results are those of no limit.
		if all := inc.Match(string(q), recent, 0); limit > 0 && !reflect.DeepEqual(got, all[:min(limit, len(all))]) {
			t.Fatalf("step %d: Match(%q, limit %d) = %q, the first of all are %q", step, string(q), limit, texts(got), texts(all[:min(limit, len(all))]))
		}
	}
}

// TestMatch_PositionsAreAMatch checks on random queries that every result's positions spell
// the query in its text, ascending.
func TestMatch_PositionsAreAMatch(t *testing.T) {
	ix := load(t, map[string]string{
		"a.md": titled("Where The Money Went"),
		"b.md": titled("Common Money Market Maker"),
		"c.md": titled("Zürich Ärger ÉCOLE"),
		"d.md": titled("mississippi missing mist"),
	})
	m := switcher.New(ix)
	rng := rand.New(rand.NewPCG(3, 4))
	letters := []rune("mistwhoneyarkzüeco ")
	for range 2000 {
		q := make([]rune, 1+rng.IntN(6))
		for i := range q {
			q[i] = letters[rng.IntN(len(letters))]
		}
		for _, r := range m.Match(string(q), nil, 0) {
			text := []rune(r.Text)
			var spelled []rune
			for i, p := range r.Positions {
				if p < 0 || p >= len(text) || i > 0 && p <= r.Positions[i-1] {
					t.Fatalf("Match(%q) positions %v of %q", string(q), r.Positions, r.Text)
				}
				spelled = append(spelled, text[p])
			}
			if !strings.EqualFold(plain(string(spelled)), plain(strings.ReplaceAll(string(q), " ", ""))) {
				t.Fatalf("Match(%q) highlights %q in %q", string(q), string(spelled), r.Text)
			}
		}
	}
}

// plain drops the accents the tests use.
func plain(s string) string {
	return strings.NewReplacer("ü", "u", "Ü", "u", "Ä", "a", "ä", "a", "É", "e", "é", "e").Replace(s)
}

// Files that are not notes (a board, a base, a picture) are found by their names with
// their extensions, after a note of the same name, and come back as recent.
func TestMatch_Files(t *testing.T) {
	ix := load(t, map[string]string{
		"Library.md":           titled("Library"),
		"Library.base":         "views:\n  - type: table\n",
		"boards/Study.canvas":  `{"nodes":[],"edges":[]}`,
		"pictures/harbour.png": "not really a picture",
	})
	m := switcher.New(ix)
	for _, tc := range []struct {
		query  string
		recent []string
		want   []string
	}{
		{"library", nil, []string{"Library", "Library.base"}},
		{"study", nil, []string{"Study.canvas"}},
		{"harbour png", nil, []string{"harbour.png"}},
		{"", []string{"boards/Study.canvas", "Library.md"}, []string{"Study.canvas", "Library"}},
	} {
		if got := texts(m.Match(tc.query, tc.recent, 0)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Match(%q, %q) = %q, want %q", tc.query, tc.recent, got, tc.want)
		}
	}
	r := m.Match("study", nil, 1)
	if len(r) != 1 || r[0].Kind != switcher.File || r[0].Path != "boards/Study.canvas" || r[0].Folder != "boards" {
		t.Errorf("the board's result = %+v, want a file at boards/Study.canvas", r)
	}
}
