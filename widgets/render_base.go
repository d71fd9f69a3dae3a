package widgets

import (
	"fmt"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault/bases"
	md "vaultview/vault/markdown"
)

// maxEmbeddedBaseRows bounds the rows a base embedded in a note shows; the base itself, a
// click away, shows them all.
const maxEmbeddedBaseRows = 50

// baseEmbed renders `![[X.base]]` or `![[X.base#View]]`: the view's result as a table (a
// list view as a list and a cards view as cards, as the base shows them), run with `this` the embedding note, the base's
// name a link to open it whole, and what the base could not use said under it.
func (r *noteRenderer) baseEmbed(w *md.Wikilink, target string, f *noteFlow) {
	r.setLive()
	view := w.Fragment
	t, problems, err := r.in.RunBase(target, view, r.note)
	title := strings.TrimSuffix(path.Base(target), path.Ext(target))
	if view != "" {
		title += " › " + view
	}
	f.add(r.noteLink(title, target, "", inlineStyle{style: fyne.TextStyle{Bold: true}}))
	f.add(paragraphEnd())
	if err != nil {
		f.text("The base could not be read: "+err.Error(), widget.RichTextStyle{ColorName: theme.ColorNameWarning})
		r.problem(w, "embed %s: %v", target, err)
		return
	}
	var shown int
	switch t.Type {
	case "list":
		shown = r.baseEmbedList(&t, f)
	case "cards":
		shown = r.baseEmbedCards(&t, f)
	default:
		shown = r.baseEmbedTable(&t, f)
	}
	var notes []string
	switch {
	case t.Total == 0:
		notes = append(notes, "No notes match this view.")
	case shown < t.Total:
		notes = append(notes, fmt.Sprintf("%d of %d notes; open the base for all of them.", shown, t.Total))
	}
	notes = append(notes, problems...)
	for _, n := range notes {
		f.text(n, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText})
	}
}

// baseEmbedTable adds t to f as a table of at most maxEmbeddedBaseRows notes, and returns
// how many it shows.
func (r *noteRenderer) baseEmbedTable(t *bases.Table, f *noteFlow) int {
	seg := &widget.TableSegment{}
	for _, c := range t.Columns {
		seg.Headers = append(seg.Headers, []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: c.Name}})
	}
	strong := func(text string) [][]widget.RichTextSegment {
		cells := make([][]widget.RichTextSegment, len(t.Columns))
		cells[0] = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: text}}
		for k := 1; k < len(cells); k++ {
			cells[k] = []widget.RichTextSegment{&widget.TextSegment{Text: ""}}
		}
		return cells
	}
	// The lines the opened base lays out: the groups' headings (with their counts) among
	// the rows, the summaries last.
	shown := 0
	for _, l := range baseLines(t, nil) {
		if shown == maxEmbeddedBaseRows && l.kind != summaryLine {
			continue
		}
		switch l.kind {
		case groupLine:
			text, _ := baseCell(t, l, 0)
			seg.Rows = append(seg.Rows, strong(text))
		case summaryLine:
			if len(seg.Rows) == 0 {
				continue
			}
			var cells [][]widget.RichTextSegment
			for k := range t.Columns {
				text, _ := baseCell(t, l, k)
				cells = append(cells, []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleEmphasis, Text: text}})
			}
			seg.Rows = append(seg.Rows, cells)
		default:
			shown++
			row := t.Rows[l.row]
			var cells [][]widget.RichTextSegment
			for k, c := range row.Cells {
				if k == 0 {
					cells = append(cells, []widget.RichTextSegment{r.noteLink(c.String(), row.Path, "", inlineStyle{})})
					continue
				}
				cells = append(cells, []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: c.String()}})
			}
			seg.Rows = append(seg.Rows, cells)
		}
	}
	if len(seg.Rows) > 0 {
		f.add(seg)
	}
	return shown
}

// baseEmbedList adds t to f as a list view shows it (listItemOf), a bulleted line a note,
// at most maxEmbeddedBaseRows of them, and returns how many it shows.
func (r *noteRenderer) baseEmbedList(t *bases.Table, f *noteFlow) int {
	shown := 0
	for _, l := range baseLines(t, nil) {
		if shown == maxEmbeddedBaseRows && l.kind != summaryLine {
			continue // the summaries still come last, as under the table
		}
		name, rest := listItemOf(t, l)
		switch l.kind {
		case groupLine:
			f.text(name, widget.RichTextStyleStrong)
			f.add(paragraphEnd())
			continue
		case summaryLine:
			f.text(rest, widget.RichTextStyleEmphasis)
			f.add(paragraphEnd())
			continue
		}
		shown++
		line := &noteFlow{}
		line.add(r.noteLink(name, t.Rows[l.row].Path, "", inlineStyle{}))
		if rest != "" {
			line.text(listSeparator+rest, widget.RichTextStyleInline)
		}
		marker := &noteFlow{}
		marker.text(bullets[0]+"  ", widget.RichTextStyleStrong)
		f.add(&widget.ParagraphSegment{Texts: append(marker.done(), &widget.ParagraphSegment{Texts: line.done()})})
	}
	return shown
}

// setLive marks the note being rendered as showing what other notes hold.
func (r *noteRenderer) setLive() {
	if r.deps != nil {
		r.deps.live = true
	}
}
