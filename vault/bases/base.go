// Package bases reads Obsidian's Bases: `.base` files (YAML) that define views of the notes
// of a vault (tables and cards) by filters, formulas and properties, in Obsidian's
// expression language (expr.go, eval.go). It reads only; what it cannot use it reports with
// its line, and the rest still shows (docs/FORMAT.md §8).
package bases

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// MaxSize is the largest .base file read.
const MaxSize = 1 << 20

// Base is a parsed .base file.
type Base struct {
	// filter applies to every view; nil for none.
	filter *Filter
	// formulas by name, and their names in the order written.
	formulas map[string]node
	Formulas []string
	// Names are the properties' display names (`properties: {status: {displayName: …}}`).
	Names map[string]string
	Views []View
}

// View is one view of a base.
type View struct {
	Type, Name string
	filter     *Filter
	// Order is the columns (property keys: status, file.name, formula.x), in order.
	Order []string
	Sort  []Sort
	// GroupBy, when its Property is set, puts the rows in groups of one value of it, the
	// groups in its direction, the rows sorted within them.
	GroupBy Sort
	// Summaries are the summary (Average, Sum, …) shown under a column, by its key.
	Summaries map[string]string
	Limit     int
	Line      int
}

// Sort is one sort key of a view.
type Sort struct {
	Property string
	Desc     bool
}

// Filter is a condition: an expression, or and/or/not of filters.
type Filter struct {
	op   string // "expr", "and", "or", "not"
	expr node
	kids []*Filter
}

// Problem is something of the file that could not be used, with its 1-based line.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Message) }

// Parse reads a .base file. Bad YAML is an error with its line; a filter, formula or view
// that cannot be used is left out and reported.
func Parse(data []byte) (*Base, []Problem, error) {
	if len(data) > MaxSize {
		return nil, nil, fmt.Errorf("the file is %d KB: bases over %d KB are not read", len(data)>>10, MaxSize>>10)
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if err.Error() == "EOF" {
			return &Base{formulas: map[string]node{}, Names: map[string]string{}}, nil, nil
		}
		return nil, nil, fmt.Errorf("not YAML: %v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	b := &Base{formulas: map[string]node{}, Names: map[string]string{}}
	var problems []Problem
	bad := func(n *yaml.Node, format string, args ...any) {
		problems = append(problems, Problem{n.Line, fmt.Sprintf(format, args...)})
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("line %d: a base is a mapping of filters, formulas, properties and views", doc.Line)
	}
	for k, v := range pairs(doc) {
		switch k.Value {
		case "filters":
			b.filter = parseFilter(v, bad, 0)
		case "formulas":
			if v.Kind != yaml.MappingNode {
				bad(v, "formulas should be a mapping of names to expressions")
				continue
			}
			for name, f := range pairs(v) {
				n, err := compile(scalar(f))
				if err != nil {
					bad(f, "formula %s: %v", name.Value, err)
					continue
				}
				b.formulas[name.Value] = n
				b.Formulas = append(b.Formulas, name.Value)
			}
		case "properties":
			for name, p := range pairs(v) {
				for key, val := range pairs(p) {
					if key.Value == "displayName" {
						b.Names[name.Value] = val.Value
					}
				}
			}
		case "views":
			if v.Kind != yaml.SequenceNode {
				bad(v, "views should be a list")
				continue
			}
			for _, vn := range v.Content {
				if view, ok := parseView(vn, bad); ok {
					b.Views = append(b.Views, view)
				}
			}
		}
	}
	if len(b.Views) == 0 {
		b.Views = []View{{Type: "table", Name: "Table"}}
	}
	return b, problems, nil
}

// pairs walks a mapping node's keys and values; nothing for any other node.
func pairs(n *yaml.Node) func(yield func(k, v *yaml.Node) bool) {
	return func(yield func(k, v *yaml.Node) bool) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i], n.Content[i+1]) {
				return
			}
		}
	}
}

