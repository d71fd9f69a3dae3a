package cli_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vaultview/cli"
)

var update = flag.Bool("update", false, "rewrite golden files")

const formats = "../vault/testdata/vaults/formats"

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code, handled := cli.Run(args, &out, &errb)
	if !handled {
		return -1, out.String(), errb.String()
	}
	return code, out.String(), errb.String()
}

func TestRun_NotASubcommand(t *testing.T) {
	for _, args := range [][]string{nil, {"some/vault"}, {"vault", "note"}} {
		if _, handled := cli.Run(args, &bytes.Buffer{}, &bytes.Buffer{}); handled {
			t.Errorf("Run(%q) handled; the window should open", args)
		}
	}
}

func TestCheck_ExitCodes(t *testing.T) {
	clean := t.TempDir()
	os.WriteFile(filepath.Join(clean, "a.md"), []byte("---\ntitle: A\nvideoId: APvj15_YCqk\n---\n[[b]] [[Not yet]] <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a>\n"), 0o644)
	os.WriteFile(filepath.Join(clean, "b.md"), []byte("[[a]]\n"), 0o644)
	for _, c := range []struct {
		name string
		args []string
		want int
		out  string
	}{
		{"clean vault", []string{"check", clean}, cli.ExitOK, "No problems found."},
		{"fixture with problems", []string{"check", formats}, cli.ExitProblems, "Problems found."},
		{"missing vault", []string{"check", filepath.Join(clean, "nope")}, cli.ExitError, ""},
		{"a file, not a folder", []string{"check", filepath.Join(clean, "a.md")}, cli.ExitError, ""},
		{"no vault", []string{"check"}, cli.ExitError, ""},
		{"index without --json", []string{"index", clean}, cli.ExitError, ""},
		{"bad flag", []string{"check", "-nope", clean}, cli.ExitError, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != c.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.want, out, errs)
			}
			if !strings.Contains(out, c.out) {
				t.Errorf("stdout lacks %q:\n%s", c.out, out)
			}
			if c.want == cli.ExitError && errs == "" {
				t.Error("an error exit printed nothing on stderr")
			}
		})
	}
}

