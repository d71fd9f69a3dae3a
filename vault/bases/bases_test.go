package bases

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vaultview/vault"
)

var now = time.Date(2026, 12, 7, 9, 30, 0, 0, time.Local)

func row() *Row {
	return &Row{
		Path:   "books/Tidal Atlas.md",
		Size:   2048,
		MTime:  time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local),
		Tags:   []string{"book", "sea/tides"},
		Links:  []string{"people/Ana Ruiz.md", "Moon", "img/tide.png"},
		Embeds: []string{"img/tide.png"},
		Props: map[string]Value{
			"status": String("reading"), "pages": Number(320), "read": Number(80),
			"genres":   List([]Value{String("science"), String("history")}),
			"started":  Value{Kind: KindDate, t: time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local), dateOnly: true},
			"author":   Link("Ana Ruiz"),
			"finished": Bool(false),
		},
	}
}

// TestEval covers every function and operator the language has here, one case or more each.
func TestEval(t *testing.T) {
	this := &Row{Path: "people/Ana Ruiz.md", Props: map[string]Value{"role": String("author")}}
	for _, c := range []struct{ expr, want string }{
		// literals, names, namespaces
		{`"text"`, "text"}, {`'single'`, "single"}, {`12.5`, "12.5"}, {`true`, "true"}, {`null`, ""},
		{`status`, "reading"}, {`note.status`, "reading"}, {`missing`, ""},
		{`file.name`, "Tidal Atlas"}, {`file.basename`, "Tidal Atlas"}, {`file.path`, "books/Tidal Atlas.md"},
		{`file.folder`, "books"}, {`file.ext`, "md"}, {`file.size`, "2048"},
		{`file.mtime`, "2026-11-30 12:00"}, {`file.tags`, "book, sea/tides"}, {`file.links`, "people/Ana Ruiz.md, Moon, img/tide.png"},
		{`file.embeds`, "img/tide.png"}, {`file.properties.length`, "7"}, {`file.properties.contains("pages")`, "true"},
		{`file.properties[0]`, "author"}, {`file.backlinks.length`, "0"}, // backlinks: TestEval_Backlinks
		{`this.role`, "author"}, {`this.file.name`, "Ana Ruiz"},
		// operators
		{`pages - read`, "240"}, {`read / pages * 100`, "25"}, {`pages % 7`, "5"}, {`-read`, "-80"},
		{`"p." + pages`, "p.320"}, {`read / 0`, ""},
		{`pages > 300 && status == "reading"`, "true"}, {`pages < 100 || finished`, "false"},
		{`!finished`, "true"}, {`not finished`, "true"}, {`pages >= 320 and read <= 80`, "true"}, {`status != "done"`, "true"},
		{`(1 + 2) * 3`, "9"}, {`genres[1]`, "history"}, {`genres[-1]`, "history"}, {`[1, 2, 3][0]`, "1"},
		// file functions
		{`file.hasTag("book")`, "true"}, {`file.hasTag("sea")`, "true"}, {`file.hasTag("#SEA/TIDES")`, "true"}, {`file.hasTag("tide")`, "false"},
		{`file.inFolder("books")`, "true"}, {`file.inFolder("book")`, "false"},
		{`file.hasLink("Ana Ruiz")`, "true"}, {`file.hasLink(link("people/Ana Ruiz.md"))`, "true"}, {`file.hasLink("Sun")`, "false"},
		{`file.hasProperty("pages")`, "true"}, {`file.hasProperty("isbn")`, "false"},
		{`author == link("Ana Ruiz")`, "true"}, {`author == this.file.file`, "true"},
		// text methods
		{`status.contains("ead")`, "true"}, {`status.startsWith("Re")`, "true"}, {`status.endsWith("ing")`, "true"},
		{`status.upper()`, "READING"}, {`"A b".lower()`, "a b"}, {`" x ".trim()`, "x"}, {`status.length`, "7"},
		{`"a-b-c".split("-")`, "a, b, c"}, {`"a-b".replace("-", "+")`, "a+b"}, {`status.slice(0, 4)`, "read"},
		{`"tidal atlas".title()`, "Tidal Atlas"}, {`"T42".matches("^T[0-9]+$")`, "true"}, {`"".isEmpty()`, "true"},
		// list methods
		{`genres.contains("history")`, "true"}, {`genres.containsAny("art", "science")`, "true"},
		{`genres.containsAll("science", "art")`, "false"}, {`genres.length`, "2"}, {`genres.join(" / ")`, "science / history"},
		{`genres.reverse()`, "history, science"}, {`genres.sort()`, "history, science"}, {`list(1, 1, 2).unique()`, "1, 2"},
		{`list(status)`, "reading"}, {`list(genres).length`, "2"}, {`[[1, 2], [3]].flat()`, "1, 2, 3"}, {`missing.isEmpty()`, "true"},
		{`genres.map(value.upper())`, "SCIENCE, HISTORY"}, {`genres.map(index)`, "0, 1"},
		{`[1, 2, 3, 4].filter(value % 2 == 0)`, "2, 4"}, {`genres.filter(value.startsWith("h")).length`, "1"},
		{`[[1, 2], [3]].map(value.map(value * 10)).flat()`, "10, 20, 30"}, // an inner value is the inner item
		{`[1, 2].map(value + pages)`, "321, 322"}, {`value`, ""},          // outside map(), value is a property
		{`missing.map(value)`, ""},
		// numbers
		{`(read / 3).round(1)`, "26.7"}, {`(read / 3).toFixed(2)`, "26.67"}, {`(-3.5).abs()`, "3.5"},
		{`(2.2).floor()`, "2"}, {`(2.2).ceil()`, "3"}, {`number("42") + 1`, "43"}, {`max(3, pages, 7)`, "320"}, {`min(genres)`, "history"},
		// dates and durations
		{`date("2026-01-31")`, "2026-01-31"}, {`date("2026-01-31") + "1 month"`, "2026-03-03"}, {`started + "2w"`, "2026-11-15"},
		{`today()`, "2026-12-07"}, {`now()`, "2026-12-07 09:30"}, {`today() - "1 day"`, "2026-12-06"},
		{`started < today()`, "true"}, {`file.mtime > now() - "1 week"`, "true"}, {`file.mtime > now() - "3 days"`, "false"},
		{`started.year`, "2026"}, {`started.month`, "11"}, {`started.day`, "1"}, {`started.format("DD/MM/YYYY")`, "01/11/2026"},
		{`(today() - started) / duration("1d")`, "36"}, {`file.mtime.date()`, "2026-11-30"}, {`started > "2026-10-01"`, "true"},
		// if
		{`if(read > 50, "half", "start")`, "half"}, {`if(finished, "done")`, ""},
	} {
		n, err := compile(c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		e := &env{row: row(), this: this, done: map[string]Value{}, busy: map[string]bool{}, now: now}
		v, err := e.eval(n)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s = %q, want %q", c.expr, got, c.want)
		}
	}
}

