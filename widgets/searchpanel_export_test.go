package widgets

import (
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SetSearchAsync makes a SearchPanel hand each search to run instead of starting it on a
// goroutine of its own after a pause, so that tests decide when searches run and finish.
func SetSearchAsync(p *SearchPanel, run func(func())) {
	p.async = run
	p.debounce = 0
}

// SearchRows returns the panel's rows as text: a note's row as its segments joined, a
// snippet's indented by two spaces with its highlights in [brackets]; the selected row
// starts with ">".
func SearchRows(p *SearchPanel) []string {
	var out []string
	for i, ref := range p.rows {
		n := p.results.Notes[ref.note]
		var b strings.Builder
		if i == p.selected {
			b.WriteString(">")
		}
		if ref.match < 0 {
			for _, s := range searchNoteSegments(n) {
				b.WriteString(s.Textual())
			}
		} else {
			b.WriteString("  ")
			for _, s := range searchSnippetSegments(n.Matches[ref.match]) {
				if s.(*widget.TextSegment).Style.ColorName == theme.ColorNamePrimary {
					b.WriteString("[" + s.Textual() + "]")
				} else {
					b.WriteString(s.Textual())
				}
			}
		}
		out = append(out, b.String())
	}
	return out
}

// SearchSummary is the summary line's text.
func SearchSummary(p *SearchPanel) string { return p.summary.Text }
