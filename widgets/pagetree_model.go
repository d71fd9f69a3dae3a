package widgets

import (
	"path"
	"slices"
	"strings"

	"vaultview/vault"
)

// pageTreeModel is the page tree of one index snapshot, sorted once so that the tree's
// callbacks (called for every visible row on every scroll) only look things up.
//
// Tree node ids: a note is its vault-relative path; a folder is its path with a trailing
// "/" (a note path always ends in ".md", so the two never collide); the top is "".
type pageTreeModel struct {
	ix      *vault.Index
	folders map[string]*pageTreeFolder
	// files are the attachments of each folder and extra the folders that hold only
	// attachments, by parent; both nil when attachments are not shown.
	files, extra map[string][]string
}

// pageTreeFolder is one folder of the tree: what it shows and what it holds, in order.
type pageTreeFolder struct {
	// name is the folder's own name as shown (without invisible direction marks).
	name string
	// count is the number of notes (and attachments, when shown) in the folder and all
	// folders below it.
	count int
	// kids are the node ids of the subfolders (the first nsub), then of the notes, then of
	// the attachments.
	kids []string
	nsub int
	// search holds, for each note and attachment of kids[nsub:], its title (an
	// attachment's: its file name) and path in lower case, for the filter.
	search []string
}

// pageTreeFolderID is the tree node id of a folder ("" is the top).
func pageTreeFolderID(folder string) string {
	if folder == "" {
		return ""
	}
	return folder + "/"
}

// pageTreeIsFolder reports whether a tree node id is a folder (or the top).
func pageTreeIsFolder(uid string) bool {
	return uid == "" || strings.HasSuffix(uid, "/")
}

// pageTreeParent is the node id of the folder holding the node uid.
func pageTreeParent(uid string) string {
	dir := path.Dir(strings.TrimSuffix(uid, "/"))
	if dir == "." || dir == "/" {
		return ""
	}
	return dir + "/"
}

// newPageTreeModel sorts the whole vault once: folders first, by name, then notes by
// title, both in natural order, then (when attachments are shown) the other files by name.
func newPageTreeModel(ix *vault.Index, attachments bool) *pageTreeModel {
	m := &pageTreeModel{ix: ix, folders: make(map[string]*pageTreeFolder)}
	if ix == nil {
		return m
	}
	if attachments {
		m.files, m.extra = map[string][]string{}, map[string][]string{}
		known := map[string]bool{"": true}
		var knowSubs func(folder string)
		knowSubs = func(folder string) {
			for _, s := range ix.Subfolders(folder) {
				known[s] = true
				knowSubs(s)
			}
		}
		knowSubs("")
		for _, p := range ix.Attachments() {
			dir := folderOfPath(p)
			m.files[dir] = append(m.files[dir], p)
			for f := dir; !known[f]; f = folderOfPath(f) {
				known[f] = true
				parent := folderOfPath(f)
				m.extra[parent] = append(m.extra[parent], f)
			}
		}
	}
	m.add("")
	return m
}

// folderOfPath is the folder holding p, "" at the top.
func folderOfPath(p string) string {
	if d := path.Dir(p); d != "." {
		return d
	}
	return ""
}

func (m *pageTreeModel) add(folder string) *pageTreeFolder {
	f := &pageTreeFolder{name: plainDisplayText(path.Base(folder))}
	m.folders[pageTreeFolderID(folder)] = f

	subs := m.ix.Subfolders(folder)
	if extra := m.extra[folder]; len(extra) > 0 {
		subs = append(slices.Clip(subs), extra...)
	}
	kids := make([]*pageTreeFolder, len(subs))
	for i, s := range subs {
		kids[i] = m.add(s)
	}
	order := make([]int, len(subs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := naturalCompare(kids[a].name, kids[b].name); c != 0 {
			return c
		}
		return strings.Compare(subs[a], subs[b])
	})

	type entry struct{ path, title string }
	paths := m.ix.FolderNotes(folder)
	notes := make([]entry, 0, len(paths))
	for _, p := range paths {
		if n := m.ix.Note(p); n != nil {
			notes = append(notes, entry{p, plainDisplayText(n.Title)})
		}
	}
	slices.SortFunc(notes, func(a, b entry) int {
		if c := naturalCompare(a.title, b.title); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})

	files := slices.Clone(m.files[folder])
	slices.SortFunc(files, func(a, b string) int { return naturalCompare(path.Base(a), path.Base(b)) })
	for _, p := range files {
		notes = append(notes, entry{p, plainDisplayText(path.Base(p))})
	}

	f.nsub = len(subs)
	f.kids = make([]string, 0, len(subs)+len(notes))
	f.search = make([]string, len(notes))
	f.count = len(notes)
	for _, i := range order {
		f.kids = append(f.kids, pageTreeFolderID(subs[i]))
		f.count += kids[i].count
	}
	for i, n := range notes {
		f.kids = append(f.kids, n.path)
		f.search[i] = strings.ToLower(n.title + "\n" + plainDisplayText(n.path))
	}
	return f
}

// has reports whether the tree holds the node uid.
func (m *pageTreeModel) has(uid string) bool {
	if pageTreeIsFolder(uid) {
		return m.folders[uid] != nil
	}
	return m.ix != nil && (m.ix.Note(uid) != nil || m.files != nil && m.ix.IsAttachment(uid))
}

// filter returns the part of the tree whose notes match every term (lower case) in their
// title or path, with the folders that lead to them; each folder's count is its matches.
// The order is the tree's own. It returns nil when nothing matches.
func (m *pageTreeModel) filter(terms []string) map[string]*pageTreeFolder {
	out := make(map[string]*pageTreeFolder)
	if m.folders[""] == nil || m.filterFolder("", terms, out) == 0 {
		return nil
	}
	return out
}

func (m *pageTreeModel) filterFolder(uid string, terms []string, out map[string]*pageTreeFolder) int {
	f := m.folders[uid]
	var kids []string
	count, nsub := 0, 0
	for _, sub := range f.kids[:f.nsub] {
		if n := m.filterFolder(sub, terms, out); n > 0 {
			kids = append(kids, sub)
			count += n
			nsub++
		}
	}
	for i, hay := range f.search {
		if pageTreeMatchesAll(hay, terms) {
			kids = append(kids, f.kids[f.nsub+i])
			count++
		}
	}
	if count > 0 {
		out[uid] = &pageTreeFolder{name: f.name, count: count, kids: kids, nsub: nsub}
	}
	return count
}

func pageTreeMatchesAll(hay string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}
