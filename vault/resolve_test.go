package vault_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

func loadMap(t testing.TB, files map[string]string) *vault.Vault {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNormalizeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Amazon.com's business", "amazoncoms_business"},
		{"amazon_web_services_aws", "amazon_web_services_aws"},
		{"Amazon Web Services AWS", "amazon_web_services_aws"},
		{"  __a -- b__ ", "a_b"},
		{"\u2068Folder\u2069", "folder"},
		{"Ça compte", "ça_compte"},
		{"Cafe\u0301 Ole\u0301", "café_olé"}, // accents as combining marks (macOS file names)
		{"Café Olé", "café_olé"},
		{"???", ""},
	} {
		if got := vault.NormalizeName(c.in); got != c.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestResolve_Rules(t *testing.T) {
	v := loadMap(t, map[string]string{
		"amazoncoms_business.md":         "",
		"acquired/acquiredFM.md":         "",
		"acquired/acquiredfm.md":         "",
		"acquired/topic.md":              "",
		"other/topic.md":                 "",
		"other/deep/topic.md":            "",
		"zeta/topic.md":                  "",
		"Case Only.md":                   "",
		"acquired/sub/note.md":           "",
		"img/wave.png":                   "",
		"\u2068Isolated\u2069/inside.md": "",
		"Über/straße.md":                 "",
		"Cafe\u0301 Ole\u0301.md":        "",
	})
	ix := v.Index()
	for _, c := range []struct {
		name, from, target, want string
	}{
		{"exact name", "x.md", "amazoncoms_business", "amazoncoms_business.md"},
		{"drop .md", "x.md", "amazoncoms_business.md", "amazoncoms_business.md"},
		{"trim spaces", "x.md", "  amazoncoms_business  ", "amazoncoms_business.md"},
		{"normalised", "x.md", "Amazon.com's business", "amazoncoms_business.md"},
		{"case-insensitive", "x.md", "case only", "Case Only.md"},
		{"exact case wins over case clash", "x.md", "acquiredfm", "acquired/acquiredfm.md"},
		{"exact case wins other way", "x.md", "acquiredFM", "acquired/acquiredFM.md"},
		{"own folder first", "other/x.md", "topic", "other/topic.md"},
		{"own folder first zeta", "zeta/x.md", "topic", "zeta/topic.md"},
		{"shortest then smallest", "x.md", "topic", "acquired/topic.md"},
		{"path", "x.md", "other/deep/topic", "other/deep/topic.md"},
		{"path case-insensitive", "x.md", "OTHER/Deep/Topic.md", "other/deep/topic.md"},
		{"path relative to folder", "acquired/x.md", "sub/note", "acquired/sub/note.md"},
		{"attachment by name", "x.md", "wave.png", "img/wave.png"},
		{"attachment by path", "x.md", "img/wave.png", "img/wave.png"},
		{"self", "acquired/topic.md", "", "acquired/topic.md"},
		{"unresolved", "x.md", "Nothing Here", ""},
		{"never outside", "acquired/sub/note.md", "../../../etc/passwd", ""},
		{"absolute is vault-rooted", "x.md", "/etc/passwd", ""},
		{"parent within vault", "acquired/sub/note.md", "../topic", "acquired/topic.md"},
		{"isolation marks", "x.md", "inside", "\u2068Isolated\u2069/inside.md"},
		{"composed accents find combining marks", "x.md", "Café Olé", "Cafe\u0301 Ole\u0301.md"},
		{"non-ASCII", "x.md", "STRASSE", ""},
		{"non-ASCII exact", "x.md", "straße", "Über/straße.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ix.Resolve(c.from, c.target); got != c.want {
				t.Errorf("Resolve(%q, %q) = %q, want %q", c.from, c.target, got, c.want)
			}
			if got, _ := ix.ResolveRule(c.from, c.target); got != c.want {
				t.Errorf("ResolveRule(%q, %q) = %q, want %q as Resolve", c.from, c.target, got, c.want)
			}
		})
	}
}

func TestResolveRule_SaysWhichRule(t *testing.T) {
	v := loadMap(t, map[string]string{
		"amazoncoms_business.md": "",
		"Case Only.md":           "",
		"acquired/topic.md":      "",
		"acquired/sub/note.md":   "",
		"img/wave.png":           "",
		"Über/straße.md":         "",
	})
	ix := v.Index()
	for _, c := range []struct {
		name, from, target, want string
		rule                     vault.ResolveRule
	}{
		{"self", "acquired/topic.md", "", "acquired/topic.md", vault.RuleSelf},
		{"self with .md only", "acquired/topic.md", " .md ", "acquired/topic.md", vault.RuleSelf},
		{"path", "x.md", "acquired/topic", "acquired/topic.md", vault.RulePath},
		{"path in other case", "x.md", "ACQUIRED/Topic.md", "acquired/topic.md", vault.RulePath},
		{"path from the note's folder", "acquired/x.md", "sub/note", "acquired/sub/note.md", vault.RulePath},
		{"path never normalised", "x.md", "acquired/to-pic", "", vault.RuleUnresolved},
		{"exact name", "x.md", "Case Only", "Case Only.md", vault.RuleExactName},
		{"exact name with .md", "x.md", "amazoncoms_business.md", "amazoncoms_business.md", vault.RuleExactName},
		{"exact attachment", "x.md", "wave.png", "img/wave.png", vault.RuleExactName},
		{"exact non-ASCII", "x.md", "straße", "Über/straße.md", vault.RuleExactName},
		{"case only", "x.md", "case only", "Case Only.md", vault.RuleAnyCase},
		{"case only, non-ASCII", "x.md", "Straße", "Über/straße.md", vault.RuleAnyCase},
		{"normalised", "x.md", "Amazon.com's business", "amazoncoms_business.md", vault.RuleNormalised},
		{"normalised separators", "x.md", "case-only", "Case Only.md", vault.RuleNormalised},
		{"unresolved", "x.md", "Nothing Here", "", vault.RuleUnresolved},
		{"no simple case fold", "x.md", "STRASSE", "", vault.RuleUnresolved},
		{"outside the vault", "acquired/x.md", "../../etc/passwd", "", vault.RuleUnresolved},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, rule := ix.ResolveRule(c.from, c.target)
			if got != c.want || rule != c.rule {
				t.Errorf("ResolveRule(%q, %q) = %q, %v; want %q, %v", c.from, c.target, got, rule, c.want, c.rule)
			}
		})
	}
}

