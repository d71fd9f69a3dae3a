package vault

import (
	"slices"
	"strings"
)

// Len is the number of notes.
func (ix *Index) Len() int { return ix.notes.len() }

// Note returns the note at a vault-relative path, or nil.
func (ix *Index) Note(p string) *Note {
	if en := ix.notes.get(p); en != nil {
		return en.note
	}
	return nil
}

// Paths returns every note's path, sorted.
func (ix *Index) Paths() []string { return ix.notes.keys() }

// NotePaths returns the path of every note file, sorted: Paths, except that the index
// OnNames gives, which has parsed no note yet, knows them too.
func (ix *Index) NotePaths() []string {
	var out []string
	for _, f := range ix.folders.keys() {
		out = append(out, ix.folders.get(f)...)
	}
	slices.Sort(out)
	return out
}

// Attachments returns the paths of the vault's files that are not notes, sorted.
func (ix *Index) Attachments() []string { return ix.files.keys() }

// IsAttachment reports whether p is a file of the vault that is not a note.
func (ix *Index) IsAttachment(p string) bool {
	_, ok := ix.files.lookup(p)
	return ok
}

// Outgoing is a link together with where it points in this snapshot.
type Outgoing struct {
	Link
	// Resolved is the vault-relative path the link points at, "" when unresolved.
	Resolved string
}

// Links returns the outgoing links of the note at p, resolved.
func (ix *Index) Links(p string) []Outgoing {
	en := ix.notes.get(p)
	if en == nil {
		return nil
	}
	out := make([]Outgoing, len(en.note.Links))
	for i, l := range en.note.Links {
		out[i] = Outgoing{Link: l, Resolved: en.resolved[i]}
	}
	return out
}

// Backlink is one link into a note (or an unresolved name) from another note.
type Backlink struct {
	Source *Note
	Link   Link
	// Timestamp is the source's nearest timestamp at or before the link, or nil.
	Timestamp *Timestamp
}

// Backlinks returns the links into the file at p, ordered by source path and position.
func (ix *Index) Backlinks(p string) []Backlink {
	return ix.backlinksOf(p)
}

// UnresolvedBacklinks returns the links to a name no file has, e.g. "Amazon Web Services".
// Every spelling that would find the same note once it exists is included.
func (ix *Index) UnresolvedBacklinks(name string) []Backlink {
	return ix.backlinksOf(unresolvedPrefix + unresolvedKey(name))
}

func (ix *Index) backlinksOf(key string) []Backlink {
	refs := ix.backlinks.get(key)
	out := make([]Backlink, 0, len(refs))
	for _, r := range refs {
		if en := ix.linking(r); en != nil {
			out = append(out, backlink(en, r))
		}
	}
	return out
}

// linking is the note that holds the link r, or nil when it is gone.
func (ix *Index) linking(r linkRef) *entry {
	en := ix.notes.get(r.source)
	if en == nil || r.link >= len(en.note.Links) {
		return nil
	}
	return en
}

func backlink(en *entry, r linkRef) Backlink {
	b := Backlink{Source: en.note, Link: en.note.Links[r.link]}
	if t := int(b.Link.Timestamp); t >= 0 && t < len(en.note.Timestamps) {
		b.Timestamp = &en.note.Timestamps[t]
	}
	return b
}

// UnresolvedName is a name that links point at but no file has (yet).
type UnresolvedName struct {
	// Name is the most used spelling of the target.
	Name string
	// Count is the number of links; Sources the number of distinct notes linking.
	Count, Sources int
	// First is the first link in path order.
	First Backlink
}

