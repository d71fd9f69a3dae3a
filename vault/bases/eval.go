package bases

import (
	"errors"
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"vaultview/vault"
)

// Row is one note as a base sees it: its file's fields and its properties, typed.
type Row struct {
	Path  string
	Size  int64
	MTime time.Time
	// Tags are without `#`; Links are the vault paths (or, unresolved, the names) the note
	// links to, Embeds those it embeds.
	Tags, Links, Embeds []string
	Props               map[string]Value
	// ix is the snapshot the row was read from, for file.backlinks; nil has none.
	ix *vault.Index
}

// Name is the file's name without its extension; Folder its folder ("" at the top).
func (r *Row) Name() string { return strings.TrimSuffix(path.Base(r.Path), path.Ext(r.Path)) }

func (r *Row) Folder() string {
	if d := path.Dir(r.Path); d != "." {
		return d
	}
	return ""
}

// functions are the functions a base may call; methods the methods of a value, of file,
// and of a date.
var (
	functions = setOf("if", "list", "$list", "link", "date", "now", "today", "number", "max", "min", "duration")
	methods   = setOf("contains", "containsAny", "containsAll", "startsWith", "endsWith", "lower", "upper",
		"trim", "isEmpty", "length", "join", "toString", "abs", "round", "floor", "ceil", "toFixed", "split",
		"replace", "slice", "reverse", "sort", "unique", "hasTag", "inFolder", "hasLink", "hasProperty",
		"format", "date", "year", "month", "day", "matches", "title", "flat", "isTruthy", "map", "filter")
)

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// check reports the first function or method n calls that the language does not have.
func check(n node) error {
	switch n := n.(type) {
	case callNode:
		switch fn := n.fn.(type) {
		case nameNode:
			if !functions[fn.name] {
				return fmt.Errorf("unknown function %s()", fn.name)
			}
		case memberNode:
			if !methods[fn.name] {
				return fmt.Errorf("unknown function %s()", fn.name)
			}
			if err := check(fn.x); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s is not a function", n.fn)
		}
		for _, a := range n.args {
			if err := check(a); err != nil {
				return err
			}
		}
	case memberNode:
		return check(n.x)
	case indexNode:
		if err := check(n.x); err != nil {
			return err
		}
		return check(n.i)
	case unaryNode:
		return check(n.x)
	case binaryNode:
		if err := check(n.l); err != nil {
			return err
		}
		return check(n.r)
	}
	return nil
}

// compile parses and checks an expression.
func compile(src string) (node, error) {
	n, err := parseExpr(src)
	if err != nil {
		return nil, err
	}
	return n, check(n)
}

// env evaluates expressions for one row.
type env struct {
	row, this *Row
	formulas  map[string]node
	done      map[string]Value
	busy      map[string]bool
	now       time.Time
	steps     int
	// item is the list item a map() or filter() expression is evaluated for: `value` and
	// `index` name it there (nil elsewhere).
	item *listItem
}

// listItem is one item of a list being mapped or filtered, and its place in the list.
type listItem struct {
	value Value
	index int
}

// maxSteps bounds the work of one row's expressions: a formula cannot make a view hang.
const maxSteps = 100_000

// maxList bounds the lists an expression makes.
const maxList = 10_000

var errTooMuch = errors.New("the expression does too much work")

func (e *env) eval(n node) (Value, error) {
	if e.steps++; e.steps > maxSteps {
		return Null, errTooMuch
	}
	switch n := n.(type) {
	case litNode:
		return n.v, nil
	case nameNode:
		switch n.name {
		case "file", "note", "formula", "this":
			return Null, fmt.Errorf("%s needs a field after it (%s.name)", n.name, n.name)
		case "value", "index":
			if e.item != nil {
				if n.name == "index" {
					return Number(float64(e.item.index)), nil
				}
				return e.item.value, nil
			}
		}
		return e.row.Props[n.name], nil
	case memberNode:
		return e.member(n)
	case indexNode:
		x, err := e.eval(n.x)
		if err != nil {
			return Null, err
		}
		i, err := e.eval(n.i)
		if err != nil {
			return Null, err
		}
		if x.Kind == KindNull {
			return Null, nil
		}
		if f, ok := i.Number(); ok && i.Kind == KindNumber {
			items := x.Items()
			k := int(f)
			if k < 0 {
				k += len(items)
			}
			if k >= 0 && k < len(items) {
				return items[k], nil
			}
		}
		return Null, nil
	case unaryNode:
		x, err := e.eval(n.x)
		if err != nil {
			return Null, err
		}
		if n.op == "!" {
			return Bool(!x.Truthy()), nil
		}
		f, ok := x.Number()
		if !ok {
			return Null, nil
		}
		return Number(-f), nil
	case binaryNode:
		return e.binary(n)
	case callNode:
		return e.call(n)
	}
	return Null, fmt.Errorf("cannot evaluate %s", n)
}

