package widgets

import (
	"fmt"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	md "vaultview/vault/markdown"
)

// maxEmbeddedBaseRows bounds the rows a base embedded in a note shows; the base itself, a
// click away, shows them all.
const maxEmbeddedBaseRows = 50

// baseEmbed renders `![[X.base]]` or `![[X.base#View]]`: the view's result as a table, run
// with `this` the embedding note, the base's name a link to open it whole, and what the base
// could not use said under it.
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
	seg := &widget.TableSegment{}
	for _, c := range t.Columns {
		seg.Headers = append(seg.Headers, []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: c.Name}})
	}
	for i, row := range t.Rows {
		if i == maxEmbeddedBaseRows {
			break
		}
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
	if len(seg.Rows) > 0 {
		f.add(seg)
	}
	var notes []string
	switch shown := len(seg.Rows); {
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

// setLive marks the note being rendered as showing what other notes hold.
func (r *noteRenderer) setLive() {
	if r.deps != nil {
		r.deps.live = true
	}
}
