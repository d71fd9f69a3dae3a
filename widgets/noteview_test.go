package widgets_test

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/vault/bases"
	"vaultview/widgets"
)

// The fixture vault testdata/noteview/vault holds one note with every syntax form of
// docs/FORMAT.md (tour/how_tides_turn.md), the notes it embeds and links to, an embed cycle
// (loop_a, loop_b) and a note without a video.
//
// Golden files: a test that finds its rendering changed writes the new markup to
// testdata/failed/noteview/; review it and copy it over testdata/noteview/ to accept it.

const nvFixtureNote = "tour/how_tides_turn.md"

// nvFixture loads the fixture vault.
func nvFixture(t testing.TB) *vault.Vault {
	t.Helper()
	v, err := vault.Load(os.DirFS("testdata/noteview/vault"))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// nvRender renders a note of the fixture vault.
func nvRender(t testing.TB, v *vault.Vault, p string) *widgets.RenderedNote {
	t.Helper()
	in := vaultInput(t, v, p)
	return widgets.RenderNote(in)
}

// nvOpened records what a NoteView asked to open.
type nvOpened struct {
	urls       []string
	links      []string
	unresolved []string
}

// nvShow shows the note at p in a window of the given size, with recording callbacks.
func nvShow(t *testing.T, p string, size fyne.Size) (*widgets.NoteView, fyne.Window, *nvOpened) {
	t.Helper()
	test.NewTempApp(t)
	v := nvFixture(t)
	nv := widgets.NewNoteView()
	rec := &nvOpened{}
	nv.OnOpenURL = func(u *url.URL) { rec.urls = append(rec.urls, u.String()) }
	nv.OnOpenLink = func(p, fragment string) { rec.links = append(rec.links, p+"#"+fragment) }
	nv.OnOpenUnresolved = func(name string) { rec.unresolved = append(rec.unresolved, name) }
	w := test.NewTempWindow(t, nv)
	w.Resize(size)
	nv.ShowNote(nvRender(t, v, p))
	return nv, w, rec
}

// nvWalk calls visit for every object shown under o, depth first.
func nvWalk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			nvWalk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			nvWalk(c, visit)
		}
	}
}

// chip is what a test sees of a timestamp chip.
type nvChip interface {
	fyne.Tappable
	fyne.CanvasObject
	URL() string
}

// nvChips returns the nvChips shown in the window, top to bottom.
func nvChips(w fyne.Window) []nvChip {
	var out []nvChip
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(nvChip); ok {
			out = append(out, c)
		}
	})
	return out
}

// nvTexts returns the text objects shown whose text is s.
func nvTexts(w fyne.Window, s string) []*canvas.Text {
	var out []*canvas.Text
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text == s {
			out = append(out, t)
		}
	})
	return out
}

// nvCentre is the absolute position of the middle of o.
func nvCentre(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

func TestNoteView_RendersEveryForm(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(900, 3600))
	test.AssertRendersToMarkup(t, "noteview/fixture.xml", w.Canvas())
}

func TestNoteView_TopOfNote(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(700, 500))
	test.AssertRendersToMarkup(t, "noteview/top.xml", w.Canvas())
}

func TestNoteView_ChipOpensTheVideoAtItsSecond(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(900, 700))
	cs := nvChips(w)
	if len(cs) == 0 {
		t.Fatal("no nvChips shown")
	}
	first := cs[0]
	test.TapAt(first, fyne.NewPos(first.Size().Width/2, first.Size().Height/2))
	want := "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s"
	if len(rec.urls) != 1 || rec.urls[0] != want {
		t.Fatalf("tapping the 00:18:28 chip nvOpened %q, want [%s]", rec.urls, want)
	}
	// A tap on the window where the chip is drawn reaches it too: nothing covers it.
	test.TapCanvas(w.Canvas(), nvCentre(first))
	if len(rec.urls) != 2 || rec.urls[1] != want {
		t.Fatalf("tapping the canvas at the chip nvOpened %q", rec.urls)
	}
	// 1:05:03 is the second chip.
	test.TapAt(cs[1], fyne.NewPos(cs[1].Size().Width/2, cs[1].Size().Height/2))
	if got := rec.urls[2]; got != "https://www.youtube.com/watch?v=APvj15_YCqk&t=3903s" {
		t.Errorf("second chip nvOpened %q", got)
	}
}

