package vault

import (
	"cmp"
	"path"
	"slices"
	"strings"
)

// Index is an immutable snapshot of a vault: its notes, what their links point at, and the
// backlinks of every note and every unresolved name. A change builds a new Index that shares
// everything it did not touch; readers holding the old one are never disturbed and never
// lock.
type Index struct {
	notes shardMap[*entry]
	// files are the vault's other files (images, PDFs): link targets, never parsed.
	files shardMap[struct{}]
	// exact, lower and norm find files by name (rules 3 and 4), paths by lower-cased
	// vault-relative path without `.md` (rule 2).
	exact, lower, norm, paths shardMap[[]string]
	// backlinks are keyed by the path a link resolves to, or by unresolvedPrefix and the
	// unresolvedKey of its target.
	backlinks shardMap[[]linkRef]
	// folders lists the notes directly in each folder; subfolders the folders in each.
	folders, subfolders shardMap[[]string]
	videos              shardMap[[]string]
	// problems are about the vault as a whole (unreadable files, skipped links).
	problems []Problem
}

// entry is one note with where its links point in this snapshot (parallel to Note.Links).
type entry struct {
	note     *Note
	resolved []string
}

// linkRef is one link: the source note's path and the link's position in its Links.
type linkRef struct {
	source string
	link   int
}

func (a linkRef) compare(b linkRef) int {
	if c := strings.Compare(a.source, b.source); c != 0 {
		return c
	}
	return a.link - b.link
}

// unresolvedPrefix keeps unresolved names apart from paths among the backlinks keys.
const unresolvedPrefix = "\x00"

// Change is one file of the vault that appeared, changed or disappeared.
type Change struct {
	Path string
	// Note is the parsed note for a `.md` file; nil for other files (attachments).
	Note *Note
	// Removed is true when the file is gone.
	Removed bool
}

// Build makes the index of a whole vault at once.
func Build(changes []Change, problems []Problem) *Index {
	paths := make([]string, len(changes))
	for i, c := range changes {
		paths[i] = c.Path
	}
	b := newBuilder(paths)
	entries := make([]*entry, 0, len(changes))
	for _, c := range changes {
		if c.Note != nil {
			entries = append(entries, b.entry(c.Note))
		}
	}
	return b.finish(entries, problems)
}

// builder makes a whole index in three steps, so that the costly middle one can run on all
// cores: the names of all files first (they come from the folder walk), then each note's
// links resolved against them (read-only, in parallel, while notes are parsed), then the
// backlinks and lists assembled.
type builder struct {
	ix *Index
	e  *edit
}

// newBuilder registers every file of the vault by name; paths ending in .md are notes.
func newBuilder(paths []string) *builder {
	ix := &Index{}
	e := newEdit(ix, true)
	// Every file has a name in each of these maps; presized, they are built without rehashing.
	e.addList = make(map[listKey][]string, 4*len(paths))
	for _, m := range []*shardEdit[[]string]{&e.exact, &e.lower, &e.norm, &e.paths} {
		m.reserve(len(paths))
	}
	e.notes.reserve(len(paths))
	for _, p := range paths {
		e.addName(p)
		if isNotePath(p) {
			e.add(&e.folders, folderOf(p), p)
		} else {
			e.files.set(p, struct{}{})
		}
	}
	e.flushLists()
	e.addList = map[listKey][]string{} // emptied, but as large as a vault: start small again
	return &builder{ix: ix, e: e}
}

// entry resolves a note's links. It only reads the builder, so notes can be resolved
// concurrently.
func (b *builder) entry(n *Note) *entry {
	en := &entry{note: n, resolved: make([]string, len(n.Links))}
	for i, l := range n.Links {
		en.resolved[i] = b.ix.Resolve(n.Path, l.Target)
	}
	return en
}