// file.backlinks lists the notes linking to the row's note, each once, in path order.
func TestEval_Backlinks(t *testing.T) {
	v, err := vault.Load(fstest.MapFS{
		"b.md":     {Data: []byte("# B\n")},
		"a.md":     {Data: []byte("[[b]] and again [[b|B]]\n")},
		"z/c.md":   {Data: []byte("![[b]]\n")},
		"alone.md": {Data: []byte("[[a]]\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	for _, c := range []struct{ note, expr, want string }{
		{"b.md", "file.backlinks", "a.md, z/c.md"},
		{"a.md", "file.backlinks", "alone.md"},
		{"alone.md", "file.backlinks.length", "0"},
		{"z/c.md", "file.embeds", "b.md"},
	} {
		n, err := compile(c.expr)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		e := &env{row: RowOf(v, ix, ix.Note(c.note)), done: map[string]Value{}, busy: map[string]bool{}, now: now}
		got, err := e.eval(n)
		if err != nil || got.String() != c.want {
			t.Errorf("%s of %s = %q (%v), want %q", c.expr, c.note, got.String(), err, c.want)
		}
	}
}

func TestCompile_SaysWhatIsWrong(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{`file.hasTg("x")`, "unknown function hasTg()"},
		{`frobnicate(1)`, "unknown function frobnicate()"},
		{`status ==`, "ends too soon"},
		{`"open`, "not closed"},
		{`a # b`, `unexpected "#"`},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100), "nests more than"},
		{strings.Repeat("!", 100) + "x", "nests more than"},
	} {
		_, err := compile(c.expr)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.30s: %v, want %q", c.expr, err, c.want)
		}
	}
}

const bookBase = `filters:
  and:
    - file.inFolder("books")
    - 'status != "abandoned"'
formulas:
  progress: 'if(pages > 0, (read / pages * 100).round(0), 0)'
  loop: 'formula.loop + 1'
properties:
  formula.progress:
    displayName: Progress (%)
views:
  - type: table
    name: Reading
    filters:
      or:
        - status == "reading"
        - file.hasTag("favourite")
    order:
      - file.name
      - status
      - formula.progress
    sort:
      - property: formula.progress
        direction: DESC
  - type: cards
    name: All books
    limit: 2
    order: [file.name, formula.loop]
  - type: map
    name: Where
  - type: table
    name: Broken
    filters: 'nosuch(1)'
`

