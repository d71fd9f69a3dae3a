package vaultgen_test

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"vaultview/internal/vaultgen"
	"vaultview/vault/jsoncanvas"
)

// normalise is docs/FORMAT.md §2.4 rule 4, written here independently of the package.
func normalise(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '_' || r == '-':
			pending = true
		}
	}
	return b.String()
}

// generated is a vault made in memory with its stats.
type generated struct {
	fsys  fstest.MapFS
	paths []string
	stats vaultgen.Stats
}

func generate(t testing.TB, o vaultgen.Options) generated {
	t.Helper()
	g := generated{fsys: fstest.MapFS{}}
	st, err := vaultgen.Generate(o, func(path string, data []byte) error {
		if _, dup := g.fsys[path]; dup {
			t.Errorf("path %s emitted twice", path)
		}
		g.fsys[path] = &fstest.MapFile{Data: bytes.Clone(data)}
		g.paths = append(g.paths, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	g.stats = st
	return g
}

// The mid-size vault is shared by the tests that read it.
var (
	midOnce sync.Once
	mid     generated
)

func midVault(t *testing.T) generated {
	midOnce.Do(func() { mid = generate(t, vaultgen.Options{Notes: 2000, Seed: 7}) })
	return mid
}

func hash(g generated) [32]byte {
	h := sha256.New()
	for _, p := range g.paths {
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(g.fsys[p].Data)
		h.Write([]byte{0})
	}
	return [32]byte(h.Sum(nil))
}

func TestGenerate_Deterministic(t *testing.T) {
	tests := []struct {
		name string
		o    vaultgen.Options
	}{
		{"small", vaultgen.Options{Notes: 50, Seed: 1}},
		{"mid", vaultgen.Options{Notes: 600, Seed: 42}},
		{"negative seed", vaultgen.Options{Notes: 300, Seed: -9}},
		{"no case clash", vaultgen.Options{Notes: 300, Seed: 3, NoCaseClash: true}},
		{"with huge note", vaultgen.Options{Notes: 300, Seed: 5, HugeNotes: 1, HugeNoteBytes: 200000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := generate(t, tt.o), generate(t, tt.o)
			if hash(a) != hash(b) {
				t.Error("same options gave different files")
			}
			if a.stats != b.stats {
				t.Errorf("same options gave different stats:\n%v\n%v", a.stats, b.stats)
			}
			other := tt.o
			other.Seed++
			if hash(generate(t, other)) == hash(a) {
				t.Error("another seed gave the same files")
			}
		})
	}
}

func TestGenerate_MapFSMatchesGenerate(t *testing.T) {
	o := vaultgen.Options{Notes: 120, Seed: 11}
	g := generate(t, o)
	fsys := vaultgen.MapFS(o)
	if err := fstest.TestFS(fsys, g.paths[:3]...); err != nil {
		t.Fatal(err)
	}
	if len(fsys) != len(g.fsys) {
		t.Fatalf("MapFS has %d files, Generate emitted %d", len(fsys), len(g.fsys))
	}
	for p, f := range g.fsys {
		if !bytes.Equal(fsys[p].Data, f.Data) {
			t.Errorf("%s differs between MapFS and Generate", p)
		}
	}
}

func TestGenerate_Scales(t *testing.T) {
	tests := []struct {
		notes    int
		channels [2]int // inclusive range
	}{
		{10, [2]int{2, 2}},
		{200, [2]int{3, 5}},
		{1000, [2]int{8, 10}},
		{5000, [2]int{19, 21}},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.notes), func(t *testing.T) {
			g := generate(t, vaultgen.Options{Notes: tt.notes, Seed: 2})
			st := g.stats
			if len(g.paths) != tt.notes || st.Notes != tt.notes {
				t.Errorf("got %d files, stats say %d, want %d", len(g.paths), st.Notes, tt.notes)
			}
			if st.Channels < tt.channels[0] || st.Channels > tt.channels[1] {
				t.Errorf("got %d channels, want %d..%d", st.Channels, tt.channels[0], tt.channels[1])
			}
			var total int64
			for _, f := range g.fsys {
				total += int64(len(f.Data))
			}
			if total != st.Bytes {
				t.Errorf("files hold %d bytes, stats say %d", total, st.Bytes)
			}
			want := int64(tt.notes) * 8000
			if tt.notes >= 200 && (total < want*85/100 || total > want*115/100) {
				t.Errorf("vault has %d bytes, want about %d", total, want)
			}
		})
	}
}

func TestGenerate_MeanNoteBytes(t *testing.T) {
	// Links and timestamps scale down with the note size, so the notes can be that small.
	g := generate(t, vaultgen.Options{Notes: 500, Seed: 4, MeanNoteBytes: 2000, HugeNotes: -1})
	if mean := g.stats.Bytes / 500; mean < 1700 || mean > 2300 {
		t.Errorf("mean note size %d, want about 2000", mean)
	}
	if g.stats.HugeNotes != 0 || g.stats.LargestNoteBytes > 40000 {
		t.Errorf("HugeNotes: -1 still gave %d huge notes, largest %d bytes", g.stats.HugeNotes, g.stats.LargestNoteBytes)
	}
}

var (
	wikilinkRE = regexp.MustCompile(`!?\[\[([^\]]*)\]\]`)
	mdLinkRE   = regexp.MustCompile(`\[[^\]]*\]\(([^)\s]+\.md)\)`)
	anchorRE   = regexp.MustCompile(`<a class="yt-timestamp" data-t="([^"]*)">\[([^\]]*)\]</a>`)
	clockRE    = regexp.MustCompile(`^\d\d:[0-5]\d:[0-5]\d$`)
	codeSpanRE = regexp.MustCompile("`[^`\n]*`")
)

// body drops the frontmatter and everything inside code, where nothing is a link.
func body(data []byte) string {
	s := string(data)
	if strings.HasPrefix(s, "---\n") {
		if end := strings.Index(s[4:], "\n---\n"); end >= 0 {
			s = s[4+end+5:]
		}
	}
	var b strings.Builder
	fenced := false
	for line := range strings.Lines(s) {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			b.WriteString(codeSpanRE.ReplaceAllString(line, ""))
		}
	}
	return b.String()
}