// scalar is a scalar node's text ("" for another kind).
func scalar(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// maxFilterDepth bounds how deeply filters nest.
const maxFilterDepth = 32

func parseFilter(n *yaml.Node, bad func(*yaml.Node, string, ...any), depth int) *Filter {
	if depth > maxFilterDepth {
		bad(n, "filters nest more than %d deep", maxFilterDepth)
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) == "" {
			return nil
		}
		x, err := compile(n.Value)
		if err != nil {
			bad(n, "filter %q: %v", n.Value, err)
			return nil
		}
		return &Filter{op: "expr", expr: x}
	case yaml.MappingNode:
		for k, v := range pairs(n) {
			op := k.Value
			if op != "and" && op != "or" && op != "not" {
				bad(k, "a filter is and, or or not, not %q", op)
				return nil
			}
			f := &Filter{op: op}
			items := v.Content
			if v.Kind != yaml.SequenceNode {
				items = []*yaml.Node{v}
			}
			for _, it := range items {
				if kid := parseFilter(it, bad, depth+1); kid != nil {
					f.kids = append(f.kids, kid)
				}
			}
			return f
		}
	}
	bad(n, "a filter should be an expression or and/or/not of filters")
	return nil
}

func parseView(n *yaml.Node, bad func(*yaml.Node, string, ...any)) (View, bool) {
	v := View{Line: n.Line}
	for k, val := range pairs(n) {
		switch k.Value {
		case "type":
			v.Type = val.Value
		case "name":
			v.Name = val.Value
		case "filters":
			v.filter = parseFilter(val, bad, 0)
		case "order":
			for _, c := range val.Content {
				v.Order = append(v.Order, c.Value)
			}
		case "limit":
			fmt.Sscan(val.Value, &v.Limit)
		case "groupBy":
			for gk, gv := range pairs(val) {
				switch gk.Value {
				case "property":
					v.GroupBy.Property = gv.Value
				case "direction":
					v.GroupBy.Desc = strings.EqualFold(gv.Value, "DESC")
				}
			}
			if v.GroupBy.Property == "" {
				bad(val, "groupBy needs a property")
			}
		case "summaries":
			for sk, sv := range pairs(val) {
				if summaries[sv.Value] == nil {
					bad(sv, "summary %q of %s is not one of %s", sv.Value, sk.Value, summaryNames())
					continue
				}
				if v.Summaries == nil {
					v.Summaries = map[string]string{}
				}
				v.Summaries[sk.Value] = sv.Value
			}
		case "sort":
			for _, s := range val.Content {
				var key Sort
				for sk, sv := range pairs(s) {
					switch sk.Value {
					case "property":
						key.Property = sv.Value
					case "direction":
						key.Desc = strings.EqualFold(sv.Value, "DESC")
					}
				}
				if key.Property != "" {
					v.Sort = append(v.Sort, key)
				}
			}
		}
	}
	if v.Type == "" {
		bad(n, "a view without a type")
		return v, false
	}
	if v.Name == "" {
		v.Name = strings.ToUpper(v.Type[:1]) + v.Type[1:]
	}
	switch v.Type {
	case "table", "cards", "list":
	default:
		// A map, or a plugin's view: its notes (its own filters, sort and columns) still
		// show, as a table, under its own name, and the base says why it is a table.
		bad(n, "view %q is a %q view, shown as a table", v.Name, v.Type)
		v.Type = "table"
	}
	return v, true
}

// View returns the view called name (without regard to case), or the first for "".
func (b *Base) View(name string) (View, bool) {
	for _, v := range b.Views {
		if name == "" || strings.EqualFold(v.Name, name) {
			return v, true
		}
	}
	return View{}, false
}

// Table is a view's result: its columns and the rows that pass its filters, sorted.
type Table struct {
	// Type is the view's: "table", "cards" or "list".
	Type    string
	Columns []Column
	Rows    []TableRow
	// Total counts the rows before the view's limit.
	Total int
	// Problems are what went wrong evaluating, once per message.
	Problems []string
	// Grouped is set when the rows are in groups (TableRow.Group), named GroupName.
	Grouped   bool
	GroupName string
	// Summaries are the summaries under the columns, as "Average: 42" ("" for none).
	Summaries []string
}

// Column is one column: its key (file.name, status, formula.x) and the name it shows.
type Column struct{ Key, Name string }

// TableRow is one note of a table and its cells, and the group it is in.
type TableRow struct {
	Path  string
	Cells []Value
	Group Value
}

// maxRowProblems bounds the messages one run keeps.
const maxRowProblems = 5