// finish adds the notes and returns the index. A note path given to newBuilder without an
// entry (a file that could not be read) is removed again.
func (b *builder) finish(entries []*entry, problems []Problem) *Index {
	e := b.e
	links := 0
	for _, en := range entries {
		links += len(en.resolved)
	}
	// About one key in six links on the calibrated vault (the notes linked to and the names
	// not written yet); a vault with more grows the maps as it must.
	e.addBack = make(map[string][]linkRef, links/6)
	e.backEdit.reserve(links / 6)
	have := make(map[string]bool, len(entries))
	for _, en := range entries {
		p := en.note.Path
		have[p] = true
		e.notes.set(p, en)
		if v := en.note.VideoID; v != "" {
			e.add(&e.videos, v, p)
		}
		for i := range en.resolved {
			e.addBacklink(en, p, i)
		}
	}
	e.flushLists()
	e.flushBacklinks()
	e.flushFolders()
	ix := b.ix
	ix.problems = problems
	var missing []Change
	for _, f := range ix.folders {
		for _, paths := range f {
			for _, p := range paths {
				if !have[p] {
					missing = append(missing, Change{Path: p, Removed: true})
				}
			}
		}
	}
	if len(missing) > 0 {
		// Rare: notes that vanished or could not be read between the walk and the read.
		// Removing them is an ordinary update; their names stop resolving.
		ix = ix.markNotes(missing).Apply(missing...)
	}
	return ix
}

// markNotes makes paths that are listed but unread look like notes to Apply, so that
// removing them also drops their names.
func (ix *Index) markNotes(changes []Change) *Index {
	nx := *ix
	notes := editOf(&nx.notes, false)
	for _, c := range changes {
		notes.set(c.Path, &entry{note: &Note{Path: c.Path}})
	}
	return &nx
}

func isNotePath(p string) bool {
	return len(p) >= 3 && strings.EqualFold(p[len(p)-3:], ".md")
}

// Apply returns a new snapshot with the changes made; ix itself is unchanged. The cost is
// proportional to the changed notes and the links into and out of them, not to the vault.
func (ix *Index) Apply(changes ...Change) *Index {
	return ix.apply(changes, false)
}

// edit collects the work of one apply so that every list is rebuilt once.
type edit struct {
	nx                          *Index
	notes                       shardEdit[*entry]
	files                       shardEdit[struct{}]
	exact, lower, norm, paths   shardEdit[[]string]
	folders, subfolders, videos shardEdit[[]string]
	addBack                     map[string][]linkRef
	dropBack                    map[string]map[linkRef]bool
	addList, dropList           map[listKey][]string
	touchedFolders              map[string]bool
	backEdit                    shardEdit[[]linkRef]
}

// listKey names one sorted path list of the index.
type listKey struct {
	which *shardEdit[[]string]
	key   string
}

func newEdit(nx *Index, fresh bool) *edit {
	return &edit{
		nx:             nx,
		notes:          editOf(&nx.notes, fresh),
		files:          editOf(&nx.files, fresh),
		exact:          editOf(&nx.exact, fresh),
		lower:          editOf(&nx.lower, fresh),
		norm:           editOf(&nx.norm, fresh),
		paths:          editOf(&nx.paths, fresh),
		folders:        editOf(&nx.folders, fresh),
		subfolders:     editOf(&nx.subfolders, fresh),
		videos:         editOf(&nx.videos, fresh),
		backEdit:       editOf(&nx.backlinks, fresh),
		addBack:        map[string][]linkRef{},
		dropBack:       map[string]map[linkRef]bool{},
		addList:        map[listKey][]string{},
		dropList:       map[listKey][]string{},
		touchedFolders: map[string]bool{},
	}
}

// apply makes the snapshot that follows ix once changes are made: the changed notes taken
// out of the old lists and put back in, their links resolved, and the links of other notes
// whose target may now resolve differently resolved again. ix itself is not changed.
func (ix *Index) apply(changes []Change, fresh bool) *Index {
	nx := *ix
	e := newEdit(&nx, fresh)
	affected, changed := ix.affectedBy(changes)
	e.takeOut(ix, changes)
	e.putIn(ix, changes)
	// Name lists must be final before anything is resolved.
	e.flushLists()
	e.resolveChanged(&nx, changes)
	e.resolveAgain(ix, &nx, affected, changed)
	e.flushBacklinks()
	e.flushFolders()
	return &nx
}

// affectedBy finds the links elsewhere whose target may resolve differently after changes:
// those into names that appear or disappear, found through ix's backlinks. It also returns
// the set of changed paths.
func (ix *Index) affectedBy(changes []Change) (affected map[linkRef]bool, changed map[string]bool) {
	affected = map[linkRef]bool{}
	changed = make(map[string]bool, len(changes))
	for _, c := range changes {
		changed[c.Path] = true
		_, existed := ix.notes.lookup(c.Path)
		if !existed {
			_, existed = ix.files.lookup(c.Path)
		}
		if existed == !c.Removed {
			continue
		}
		_, _, nk, _ := nameKeys(c.Path)
		for _, r := range ix.backlinks.get(unresolvedPrefix + nk) {
			affected[r] = true
		}
		for _, p := range ix.norm.get(nk) {
			for _, r := range ix.backlinks.get(p) {
				affected[r] = true
			}
		}
	}
	return affected, changed
}