// measured is what a simple reader finds in a vault.
type measured struct {
	links, unresolved, normalised, timestamps, odd, differs int
}

func measure(g generated) measured {
	exact := map[string]bool{}
	norm := map[string]bool{}
	for _, p := range g.paths {
		base := strings.TrimSuffix(p[strings.LastIndex(p, "/")+1:], ".md")
		exact[base] = true
		norm[normalise(base)] = true
	}
	var m measured
	resolve := func(target string) {
		m.links++
		target, _, _ = strings.Cut(target, "|")
		target, _, _ = strings.Cut(target, "#")
		target = strings.TrimSuffix(strings.TrimSpace(target), ".md")
		if target == "" {
			return // the note itself
		}
		base := target[strings.LastIndex(target, "/")+1:]
		switch {
		case exact[base]:
		case norm[normalise(base)]:
			m.normalised++
		default:
			m.unresolved++
		}
	}
	for _, p := range g.paths {
		s := body(g.fsys[p].Data)
		for _, sm := range wikilinkRE.FindAllStringSubmatch(s, -1) {
			resolve(sm[1])
		}
		for _, sm := range mdLinkRE.FindAllStringSubmatch(s, -1) {
			target, err := url.PathUnescape(sm[1])
			if err != nil {
				target = sm[1]
			}
			resolve(target)
		}
		for _, sm := range anchorRE.FindAllStringSubmatch(s, -1) {
			m.timestamps++
			if !clockRE.MatchString(sm[1]) {
				m.odd++
			}
			if sm[1] != sm[2] {
				m.differs++
			}
		}
	}
	return m
}

