package widgets

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// What a selection copies as: plain text (Ctrl+C, Copy), Markdown (Copy as Markdown) and a
// quote that cites where it came from (Copy as quote with link), so that a reader pastes a
// passage of a talk into their own notes with its moment and its note in one step.

type copyMode uint8

const (
	copyPlain copyMode = iota
	copyMarkdown
)

// copyText is the selection in mode.
func (v *NoteView) copyText(mode copyMode) string {
	if !v.HasSelection() {
		return ""
	}
	lo, hi := v.sel.bounds()
	rows := v.note.rows
	var out strings.Builder
	for i := lo.row; i <= hi.row && i < len(rows); i++ {
		from, to := 0, -1
		if i == lo.row {
			from = lo.off
		}
		if i == hi.row {
			to = hi.off
		}
		text := rowText(rows[i], from, to, mode)
		if text == "" {
			continue
		}
		if out.Len() > 0 {
			if rows[i].continued {
				if s := out.String(); !strings.HasSuffix(s, " ") && !strings.HasPrefix(text, " ") {
					out.WriteByte(' ')
				}
			} else {
				out.WriteString("\n\n")
			}
		}
		out.WriteString(text)
	}
	return strings.TrimSpace(out.String())
}

// listMarker matches the marker text a list item starts with (render_blocks.go).
var listMarker = regexp.MustCompile(`^( *)(?:([•◦–])  |(\d+[.)]) )`)

// rowText is the part [from, to) of row b's text (to < 0: to its end), in mode.
func rowText(b *noteBlock, from, to int, mode copyMode) string {
	units := rowUnits(b)
	skipMarker := 0
	if to < 0 && len(units) > 0 {
		to = units[len(units)-1].end()
	}
	var out strings.Builder
	var runs []mdRun // text waiting to be written as Markdown
	flush := func() {
		out.WriteString(markdownRuns(runs))
		runs = runs[:0]
	}
	atLineStart := true
	pastTitle := false // past a callout's title line
	for k := range units {
		u := &units[k]
		a, z := max(from-u.start, 0), min(to-u.start, u.n)
		if a >= z {
			pastTitle = pastTitle || u.kind == unitBreak && u.start < from
			continue
		}
		switch u.kind {
		case unitBreak:
			flush()
			out.WriteByte('\n')
			atLineStart, pastTitle = true, true
			continue
		case unitAtom:
			flush()
			if mode == copyMarkdown && u.md != "" {
				out.WriteString(u.md)
			} else {
				out.WriteString(u.text)
			}
		case unitText:
			text := u.text[a:z]
			if mode == copyPlain {
				out.WriteString(text)
				break
			}
			if atLineStart && a == 0 && u.style.Bold {
				// A list item's marker, in one unit or (cut into words) several.
				rest := text
				for j := k + 1; j < len(units) && units[j].kind == unitText && units[j].style == u.style && units[j].end() <= to; j++ {
					rest += units[j].text
				}
				if m := listMarker.FindStringSubmatch(rest); m != nil {
					flush()
					if m[2] != "" {
						out.WriteString(strings.Repeat("  ", len(m[1])/len(listIndent)) + "- ")
					} else {
						out.WriteString(strings.Repeat("   ", len(m[1])/len(listIndent)) + m[3] + " ")
					}
					skipMarker = len(m[0]) - len(text)
					atLineStart = false
					continue
				}
			}
			if skipMarker > 0 {
				// The rest of a marker cut into words.
				n := min(skipMarker, len(text))
				skipMarker -= n
				if text = text[n:]; text == "" {
					continue
				}
			}
			st := u.style
			if b.heading > 0 || b.kind == calloutBlock && !pastTitle {
				st.Bold = false // a heading, a callout's title, is bold by its kind
			}
			runs = append(runs, mdRun{text: text, style: st, mark: u.mark, link: u.link, url: u.url})
		}
		atLineStart = false
	}
	flush()
	text := strings.TrimRight(out.String(), "\n")
	if mode != copyMarkdown {
		return text
	}
	if b.heading > 0 && from == 0 {
		text = strings.Repeat("#", b.heading) + " " + text
	}
	switch b.kind {
	case calloutBlock:
		if from == 0 {
			first, rest, _ := strings.Cut(text, "\n")
			title := first
			if b.callout.title == nil {
				title = ""
			}
			text = "[!" + b.callout.typeName + "] " + title
			if rest != "" {
				text += "\n" + rest
			}
		}
		text = quoteLines(text)
	case quoteBlock:
		text = quoteLines(text)
	}
	return text
}

