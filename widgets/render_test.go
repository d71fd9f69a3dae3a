package widgets_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// nvSource renders Markdown source as the note p, with links resolving to nothing.
func nvSource(p, src string) *widgets.RenderedNote {
	return widgets.RenderNote(widgets.RenderInput{Source: []byte(src), Note: vault.ParseNote(p, []byte(src))})
}

func TestRenderNote_Text(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"escapes and entities", `a \*b\* &amp; c&#33;`, "a *b* & c!\n"},
		{"line break tag", "one <br/>\n two<br>three", "one\ntwo\nthree\n"},
		{"comment squeezed", "a %%hidden%% b", "a b\n"},
		{"script squeezed", "a <script>x()</script> b", "a b\n"},
		{"block id hidden", "A paragraph. ^abc-1", "A paragraph.\n"},
		{"caret kept", "2^10 is x^y", "2^10 is x^y\n"},
		{"style block dropped", "<style>\np { color: red }\n</style>\n\nafter", "after\n"},
		{"object dropped", "a <object data=x>fallback</object> b", "a b\n"},
		{"unknown tags keep text", "<u>under</u> and <kbd>Ctrl</kbd>", "under and Ctrl\n"},
		{"timestamp in html block", "<div>\nat <a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a>\n</div>", "at ▶ 1:05 · no video\n"},
		{"legacy timestamp", "[00:00:19](<a class=\"yt-timestamp\" data-t=\"00:00:19\">[00:00:19]</a>)", "▶ 0:19 · no video\n"},
		{"hour timestamp", `<a class="yt-timestamp" data-t="01:00:17:51">[01:00:17]</a>`, "▶ 1:00:17 · no video\n"},
		{"task list", "- [ ] open\n- [x] done", "[ ] open\n[x] done\n"},
		{"code keeps links", "`[[a]] <b>`", "[[a]] <b>\n"},
		{"unresolved wikilink", "see [[Some Name | that]]", "see that\n"},
		{"wikilink heading", "[[note#Part two]] and [[#Local]]", "note › Part two and Local\n"},
		{"remote image", "![chart](https://example.org/c.png)", "[image: chart]\n"},
		{"data link is text", "[x](data:text/html,hi)", "x\n"},
		{"links under a line break", "Intro\n\n<br>\n[[a_topic|A Topic]]\n[[b_topic | B Topic]]", "Intro\nA Topic B Topic\n"},
		{"markdown link to a wikilink", "See [the topic]([[some_topic]]) and [x]( [[Some Topic | y]]).", "See the topic and x.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := nvSource("n.md", c.src).Text(); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestRenderNote_HugeParagraphKeepsEveryWord(t *testing.T) {
	var b strings.Builder
	words := 0
	for i := 0; b.Len() < 300_000; i++ {
		fmt.Fprintf(&b, "Word%d sentence number %d ends here. ", i, i)
		words += 6
		if i%5 == 0 {
			fmt.Fprintf(&b, `<a class="yt-timestamp" data-t="00:%02d:%02d">[x]</a> `, i/60%60, i%60)
			words += 2 // ▶ and the time
		}
	}
	src := "---\nvideoId: APvj15_YCqk\n---\n" + b.String() + "\n"
	text := nvSource("big.md", src).Text()
	if got := len(strings.Fields(text)); got != words {
		t.Errorf("the paragraph shows %d words, want %d", got, words)
	}
	test.NewTempApp(t)
	nv := nvWindow(t)
	nv.ShowNote(nvSource("big.md", src))
	if nv.ScrollOffset() != 0 {
		t.Errorf("opened at %v", nv.ScrollOffset())
	}
	nv.SetScrollOffset(20_000)
	if y := nv.ScrollOffset(); y < 19_000 || y > 21_000 {
		t.Errorf("scrolled to %v", y)
	}
}

func TestNoteView_CalloutInAListItem(t *testing.T) {
	test.NewTempApp(t)
	nv := nvWindow(t)
	nv.ShowNote(nvSource("n.md", "- an item\n\n  > [!tip]- Folded in a list\n  > hidden body\n- another item\n"))
	c := nv.Note()
	if !strings.Contains(c.Text(), "Folded in a list") {
		t.Fatalf("callout missing:\n%s", c.Text())
	}
	var titles []*canvas.Text
	nvWalk(nv, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text == "Folded in a list" {
			titles = append(titles, t)
		}
	})
	if len(titles) != 1 {
		t.Fatalf("found %d callout titles", len(titles))
	}
	test.TapCanvas(fyne.CurrentApp().Driver().CanvasForObject(nv), nvCentre(titles[0]))
	shown := false
	nvWalk(nv, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text == "hidden body" {
			shown = true
		}
	})
	if !shown {
		t.Error("tapping the callout in a list item does not unfold it")
	}
}