func TestBacklinks_ResolvedAndUnresolved(t *testing.T) {
	v := loadMap(t, map[string]string{
		"a.md": "---\nvideoId: APvj15_YCqk\n---\nFirst <a class=\"yt-timestamp\" data-t=\"00:00:10\">[00:00:10]</a>. Then [[b | the b note]] is named. And [[Missing Note]] too.\n",
		"c.md": "Links to [[B]] and [[missing_note]] and [[#Self]].\n",
		"b.md": "# B\n",
	})
	ix := v.Index()
	bl := ix.Backlinks("b.md")
	if len(bl) != 2 || bl[0].Source.Path != "a.md" || bl[1].Source.Path != "c.md" {
		t.Fatalf("backlinks of b.md = %+v", bl)
	}
	if got := bl[0].Link.Context; got != "Then the b note is named." {
		t.Errorf("context = %q", got)
	}
	if got := bl[0].Link.Context[bl[0].Link.ContextStart:bl[0].Link.ContextEnd]; got != "the b note" {
		t.Errorf("link text in context = %q", got)
	}
	if bl[0].Timestamp == nil || bl[0].Timestamp.Seconds != 10 || bl[0].Link.Line != 4 {
		t.Errorf("backlink timestamp/line = %+v line %d", bl[0].Timestamp, bl[0].Link.Line)
	}
	if bl[1].Timestamp != nil {
		t.Errorf("c.md has no timestamps, got %+v", bl[1].Timestamp)
	}
	un := ix.UnresolvedBacklinks("Missing Note")
	if len(un) != 2 {
		t.Fatalf("unresolved backlinks = %+v", un)
	}
	names := ix.Unresolved()
	if len(names) != 1 || names[0].Count != 2 || names[0].Sources != 2 {
		t.Errorf("Unresolved() = %+v", names)
	}
	if len(ix.Backlinks("c.md")) != 0 {
		t.Errorf("a same-note link must not be a backlink")
	}
}

func TestLoad_OnNamesResolvesBeforeNotesAreParsed(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":          {Data: []byte("[[B note]] [[missing]]")},
		"sub/b_note.md": {Data: []byte("b")},
		"img/x.png":     {Data: []byte("png")},
	}
	called := 0
	v, err := vault.Load(fsys, vault.OnNames(func(v *vault.Vault, names *vault.Index) {
		called++
		if v.Index() != nil {
			t.Error("the index was published before the names callback")
		}
		if got := names.Resolve("a.md", "B note"); got != "sub/b_note.md" {
			t.Errorf("early Resolve = %q", got)
		}
		if names.Resolve("a.md", "missing") != "" || names.Resolve("a.md", "x.png") != "img/x.png" {
			t.Error("early Resolve wrong for unresolved or attachment")
		}
		if src, err := v.Source("a.md"); err != nil || len(src) == 0 {
			t.Errorf("early Source: %v", err)
		}
		if got := names.NotePaths(); !slices.Equal(got, []string{"a.md", "sub/b_note.md"}) {
			t.Errorf("early NotePaths = %q", got)
		}
	}))
	if err != nil || called != 1 {
		t.Fatalf("err %v, callback called %d times", err, called)
	}
	if v.Index().Len() != 2 {
		t.Errorf("index has %d notes", v.Index().Len())
	}
	if ix := v.Index(); !slices.Equal(ix.NotePaths(), ix.Paths()) {
		t.Errorf("NotePaths %q, Paths %q", ix.NotePaths(), ix.Paths())
	}
}

func TestUnlinkedMentions(t *testing.T) {
	v := loadMap(t, map[string]string{
		"Tidal forces.md": "---\naliases: [Tidal pull]\n---\nThe note itself mentions tidal forces.\n",
		"a.md":            "Here tidal forces shape coasts. Linked: [[Tidal forces]] is not unlinked.\n",
		"b.md":            "```\ntidal forces in code\n```\nThe tidal pull again. `tidal forces` in a span.\n",
		"c.md":            "Bitidal forcesx is not a word match, [tidal forces](x.md) is a link.\n",
	})
	got := v.UnlinkedMentions(v.Index(), "Tidal forces.md")
	var where []string
	for _, b := range got {
		where = append(where, b.Source.Path+": "+b.Link.Context[b.Link.ContextStart:b.Link.ContextEnd])
	}
	want := []string{"a.md: tidal forces", "b.md: tidal pull"}
	if len(where) != len(want) {
		t.Fatalf("mentions = %q, want %q", where, want)
	}
	for i := range want {
		if !strings.EqualFold(where[i], want[i]) {
			t.Errorf("mention %d = %q, want %q", i, where[i], want[i])
		}
	}
}