// Run evaluates view v over rows; this is the note the base is embedded in (nil for none),
// now the time now() and today() give.
func (b *Base) Run(v View, rows []*Row, this *Row, now time.Time) Table {
	t := Table{Type: v.Type}
	order := v.Order
	if len(order) == 0 {
		order = []string{"file.name"}
	}
	for _, key := range order {
		t.Columns = append(t.Columns, Column{Key: key, Name: b.columnName(key)})
	}
	seen := map[string]bool{}
	problem := func(err error) {
		if m := err.Error(); !seen[m] && len(t.Problems) < maxRowProblems {
			seen[m] = true
			t.Problems = append(t.Problems, m)
		}
	}
	cols := make([]node, len(order))
	for i, key := range order {
		n, err := compile(key)
		if err != nil {
			problem(fmt.Errorf("column %s: %v", key, err))
			n = litNode{Null}
		}
		cols[i] = n
	}
	sorts := make([]node, len(v.Sort))
	for i, s := range v.Sort {
		n, err := compile(s.Property)
		if err != nil {
			problem(fmt.Errorf("sort by %s: %v", s.Property, err))
			n = litNode{Null}
		}
		sorts[i] = n
	}
	var group node
	if v.GroupBy.Property != "" {
		n, err := compile(v.GroupBy.Property)
		if err != nil {
			problem(fmt.Errorf("group by %s: %v", v.GroupBy.Property, err))
			n = litNode{Null}
		}
		group = n
		t.Grouped, t.GroupName = true, b.columnName(v.GroupBy.Property)
	}
	type kept struct {
		row  TableRow
		keys []Value
	}
	var out []kept
	for _, r := range rows {
		e := &env{row: r, this: this, formulas: b.formulas, done: map[string]Value{}, busy: map[string]bool{}, now: now}
		pass := true
		for _, f := range []*Filter{b.filter, v.filter} {
			ok, err := e.test(f)
			if err != nil {
				problem(err)
			}
			pass = pass && ok && err == nil
		}
		if !pass {
			continue
		}
		k := kept{row: TableRow{Path: r.Path, Cells: make([]Value, len(cols))}}
		for i, c := range cols {
			val, err := e.eval(c)
			if err != nil {
				problem(err)
			}
			k.row.Cells[i] = val
		}
		for _, s := range sorts {
			val, _ := e.eval(s)
			k.keys = append(k.keys, val)
		}
		if group != nil {
			k.row.Group, _ = e.eval(group)
		}
		out = append(out, k)
	}
	slices.SortStableFunc(out, func(a, b kept) int {
		if group != nil {
			// Groups first, empty values last whatever the direction.
			ae, be := isEmpty(a.row.Group), isEmpty(b.row.Group)
			if ae != be {
				if ae {
					return 1
				}
				return -1
			}
			c, _ := Compare(a.row.Group, b.row.Group)
			if v.GroupBy.Desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		for i, s := range v.Sort {
			c, _ := Compare(a.keys[i], b.keys[i])
			if s.Desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	t.Total = len(out)
	if v.Limit > 0 && len(out) > v.Limit {
		out = out[:v.Limit]
	}
	for _, k := range out {
		t.Rows = append(t.Rows, k.row)
	}
	if len(v.Summaries) > 0 {
		t.Summaries = make([]string, len(t.Columns))
		for i, c := range t.Columns {
			name := v.Summaries[c.Key]
			if name == "" {
				continue
			}
			vals := make([]Value, len(t.Rows))
			for r, row := range t.Rows {
				vals[r] = row.Cells[i]
			}
			t.Summaries[i] = name + ": " + summaries[name](vals).String()
		}
	}
	return t
}

// columnName is the name a property shows under: its displayName, else its key.
func (b *Base) columnName(key string) string {
	if name := b.Names[key]; name != "" {
		return name
	}
	name := strings.TrimPrefix(strings.TrimPrefix(key, "note."), "formula.")
	if name == "file.name" {
		name = "Name"
	}
	return name
}

// test evaluates a filter; nil passes everything.
func (e *env) test(f *Filter) (bool, error) {
	if f == nil {
		return true, nil
	}
	switch f.op {
	case "expr":
		v, err := e.eval(f.expr)
		return v.Truthy(), err
	case "and":
		for _, k := range f.kids {
			if ok, err := e.test(k); !ok || err != nil {
				return false, err
			}
		}
		return true, nil
	case "or":
		for _, k := range f.kids {
			if ok, err := e.test(k); ok || err != nil {
				return ok, err
			}
		}
		return len(f.kids) == 0, nil
	case "not":
		for _, k := range f.kids {
			if ok, err := e.test(k); ok || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	return false, fmt.Errorf("unknown filter %q", f.op)
}