// takeOut takes the changed files out of the old snapshot's lists.
func (e *edit) takeOut(ix *Index, changes []Change) {
	for _, c := range changes {
		if old, ok := ix.notes.lookup(c.Path); ok {
			e.dropOutgoing(c.Path, old)
			if v := old.note.VideoID; v != "" && (c.Removed || c.Note == nil || c.Note.VideoID != v) {
				e.drop(&e.videos, v, c.Path)
			}
			if c.Removed || c.Note == nil {
				e.notes.del(c.Path)
				e.dropName(c.Path)
				e.drop(&e.folders, folderOf(c.Path), c.Path)
			}
		} else if _, ok := ix.files.lookup(c.Path); ok && (c.Removed || c.Note != nil) {
			e.files.del(c.Path)
			e.dropName(c.Path)
		}
	}
}

// putIn puts the new versions of the changed files in.
func (e *edit) putIn(ix *Index, changes []Change) {
	for _, c := range changes {
		if c.Removed {
			continue
		}
		_, wasNote := ix.notes.lookup(c.Path)
		_, wasFile := ix.files.lookup(c.Path)
		if c.Note == nil {
			if !wasFile {
				e.files.set(c.Path, struct{}{})
				e.addName(c.Path)
			}
			continue
		}
		if !wasNote {
			e.addName(c.Path)
			e.add(&e.folders, folderOf(c.Path), c.Path)
		}
		old, _ := ix.notes.lookup(c.Path)
		if v := c.Note.VideoID; v != "" && (old == nil || old.note.VideoID != v) {
			e.add(&e.videos, v, c.Path)
		}
		e.notes.set(c.Path, &entry{note: c.Note})
	}
}

// resolveChanged resolves the changed notes' links in the new snapshot nx.
func (e *edit) resolveChanged(nx *Index, changes []Change) {
	for _, c := range changes {
		if c.Removed || c.Note == nil {
			continue
		}
		en := nx.notes.get(c.Path)
		en.resolved = make([]string, len(en.note.Links))
		for i, l := range en.note.Links {
			en.resolved[i] = nx.Resolve(c.Path, l.Target)
			e.addBacklink(en, c.Path, i)
		}
	}
}

// resolveAgain resolves the affected links of unchanged notes again in nx, copying an
// entry it changes that the old snapshot ix still shares.
func (e *edit) resolveAgain(ix, nx *Index, affected map[linkRef]bool, changed map[string]bool) {
	for r := range affected {
		if changed[r.source] {
			continue
		}
		en := nx.notes.get(r.source)
		if en == nil || r.link >= len(en.resolved) {
			continue
		}
		to := nx.Resolve(r.source, en.note.Links[r.link].Target)
		if to == en.resolved[r.link] {
			continue
		}
		e.dropBacklink(en, r.source, r.link)
		if en == ix.notes.get(r.source) { // shared with the old snapshot: copy before writing
			en = &entry{note: en.note, resolved: slices.Clone(en.resolved)}
			e.notes.set(r.source, en)
		}
		en.resolved[r.link] = to
		e.addBacklink(en, r.source, r.link)
	}
}

// backlinkKey is where a link is filed among the backlinks.
func backlinkKey(l Link, resolved string) string {
	if resolved != "" {
		return resolved
	}
	return unresolvedPrefix + unresolvedKey(l.Target)
}

// selfLink reports links that point at their own note (`[[#Heading]]`): not backlinks.
func selfLink(en *entry, source string, i int) bool {
	return en.resolved[i] == source && splitTarget(en.note.Links[i].Target) == ""
}

func (e *edit) addBacklink(en *entry, source string, i int) {
	if selfLink(en, source, i) {
		return
	}
	k := backlinkKey(en.note.Links[i], en.resolved[i])
	e.addBack[k] = append(e.addBack[k], linkRef{source, i})
}

