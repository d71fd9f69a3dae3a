package switcher

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode"

	"vaultview/vault"
)

// Kind says what a candidate's text is to its note.
type Kind uint8

const (
	// Title is the note's title (the frontmatter title, else its file name).
	Title Kind = iota
	// FileName is the note's file name without `.md`, a candidate only when its letters
	// and digits differ from the title's ("zk-method" for "Zettelkasten method", not
	// "physical_launch" for "Physical launch").
	FileName
	// Alias is one of the note's frontmatter aliases.
	Alias
	// Unresolved is a name that links point at but no note has yet; opening it offers to
	// show what links there.
	Unresolved
	// File is a file of the vault that is not a note (a board, a base, an image, a PDF): its
	// name with its extension, as the page tree lists it.
	File
)

// String names the kind in lower case, for tests and debugging.
func (k Kind) String() string {
	switch k {
	case FileName:
		return "file name"
	case Alias:
		return "alias"
	case Unresolved:
		return "unresolved"
	case File:
		return "file"
	}
	return "title"
}

// Candidate is one text the switcher can find: a note's title, file name or alias, an
// unresolved name, or the name of another file.
type Candidate struct {
	// Text is what is shown and matched.
	Text string
	// Path is the note's vault-relative path, "" for an unresolved name.
	Path string
	Kind Kind
	// Folder is the note's folder ("" at the top and for an unresolved name), shown dimmed.
	Folder string
	// Title is the note's title: what an alias or a file name stands for ("alias of …").
	// It is "" for an unresolved name.
	Title string
}

// maxMatchRunes bounds how much of a candidate's text is matched: titles are short, and a
// pathological frontmatter title of megabytes must not make every keystroke slow. Letters
// past it are shown but never found.
const maxMatchRunes = 256

// build lists the candidates of ix in the order ties are broken in (by text, then path,
// then kind) and prepares each for matching.
func (m *Matcher) build(ix *vault.Index) {
	type entry struct {
		c      Candidate
		folded string
	}
	var all []entry
	add := func(c Candidate) {
		if strings.TrimSpace(c.Text) == "" {
			return
		}
		all = append(all, entry{c, foldString(c.Text)})
	}
	paths := ix.Paths()
	for _, p := range paths {
		n := ix.Note(p)
		if n == nil {
			continue
		}
		title := n.Title
		if strings.TrimSpace(title) == "" {
			title = n.Name()
		}
		folder := n.Folder()
		add(Candidate{Text: title, Path: p, Kind: Title, Folder: folder, Title: title})
		// A file name or alias that spells the title again ("physical_launch" for
		// "Physical launch") finds nothing the title does not, so it is left out.
		seen := []string{sameNameKey(title)}
		if name := n.Name(); !slices.Contains(seen, sameNameKey(name)) {
			add(Candidate{Text: name, Path: p, Kind: FileName, Folder: folder, Title: title})
			seen = append(seen, sameNameKey(name))
		}
		for _, a := range n.Aliases {
			a = strings.TrimSpace(a)
			if k := sameNameKey(a); a != "" && !slices.Contains(seen, k) {
				add(Candidate{Text: a, Path: p, Kind: Alias, Folder: folder, Title: title})
				seen = append(seen, k)
			}
		}
	}
	for _, u := range ix.Unresolved() {
		add(Candidate{Text: u.Name, Kind: Unresolved})
	}
	for _, p := range ix.Attachments() {
		name, folder := path.Base(p), path.Dir(p)
		if folder == "." {
			folder = ""
		}
		add(Candidate{Text: name, Path: p, Kind: File, Folder: folder, Title: name})
	}
	// Sort indexes rather than the entries themselves: an entry is six strings wide.
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &all[i], &all[j]
		return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.c.Text, b.c.Text),
			strings.Compare(a.c.Path, b.c.Path), cmp.Compare(a.c.Kind, b.c.Kind), cmp.Compare(i, j))
	})

	m.cands = make([]Candidate, len(all))
	m.group = make([]int32, len(all))
	m.mask = make([]uint64, len(all))
	m.squeezed = make([]int32, len(all))
	m.start = make([]int32, len(all)+1)
	m.byPath = make(map[string]int32, len(paths))
	m.titleOf = make([]int32, 0, len(paths))
	groups := 0
	for i, k := range order {
		e := &all[k]
		m.cands[i] = e.c
		g, ok := int32(groups), false
		if e.c.Path != "" {
			if g, ok = m.byPath[e.c.Path]; !ok {
				g = int32(groups)
				m.byPath[e.c.Path] = g
			}
		}
		if !ok {
			groups++
			m.titleOf = append(m.titleOf, -1)
		}
		m.group[i] = g
		if e.c.Kind == Title || e.c.Kind == File {
			m.titleOf[g] = int32(i)
		}
		m.start[i] = int32(len(m.text))
		m.appendText(i, e.c.Text)
	}
	m.start[len(all)] = int32(len(m.text))
	m.groups = groups
}

// appendText adds the folded runes of candidate i's text, with the bonus of each, to the
// matcher's buffers, and sets the candidate's mask and squeezed length.
func (m *Matcher) appendText(i int, s string) {
	prev := rune(' ')
	n := 0
	for _, r := range s {
		if n == maxMatchRunes {
			m.squeezed[i] = -1 // never equal to a query: the text is longer than is matched
			break
		}
		f := fold(r)
		m.text = append(m.text, f)
		m.bonus = append(m.bonus, bonusAt(prev, r, n == 0))
		m.mask[i] |= maskOf(f)
		if !isSeparator(r) {
			m.squeezed[i]++
		}
		prev = r
		n++
	}
}

// sameNameKey is what two names of one note must share to be the same name to a reader:
// their folded letters and digits ("Ashgrove Records (ERP)" and "ashgrove_records_erp"),
// or, for a name without any, the whole folded name.
func sameNameKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(fold(r))
		}
	}
	if b.Len() == 0 {
		return foldString(s)
	}
	return b.String()
}

// isSeparator reports whether r separates words in the way a space does: white space, an
// underscore or a hyphen, as in "where the", "where_the" and "where-the". A query's
// separators only hint at word starts: they are not matched.
func isSeparator(r rune) bool {
	return r == ' ' || r == '_' || r == '-' || unicode.IsSpace(r)
}

// foldString is s with every rune folded.
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// maskOf is the bit a folded rune sets in a candidate's mask: one bit for each ASCII letter
// and digit, the rest shared by the other runes. A query whose mask is not within a
// candidate's cannot match it, which rules out most candidates without reading them.
func maskOf(r rune) uint64 {
	switch {
	case 'a' <= r && r <= 'z':
		return 1 << (r - 'a')
	case '0' <= r && r <= '9':
		return 1 << (26 + r - '0')
	}
	return 1 << (36 + uint(r)%28)
}

// isWordRune reports whether r is part of a word: a letter, a digit or an apostrophe (so
// that "Where's" is one word).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// bonusAt is the bonus for matching r, which follows prev: at the start of a word
// (after a space, an underscore, a slash, a bracket…), at a lower-to-upper case change
// ("iPhone", "OpenAI") or between letters and digits ("Lumen90").
func bonusAt(prev, r rune, first bool) int8 {
	switch {
	case !isWordRune(r):
		return 0
	case first:
		return bonusFirst
	case !isWordRune(prev):
		return bonusWord
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return bonusCamel
	case unicode.IsLetter(prev) && unicode.IsDigit(r), unicode.IsDigit(prev) && unicode.IsLetter(r):
		return bonusDigit
	}
	return 0
}
