package bases

import (
	"strings"
	"testing"
	"time"
)

const groupBase = `views:
  - type: table
    name: By status
    order: [file.name, pages, started, finished, status]
    groupBy:
      property: status
      direction: DESC
    sort:
      - property: pages
    summaries:
      pages: Average
      started: Earliest
      finished: Checked
      status: Unique
  - type: table
    name: Every summary
    order: [pages]
    summaries: {pages: Nonsense}
  - type: table
    name: No property
    groupBy: {direction: ASC}
`

// groupBy puts rows in groups of one value (in its direction, empty values last), sorted
// within them; summaries sum up each column over the rows shown.
func TestRun_GroupsAndSummaries(t *testing.T) {
	b, problems, err := Parse([]byte(groupBase))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.String())
	}
	if got := strings.Join(msgs, "\n"); !strings.Contains(got, `line 18: summary "Nonsense" of pages is not one of Average,`) ||
		!strings.Contains(got, "line 21: groupBy needs a property") {
		t.Errorf("problems:\n%s", got)
	}
	day := func(d int) Value {
		return Value{Kind: KindDate, t: time.Date(2026, 11, d, 0, 0, 0, 0, time.Local), dateOnly: true}
	}
	mk := func(name string, status Value, pages float64, started Value, finished bool) *Row {
		return &Row{Path: "books/" + name + ".md", Props: map[string]Value{
			"status": status, "pages": Number(pages), "started": started, "finished": Bool(finished)}}
	}
	rows := []*Row{
		mk("A", String("reading"), 300, day(3), false),
		mk("B", String("done"), 100, day(1), true),
		mk("C", Null, 50, Null, false),
		mk("D", String("reading"), 120, day(9), true),
		mk("E", String("done"), 90, day(5), true),
	}
	v, _ := b.View("By status")
	tab := b.Run(v, rows, nil, now)
	var got []string
	for _, r := range tab.Rows {
		got = append(got, r.Group.String()+":"+r.Cells[0].String())
	}
	if strings.Join(got, " ") != "reading:D reading:A done:E done:B :C" {
		t.Errorf("grouped rows: %s", strings.Join(got, " "))
	}
	if !tab.Grouped || tab.GroupName != "status" {
		t.Errorf("grouped %v by %q", tab.Grouped, tab.GroupName)
	}
	want := []string{"", "Average: 132", "Earliest: 2026-11-01", "Checked: 3", "Unique: 2"}
	if strings.Join(tab.Summaries, "|") != strings.Join(want, "|") {
		t.Errorf("summaries %q, want %q", tab.Summaries, want)
	}
}

func TestSummaries(t *testing.T) {
	nums := []Value{Number(4), Number(1), Null, Number(7), String(""), Number(4)}
	dates := []Value{
		Value{Kind: KindDate, t: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), dateOnly: true},
		Null,
		Value{Kind: KindDate, t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), dateOnly: true},
	}
	for _, c := range []struct {
		name string
		vals []Value
		want string
	}{
		{"Average", nums, "4"}, {"Sum", nums, "16"}, {"Min", nums, "1"}, {"Max", nums, "7"},
		{"Median", nums, "4"}, {"Median", []Value{Number(1), Number(2)}, "1.5"}, {"Stddev", nums, "2.12"},
		{"Range", nums, "6"}, {"Range", dates, "9 days"}, {"Earliest", dates, "2026-01-01"}, {"Latest", dates, "2026-01-10"},
		{"Checked", []Value{Bool(true), Bool(false), Null, Bool(true)}, "2"},
		{"Unchecked", []Value{Bool(true), Bool(false), Null}, "1"},
		{"Empty", nums, "2"}, {"Filled", nums, "4"}, {"Unique", nums, "3"},
		{"Average", []Value{Null, String("x")}, ""},
	} {
		if got := summaries[c.name](c.vals).String(); got != c.want {
			t.Errorf("%s = %q, want %q", c.name, got, c.want)
		}
	}
}