func TestGenerate_Proportions(t *testing.T) {
	g := midVault(t)
	st := g.stats
	m := measure(g)

	// The generator's own counts agree with what a reader finds.
	counts := []struct {
		name          string
		stats, reader int
	}{
		{"links", st.Links, m.links},
		{"unresolved links", st.UnresolvedLinks, m.unresolved},
		{"normalised-only links", st.NormalisedLinks, m.normalised},
		{"timestamps", st.Timestamps, m.timestamps},
		{"odd data-t", st.OddTimestamps, m.odd},
	}
	for _, c := range counts {
		if c.stats != c.reader {
			t.Errorf("%s: stats say %d, reader finds %d", c.name, c.stats, c.reader)
		}
	}

	notes := float64(st.Notes)
	var sizes []int
	noVideo := 0
	for _, p := range g.paths {
		data := g.fsys[p].Data
		sizes = append(sizes, len(data))
		if bytes.HasPrefix(data, []byte("---\n")) && bytes.Contains(data, []byte("\nFrom: [[")) && !bytes.Contains(data, []byte("\nvideoId: ")) {
			noVideo++
		}
	}
	slices.Sort(sizes)
	shares := []struct {
		name     string
		got      float64
		min, max float64
	}{
		{"links per note", float64(m.links) / notes, 9, 11},
		{"unresolved share", float64(m.unresolved) / float64(m.links), 0.18, 0.22},
		{"normalised-only share", float64(m.normalised) / float64(m.links), 0.09, 0.15},
		{"timestamps per note", float64(m.timestamps) / notes, 32, 38},
		{"odd data-t share", float64(m.odd) / float64(m.timestamps), 0.009, 0.018},
		{"visible text differs share", float64(m.differs) / float64(m.timestamps), 0.007, 0.018},
		{"share of topic notes without videoId", float64(noVideo) / float64(st.TopicNotes), 0.005, 0.015},
		{"mean note KB", float64(st.Bytes) / notes / 1000, 7, 9},
		{"median note KB", float64(sizes[len(sizes)/2]) / 1000, 3, 7.5},
		{"90th percentile note KB", float64(sizes[len(sizes)*9/10]) / 1000, 10, 25},
		{"share of folders holding the most shared name", float64(st.MaxFoldersPerName) / float64(st.Channels), 0.5, 1},
	}
	for _, s := range shares {
		if s.got < s.min || s.got > s.max {
			t.Errorf("%s = %.4g, want %.4g..%.4g", s.name, s.got, s.min, s.max)
		}
	}
}