func (e *edit) dropBacklink(en *entry, source string, i int) {
	if selfLink(en, source, i) {
		return
	}
	k := backlinkKey(en.note.Links[i], en.resolved[i])
	m := e.dropBack[k]
	if m == nil {
		m = map[linkRef]bool{}
		e.dropBack[k] = m
	}
	m[linkRef{source, i}] = true
}

func (e *edit) dropOutgoing(source string, en *entry) {
	for i := range en.resolved {
		e.dropBacklink(en, source, i)
	}
}

func (e *edit) add(m *shardEdit[[]string], key, p string) {
	k := listKey{m, key}
	e.addList[k] = append(e.addList[k], p)
	if m == &e.folders {
		e.touchedFolders[key] = true
	}
}

func (e *edit) drop(m *shardEdit[[]string], key, p string) {
	k := listKey{m, key}
	e.dropList[k] = append(e.dropList[k], p)
	if m == &e.folders {
		e.touchedFolders[key] = true
	}
}

func (e *edit) addName(p string) {
	ex, lo, no, pk := nameKeys(p)
	e.add(&e.exact, ex, p)
	e.add(&e.lower, lo, p)
	if no != "" {
		e.add(&e.norm, no, p)
	}
	e.add(&e.paths, pk, p)
}

func (e *edit) dropName(p string) {
	ex, lo, no, pk := nameKeys(p)
	e.drop(&e.exact, ex, p)
	e.drop(&e.lower, lo, p)
	if no != "" {
		e.drop(&e.norm, no, p)
	}
	e.drop(&e.paths, pk, p)
}

// flushLists rebuilds every path list touched by add and drop, once each, sorted.
func (e *edit) flushLists() {
	for k := range e.addList {
		e.flushList(k)
	}
	for k := range e.dropList {
		if _, done := e.addList[k]; !done {
			e.flushList(k)
		}
	}
	clear(e.addList)
	clear(e.dropList)
}

// flushList rebuilds one path list.
func (e *edit) flushList(k listKey) {
	old := k.which.m.get(k.key)
	drop := e.dropList[k]
	add := e.addList[k]
	out := make([]string, 0, len(old)+len(add))
	for _, p := range old {
		if !slices.Contains(drop, p) {
			out = append(out, p)
		}
	}
	out = append(out, add...)
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		k.which.del(k.key)
	} else {
		k.which.set(k.key, out)
	}
}

func (e *edit) flushBacklinks() {
	for k := range e.addBack {
		e.flushBacklink(k)
	}
	for k := range e.dropBack {
		if _, done := e.addBack[k]; !done {
			e.flushBacklink(k)
		}
	}
}

// flushBacklink rebuilds the backlinks of one key.
func (e *edit) flushBacklink(k string) {
	old := e.nx.backlinks.get(k)
	drop := e.dropBack[k]
	add := e.addBack[k]
	out := make([]linkRef, 0, len(old)+len(add))
	for _, r := range old {
		if !drop[r] {
			out = append(out, r)
		}
	}
	out = append(out, add...)
	slices.SortFunc(out, linkRef.compare)
	if len(out) == 0 {
		e.backEdit.del(k)
	} else {
		e.backEdit.set(k, out)
	}
}

// flushFolders keeps the folder tree in step with the notes: a folder is listed in its
// parent while it holds notes, directly or below.
func (e *edit) flushFolders() {
	todo := make([]string, 0, len(e.touchedFolders))
	for f := range e.touchedFolders {
		todo = append(todo, f)
	}
	for len(todo) > 0 {
		// Deepest first, so a parent is decided after its children.
		slices.SortFunc(todo, func(a, b string) int {
			return cmp.Or(strings.Count(b, "/")-strings.Count(a, "/"), strings.Compare(a, b))
		})
		f := todo[0]
		todo = todo[1:]
		if f == "" {
			continue
		}
		parent := path.Dir(f)
		if parent == "." {
			parent = ""
		}
		full := len(e.nx.folders.get(f)) > 0 || len(e.nx.subfolders.get(f)) > 0
		listed := slices.Contains(e.nx.subfolders.get(parent), f)
		if full == listed {
			continue
		}
		if full {
			e.add(&e.subfolders, parent, f)
		} else {
			e.drop(&e.subfolders, parent, f)
		}
		e.flushLists()
		if !slices.Contains(todo, parent) {
			todo = append(todo, parent)
		}
	}
}