func TestCheck_ReportNamesEveryKindOfProblem(t *testing.T) {
	_, out, _ := run("check", "-limit", "0", formats)
	for _, want := range []string{
		"Unresolved links", `"Harbour Guides": 3 links from 1 note,`,
		"Ambiguous names", "tidal_forces: channel two/tidal_forces.md, channel_one/tidal_forces.md",
		"Invalid timestamps", "channel_one/tidal_forces.md:24: timestamp \"zz\"",
		"Bad frontmatter", "channel_one/lunar_calendar.md:4: invalid frontmatter",
		"videoId \"not-a-valid-id!\" is not a YouTube video id",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestIndexJSON_Golden pins the whole JSON of the fixture vault. Review a diff before
// accepting it with -update: it is the contract other tools read.
func TestIndexJSON_Golden(t *testing.T) {
	code, out, errs := run("index", "--json", formats)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden := filepath.Join("testdata", "formats.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		os.MkdirAll(filepath.Join("testdata", "failed"), 0o755)
		os.WriteFile(filepath.Join("testdata", "failed", "formats.json"), []byte(out), 0o644)
		t.Errorf("index --json differs from %s; got testdata/failed/formats.json", golden)
	}
}

func TestIndexJSON_Shape(t *testing.T) {
	_, out, _ := run("index", "--json", formats)
	var doc struct {
		Notes []struct {
			Path    string  `json:"path"`
			Title   string  `json:"title"`
			VideoID *string `json:"videoId"`
		} `json:"notes"`
		Links []struct {
			Source, Kind, Target, Fragment, Alias string
			Line                                  int
			Resolved                              *string
		} `json:"links"`
		Timestamps []struct {
			Source  string
			Line    int
			Seconds *int
			URL     *string
		} `json:"timestamps"`
		Warnings []struct {
			Path    string
			Line    int
			Message string
		} `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	byKind := map[string]int{}
	for _, l := range doc.Links {
		byKind[l.Kind]++
		if l.Line < 1 {
			t.Errorf("link without a line: %+v", l)
		}
		if l.Resolved != nil && (strings.HasPrefix(*l.Resolved, "/") || strings.Contains(*l.Resolved, "..")) {
			t.Errorf("resolved outside the vault: %+v", l)
		}
	}
	if byKind["wikilink"] == 0 || byKind["embed"] == 0 || byKind["markdown"] == 0 {
		t.Errorf("link kinds = %v, want all three", byKind)
	}
	var found bool
	for _, ts := range doc.Timestamps {
		if ts.Source == "channel_one/tidal_forces.md" && ts.Seconds != nil && *ts.Seconds == 65 {
			found = ts.URL != nil && *ts.URL == "https://www.youtube.com/watch?v=Abc123_-xyz&t=65s"
		}
		if ts.Source == "channel two/erosion_deposition.md" && ts.URL != nil {
			t.Errorf("a note with an invalid videoId got a URL: %s", *ts.URL)
		}
	}
	if !found {
		t.Error("the 00:01:05 timestamp of tidal_forces.md has no correct URL")
	}
	if len(doc.Notes) == 0 || len(doc.Warnings) == 0 {
		t.Errorf("notes %d, warnings %d", len(doc.Notes), len(doc.Warnings))
	}
}

// TestCheck_ReportsMathThatCannotBeTypeset: a formula plain TeX cannot set, display or
// inside a line, is a problem, with its file and the line its TeX starts on; formulas that
// set are not, and dollars inside code or around prices are no formula.
func TestCheck_ReportsMathThatCannotBeTypeset(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "# Good\n\n$$E = mc^2$$\n\n$$\n\\begin{pmatrix}1 & 0\\\\ 0 & 1\\end{pmatrix}\n$$\n\nFrom $5 to $10, and $\\frac{1}{2}$ inline.\n")
	write("bad.md", "# Bad\n\nText.\n\n$$\n\\nosuchcommand{x}\n$$\n\n```\n$$\\alsonotreal$$\n```\n\nAnd `$\\incode$`, then\n$\\nosuchinline$ here.\n")
	code, out, errs := run("check", dir)
	if code != cli.ExitProblems {
		t.Fatalf("exit %d, want %d (problems)\n%s%s", code, cli.ExitProblems, out, errs)
	}
	if !strings.Contains(out, "Math that cannot be typeset") || !strings.Contains(out, "bad.md:5: display math not typeset") ||
		!strings.Contains(out, "bad.md:14: math not typeset") {
		t.Errorf("report:\n%s", out)
	}
	if strings.Contains(out, "good.md") || strings.Contains(out, "alsonotreal") || strings.Contains(out, "incode") ||
		strings.Count(out, "math not typeset") != 2 {
		t.Errorf("report names more than the one bad formula:\n%s", out)
	}
}

// index --json lists the vault's other files, .base and .canvas ones among them, with the
// notes that embed each (issue #16).
func TestIndexJSON_FilesAndWhereTheyAreEmbedded(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"Home.md":      "# Home\n\n![[Books.base#Shelf]]\n\n![[Board.canvas]] and a link to [[Books.base]].\n",
		"Other.md":     "![[Board.canvas]]\n",
		"Books.base":   "views:\n  - type: table\n",
		"Board.canvas": "{}",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run("index", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`{"path":"Board.canvas","kind":"canvas","embeddedIn":["Home.md","Other.md"]}`,
		`{"path":"Books.base","kind":"base","embeddedIn":["Home.md"]}`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("index --json lacks %s:\n%s", want, out)
		}
	}
}

// check reports what the vault's bases and boards hold that cannot be shown, with file and
// line (issue #16).
func TestCheck_ReportsBasesAndBoards(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"Home.md":      "# Home\n",
		"Good.base":    "views:\n  - type: table\n    order: [file.name]\n",
		"Bad.base":     "filters: 'file.hasTg(\"x\")'\nviews:\n  - type: map\n",
		"Broken.base":  "views: [\n",
		"Board.canvas": "{\"nodes\": [\n  {\"id\": \"a\", \"type\": \"text\", \"x\": 0, \"y\": 0, \"width\": 0, \"height\": 1}\n]}",
		"Nope.canvas":  "{\n  \"nodes\": [,]\n}",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := run("check", dir)
	if code != cli.ExitProblems {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{
		"Bases and boards that cannot be shown as written",
		`Bad.base:1: filter "file.hasTg(\"x\")": unknown function hasTg()`,
		`Bad.base:3: view "Map" is a "map" view, shown as a table`,
		"Broken.base:", "not YAML",
		`Board.canvas:2: node "a" has no area`,
		"Nope.canvas:2: not JSON",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Good.base") {
		t.Errorf("a good base reported:\n%s", out)
	}
}

// With media folders, check lists the vault's videos with a local copy (and where) and
// those without; neither is a problem, and a folder that cannot be read is said.
func TestCheck_MediaFolders(t *testing.T) {
	dir, media := t.TempDir(), t.TempDir()
	for name, text := range map[string]string{
		"Tides.md":  "---\nvideoId: aaaaaaaaaaa\n---\n# Tides\n",
		"Storms.md": "---\nvideoId: bbbbbbbbbbb\n---\n# Storms\n",
		"Plain.md":  "# Plain\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyPath := filepath.Join(media, "Tides talk [aaaaaaaaaaa].mkv")
	if err := os.WriteFile(copyPath, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run("check", "-media", media, "-media", filepath.Join(media, "missing"), dir)
	if code != cli.ExitOK {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{
		"Videos with a local copy: 1", "Tides [aaaaaaaaaaa]: " + copyPath,
		"Videos without a local copy (not problems: they play from the network): 1", "Storms [bbbbbbbbbbb], 1 note",
		"Media folders that could not be read (not problems of the vault): 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if _, out, _ := run("check", dir); strings.Contains(out, "local copy") {
		t.Errorf("without media folders, check speaks of copies:\n%s", out)
	}
}