func TestNoteView_ChipSitsOnTheTextBaseline(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(900, 700))
	first := nvChips(w)[0]
	// The chip covers its placeholder: same top, same height as the text of its line.
	word := nvTexts(w, " on the oceans ")
	if len(word) != 1 {
		t.Fatalf("found %d nvTexts before the chip", len(word))
	}
	chipPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(first)
	textPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(word[0])
	if d := chipPos.Y - textPos.Y; d < 0 || d > 3 {
		t.Errorf("chip top %v is %v below its line's text top %v", chipPos.Y, d, textPos.Y)
	}
	if end := textPos.X + word[0].Size().Width; chipPos.X < end-1 || chipPos.X > end+1 {
		t.Errorf("chip starts at x=%v, the text before it ends at %v", chipPos.X, end)
	}
}

func TestNoteView_NoVideoChipOpensNothing(t *testing.T) {
	_, w, rec := nvShow(t, "tour/no_video.md", fyne.NewSize(700, 400))
	cs := nvChips(w)
	if len(cs) != 1 || cs[0].URL() != "" {
		t.Fatalf("want one chip without a video, got %d", len(cs))
	}
	test.TapAt(cs[0], fyne.NewPos(cs[0].Size().Width/2, cs[0].Size().Height/2))
	test.TapCanvas(w.Canvas(), nvCentre(cs[0]))
	if len(rec.urls) != 0 {
		t.Errorf("a chip without a video nvOpened %q", rec.urls)
	}
	if len(nvTexts(w, "▶ 18:28 · no video")) != 1 {
		t.Error("the chip does not say that there is no video")
	}
	test.AssertRendersToMarkup(t, "noteview/novideo.xml", w.Canvas())
}

func TestNoteView_UnresolvedLinkCallsOnOpenUnresolved(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(900, 700))
	words := nvTexts(w, "charts")
	if len(words) != 1 {
		t.Fatalf("found %d nvTexts %q", len(words), "charts")
	}
	test.TapCanvas(w.Canvas(), nvCentre(words[0]))
	if len(rec.unresolved) != 1 || rec.unresolved[0] != "Harbour Charts" {
		t.Errorf("tapping an unresolved link gave %q, want [Harbour Charts]", rec.unresolved)
	}
	if len(rec.links)+len(rec.urls) != 0 {
		t.Errorf("an unresolved link nvOpened %q %q", rec.links, rec.urls)
	}
}

func TestNoteView_LinksOpenNotesAndHeadings(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(900, 3600))
	// A link is drawn a word at a time; tapping any word opens it.
	tap := func(word string) {
		t.Helper()
		words := nvTexts(w, word)
		if len(words) != 1 {
			t.Fatalf("found %d words %q", len(words), word)
		}
		test.TapCanvas(w.Canvas(), nvCentre(words[0]))
	}
	tap("pulls")  // [[moon_phases | Moon pulls]]
	tap("Phases") // [[Moon Phases#New moon]]
	tap("neap")   // [[#Spring and neap tides]]
	tap("a")      // [a note](moon%20phases.md)
	want := []string{
		"tour/moon_phases.md#",
		"tour/moon_phases.md#New moon",
		"tour/how_tides_turn.md#Spring and neap tides",
		"tour/moon_phases.md#",
	}
	if strings.Join(rec.links, "|") != strings.Join(want, "|") {
		t.Errorf("links nvOpened %q, want %q", rec.links, want)
	}
}

func TestNoteView_OnlyWebAndMailLinksReachTheOpener(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(900, 3600))
	var links []*widget.Hyperlink
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			links = append(links, h)
		}
	})
	for _, h := range links {
		test.Tap(h)
	}
	for _, c := range nvChips(w) {
		test.Tap(c)
	}
	for _, s := range []string{"bad", "file"} {
		for _, txt := range nvTexts(w, s) {
			test.TapCanvas(w.Canvas(), nvCentre(txt))
		}
	}
	if len(rec.urls) == 0 {
		t.Fatal("no web link nvOpened anything")
	}
	for _, raw := range rec.urls {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto") {
			t.Errorf("nvOpened %q", raw)
		}
	}
	for _, l := range links {
		if l.Text == "bad" || l.Text == "file" {
			t.Errorf("%q is a link", l.Text)
		}
	}
}

func TestNoteView_HiddenContentIsNeverShown(t *testing.T) {
	test.NewTempApp(t)
	r := nvRender(t, nvFixture(t), nvFixtureNote)
	text := r.Text()
	for _, hidden := range []string{"alert(", "never shown", "document.write", "hidden comment", "<script", "<div", "<iframe", "^phase-intro"} {
		if strings.Contains(text, hidden) {
			t.Errorf("the note shows %q", hidden)
		}
	}
	for _, shown := range []string{"kept span", "A div block with text kept.", "x2 and H2O", "[xx:yy]", "Tides rise and fall"} {
		if !strings.Contains(text, shown) {
			t.Errorf("the note does not show %q", shown)
		}
	}
}

