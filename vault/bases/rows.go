package bases

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"vaultview/vault"
)

// rowsCache keeps the rows of the last index snapshot asked for: opening a base, switching
// its views and rendering notes that embed it then read the vault once. A new snapshot (a
// note saved) reads again only the notes that changed: a snapshot keeps the *vault.Note of
// every note it did not parse again, so the typed properties of those are taken over.
var rowsCache struct {
	sync.Mutex
	ix    *vault.Index
	rows  []*Row
	props map[*vault.Note]map[string]Value
}

// Rows makes a row of every note of the vault, its properties typed from its frontmatter
// (numbers, booleans, dates, lists, links), reading the notes on a few goroutines; the rows
// of the last snapshot are kept. Call it off the UI goroutine. The rows are shared: do not
// change them.
func Rows(v *vault.Vault, ix *vault.Index) []*Row {
	rowsCache.Lock()
	defer rowsCache.Unlock()
	if rowsCache.ix == ix && rowsCache.rows != nil {
		return rowsCache.rows
	}
	rows, props := readRows(v, ix, rowsCache.props)
	rowsCache.ix, rowsCache.rows, rowsCache.props = ix, rows, props
	return rows
}

// readRows makes the rows of ix, taking the properties of the notes in known (by their
// *vault.Note) instead of reading them; it returns the properties of every note for the next
// snapshot.
func readRows(v *vault.Vault, ix *vault.Index, known map[*vault.Note]map[string]Value) ([]*Row, map[*vault.Note]map[string]Value) {
	paths := ix.Paths()
	out := make([]*Row, len(paths))
	notes := make([]*vault.Note, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if n := ix.Note(paths[i]); n != nil {
					notes[i] = n
					if props, ok := known[n]; ok {
						out[i] = rowWith(ix, n, props)
					} else {
						out[i] = RowOf(v, ix, n)
					}
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	rows := out[:0]
	props := make(map[*vault.Note]map[string]Value, len(out))
	for i, r := range out {
		if r != nil {
			rows = append(rows, r)
			props[notes[i]] = r.Props
		}
	}
	return rows, props
}

// rowWith is the row of note n with its properties known: its links are resolved again,
// since notes written since may now be what they point at.
func rowWith(ix *vault.Index, n *vault.Note, props map[string]Value) *Row {
	r := &Row{Path: n.Path, Size: n.Size, MTime: n.ModTime, Tags: n.Tags, Props: props, ix: ix}
	for _, l := range n.Links {
		p := ix.Resolve(n.Path, l.Target)
		if p == "" {
			p = l.Target
		}
		if p == "" {
			continue
		}
		r.Links = append(r.Links, p)
		if l.Kind == vault.Embed {
			r.Embeds = append(r.Embeds, p)
		}
	}
	return r
}

// RowOf is the row of note n.
func RowOf(v *vault.Vault, ix *vault.Index, n *vault.Note) *Row {
	r := rowWith(ix, n, map[string]Value{})
	if n.BodyOffset > 0 && v != nil {
		if src, err := v.Source(n.Path); err == nil && n.BodyOffset <= len(src) {
			if props := frontmatter(src[:n.BodyOffset]); props != nil {
				r.Props = props
			}
		}
	}
	if len(r.Props) == 0 {
		for _, p := range n.Properties {
			r.Props[p.Key] = String(p.Value)
		}
	}
	if n.Title != "" {
		if _, ok := r.Props["title"]; !ok {
			r.Props["title"] = String(n.Title)
		}
	}
	return r
}

// frontmatter reads the YAML between the --- lines at the top of a note into typed values;
// nothing when it is not a mapping.
func frontmatter(head []byte) map[string]Value {
	head = bytes.TrimPrefix(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("---"))
	if i := bytes.LastIndex(head, []byte("\n---")); i >= 0 {
		head = head[:i]
	}
	var m map[string]any
	if err := yaml.Unmarshal(head, &m); err != nil {
		return nil
	}
	out := make(map[string]Value, len(m))
	for k, v := range m {
		out[k] = fromYAML(v, 0)
	}
	return out
}

// fromYAML turns a decoded YAML value into a Value: a `[[link]]` string into a link, a
// date into a date.
func fromYAML(v any, depth int) Value {
	if depth > 8 {
		return Null
	}
	switch v := v.(type) {
	case nil:
		return Null
	case bool:
		return Bool(v)
	case int:
		return Number(float64(v))
	case int64:
		return Number(float64(v))
	case uint64:
		return Number(float64(v))
	case float64:
		return Number(v)
	case time.Time:
		return Value{Kind: KindDate, t: v, dateOnly: v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0}
	case string:
		if len(v) > 4 && v[:2] == "[[" && v[len(v)-2:] == "]]" {
			return Link(linkName(v))
		}
		if d, ok := parseDate(v); ok {
			return d
		}
		return String(v)
	case []any:
		l := make([]Value, 0, min(len(v), maxList))
		for _, x := range v[:min(len(v), maxList)] {
			l = append(l, fromYAML(x, depth+1))
		}
		return List(l)
	case map[string]any:
		return String(fmt.Sprint(v))
	}
	return String(fmt.Sprint(v))
}

// RunFile reads the base at p and runs its view called view ("" for the first) over the
// notes of the vault, this being the note that embeds it (nil when it is opened on its own).
// problems are what the file and the run could not use, each said once.
func RunFile(v *vault.Vault, ix *vault.Index, p, view string, this *vault.Note, now time.Time) (b *Base, shown View, t Table, problems []string, err error) {
	data, err := v.ReadFile(p)
	if err != nil {
		return nil, shown, t, nil, err
	}
	b, probs, err := Parse(data)
	if err != nil {
		return nil, shown, t, nil, err
	}
	for _, pr := range probs {
		problems = append(problems, pr.String())
	}
	shown, ok := b.View(view)
	if !ok {
		problems = append(problems, fmt.Sprintf("the base has no view called %q", view))
		shown = b.Views[0]
	}
	var thisRow *Row
	if this != nil {
		thisRow = RowOf(v, ix, this)
	}
	t = b.Run(shown, Rows(v, ix), thisRow, now)
	problems = append(problems, t.Problems...)
	return b, shown, t, problems, nil
}