// member evaluates x.name: a field of file, note, formula or this, or of a value.
func (e *env) member(n memberNode) (Value, error) {
	if ns, ok := n.x.(nameNode); ok {
		switch ns.name {
		case "file":
			return fileField(e.row, n.name)
		case "note":
			return e.row.Props[n.name], nil
		case "formula":
			return e.formula(n.name)
		case "this":
			if e.this == nil {
				return Null, nil
			}
			sub := &env{row: e.this, formulas: e.formulas, done: map[string]Value{}, busy: map[string]bool{}, now: e.now, steps: e.steps}
			v, err := sub.eval(nameNode{n.name})
			e.steps = sub.steps
			return v, err
		}
	}
	if inner, ok := n.x.(memberNode); ok {
		if ns, ok := inner.x.(nameNode); ok && ns.name == "this" && e.this != nil {
			sub := &env{row: e.this, formulas: e.formulas, done: map[string]Value{}, busy: map[string]bool{}, now: e.now, steps: e.steps}
			v, err := sub.eval(memberNode{nameNode{inner.name}, n.name})
			e.steps = sub.steps
			return v, err
		}
	}
	x, err := e.eval(n.x)
	if err != nil {
		return Null, err
	}
	return e.method(x, n.name, nil)
}

// fileField is a field of a note's file.
func fileField(r *Row, name string) (Value, error) {
	switch name {
	case "name", "basename":
		return String(r.Name()), nil
	case "path":
		return String(r.Path), nil
	case "folder":
		return String(r.Folder()), nil
	case "ext":
		return String(strings.TrimPrefix(path.Ext(r.Path), ".")), nil
	case "size":
		return Number(float64(r.Size)), nil
	case "mtime", "ctime":
		return Date(r.MTime), nil
	case "tags":
		return stringList(r.Tags), nil
	case "links":
		return linkList(r.Links), nil
	case "embeds":
		return linkList(r.Embeds), nil
	case "backlinks":
		// The notes that link to this one, each once, in path order.
		var from []string
		if r.ix != nil {
			for _, b := range r.ix.Backlinks(r.Path) {
				if p := b.Source.Path; len(from) == 0 || from[len(from)-1] != p {
					from = append(from, p)
				}
				if len(from) == maxList {
					break
				}
			}
		}
		return linkList(from), nil
	case "properties":
		// The names of the note's properties, sorted: Vaultview has no object values, so
		// file.properties.length and file.properties.contains("x") work, and note.x reads one.
		names := make([]string, 0, len(r.Props))
		for k := range r.Props {
			names = append(names, k)
		}
		sort.Strings(names)
		return stringList(names), nil
	case "file":
		return Link(r.Path), nil
	}
	return Null, fmt.Errorf("file has no field %q", name)
}

func linkList(paths []string) Value {
	l := make([]Value, len(paths))
	for i, p := range paths {
		l[i] = Link(p)
	}
	return List(l)
}

func stringList(s []string) Value {
	l := make([]Value, len(s))
	for i, x := range s {
		l[i] = String(x)
	}
	return List(l)
}

// formula evaluates the formula called name for the row, once.
func (e *env) formula(name string) (Value, error) {
	if v, ok := e.done[name]; ok {
		return v, nil
	}
	f, ok := e.formulas[name]
	if !ok {
		return Null, fmt.Errorf("no formula is called %q", name)
	}
	if e.busy[name] {
		return Null, fmt.Errorf("the formula %q uses itself", name)
	}
	e.busy[name] = true
	v, err := e.eval(f)
	delete(e.busy, name)
	if err != nil {
		return Null, err
	}
	e.done[name] = v
	return v, nil
}