func TestGenerate_Variants(t *testing.T) {
	g := midVault(t)
	var all strings.Builder
	for _, p := range g.paths {
		all.Write(g.fsys[p].Data)
		all.WriteByte('\n')
	}
	text := all.String()

	tests := []struct{ name, re string }{
		{"link with spaced alias", `\[\[[^\]|#]+ \| [^\]]+\]\]`},
		{"link with tight alias", `\[\[[^\]| ]+\|[^ \]][^\]]*\]\]`},
		{"plain link", `[^!]\[\[[a-z0-9_]+\]\]`},
		{"link to a heading", `\[\[[^\]#|]+#[A-Z][^\]^]*\]\]`},
		{"link to a block", `\[\[[^\]]+#\^[a-z0-9]{6}\]\]`},
		{"link to a heading of the same note", `\[\[#[A-Z][^\]]*\]\]`},
		{"link with a folder", `\[\[[^\]|/]+/[^\]|]+\]\]`},
		{"link with .md", `\[\[[^\]|]+\.md(\|[^\]]+)?\]\]`},
		{"link in Title Case", `\[\[[A-Z][a-z]+( [A-Z][a-z]+){2,}( \| [^\]]+)?\]\]`},
		{"link spelled with punctuation", `\[\[[^\]|]*\.com's [^\]]*\]\]`},
		{"link in another case", `\[\[[A-Z][a-z0-9]*_[a-z0-9_]+\]\]`},
		{"embed", `!\[\[[^\]]+\]\]`},
		{"embed of a heading", `!\[\[[^\]]+#[A-Z][^\]]*\]\]`},
		{"Markdown link to a note", `\]\([a-z0-9_]+\.md\)`},
		{"percent-encoded Markdown link", `\]\([^)\s]*%20[^)\s]*\.md\)`},
		{"wikilink in a code span", "`\\[\\[[a-z0-9_]+\\]\\]`"},
		{"wikilink in a code block", "\n# see \\[\\[[a-z0-9_]+\\]\\]"},
		{"fenced code", "\n```[a-z]*\n"},
		{"script in a code span", "`<script>`"},

		{"timestamp HH:MM:SS", `data-t="\d\d:\d\d:\d\d">\[\d\d:\d\d:\d\d\]</a>`},
		{"timestamp MM:SS", `data-t="\d\d:\d\d">`},
		{"timestamp H:MM:SS", `data-t="\d:\d\d:\d\d">`},
		{"timestamp with a fourth field", `data-t="\d\d:\d\d:\d\d:\d\d">`},
		{"timestamp with milliseconds", `data-t="\d\d:\d\d:\d{3}">`},
		{"timestamp with a single-digit field", `data-t="(\d\d:\d:\d\d|\d\d:\d\d:\d)">`},
		{"timestamp with a trailing colon", `data-t="[\d:]+:">`},
		{"timestamp with trailing junk", `data-t="[\d:]+\]">`},
		{"timestamp with minutes >= 60", `data-t="\d\d:[6-9]\d:\d\d">`},
		{"legacy timestamp", `\[[\d:]+\]\(<a class="yt-timestamp" data-t="[^"]+">\[[\d:]+\]</a>\)`},
		{"two timestamps in a row", `</a>,? <a class="yt-timestamp"`},
		{"timestamp after the full stop", `\. <a class="yt-timestamp"`},

		{"info callout", `\n> \[!info\] [A-Z]`},
		{"upper-case callout", `\n> \[!(NOTE|INFO|WARNING|TIP|CAUTION|EXAMPLE)\]`},
		{"unknown callout type", `\n> \[!(Insight|key-point)\]`},
		{"folded callout", `\n> \[![a-zA-Z-]+\]-`},
		{"open foldable callout", `\n> \[![a-zA-Z-]+\]\+`},
		{"callout without title", `\n> \[![a-zA-Z-]+\][-+]?\n`},
		{"nested callout", `\n> > \[![a-zA-Z-]+\]`},
		{"list in a callout", `\n> - [A-Z]`},
		{"block quote", `\n\n> [A-Z][^\n]*\n\n`},

		{"h2", `\n## [A-Z]`},
		{"h3", `\n### [A-Z]`},
		{"bullet list", `\n- [A-Z*]`},
		{"star list", `\n\* [A-Z*]`},
		{"numbered list", `\n1\. [A-Z*]`},
		{"nested list, 2 spaces", `\n  [-*] [A-Z]`},
		{"nested list, 4 spaces", `\n    [-*] [A-Z]`},
		{"table", `\n\| [A-Z][a-z]+ \|[^\n]*\n\|( --- \|)+\n`},
		{"bold", `\*\*[^*\n]+\*\*`},
		{"italics with stars", `[^*]\*[a-zA-Z][^*\n]*[a-z]\*[^*]`},
		{"italics with underscores", ` _[a-zA-Z][^_\n]*_[ .,]`},
		{"highlight", `==[^=\n]+==`},
		{"comment", `%%[^%\n]+%%`},
		{"strikethrough", `~~[^~\n]+~~`},
		{"inline tag", ` #[a-z][a-z/_-]*[ .]`},
		{"tag line", `\n#[a-z][a-z/_-]*( #[a-z][a-z/_-]*)*\n`},
		{"html sup", `<sup>\d</sup>`},
		{"external link", `\]\(https://example\.com/`},
		{"block id", ` \^[a-z0-9]{6}\n`},
		{"horizontal rule", "\n\n---\n\n"},

		{"from line", `\n\nFrom: \[\[[^\]]+\]\] <br/> ?\n`},
		{"from line with <br>", `\nFrom: \[\[[^\]]+\]\] <br> ?\n`},
		{"frontmatter title", `(^|\n)---\ntitle: [A-Z]`},
		{"quoted title", `\ntitle: "[^"\n]+"\n`},
		{"single-quoted title", `\ntitle: '[^\n]+'\n`},
		{"videoId", `\nvideoId: [A-Za-z0-9_-]{11}\n`},
		{"quoted videoId", `\nvideoId: "[A-Za-z0-9_-]{11}"\n`},
		{"tags as a string", `\ntags: [a-z][a-z/_-]*\n`},
		{"tags as a flow list", `\ntags: \[[a-z][^\]\n]*\]\n`},
		{"tags as a block list", `\ntags:\n  - [a-z]`},
		{"aliases as a string", `\naliases: [A-Za-z]+\n`},
		{"aliases as a list", `\naliases:( \[|\n  - )[A-Za-z]`},
		{"wikilink property", `\nchannel: "\[\[[^\]]+\]\]"\n`},
		{"invalid YAML: unquoted colon", `\ntitle: [^"'\n][^\n]*: the [a-z-]+ years\n`},
		{"invalid YAML: bare wikilinks", `\ntags: \[\[[^\]]+\]\], \[\[`},
		{"invalid YAML: unclosed list", `\naliases: \[[A-Za-z]+, unclosed\n`},
		{"episode", `\n### \[[^\]\n]+\]\(https://www\.youtube\.com/watch\?v=[A-Za-z0-9_-]{11}\)\n- \[\[`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !regexp.MustCompile(tt.re).MatchString(text) {
				t.Errorf("no match for %s", tt.re)
			}
		})
	}
}

