package cli

import (
	"fmt"
	"io"
	"strings"

	"vaultview/vault"
)

// Report is what `vaultview check` finds in a vault.
type Report struct {
	Notes, Attachments       int
	Links, UnresolvedLinks   int
	Timestamps               int
	Unresolved               []vault.UnresolvedName
	Ambiguous, CaseClashes   []vault.NameGroup
	InvalidTimestamps        []vault.Problem
	Frontmatter, Files, Text []vault.Problem
	// Math are the display formulas that cannot be typeset (set by check: typesetting
	// costs more than the rest of the report).
	Math []vault.Problem
	// Views are what the vault's .base and .canvas files hold that cannot be shown: bad
	// YAML or JSON, unknown functions and view types, broken nodes (docs/FORMAT.md §8).
	Views []vault.Problem
	// Media, when media folders were given, says which of the vault's videos have a local
	// copy there (not problems: a video plays from the network without one).
	Media *MediaReport
}

// MediaReport is the vault's videos against the local copies in the media folders.
type MediaReport struct {
	Folders []string
	// With are the videos with a copy, and where it is; Without those with none.
	With    []LocalVideo
	Without []vault.Video
	// Unreadable are the folders (or parts of them) that could not be read.
	Unreadable []error
}

// LocalVideo is a video of the vault and its local copy.
type LocalVideo struct {
	vault.Video
	Path string
}

// mediaReport looks for the videos of v in the folders dirs.
func mediaReport(v *vault.Vault, dirs []string) *MediaReport {
	m, problems := vault.ScanMedia(dirs)
	r := &MediaReport{Folders: dirs, Unreadable: problems}
	for _, vid := range v.Index().VideoList(v.Source) {
		if p := m.Local(vid.ID); p != "" {
			r.With = append(r.With, LocalVideo{vid, p})
		} else {
			r.Without = append(r.Without, vid)
		}
	}
	return r
}

// NewReport examines an index.
func NewReport(ix *vault.Index) *Report {
	r := &Report{Notes: ix.Len(), Attachments: len(ix.Attachments())}
	for _, p := range ix.Paths() {
		n := ix.Note(p)
		r.Timestamps += len(n.Timestamps)
		for _, l := range ix.Links(p) {
			r.Links++
			if l.Resolved == "" {
				r.UnresolvedLinks++
			}
		}
	}
	r.Unresolved = ix.Unresolved()
	r.Ambiguous = ix.Ambiguous()
	r.CaseClashes = ix.CaseClashes()
	for _, p := range ix.Problems() {
		switch p.Kind {
		case vault.TimestampProblem:
			r.InvalidTimestamps = append(r.InvalidTimestamps, p)
		case vault.FrontmatterProblem:
			r.Frontmatter = append(r.Frontmatter, p)
		case vault.FileProblem:
			r.Files = append(r.Files, p)
		default:
			r.Text = append(r.Text, p)
		}
	}
	return r
}

// HasProblems reports whether anything needs fixing. Unresolved links and ambiguous names
// are not problems: notes that do not exist yet are normal in a growing vault, and rule 5
// decides every ambiguous link the same way each time.
func (r *Report) HasProblems() bool {
	return len(r.CaseClashes)+len(r.InvalidTimestamps)+len(r.Frontmatter)+len(r.Files)+len(r.Text)+len(r.Math)+len(r.Views) > 0
}

// Write prints the report; limit bounds each section's list (0: everything).
func (r *Report) Write(w io.Writer, root string, limit int) {
	fmt.Fprintf(w, "Vault %s\n", root)
	fmt.Fprintf(w, "  %d notes, %d other files\n", r.Notes, r.Attachments)
	fmt.Fprintf(w, "  %d links, %d unresolved (to %d names)\n", r.Links, r.UnresolvedLinks, len(r.Unresolved))
	fmt.Fprintf(w, "  %d timestamps, %d invalid\n", r.Timestamps, len(r.InvalidTimestamps))

	list(w, "Unresolved links (not problems: notes not written yet), most linked first", len(r.Unresolved), limit, func(i int) string {
		u := r.Unresolved[i]
		return fmt.Sprintf("%q: %s from %s, first %s:%d", u.Name, plural(u.Count, "link"), plural(u.Sources, "note"), u.First.Source.Path, u.First.Link.Line)
	})
	list(w, "Ambiguous names (not problems: decided by folder, then shortest path)", len(r.Ambiguous), limit, func(i int) string {
		return groupLine(r.Ambiguous[i])
	})
	list(w, "Case clashes (cannot coexist on macOS or Windows)", len(r.CaseClashes), limit, func(i int) string {
		return strings.Join(r.CaseClashes[i].Paths, "  ")
	})
	problems := func(title string, ps []vault.Problem) {
		list(w, title, len(ps), limit, func(i int) string { return ps[i].String() })
	}
	problems("Invalid timestamps", r.InvalidTimestamps)
	problems("Bad frontmatter", r.Frontmatter)
	problems("Unreadable or skipped files", r.Files)
	problems("Math that cannot be typeset", r.Math)
	problems("Bases and boards that cannot be shown as written", r.Views)
	problems("Other problems", r.Text)
	if m := r.Media; m != nil {
		fmt.Fprintf(w, "\nMedia folders: %s\n", strings.Join(m.Folders, ", "))
		list(w, "Media folders that could not be read (not problems of the vault)", len(m.Unreadable), limit, func(i int) string {
			return m.Unreadable[i].Error()
		})
		list(w, "Videos with a local copy", len(m.With), limit, func(i int) string {
			return fmt.Sprintf("%s [%s]: %s", m.With[i].Title, m.With[i].ID, m.With[i].Path)
		})
		list(w, "Videos without a local copy (not problems: they play from the network)", len(m.Without), limit, func(i int) string {
			return fmt.Sprintf("%s [%s], %s", m.Without[i].Title, m.Without[i].ID, plural(len(m.Without[i].Notes), "note"))
		})
	}
	if r.HasProblems() {
		fmt.Fprintln(w, "\nProblems found.")
	} else {
		fmt.Fprintln(w, "\nNo problems found.")
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func groupLine(g vault.NameGroup) string {
	const show = 3
	s := g.Name + ": " + strings.Join(g.Paths[:min(show, len(g.Paths))], ", ")
	if len(g.Paths) > show {
		s += fmt.Sprintf(" (+%d more)", len(g.Paths)-show)
	}
	return s
}

func list(w io.Writer, title string, n, limit int, line func(int) string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s: %d\n", title, n)
	shown := n
	if limit > 0 && limit < n {
		shown = limit
	}
	for i := range shown {
		fmt.Fprintln(w, "  "+line(i))
	}
	if shown < n {
		fmt.Fprintf(w, "  … and %d more (use -limit 0 to list all)\n", n-shown)
	}
}