func (e *env) binary(n binaryNode) (Value, error) {
	l, err := e.eval(n.l)
	if err != nil {
		return Null, err
	}
	switch n.op {
	case "&&":
		if !l.Truthy() {
			return Bool(false), nil
		}
		r, err := e.eval(n.r)
		return Bool(r.Truthy()), err
	case "||":
		if l.Truthy() {
			return Bool(true), nil
		}
		r, err := e.eval(n.r)
		return Bool(r.Truthy()), err
	}
	r, err := e.eval(n.r)
	if err != nil {
		return Null, err
	}
	switch n.op {
	case "==":
		return Bool(Equal(l, r)), nil
	case "!=":
		return Bool(!Equal(l, r)), nil
	case "<", "<=", ">", ">=":
		if l.Kind == KindDate && r.Kind == KindString {
			if d, ok := parseDate(r.s); ok {
				r = d
			}
		}
		c, ok := Compare(l, r)
		if !ok || l.Kind == KindNull || r.Kind == KindNull {
			return Bool(false), nil
		}
		return Bool(n.op == "<" && c < 0 || n.op == "<=" && c <= 0 || n.op == ">" && c > 0 || n.op == ">=" && c >= 0), nil
	}
	// Arithmetic: a date and a duration, numbers, or (with +) text.
	if l.Kind == KindDate && (n.op == "+" || n.op == "-") {
		if r.Kind == KindDate && n.op == "-" {
			return Number(float64(l.t.Sub(r.t).Milliseconds())), nil
		}
		if d, ok := parseDuration(r); ok {
			if n.op == "-" {
				d = d.neg()
			}
			return Value{Kind: KindDate, t: d.addTo(l.t), dateOnly: l.dateOnly}, nil
		}
		return Null, nil
	}
	x, okx := l.Number()
	y, oky := r.Number()
	if n.op == "+" && (l.Kind == KindString || r.Kind == KindString || !okx || !oky) {
		return String(l.String() + r.String()), nil
	}
	if !okx || !oky {
		return Null, nil
	}
	switch n.op {
	case "+":
		return Number(x + y), nil
	case "-":
		return Number(x - y), nil
	case "*":
		return Number(x * y), nil
	case "/":
		if y == 0 {
			return Null, nil
		}
		return Number(x / y), nil
	case "%":
		if y == 0 {
			return Null, nil
		}
		return Number(math.Mod(x, y)), nil
	}
	return Null, fmt.Errorf("unknown operator %s", n.op)
}