func TestRenderNote_EmbedCycleEnds(t *testing.T) {
	test.NewTempApp(t)
	v := nvFixture(t)
	done := make(chan *widgets.RenderedNote)
	go func() { done <- nvRender(t, v, "tour/loop_a.md") }()
	select {
	case r := <-done:
		text := r.Text()
		if !strings.Contains(text, "Loop B embeds A.") || !strings.Contains(text, "would never end") {
			t.Errorf("the cycle is not shown as such:\n%s", text)
		}
		if strings.Count(text, "Loop A embeds B.") != 1 {
			t.Errorf("loop_a is shown more than once:\n%s", text)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("rendering an embed cycle did not end")
	}
}

func TestRenderNote_EmbedDepthIsLimited(t *testing.T) {
	test.NewTempApp(t)
	notes := map[string]string{}
	for i := range 6 {
		notes[string(rune('a'+i))+".md"] = "Level " + string(rune('a'+i)) + "\n\n![[" + string(rune('a'+i+1)) + "]]\n"
	}
	src := func(p string) []byte { return []byte(notes[p]) }
	in := widgets.RenderInput{
		Source: src("a.md"),
		Note:   vault.ParseNote("a.md", src("a.md")),
		Resolve: func(_, target string) string {
			if _, ok := notes[target+".md"]; ok {
				return target + ".md"
			}
			return ""
		},
		LoadNote: func(p string) ([]byte, *vault.Note, bool) {
			return src(p), vault.ParseNote(p, src(p)), notes[p] != ""
		},
	}
	text := widgets.RenderNote(in).Text()
	for _, level := range []string{"Level a", "Level b", "Level c", "Level d"} {
		if !strings.Contains(text, level) {
			t.Errorf("%q is not shown", level)
		}
	}
	if strings.Contains(text, "Level e") {
		t.Errorf("embeds nest deeper than 3:\n%s", text)
	}
}

func TestNoteView_FoldedCalloutOpensOnTap(t *testing.T) {
	_, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(900, 3600))
	body := "Never anchor on a falling tide without checking the depth."
	if len(nvTexts(w, body)) != 0 {
		t.Fatal("a folded callout shows its body")
	}
	titles := nvTexts(w, "Folded warning")
	if len(titles) != 1 {
		t.Fatalf("found %d folded callout titles", len(titles))
	}
	below := nvTexts(w, "Open question")[0]
	before := fyne.CurrentApp().Driver().AbsolutePositionForObject(below).Y
	test.TapCanvas(w.Canvas(), nvCentre(titles[0]))
	if len(nvTexts(w, body)) != 1 {
		t.Fatal("tapping a folded callout's title does not show its body")
	}
	after := fyne.CurrentApp().Driver().AbsolutePositionForObject(below).Y
	if after <= before {
		t.Errorf("the callout below did not move down when the fold nvOpened (%v → %v)", before, after)
	}
}

func TestNoteView_ScrollToHeadingAndOffset(t *testing.T) {
	nv, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(700, 300))
	if !nv.ScrollToHeading("spring-and-neap-tides") && !nv.ScrollToHeading("Spring and neap tides") {
		t.Fatal("heading not found")
	}
	headings := nvTexts(w, "Spring and neap tides")
	if len(headings) == 0 {
		t.Fatal("the heading is not shown after scrolling to it")
	}
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(nv).Y
	y := fyne.CurrentApp().Driver().AbsolutePositionForObject(headings[0]).Y
	if y < top || y > top+300 {
		t.Errorf("heading at y=%v is not in view", y)
	}
	if nv.ScrollToHeading("No such heading") {
		t.Error("a missing heading was found")
	}
	n := nv.Note().Note
	var tableLink vault.Link
	for _, l := range n.Links {
		if l.Target == "moon_phases" && l.Fragment == "New moon" && l.Kind == vault.Embed {
			tableLink = l
		}
	}
	if !nv.ScrollToOffset(int(tableLink.Offset)) {
		t.Fatal("offset of the section embed not found")
	}
	if len(nvTexts(w, "At new moon the Moon sits between the Earth and the Sun ")) == 0 {
		t.Error("the embed is not shown after scrolling to its offset")
	}
}

