package vault

import "sort"

// OutgoingLinks is what one note links to, each target once: the Outgoing panel's model.
// Gathering it reads every link of the note (a generated note may have 100,000), so the
// window does it off the UI goroutine.
type OutgoingLinks struct {
	// Targets are the targets in the order the note first links to them, resolved ones
	// (notes and attachments) first, then names no note has yet.
	Targets []OutgoingTarget
	// Total counts the links (not those to the note's own headings); Resolved and
	// Unresolved count the targets.
	Total, Resolved, Unresolved int
}

// OutgoingTarget is one target of a note's links.
type OutgoingTarget struct {
	// Label is the note's title, an attachment's path or, unresolved, the name as written.
	Label string
	// Path is the vault-relative path linked to, "" when no note has the name.
	Path string
	// Name is the target as first written in the note.
	Name string
	// Count is how many links of the note point at it.
	Count int
}

// OutgoingLinks gathers the links of the note at p. It only reads the snapshot, so it may
// run on any goroutine.
func (ix *Index) OutgoingLinks(p string) OutgoingLinks {
	var out OutgoingLinks
	byKey := map[string]int{}
	for _, l := range ix.Links(p) {
		if l.Target == "" && l.Resolved == p {
			continue // a link to one of the note's own headings
		}
		out.Total++
		key := "?" + NormalizeName(l.Target)
		if l.Resolved != "" {
			key = l.Resolved
		}
		if i, ok := byKey[key]; ok {
			out.Targets[i].Count++
			continue
		}
		t := OutgoingTarget{Path: l.Resolved, Name: l.Target, Count: 1, Label: l.Target}
		if n := ix.Note(l.Resolved); n != nil {
			t.Label = n.Title
			out.Resolved++
		} else if l.Resolved != "" {
			t.Label = l.Resolved // an attachment
			out.Resolved++
		} else {
			out.Unresolved++
		}
		byKey[key] = len(out.Targets)
		out.Targets = append(out.Targets, t)
	}
	sort.SliceStable(out.Targets, func(i, j int) bool { return out.Targets[i].Path != "" && out.Targets[j].Path == "" })
	return out
}

// NotesLinkingTo counts the notes that link to name, which no note has (a note linking to
// it twice counts once): the page and the preview of a note not written yet say how many.
func (ix *Index) NotesLinkingTo(name string) int {
	notes := map[string]bool{}
	for _, b := range ix.UnresolvedBacklinks(name) {
		notes[b.Source.Path] = true
	}
	return len(notes)
}
