package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// shownTexts returns the pieces of text on the canvas, top to bottom.
func shownTexts(c fyne.Canvas) []string {
	var out []string
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" {
			out = append(out, txt.Text)
		}
	})
	return out
}

func TestBacklinks_ContextsShowNoTableOrListMarkup(t *testing.T) {
	b, w, ix := backlinksWindow(t, map[string]string{
		"sundials.md": "# Sundials\n",
		"survey.md": "# Survey\n\n| Site | Finding | Year |\n| --- | --- | --- |\n" +
			"| Old mill | a **[[sundials\\|sundial]]** by the door | 1820 |\n\n" +
			"- [ ] measure the [[sundials]] shadow\n\n> [!tip] Reading\n> > see [[sundials]] first\n",
	})
	w.Resize(fyne.NewSize(600, 600))
	b.SetNote(ix, "sundials.md")
	shown := strings.Join(shownTexts(w.Canvas()), "")
	for _, want := range []string{"Old mill · a sundial by the door · 1820", "measure the sundials shadow", "see sundials first"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the panel lacks %q:\n%s", want, shown)
		}
	}
	for _, raw := range []string{"|", "[ ]", "[!", ">", "**"} {
		if strings.Contains(shown, raw) {
			t.Errorf("the panel shows %q:\n%s", raw, shown)
		}
	}
	if bold := shownBoldTexts(w.Canvas()); !strings.Contains(strings.Join(bold, ","), "sundial,") {
		t.Errorf("the link in the table row is not the bold part: %q", bold)
	}
}

func TestBacklinks_PreviewOfAMentionInALongBlock(t *testing.T) {
	lines := func(format string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	cases := []struct {
		name, body string
		want       []string // in the preview's text, which has a line of its own for "…"
		notWant    []string
	}{
		{
			name: "table",
			body: "| Site | Finding | Year |\n| --- | --- | --- |\n" + lines("| site %d | nothing of note here today | 1900 |\n", 60) +
				"| Old mill | a [[sundials]] by the door | 1820 |\n" + lines("| site %d | nothing of note here today | 1900 |\n", 60),
			want:    []string{"\n…\n", "\nSite\tFinding\tYear\n", "\nOld mill\ta sundials by the door\t1820\n"},
			notWant: []string{"|", "---"},
		},
		{
			name: "numbered list",
			body: lines("%d. a step that does little at all\n", 60) + "61. then [[sundials]] come in\n" + lines("%d. a step that does little at all\n", 60),
			want: []string{"\n…\n", "\n60. then sundials come in\n"},
			// A cut inside a line would leave the markers as text: "… little at all 53. a step".
			notWant: []string{"all 5", "all 6"},
		},
		{
			name:    "nested list",
			body:    "- outer\n" + lines("    - inner %d that does little at all\n", 60) + "    - then [[sundials]] come in\n" + lines("    - inner %d that does little\n", 60),
			want:    []string{"\n…\n", "◦  then sundials come in\n"},
			notWant: []string{"- inner", "- then", "    inner"},
		},
		{
			name:    "callout",
			body:    "> [!note] Field notes\n" + lines("> line %d of the notes, saying little at all\n", 60) + "> and [[sundials]] again\n" + lines("> line %d of the notes\n", 60),
			want:    []string{"\n…\n", "\n[note] Field notes\n", "little at all and sundials again line 0"},
			notWant: []string{"> ", "[!note]"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{
				"sundials.md": "# Sundials\n",
				"long.md":     "---\ntitle: Long\n---\n" + c.body,
			}
			b, w, ix := backlinksWindow(t, files)
			b.LoadNote = func(p string) ([]byte, *vault.Note, bool) {
				n := ix.Note(p)
				return []byte(files[p]), n, n != nil
			}
			timers := widgets.UseBacklinksPreviewTimers(b)
			b.SetNote(ix, "sundials.md")
			var at fyne.Position
			walkShown(w.Canvas().Content(), fyne.Position{}, func(o fyne.CanvasObject, p fyne.Position) {
				if txt, ok := o.(*canvas.Text); ok && txt.Text == "sundials" && txt.TextStyle.Bold {
					at = p.Add(fyne.NewPos(5, 5))
				}
			})
			if at.IsZero() {
				t.Fatal("no mention row")
			}
			test.MoveMouse(w.Canvas(), at)
			timers.Fire()
			got := widgets.BacklinksPreviewText(b)
			for _, want := range c.want {
				if !strings.Contains(got, want) {
					t.Errorf("the preview lacks %q:\n%.600s", want, got)
				}
			}
			for _, raw := range c.notWant {
				if strings.Contains(got, raw) {
					t.Errorf("the preview shows %q:\n%.600s", raw, got)
				}
			}
			if !strings.HasPrefix(got, "Long\n") || len(got) > 2500 {
				t.Errorf("the preview is not the bounded text around the link (%d bytes):\n%.300s", len(got), got)
			}
		})
	}
}