func TestBase_ParseAndRun(t *testing.T) {
	b, problems, err := Parse([]byte(bookBase))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{`line 29: view "Where" is a "map" view, shown as a table`, `line 33: filter "nosuch(1)": unknown function nosuch()`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(b.Views) != 4 || b.Views[0].Name != "Reading" || b.Views[1].Type != "cards" || b.Views[1].Limit != 2 {
		t.Fatalf("views %+v", b.Views)
	}
	// The map view keeps its place and name, as a table: its notes still show.
	if w := b.Views[2]; w.Name != "Where" || w.Type != "table" {
		t.Errorf("the map view is %q of type %q, want \"Where\" as a table", w.Name, w.Type)
	}
	mk := func(p, status string, pages, read float64, tags ...string) *Row {
		return &Row{Path: p, Tags: tags, Props: map[string]Value{"status": String(status), "pages": Number(pages), "read": Number(read)}}
	}
	rows := []*Row{
		mk("books/A.md", "reading", 100, 50),
		mk("books/B.md", "done", 200, 200, "favourite"),
		mk("books/C.md", "reading", 300, 30),
		mk("books/D.md", "abandoned", 100, 10, "favourite"),
		mk("notes/E.md", "reading", 10, 10),
	}
	v, _ := b.View("reading")
	tab := b.Run(v, rows, nil, now)
	if len(tab.Columns) != 3 || tab.Columns[2].Name != "Progress (%)" || tab.Columns[0].Name != "Name" || tab.Columns[1].Name != "status" {
		t.Errorf("columns %+v", tab.Columns)
	}
	var lines []string
	for _, r := range tab.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.String())
		}
		lines = append(lines, strings.Join(cells, " | "))
	}
	if got := strings.Join(lines, "\n"); got != "B | done | 100\nA | reading | 50\nC | reading | 10" {
		t.Errorf("Reading view:\n%s", got)
	}
	all, _ := b.View("All books")
	tab = b.Run(all, rows, nil, now)
	if tab.Total != 3 || len(tab.Rows) != 2 || len(tab.Problems) != 1 || !strings.Contains(tab.Problems[0], "uses itself") {
		t.Errorf("All books: %d of %d rows, problems %q", len(tab.Rows), tab.Total, tab.Problems)
	}
}

func TestParse_BadFiles(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"views: [\n  {type: table\n", "not YAML"},
		{"- a\n- b\n", "a base is a mapping"},
		{"views: 3\n", ""},
		{strings.Repeat("#", MaxSize+1), "are not read"},
	} {
		_, problems, err := Parse([]byte(c.src))
		switch {
		case c.want == "" && (err != nil || len(problems) != 1):
			t.Errorf("%.20q: %v %v, want one problem", c.src, err, problems)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%.20q: %v, want %q", c.src, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(bookBase))
	f.Add([]byte("filters: 'a.b(c)[d] + -e'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, _, err := Parse(data)
		if err != nil {
			return
		}
		r := row()
		for _, v := range b.Views {
			b.Run(v, []*Row{r, r}, r, now)
		}
	})
}

func FuzzExpr(f *testing.F) {
	for _, s := range []string{`pages > 300 && status == "reading"`, `genres.join(" / ")`, `if(a, [1,2][0], date("2026-01-01") + "1 month")`, `"x".split("").flat()`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := compile(src)
		if err != nil {
			return
		}
		e := &env{row: row(), this: row(), done: map[string]Value{}, busy: map[string]bool{}, now: now}
		e.eval(n)
	})
}

// A note whose frontmatter is not YAML still gets a row: its properties as the index read
// them, its title.
func TestRowOf_BrokenFrontmatter(t *testing.T) {
	v, err := vault.Load(fstest.MapFS{
		"bad.md":  {Data: []byte("---\ntitle: [unclosed\nstatus: x\n---\nBody.\n")},
		"good.md": {Data: []byte("---\npages: 12\ndone: true\nwhen: 2026-01-02\nwho: \"[[Ana]]\"\nlist: [a, b]\n---\nBody.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := Rows(v, v.Index())
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.Path == "bad.md" && r.Props["title"].String() == "" {
			t.Errorf("bad.md: %v", r.Props)
		}
		if r.Path == "good.md" {
			p := r.Props
			if p["pages"].Kind != KindNumber || p["done"].Kind != KindBool || p["when"].Kind != KindDate ||
				p["who"].Kind != KindLink || p["list"].Kind != KindList || p["list"].String() != "a, b" {
				t.Errorf("good.md typed as %+v", p)
			}
		}
	}
}

// A new snapshot reads again only the notes that changed: the others keep their typed
// properties, and every row sees the new snapshot's links.
func TestRows_ANewSnapshotReadsOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "---\npages: 1\n---\nSee [[c]].\n")
	write("b.md", "---\npages: 2\n---\nB.\n")
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	first := Rows(v, v.Index())
	write("b.md", "---\npages: 20\n---\nB.\n")
	write("c.md", "# C\n")
	ix := v.Update("b.md", "c.md")
	byPath := func(rows []*Row) map[string]*Row {
		m := map[string]*Row{}
		for _, r := range rows {
			m[r.Path] = r
		}
		return m
	}
	old, now := byPath(first), byPath(Rows(v, ix))
	if got := now["b.md"].Props["pages"].String(); got != "20" {
		t.Errorf("the changed note reads pages %s, want 20", got)
	}
	if fmt.Sprintf("%p", now["a.md"].Props) != fmt.Sprintf("%p", old["a.md"].Props) {
		t.Error("the unchanged note's properties were read again")
	}
	if got := now["a.md"].Links; len(got) != 1 || got[0] != "c.md" {
		t.Errorf("a.md links to %q in the new snapshot, want c.md (written since)", got)
	}
}