// Unresolved lists the unresolved names, most linked first.
func (ix *Index) Unresolved() []UnresolvedName {
	// A vault has about as many unresolved names as notes, each with a link or two: they
	// are counted from the backlink lists as they stand, without building their Backlinks
	// or two maps per name.
	var out []UnresolvedName
	var spellings spellingCount
	for _, s := range ix.backlinks {
		for k, refs := range s {
			if !strings.HasPrefix(k, unresolvedPrefix) || len(refs) == 0 {
				continue
			}
			var u UnresolvedName
			last := ""
			spellings.reset()
			for _, r := range refs { // sorted by source: each note's links are together
				en := ix.linking(r)
				if en == nil {
					continue
				}
				if u.Count == 0 {
					u.First = backlink(en, r)
				}
				u.Count++
				if u.Sources == 0 || r.source != last {
					u.Sources++
					last = r.source
				}
				spellings.add(splitTarget(en.note.Links[r.link].Target))
			}
			if u.Count == 0 {
				continue
			}
			u.Name = spellings.best()
			out = append(out, u)
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &out[i], &out[j]
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	sorted := make([]UnresolvedName, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// spellingCount counts the spellings of one name: nearly always one or two, kept in a list,
// with a map only for a name spelled many ways.
type spellingCount struct {
	names []string
	n     []int
	m     map[string]int
}

func (c *spellingCount) reset() {
	c.names, c.n, c.m = c.names[:0], c.n[:0], nil
}

func (c *spellingCount) add(s string) {
	if c.m != nil {
		c.m[s]++
		return
	}
	if i := slices.Index(c.names, s); i >= 0 {
		c.n[i]++
		return
	}
	if len(c.names) == 16 {
		c.m = make(map[string]int, 32)
		for i, name := range c.names {
			c.m[name] = c.n[i]
		}
		c.m[s]++
		return
	}
	c.names = append(c.names, s)
	c.n = append(c.n, 1)
}

// best is the most used spelling, the smallest of those used equally often.
func (c *spellingCount) best() string {
	best, most := "", 0
	consider := func(s string, n int) {
		if most == 0 || n > most || n == most && s < best {
			best, most = s, n
		}
	}
	if c.m != nil {
		for s, n := range c.m {
			consider(s, n)
		}
	} else {
		for i, s := range c.names {
			consider(s, c.n[i])
		}
	}
	return best
}

// FolderNotes returns the paths of the notes directly in folder ("" is the top), sorted.
func (ix *Index) FolderNotes(folder string) []string { return ix.folders.get(folder) }

// Subfolders returns the folders directly in folder that hold notes, sorted.
func (ix *Index) Subfolders(folder string) []string { return ix.subfolders.get(folder) }

// VideoNotes returns the paths of the notes about one video, sorted.
func (ix *Index) VideoNotes(videoID string) []string { return ix.videos.get(videoID) }

// Videos returns every videoId in the vault, sorted.
func (ix *Index) Videos() []string { return ix.videos.keys() }

// VaultProblems are the problems with the vault as a whole: files that could not be read,
// links that were not followed.
func (ix *Index) VaultProblems() []Problem { return ix.problems }

// Problems returns every problem in the vault, the vault's own first, then by path and line.
func (ix *Index) Problems() []Problem {
	out := slices.Clone(ix.problems)
	for _, p := range ix.Paths() {
		out = append(out, ix.Note(p).Problems...)
	}
	return out
}

// NameGroup is several files that one name finds, as in an ambiguous link or a case clash.
type NameGroup struct {
	Name  string
	Paths []string
}

// Ambiguous lists note names that several notes share; a link by that name is decided by
// rule 5 (own folder, shortest path, smallest path).
func (ix *Index) Ambiguous() []NameGroup {
	return ix.groups(&ix.exact, func(paths []string) bool { return len(paths) > 1 })
}

// CaseClashes lists files in one folder whose names differ only by case: they cannot both
// exist on case-insensitive file systems (macOS, Windows).
func (ix *Index) CaseClashes() []NameGroup {
	return ix.groups(&ix.paths, func(paths []string) bool { return len(paths) > 1 })
}

func (ix *Index) groups(m *shardMap[[]string], keep func([]string) bool) []NameGroup {
	var out []NameGroup
	for _, k := range m.keys() {
		if ps := m.get(k); keep(ps) {
			out = append(out, NameGroup{Name: k, Paths: ps})
		}
	}
	return out
}