func TestGenerate_Shape(t *testing.T) {
	g := midVault(t)
	folders := map[string][]string{}
	for _, p := range g.paths {
		dir, file, ok := strings.Cut(p, "/")
		if !ok {
			continue
		}
		if strings.Contains(file, "/") {
			t.Errorf("%s: notes lie flat in their channel folder", p)
		}
		folders[dir] = append(folders[dir], file)
	}
	index := string(g.fsys["index.md"].Data)
	directory := string(g.fsys["directory.md"].Data)
	if index == "" || directory == "" {
		t.Fatal("index.md or directory.md is missing")
	}
	if len(folders) != g.stats.Channels {
		t.Errorf("%d folders, stats say %d channels", len(folders), g.stats.Channels)
	}
	snake := regexp.MustCompile(`^[\p{Ll}\p{Nd}]+(_[\p{Ll}\p{Nd}]+)*\.md$`)
	for dir, files := range folders {
		channel := g.fsys[dir+"/"+dir+".md"]
		if channel == nil {
			t.Errorf("%s has no %s.md", dir, dir)
			continue
		}
		if !bytes.Contains(channel.Data, []byte("### [")) {
			t.Errorf("%s.md lists no episodes", dir)
		}
		if !strings.Contains(index, "[["+dir+"]]") || !strings.Contains(directory, "[["+dir+"/") {
			t.Errorf("index.md or directory.md does not list %s", dir)
		}
		for _, f := range files {
			if f != dir+".md" && !strings.EqualFold(f, dir+".md") && !snake.MatchString(f) {
				t.Errorf("%s/%s is not snake_case", dir, f)
			}
		}
	}

	traps := []struct {
		name string
		ok   func() bool
	}{
		{"two notes differing only by case in one folder", func() bool {
			seen := map[string]bool{}
			for _, p := range g.paths {
				if l := strings.ToLower(p); seen[l] {
					return true
				} else {
					seen[l] = true
				}
			}
			return false
		}},
		{"folder wrapped in U+2068/U+2069", func() bool {
			for dir := range folders {
				if strings.HasPrefix(dir, "\u2068") && strings.HasSuffix(dir, "\u2069") {
					return true
				}
			}
			return false
		}},
		{"non-ASCII folder", func() bool {
			for dir := range folders {
				if strings.ContainsFunc(dir, func(r rune) bool { return r > unicode.MaxASCII && r != '\u2068' && r != '\u2069' }) {
					return true
				}
			}
			return false
		}},
		{"non-ASCII topic file names", func() bool {
			n := 0
			for _, files := range folders {
				for _, f := range files {
					if strings.ContainsFunc(f, func(r rune) bool { return r > unicode.MaxASCII }) {
						n++
					}
				}
			}
			return n >= 3
		}},
		{"a topic name in half the folders", func() bool {
			count := map[string]int{}
			for _, files := range folders {
				for _, f := range files {
					count[f]++
				}
			}
			most := 0
			for _, n := range count {
				most = max(most, n)
			}
			return most >= len(folders)/2
		}},
		{"a note of about 1 MB", func() bool { return g.stats.LargestNoteBytes > 900000 }},
		{"valid YouTube ids", func() bool {
			id := regexp.MustCompile(`\nvideoId: "?([^"\n]*)"?\n`)
			valid := regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
			n := 0
			for _, f := range g.fsys {
				for _, m := range id.FindAllSubmatch(f.Data, -1) {
					if !valid.Match(m[1]) {
						return false
					}
					n++
				}
			}
			return n > 0
		}},
	}
	for _, tr := range traps {
		t.Run(tr.name, func(t *testing.T) {
			if !tr.ok() {
				t.Error("missing")
			}
		})
	}
}

func TestWrite(t *testing.T) {
	o := vaultgen.Options{Notes: 80, Seed: 9}
	dir := t.TempDir()
	st, err := vaultgen.Write(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	g := generate(t, o)
	if st != g.stats {
		t.Errorf("Write and Generate disagree on stats:\n%v\n%v", st, g.stats)
	}
	n := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		want := g.fsys[filepath.ToSlash(rel)]
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if want == nil || !bytes.Equal(got, want.Data) {
			t.Errorf("%s on disk differs from the generated file", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(g.paths) {
		t.Errorf("%d files on disk, want %d", n, len(g.paths))
	}
}

func BenchmarkGenerate(b *testing.B) {
	o := vaultgen.Options{Notes: 2000, Seed: 1}
	for b.Loop() {
		var n int64
		if _, err := vaultgen.Generate(o, func(_ string, data []byte) error {
			n += int64(len(data))
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(n)
	}
}

// The board reads as a board, every card and edge of it.
func TestBoard_Parses(t *testing.T) {
	b, problems, err := jsoncanvas.Parse(vaultgen.Board(12))
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	if len(b.Nodes) != 12*12+12 || len(b.Edges) != 12*11 {
		t.Errorf("%d nodes and %d edges, want %d and %d", len(b.Nodes), len(b.Edges), 12*12+12, 12*11)
	}
}