func (e *env) args(n callNode) ([]Value, error) {
	out := make([]Value, len(n.args))
	for i, a := range n.args {
		v, err := e.eval(a)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// mapList is list.map(expr) or list.filter(expr): expr evaluated for each item, `value`
// naming the item and `index` its place (from 0).
func (e *env) mapList(x Value, name string, args []node) (Value, error) {
	if len(args) != 1 {
		return Null, fmt.Errorf("%s() takes one expression of value (and index)", name)
	}
	if x.Kind == KindNull {
		return Null, nil
	}
	outer := e.item
	defer func() { e.item = outer }()
	items := x.Items()
	out := make([]Value, 0, len(items))
	for i, v := range items {
		e.item = &listItem{value: v, index: i}
		r, err := e.eval(args[0])
		if err != nil {
			return Null, err
		}
		switch {
		case name == "map":
			out = append(out, r)
		case r.Truthy():
			out = append(out, v)
		}
	}
	return List(out), nil
}

func (e *env) call(n callNode) (Value, error) {
	if m, ok := n.fn.(memberNode); ok {
		if ns, ok := m.x.(nameNode); ok && ns.name == "file" {
			args, err := e.args(n)
			if err != nil {
				return Null, err
			}
			return fileMethod(e.row, m.name, args)
		}
		x, err := e.eval(m.x)
		if err != nil {
			return Null, err
		}
		if m.name == "map" || m.name == "filter" {
			return e.mapList(x, m.name, n.args)
		}
		args, err := e.args(n)
		if err != nil {
			return Null, err
		}
		return e.method(x, m.name, args)
	}
	name := n.fn.(nameNode).name
	if name == "if" {
		if len(n.args) < 2 {
			return Null, errors.New("if() takes a condition, a value and maybe another")
		}
		c, err := e.eval(n.args[0])
		if err != nil {
			return Null, err
		}
		if c.Truthy() {
			return e.eval(n.args[1])
		}
		if len(n.args) > 2 {
			return e.eval(n.args[2])
		}
		return Null, nil
	}
	args, err := e.args(n)
	if err != nil {
		return Null, err
	}
	switch name {
	case "$list":
		return List(args), nil
	case "list":
		if len(args) == 1 {
			return List(args[0].Items()), nil
		}
		return List(args), nil
	case "link":
		if len(args) == 0 {
			return Null, errors.New("link() takes a path")
		}
		return Link(args[0].String()), nil
	case "date":
		if len(args) == 0 {
			return Null, errors.New("date() takes a date")
		}
		if args[0].Kind == KindDate {
			return args[0], nil
		}
		d, _ := parseDate(args[0].String())
		return d, nil
	case "now":
		return Date(e.now), nil
	case "today":
		y, m, d := e.now.Date()
		return Value{Kind: KindDate, t: time.Date(y, m, d, 0, 0, 0, 0, e.now.Location()), dateOnly: true}, nil
	case "number":
		if len(args) == 0 {
			return Null, nil
		}
		if args[0].Kind == KindDate {
			return Number(float64(args[0].t.UnixMilli())), nil
		}
		if f, ok := args[0].Number(); ok {
			return Number(f), nil
		}
		return Null, nil
	case "max", "min":
		var best Value
		for _, a := range args {
			for _, x := range a.Items() {
				if c, ok := Compare(x, best); best.Kind == KindNull || ok && (name == "max" && c > 0 || name == "min" && c < 0) {
					best = x
				}
			}
		}
		return best, nil
	case "duration":
		if len(args) == 0 {
			return Null, nil
		}
		if d, ok := parseDuration(args[0]); ok {
			return Number(float64(d.approx().Milliseconds())), nil
		}
		return Null, nil
	}
	return Null, fmt.Errorf("unknown function %s()", name)
}

// fileMethod is file.hasTag(…), file.inFolder(…), file.hasLink(…), file.hasProperty(…).
func fileMethod(r *Row, name string, args []Value) (Value, error) {
	if len(args) == 0 {
		return Null, fmt.Errorf("file.%s() takes an argument", name)
	}
	switch name {
	case "hasTag":
		for _, a := range args {
			want := strings.ToLower(strings.TrimPrefix(a.String(), "#"))
			for _, t := range r.Tags {
				t = strings.ToLower(t)
				if t == want || strings.HasPrefix(t, want+"/") {
					return Bool(true), nil
				}
			}
		}
		return Bool(false), nil
	case "inFolder":
		f := strings.Trim(args[0].String(), "/")
		return Bool(f == "" || r.Folder() == f || strings.HasPrefix(r.Folder(), f+"/")), nil
	case "hasLink":
		want := linkName(args[0].String())
		for _, l := range r.Links {
			if strings.EqualFold(linkName(l), want) {
				return Bool(true), nil
			}
		}
		return Bool(false), nil
	case "hasProperty":
		_, ok := r.Props[args[0].String()]
		return Bool(ok), nil
	}
	return Null, fmt.Errorf("file has no function %s()", name)
}

// method is x.name(args): of text, lists, numbers and dates.
func (e *env) method(x Value, name string, args []Value) (Value, error) {
	arg := func(i int) Value {
		if i < len(args) {
			return args[i]
		}
		return Null
	}
	if x.Kind == KindNull && name != "isEmpty" && name != "isTruthy" {
		return Null, nil
	}
	switch name {
	case "length":
		if x.Kind == KindList {
			return Number(float64(len(x.l))), nil
		}
		return Number(float64(len([]rune(x.String())))), nil
	case "isEmpty":
		return Bool(!x.Truthy() && x.Kind != KindBool && x.Kind != KindNumber), nil
	case "isTruthy":
		return Bool(x.Truthy()), nil
	case "contains", "containsAny", "containsAll":
		if len(args) == 0 {
			return Null, fmt.Errorf("%s() takes a value", name)
		}
		has := func(v Value) bool {
			if x.Kind == KindList {
				return slices.ContainsFunc(x.l, func(i Value) bool { return Equal(i, v) })
			}
			return strings.Contains(strings.ToLower(x.String()), strings.ToLower(v.String()))
		}
		var wants []Value
		for _, a := range args {
			if name == "contains" {
				wants = append(wants, a)
			} else {
				wants = append(wants, a.Items()...)
			}
		}
		any, all := false, true
		for _, w := range wants {
			if has(w) {
				any = true
			} else {
				all = false
			}
		}
		if name == "containsAll" {
			return Bool(all), nil
		}
		return Bool(any), nil
	case "startsWith":
		return Bool(strings.HasPrefix(strings.ToLower(x.String()), strings.ToLower(arg(0).String()))), nil
	case "endsWith":
		return Bool(strings.HasSuffix(strings.ToLower(x.String()), strings.ToLower(arg(0).String()))), nil
	case "lower":
		return String(strings.ToLower(x.String())), nil
	case "upper":
		return String(strings.ToUpper(x.String())), nil
	case "title":
		words := strings.Fields(x.String())
		for i, w := range words {
			r := []rune(w)
			words[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
		}
		return String(strings.Join(words, " ")), nil
	case "trim":
		return String(strings.TrimSpace(x.String())), nil
	case "toString":
		return String(x.String()), nil
	case "join":
		sep := ", "
		if len(args) > 0 {
			sep = args[0].String()
		}
		parts := make([]string, 0, len(x.Items()))
		for _, i := range x.Items() {
			parts = append(parts, i.String())
		}
		return String(strings.Join(parts, sep)), nil
	case "split":
		parts := strings.Split(x.String(), arg(0).String())
		if len(parts) > maxList {
			parts = parts[:maxList]
		}
		return stringList(parts), nil
	case "replace":
		return String(strings.ReplaceAll(x.String(), arg(0).String(), arg(1).String())), nil
	case "matches":
		re, err := regexp.Compile(arg(0).String())
		if err != nil {
			return Null, fmt.Errorf("matches(): %v", err)
		}
		return Bool(re.MatchString(x.String())), nil
	case "slice":
		items := x.Items()
		text := x.Kind != KindList
		var runes []rune
		n := len(items)
		if text {
			runes = []rune(x.String())
			n = len(runes)
		}
		from, to := 0, n
		if f, ok := arg(0).Number(); ok {
			from = clampIndex(int(f), n)
		}
		if f, ok := arg(1).Number(); ok {
			to = clampIndex(int(f), n)
		}
		if to < from {
			to = from
		}
		if text {
			return String(string(runes[from:to])), nil
		}
		return List(items[from:to]), nil
	case "reverse":
		l := slices.Clone(x.Items())
		slices.Reverse(l)
		return List(l), nil
	case "sort":
		l := slices.Clone(x.Items())
		slices.SortStableFunc(l, func(a, b Value) int { c, _ := Compare(a, b); return c })
		return List(l), nil
	case "unique":
		var out []Value
		for _, i := range x.Items() {
			if !slices.ContainsFunc(out, func(o Value) bool { return Equal(o, i) }) {
				out = append(out, i)
			}
		}
		return List(out), nil
	case "flat":
		var out []Value
		for _, i := range x.Items() {
			out = append(out, i.Items()...)
			if len(out) > maxList {
				return Null, errTooMuch
			}
		}
		return List(out), nil
	case "abs", "round", "floor", "ceil", "toFixed":
		f, ok := x.Number()
		if !ok {
			return Null, nil
		}
		digits, _ := arg(0).Number()
		p := math.Pow(10, math.Max(0, math.Min(digits, 12)))
		switch name {
		case "abs":
			return Number(math.Abs(f)), nil
		case "round":
			return Number(math.Round(f*p) / p), nil
		case "floor":
			return Number(math.Floor(f)), nil
		case "ceil":
			return Number(math.Ceil(f)), nil
		}
		return String(strconv.FormatFloat(f, 'f', int(math.Log10(p)), 64)), nil
	case "year", "month", "day", "date", "format":
		if x.Kind != KindDate {
			d, ok := parseDate(x.String())
			if !ok {
				return Null, nil
			}
			x = d
		}
		switch name {
		case "year":
			return Number(float64(x.t.Year())), nil
		case "month":
			return Number(float64(x.t.Month())), nil
		case "day":
			return Number(float64(x.t.Day())), nil
		case "date":
			y, m, d := x.t.Date()
			return Value{Kind: KindDate, t: time.Date(y, m, d, 0, 0, 0, 0, x.t.Location()), dateOnly: true}, nil
		}
		return String(formatDate(x.t, arg(0).String())), nil
	}
	return Null, fmt.Errorf("unknown function %s()", name)
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// parseDate reads "2024-05-01", "2024-05-01T10:30", "2024-05-01 10:30[:00]".
func parseDate(s string) (Value, bool) {
	s = strings.TrimSpace(s)
	for _, f := range []string{"2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(f, s, time.Local); err == nil {
			return Value{Kind: KindDate, t: t, dateOnly: f == "2006-01-02"}, true
		}
	}
	return Null, false
}

// formatDate writes t with a Moment-style pattern (YYYY MM DD HH mm ss), the common ones.
func formatDate(t time.Time, pattern string) string {
	if pattern == "" {
		pattern = "YYYY-MM-DD"
	}
	r := strings.NewReplacer("YYYY", "2006", "YY", "06", "MMMM", "January", "MMM", "Jan", "MM", "01",
		"DD", "02", "HH", "15", "mm", "04", "ss", "05", "dddd", "Monday", "ddd", "Mon")
	return t.Format(r.Replace(pattern))
}

// duration is a span of calendar time: months and days kept apart from clock time.
type duration struct {
	years, months, days int
	clock               time.Duration
}

func (d duration) neg() duration {
	return duration{-d.years, -d.months, -d.days, -d.clock}
}

func (d duration) addTo(t time.Time) time.Time {
	return t.AddDate(d.years, d.months, d.days).Add(d.clock)
}

func (d duration) approx() time.Duration {
	return time.Duration(d.years)*365*24*time.Hour + time.Duration(d.months)*30*24*time.Hour +
		time.Duration(d.days)*24*time.Hour + d.clock
}

var durationPart = regexp.MustCompile(`^\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*`)

// parseDuration reads "1 day", "2w", "3 months", "1h 30m" (or a number of milliseconds).
func parseDuration(v Value) (duration, bool) {
	if v.Kind == KindNumber {
		return duration{clock: time.Duration(v.n) * time.Millisecond}, true
	}
	s := strings.TrimSpace(v.String())
	var d duration
	if s == "" {
		return d, false
	}
	for s != "" {
		m := durationPart.FindStringSubmatch(s)
		if m == nil {
			return d, false
		}
		n, _ := strconv.ParseFloat(m[1], 64)
		s = s[len(m[0]):]
		switch unit := strings.ToLower(m[2]); {
		case unit == "y" || strings.HasPrefix(unit, "year"):
			d.years += int(n)
		case unit == "m" || unit == "min" || strings.HasPrefix(unit, "minute"):
			d.clock += time.Duration(n * float64(time.Minute))
		case unit == "mo" || strings.HasPrefix(unit, "month"):
			d.months += int(n)
		case unit == "w" || strings.HasPrefix(unit, "week"):
			d.days += int(n * 7)
		case unit == "d" || strings.HasPrefix(unit, "day"):
			d.days += int(n)
		case unit == "h" || strings.HasPrefix(unit, "hour"):
			d.clock += time.Duration(n * float64(time.Hour))
		case unit == "s" || strings.HasPrefix(unit, "second"):
			d.clock += time.Duration(n * float64(time.Second))
		default:
			return d, false
		}
	}
	return d, true
}