func TestNoteView_ShowingTheSameNoteKeepsThePlace(t *testing.T) {
	test.NewTempApp(t)
	v := nvFixture(t)
	nv := widgets.NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(700, 300))
	nv.ShowNote(nvRender(t, v, nvFixtureNote))
	nv.SetScrollOffset(600)
	before := nv.ScrollOffset()
	if before < 500 {
		t.Fatalf("scrolled to %v", before)
	}
	nv.ShowNote(nvRender(t, v, nvFixtureNote))
	if after := nv.ScrollOffset(); after != before {
		t.Errorf("showing the note again moved it from %v to %v", before, after)
	}
	nv.ShowNote(nvRender(t, v, "tour/moon_phases.md"))
	if after := nv.ScrollOffset(); after != 0 {
		t.Errorf("another note opens scrolled to %v", after)
	}
}

func TestNoteView_WatchVideo(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(700, 400))
	var watch *widget.Button
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Watch video" {
			watch = b
		}
	})
	if watch == nil {
		t.Fatal("no Watch video button")
	}
	test.Tap(watch)
	if len(rec.urls) != 1 || rec.urls[0] != "https://www.youtube.com/watch?v=APvj15_YCqk&t=0s" {
		t.Errorf("Watch video nvOpened %q", rec.urls)
	}
}

// TestNoteView_TappingAHeaderTagOpensIt: the tags in a note's header are links to the
// tag's notes (the window lists them in its Tags tab).
func TestNoteView_TappingAHeaderTagOpensIt(t *testing.T) {
	test.NewTempApp(t)
	v := widgets.NewNoteView()
	var opened []string
	v.OnOpenTag = func(tag string) { opened = append(opened, tag) }
	src := []byte("---\ntags: [history/medieval]\n---\n# Mills\n")
	v.ShowNote(widgets.RenderNote(widgets.RenderInput{Source: src, Note: vault.ParseNote("mills.md", src)}))
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(600, 400))
	tapShownText(t, w.Canvas(), "#history/medieval")
	if len(opened) != 1 || opened[0] != "history/medieval" {
		t.Fatalf("tapping the tag opened %v", opened)
	}
}

// A note is stale after a reload that changed what it shows of other files: any reload when
// it shows a base or a videos block, a change to a note it embeds (at any depth) otherwise.
func TestRenderedNote_StaleAfterWhatItShowsChanged(t *testing.T) {
	test.NewTempApp(t)
	notes := map[string]string{
		"plain.md":  "Just text with a [[deep]] link.\n",
		"embeds.md": "![[middle]]\n",
		"middle.md": "Middle\n\n![[deep]]\n",
		"deep.md":   "Deep text.\n",
		"base.md":   "![[Episodes.base]]\n",
		"videos.md": "```videos\n```\n",
		"nested.md": "![[base]]\n",
	}
	src := func(p string) []byte { return []byte(notes[p]) }
	render := func(p string) *widgets.RenderedNote {
		return widgets.RenderNote(widgets.RenderInput{
			Source: src(p),
			Note:   vault.ParseNote(p, src(p)),
			Resolve: func(_, target string) string {
				if _, ok := notes[target+".md"]; ok {
					return target + ".md"
				}
				if strings.HasSuffix(target, ".base") {
					return target
				}
				return ""
			},
			LoadNote: func(p string) ([]byte, *vault.Note, bool) {
				return src(p), vault.ParseNote(p, src(p)), notes[p] != ""
			},
			RunBase: func(string, string, *vault.Note) (bases.Table, []string, error) { return bases.Table{}, nil, nil },
			Videos:  func() ([]vault.Video, bool) { return nil, true },
		})
	}
	other := vault.Reload{Changed: []string{"unrelated.md"}}
	deep := vault.Reload{Changed: []string{"deep.md"}}
	gone := vault.Reload{Removed: []string{"middle.md"}}
	moved := vault.Reload{Renamed: map[string]string{"deep.md": "elsewhere/deep.md"}}
	for _, tc := range []struct {
		note   string
		reload vault.Reload
		stale  bool
	}{
		{"plain.md", deep, false}, // a link shows nothing of its target
		{"plain.md", vault.Reload{Rescan: true}, false},
		{"embeds.md", other, false},
		{"embeds.md", deep, true}, // embedded two deep
		{"embeds.md", gone, true},
		{"embeds.md", moved, true},
		{"embeds.md", vault.Reload{Rescan: true}, true},
		{"base.md", other, true},
		{"videos.md", other, true},
		{"nested.md", other, true}, // the base is in the embedded note
	} {
		if got := render(tc.note).Stale(tc.reload); got != tc.stale {
			t.Errorf("%s after %+v: stale %v, want %v", tc.note, tc.reload, got, tc.stale)
		}
	}
}