func TestNoteView_FollowsTheTheme(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(700, 400))
	pill := func() *canvas.Rectangle {
		var r *canvas.Rectangle
		nvWalk(nvChips(w)[0], func(o fyne.CanvasObject) {
			if rect, ok := o.(*canvas.Rectangle); ok && r == nil {
				r = rect
			}
		})
		return r
	}
	before := pill().FillColor
	test.ApplyTheme(t, test.NewTheme())
	if after := pill().FillColor; after == before {
		t.Errorf("the chip kept its colour %v after a theme change", before)
	}
}

func TestNoteView_ScrollToOffsetInFrontmatter(t *testing.T) {
	nv, _, _ := nvShow(t, nvFixtureNote, fyne.NewSize(700, 300))
	nv.SetScrollOffset(500)
	if !nv.ScrollToOffset(10) || nv.ScrollOffset() != 0 {
		t.Errorf("an offset in the frontmatter scrolled to %v", nv.ScrollOffset())
	}
	if nv.ScrollToOffset(-1) {
		t.Error("a negative offset was found")
	}
}

// Issue 12 item 9: the links under a line of `<br>` and a Markdown link whose destination
// is a wikilink are links in the window, labelled as written, opening their targets.
func TestNoteView_LinksUnderALineBreakAndInMarkdownLinksOpen(t *testing.T) {
	test.NewTempApp(t)
	v, err := vault.Load(fstest.MapFS{
		"n.md": {Data: []byte("Intro\n\n<br>\n[[some_topic_name|Topic Label]]\n[[missing_topic | Missing Label]]\n\n" +
			"See [wrapped text]([[other_note]]) and [spaced]( [[Other Note#Part two]]).\n")},
		"some_topic_name.md": {Data: []byte("# Some topic\n")},
		"other_note.md":      {Data: []byte("# Other\n\n## Part two\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	in := vaultInput(t, v, "n.md")
	nv := widgets.NewNoteView()
	var links, unresolved []string
	nv.OnOpenLink = func(p, fragment string) { links = append(links, p+"#"+fragment) }
	nv.OnOpenUnresolved = func(name string) { unresolved = append(unresolved, name) }
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(900, 600))
	nv.ShowNote(widgets.RenderNote(in))
	if text := nv.Note().Text(); strings.Contains(text, "[[") || strings.Contains(text, "](") {
		t.Fatalf("raw link markup shown:\n%s", text)
	}
	// A link is drawn a word at a time; "Label" ends both links under the `<br>`.
	for _, tap := range []struct {
		word  string
		count int
	}{{"Label", 2}, {"wrapped", 1}, {"spaced", 1}} {
		words := nvTexts(w, tap.word)
		if len(words) != tap.count {
			t.Fatalf("found %d words %q, want %d", len(words), tap.word, tap.count)
		}
		for _, o := range words {
			test.TapCanvas(w.Canvas(), nvCentre(o))
		}
	}
	want := []string{"some_topic_name.md#", "other_note.md#", "other_note.md#Part two"}
	if strings.Join(links, "|") != strings.Join(want, "|") {
		t.Errorf("links opened %q, want %q", links, want)
	}
	if len(unresolved) != 1 || unresolved[0] != "missing_topic" {
		t.Errorf("unresolved links opened %q, want [missing_topic]", unresolved)
	}
}

func FuzzRenderNote(f *testing.F) {
	for _, seed := range []string{
		"# h\n\n- [ ] a\n  > [!x]- t\n  > b\n\n| a | b |\n| - | - |\n| [[c]] | <a class=\"yt-timestamp\" data-t=\"1:2\">[1:2]</a> |",
		"==a **b** c== %%d%% <script>e</script> ![[f#^g]] [h](i%zz) <http://j> ^k",
		"> [!note]\n> > [!tip]+\n> > - x\n\n[^1]\n\n[^1]: y",
		"<div>\n<a class=\"yt-timestamp\" data-t=\"00:18:28\">[00:18:28]\n</div>",
		strings.Repeat("word. ", 3000),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := nvSource("f.md", src)
		_ = r.Text()
	})
}
