package e2e

import (
	"image"
	"strings"
	"testing"
)

// Issue 12, item 6, in the real window: the Backlinks tab shows the sentence a link stands
// in, not the Markdown around it. A link from a table row reads as the row's cells without
// the pipes between them; one from a task list item reads without "- [ ]".
func TestContexts_BacklinksShowNoTablePipesOrListMarkers(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Harbour.md": "---\ntitle: Harbour survey\n---\n\n" +
			"| Site | Keeper | Built |\n| --- | --- | --- |\n| Pier | kept by [[Beacon]] | 1850 |\n\n" +
			"- [ ] repaint [[Beacon]] soon\n",
		"Beacon.md": "---\ntitle: Beacon\n---\n\nA light on the pier.\n",
	})
	a := Start(t, dir, "Beacon.md")
	a.WaitTitle("Beacon")
	a.Key("alt+1")

	// line returns the words OCR read on the line where phrase is, once it can be read.
	line := func(phrase string) []Word {
		t.Helper()
		var words []Word
		a.Wait("the backlink context "+phrase+" to be read", func() bool {
			words = a.Words(a.Shot(""), image.Rectangle{})
			_, ok := Find(words, phrase)
			return ok
		})
		box, _ := Find(words, phrase)
		var out []Word
		for _, w := range words {
			if w.Box.Min.Y < box.Max.Y && w.Box.Max.Y > box.Min.Y && w.Box.Min.X > box.Min.X-400 {
				out = append(out, w)
			}
		}
		return out
	}
	texts := func(ws []Word) string {
		var s []string
		for _, w := range ws {
			s = append(s, w.Text)
		}
		return strings.Join(s, " ")
	}

	row := line("kept by Beacon")
	t.Logf("the table row's context reads: %s", texts(row))
	for _, want := range []string{"Pier", "1850"} {
		if _, ok := Find(row, want); !ok {
			t.Errorf("the table row's context lacks %q: %s", want, texts(row))
		}
	}
	for _, w := range row {
		if strings.Contains(w.Text, "|") {
			t.Errorf("the table row's context shows a pipe: %s", texts(row))
			break
		}
	}

	item := line("repaint Beacon soon")
	t.Logf("the list item's context reads: %s", texts(item))
	for _, w := range item {
		if strings.ContainsAny(w.Text, "[]|") {
			t.Errorf("the list item's context shows markup: %s", texts(item))
			break
		}
	}
	if t.Failed() {
		a.Shot("contexts")
	}
}