// quoteLines puts "> " before every line of text.
func quoteLines(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// mdRun is text of one style, written as Markdown at once so that its markers enclose
// the whole run ("**three bold words**", not a pair per word).
type mdRun struct {
	text  string
	style fyne.TextStyle
	mark  bool
	link  *linkRef
	url   *url.URL
}

func (r mdRun) same(o mdRun) bool {
	return r.style == o.style && r.mark == o.mark && r.link == o.link && r.url == o.url
}

// markdownRuns writes runs as Markdown, each stretch of one style at once. The space between
// two words of one link is not part of the link's segments, but is of its Markdown.
func markdownRuns(runs []mdRun) string {
	var merged []mdRun
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			if last.same(r) {
				last.text += r.text
				continue
			}
			if (last.link != nil || last.url != nil) && strings.TrimSpace(r.text) == "" &&
				i+1 < len(runs) && last.same(runs[i+1]) {
				last.text += r.text + runs[i+1].text
				i++
				continue
			}
		}
		merged = append(merged, r)
	}
	var b strings.Builder
	for _, r := range merged {
		b.WriteString(r.markdown())
	}
	return b.String()
}

func (r mdRun) markdown() string {
	if r.text == "" {
		return ""
	}
	// Markers go round the text, never round the spaces at its ends ("** bold**" is not
	// bold in Markdown).
	core := strings.TrimSpace(r.text)
	if core == "" {
		return r.text
	}
	lead := r.text[:strings.Index(r.text, core)]
	trail := r.text[len(lead)+len(core):]
	switch {
	case r.link != nil && r.link.footnote > 0:
		return lead + core + trail
	case r.link != nil:
		target := r.link.name
		if r.link.path != "" {
			target = strings.TrimSuffix(r.link.path, ".md")
		}
		if r.link.fragment != "" {
			target += "#" + r.link.fragment
		}
		if core == target || core == path.Base(target) {
			return lead + "[[" + target + "]]" + trail
		}
		return lead + "[[" + target + "|" + core + "]]" + trail
	case r.url != nil:
		return lead + "[" + core + "](" + r.url.String() + ")" + trail
	}
	if r.style.Monospace {
		return lead + "`" + core + "`" + trail
	}
	if r.mark {
		core = "==" + core + "=="
	}
	if r.style.Strikethrough {
		core = "~~" + core + "~~"
	}
	if r.style.Italic {
		core = "*" + core + "*"
	}
	if r.style.Bold {
		core = "**" + core + "**"
	}
	return lead + core + trail
}

// quoteText is the selection as a quote that cites it: "> " before each line, then the
// moment of the video it was said at (the first chip in the selection, or else the last
// before it) and a link to the note.
func (v *NoteView) quoteText() string {
	text := v.copyText(copyPlain)
	if text == "" {
		return ""
	}
	cite := "[[" + strings.TrimSuffix(path.Base(v.note.Note.Path), ".md") + "]]"
	if chip := v.citedChip(); chip != nil && chip.url != "" {
		cite = "[" + chip.clock + "](" + chip.url + ") · " + cite
	}
	return quoteLines(text) + "\n>\n> — " + cite
}

// citedChip is the chip a quote of the selection cites: the first in it, or else the last
// before it; nil when there is none.
func (v *NoteView) citedChip() *overlaySegment {
	lo, hi := v.sel.bounds()
	var before *overlaySegment
	for i := 0; i <= hi.row && i < len(v.note.rows); i++ {
		for _, u := range rowUnits(v.note.rows[i]) {
			if u.chip == nil {
				continue
			}
			at := selPos{i, u.start}
			if at.before(lo) {
				before = u.chip
			} else if at.before(hi) {
				return u.chip
			}
		}
	}
	return before
}

// copyTo puts text on the clipboard, when there is any.
func copyTo(clip fyne.Clipboard, text string) {
	if text == "" {
		return
	}
	if clip == nil {
		clip = fyne.CurrentApp().Clipboard()
	}
	clip.SetContent(text)
}

// selectionMenu is the note's right-click menu.
func (v *NoteView) selectionMenu() *fyne.Menu {
	clip := fyne.CurrentApp().Clipboard()
	none := !v.HasSelection()
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Copy", func() { copyTo(clip, v.copyText(copyPlain)) }),
		fyne.NewMenuItem("Copy as Markdown", func() { copyTo(clip, v.copyText(copyMarkdown)) }),
		fyne.NewMenuItem("Copy as quote with link", func() { copyTo(clip, v.quoteText()) }),
	}
	for _, it := range items {
		it.Disabled = none
	}
	items[0].Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault}
	all := fyne.NewMenuItem("Select all", v.SelectAll)
	all.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMenu("", append(items, fyne.NewMenuItemSeparator(), all)...)
}

// showSelectionMenu shows the right-click menu at p (in the window).
func (v *NoteView) showSelectionMenu(p fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(v)
	if c == nil || v.note == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(v.selectionMenu(), c, p)
}
