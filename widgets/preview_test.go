package widgets_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// pvShow shows the fixture note like nvShow, with a clock for previews that the test fires.
func pvShow(t *testing.T, size fyne.Size) (*widgets.NoteView, fyne.Window, *nvOpened, *widgets.PreviewTimers) {
	t.Helper()
	nv, w, rec := nvShow(t, nvFixtureNote, size)
	return nv, w, rec, widgets.UsePreviewTimers(nv)
}

// pvHover moves the pointer onto the only text s on the canvas.
func pvHover(t *testing.T, w fyne.Window, s string) {
	t.Helper()
	texts := nvTexts(w, s)
	if len(texts) != 1 {
		t.Fatalf("found %d texts %q", len(texts), s)
	}
	test.MoveMouse(w.Canvas(), nvCentre(texts[0]))
}

// pvAway moves the pointer onto nothing.
func pvAway(w fyne.Window) {
	test.MoveMouse(w.Canvas(), fyne.NewPos(2, w.Canvas().Size().Height-2))
}

func TestNoteView_PreviewShowsAfterTheDelayAndClosesWhenThePointerLeaves(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 700))
	titlesBefore := len(nvTexts(w, "Moon phases"))

	pvHover(t, w, "pulls") // [[moon_phases | Moon pulls]]
	if got := widgets.PreviewText(nv); got != "" {
		t.Fatalf("a preview shows before its time: %q", got)
	}
	if timers.Pending() != 1 {
		t.Fatalf("%d timers wait, want the preview's", timers.Pending())
	}
	timers.Fire()
	got := widgets.PreviewText(nv)
	for _, want := range []string{"Moon phases\n", "The Moon goes through its phases once a month.", "At new moon the Moon sits between"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "^phase-intro") {
		t.Errorf("the preview shows a block id:\n%s", got)
	}
	if n := len(nvTexts(w, "Moon phases")); n != titlesBefore+1 {
		t.Errorf("the preview's title is not on the canvas (%d texts, %d before)", n, titlesBefore)
	}

	pvAway(w)
	if widgets.PreviewText(nv) == "" {
		t.Error("the preview closed at once; it should wait a moment for the pointer to come into it")
	}
	timers.Fire()
	if got := widgets.PreviewText(nv); got != "" {
		t.Errorf("the preview stays after the pointer left: %q", got)
	}
	if n := len(nvTexts(w, "Moon phases")); n != titlesBefore {
		t.Errorf("the preview's title is still drawn (%d texts)", n)
	}
}

// TestNoteView_FootnoteReferenceShowsTheFootnote: resting on a footnote reference shows the
// footnote's text, without its number or its way back; a tap on the reference still goes to
// the footnote (issue #15, item 6).
func TestNoteView_FootnoteReferenceShowsTheFootnote(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 3600))
	pvHover(t, w, "[1]")
	timers.Fire()
	if got, want := widgets.PreviewText(nv), "Footnote 1\nTides were first explained by gravity.\n"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	pvAway(w)
	timers.Fire()
	if got := widgets.PreviewText(nv); got != "" {
		t.Errorf("the preview stays after the pointer left: %q", got)
	}

}

// TestNoteView_TapOnAFootnoteReferenceGoesToTheFootnote: the reference is now a link word
// (for its preview); a tap on it still scrolls the footnote into view.
func TestNoteView_TapOnAFootnoteReferenceGoesToTheFootnote(t *testing.T) {
	var src strings.Builder
	src.WriteString("A claim[^1] at the top.\n\n")
	for i := range 60 {
		fmt.Fprintf(&src, "Filler paragraph %d.\n\n", i)
	}
	src.WriteString("[^1]: The source of the claim.\n")
	nv, w := nmShow(t, src.String(), fyne.NewSize(700, 400))
	if nmInView(t, nv, w, "The source of the claim. ") {
		t.Fatal("the footnote is in view before the tap")
	}
	refs := nvTexts(w, "[1]")
	if len(refs) != 1 {
		t.Fatalf("%d references drawn", len(refs))
	}
	test.TapCanvas(w.Canvas(), nvCentre(refs[0]))
	if !nmInView(t, nv, w, "The source of the claim. ") {
		t.Error("the tap did not bring the footnote into view")
	}
}

func TestNoteView_PreviewWaitsForThePointerToRest(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 700))
	pvHover(t, w, "pulls")
	pvAway(w) // gone before the delay ends
	timers.Fire()
	if got := widgets.PreviewText(nv); got != "" {
		t.Errorf("a link the pointer only crossed is previewed: %q", got)
	}
	if timers.Pending() != 0 {
		t.Errorf("%d timers left running", timers.Pending())
	}
}

func TestNoteView_PreviewStaysWhileThePointerIsOnItAndOpensTheNote(t *testing.T) {
	nv, w, rec, timers := pvShow(t, fyne.NewSize(900, 700))
	pvHover(t, w, "pulls")
	timers.Fire()
	line := nvTexts(w, "The Moon goes through its phases once a month.")
	if len(line) != 1 {
		t.Fatalf("the preview's paragraph is drawn %d times", len(line))
	}
	test.MoveMouse(w.Canvas(), nvCentre(line[0]))
	timers.Fire()
	if widgets.PreviewText(nv) == "" {
		t.Fatal("the preview closed while the pointer was on it")
	}
	test.TapCanvas(w.Canvas(), nvCentre(line[0]))
	if len(rec.links) != 1 || rec.links[0] != "tour/moon_phases.md#" {
		t.Errorf("tapping the preview opened %q, want [tour/moon_phases.md#]", rec.links)
	}
	if widgets.PreviewText(nv) != "" {
		t.Error("the preview stays after it was tapped")
	}
}

func TestNoteView_PreviewOfAHeadingShowsItsSection(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 700))
	pvHover(t, w, "Phases") // [[Moon Phases#New moon]]
	timers.Fire()
	got := widgets.PreviewText(nv)
	if !strings.HasPrefix(got, "Moon phases › New moon\n") || !strings.Contains(got, "At new moon the Moon sits between") {
		t.Errorf("the preview of a heading:\n%s", got)
	}
	if strings.Contains(got, "once a month") || strings.Contains(got, "Full moon") {
		t.Errorf("the preview of a heading shows more than its section:\n%s", got)
	}
}

func TestNoteView_MovingToAnotherLinkPreviewsThatOne(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 700))
	pvHover(t, w, "neap") // [[#Spring and neap tides]]
	timers.Fire()
	if got := widgets.PreviewText(nv); !strings.HasPrefix(got, "How the tides turn › Spring and neap tides\n") || !strings.Contains(got, "Spring tides come at new and full moon") {
		t.Errorf("the first link's preview:\n%s", got)
	}
	pvHover(t, w, "pulls") // above the first link: the preview does not cover it
	if got := widgets.PreviewText(nv); got != "" {
		t.Errorf("the first link's preview stays on the second: %q", got)
	}
	timers.Fire()
	if got := widgets.PreviewText(nv); !strings.HasPrefix(got, "Moon phases\n") {
		t.Errorf("the second link's preview:\n%s", got)
	}
}

func TestNoteView_ScrollingClosesThePreview(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(900, 700))
	pvHover(t, w, "pulls")
	timers.Fire()
	test.Scroll(w.Canvas(), fyne.NewPos(450, 600), 0, -40)
	if got := widgets.PreviewText(nv); got != "" {
		t.Errorf("the preview stays while the note scrolls away: %q", got)
	}
}

func TestNoteView_PreviewOfAMissingNote(t *testing.T) {
	for _, tc := range []struct {
		name    string
		linking func(string) int
		want    string
	}{
		{"no count", nil, "Harbour Charts\nNot written yet\n"},
		{"one", func(string) int { return 1 }, "Harbour Charts\nNot written yet — 1 note links here\n"},
		{"several", func(name string) int {
			if name != "Harbour Charts" {
				return -1
			}
			return 4
		}, "Harbour Charts\nNot written yet — 4 notes link here\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			v := nvFixture(t)
			in := vaultInput(t, v, nvFixtureNote)
			in.NotesLinkingTo = tc.linking
			nv := widgets.NewNoteView()
			opened := ""
			nv.OnOpenUnresolved = func(name string) { opened = name }
			w := test.NewTempWindow(t, nv)
			w.Resize(fyne.NewSize(900, 700))
			nv.ShowNote(widgets.RenderNote(in))
			timers := widgets.UsePreviewTimers(nv)
			pvHover(t, w, "charts") // [[Harbour Charts | harbour charts]]
			timers.Fire()
			if got := widgets.PreviewText(nv); got != tc.want {
				t.Errorf("preview %q, want %q", got, tc.want)
			}
			test.TapCanvas(w.Canvas(), nvCentre(nvTexts(w, "Harbour Charts")[0]))
			if opened != "Harbour Charts" {
				t.Errorf("tapping the preview opened %q", opened)
			}
		})
	}
}

// pvVault is a vault with a note linking to a huge note and to one long paragraph.
func pvVault(t *testing.T) *vault.Vault {
	t.Helper()
	var huge strings.Builder
	huge.WriteString("---\ntitle: Huge\n---\n")
	for i := range 5000 {
		fmt.Fprintf(&huge, "Paragraph %d says something about tides and moons, at some length.\n\n", i)
	}
	long := "---\ntitle: Long\n---\n" + strings.Repeat("word ", 40000) + "\n"
	v, err := vault.Load(fstest.MapFS{
		"start.md": {Data: []byte("Read [[huge]] and [[long]] and [[wide]].\n")},
		"huge.md":  {Data: []byte(huge.String())},
		"long.md":  {Data: []byte(long)},
		"wide.md":  {Data: []byte("# Wide\n\n" + strings.Repeat("| a | b |\n| - | - |\n| x | y |\n\n", 50) + "![[huge]]\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNoteView_PreviewIsBounded(t *testing.T) {
	test.NewTempApp(t)
	v := pvVault(t)
	in := vaultInput(t, v, "start.md")
	nv := widgets.NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(1000, 800))
	nv.ShowNote(widgets.RenderNote(in))
	timers := widgets.UsePreviewTimers(nv)
	for _, link := range []string{"huge", "long", "wide"} {
		t.Run(link, func(t *testing.T) {
			pvHover(t, w, link)
			timers.Fire()
			got := widgets.PreviewText(nv)
			if got == "" {
				t.Fatal("no preview")
			}
			if len(got) > 2000 {
				t.Errorf("the preview holds %d bytes of text", len(got))
			}
			if n := widgets.PreviewBlocks(nv); n > 4 {
				t.Errorf("the preview shows %d blocks", n)
			}
			if s := widgets.PreviewSize(nv); s.Width > 420 || s.Height > 280 {
				t.Errorf("the preview is %v", s)
			}
			pvAway(w)
			timers.Fire()
		})
	}
	// Which part is shown: the start of the note, cut after a word.
	pvHover(t, w, "huge")
	timers.Fire()
	if got := widgets.PreviewText(nv); !strings.Contains(got, "Paragraph 0 says") || strings.Contains(got, "Paragraph 40 ") {
		t.Errorf("the preview of a long note:\n%s", got)
	}
	pvAway(w)
	timers.Fire()
	pvHover(t, w, "long")
	timers.Fire()
	if got := widgets.PreviewText(nv); !strings.HasSuffix(strings.TrimSpace(got), "word …") {
		t.Errorf("a cut paragraph does not end with an ellipsis:\n…%s", got[max(len(got)-80, 0):])
	}
}

func TestNoteView_PreviewKeepsInsideTheView(t *testing.T) {
	nv, w, _, timers := pvShow(t, fyne.NewSize(500, 400))
	pvHover(t, w, "pulls")
	timers.Fire()
	s := widgets.PreviewSize(nv)
	if s.IsZero() {
		t.Fatal("no preview")
	}
	if s.Width > 500 {
		t.Errorf("the preview (%v) is wider than the view", s)
	}
	line := nvTexts(w, "Moon phases")
	var title fyne.CanvasObject
	for _, l := range line {
		title = l // the preview is drawn last
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(title)
	if at.X < 0 || at.Y < 0 || at.X > 500 || at.Y > 400 {
		t.Errorf("the preview's title is at %v, outside the view", at)
	}
}

func TestNoteView_PreviewNeedsNotes(t *testing.T) {
	// A note rendered without LoadNote (the page of a missing note, say) previews nothing but
	// missing notes.
	test.NewTempApp(t)
	src := []byte("See [[a]] and [[b]].\n")
	in := widgets.RenderInput{Source: src, Note: vault.ParseNote("x.md", src), Resolve: func(_, target string) string {
		if target == "a" {
			return "a.md"
		}
		return ""
	}}
	nv := widgets.NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(600, 400))
	nv.ShowNote(widgets.RenderNote(in))
	timers := widgets.UsePreviewTimers(nv)
	pvHover(t, w, "a")
	if timers.Pending() != 0 {
		t.Errorf("a note that cannot be read is waited for")
	}
	pvAway(w)
	pvHover(t, w, "b")
	timers.Fire()
	if got := widgets.PreviewText(nv); got != "b\nNot written yet\n" {
		t.Errorf("preview %q", got)
	}
}

func TestNoteView_LinkTakesTheKeyboard(t *testing.T) {
	_, w, rec := nvShow(t, nvFixtureNote, fyne.NewSize(900, 700))
	// The first word of a link is focusable, the others are not: Tab stops once per link.
	pulls := nvTexts(w, "pulls")[0]
	y := nvCentre(pulls).Y
	var first fyne.Focusable
	nvWalk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		f, ok := o.(fyne.Focusable)
		if !ok {
			return
		}
		c := nvCentre(o)
		if c.Y > y-3 && c.Y < y+3 && c.X < nvCentre(pulls).X {
			first = f // the last one left of "pulls" on its line: "Moon"
		}
		if c.Y > y-3 && c.Y < y+3 && c.X > nvCentre(pulls).X-5 && c.X < nvCentre(pulls).X+5 {
			t.Error("the second word of a link takes the keyboard")
		}
	})
	if first == nil {
		t.Fatal("the link does not take the keyboard")
	}
	w.Canvas().Focus(first)
	first.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(rec.links) != 1 || rec.links[0] != "tour/moon_phases.md#" {
		t.Errorf("Space on a link opened %q", rec.links)
	}
}

func TestBacklinks_PreviewOfAMentionAndOfANote(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.LoadNote = func(p string) ([]byte, *vault.Note, bool) {
		n := ix.Note(p)
		return []byte(backlinksVault[p]), n, n != nil
	}
	var opened []string
	b.OnOpenMention = func(p string, offset int) { opened = append(opened, fmt.Sprintf("%s@%d", p, offset)) }
	b.OnOpenURL = func(*url.URL) {}
	timers := widgets.UseBacklinksPreviewTimers(b)
	b.SetNote(ix, "sundials.md")

	at := func(prefix string) fyne.Position {
		t.Helper()
		var pos fyne.Position
		found := false
		walkShown(w.Canvas().Content(), fyne.Position{}, func(o fyne.CanvasObject, p fyne.Position) {
			if txt, ok := o.(*canvas.Text); ok && !found && strings.HasPrefix(txt.Text, prefix) {
				pos, found = p.Add(fyne.NewPos(txt.MinSize().Width/2, 5)), true
			}
		})
		if !found {
			t.Fatalf("no text %q", prefix)
		}
		return pos
	}

	test.MoveMouse(w.Canvas(), at("Much later"))
	timers.Fire()
	got := widgets.BacklinksPreviewText(b)
	if !strings.HasPrefix(got, "A walk in the park\n") || !strings.Contains(got, "we read sundials again and argued about Moon dials.") {
		t.Errorf("the preview of a mention:\n%s", got)
	}
	if strings.Contains(got, "We start at the gate") {
		t.Errorf("the preview of a mention shows more than its paragraph:\n%s", got)
	}
	test.TapCanvas(w.Canvas(), at("Much later")) // the row, under the preview
	walk := backlinksVault["Field Notes/walk.md"]
	want := fmt.Sprintf("Field Notes/walk.md@%d", strings.Index(walk, "[[sundials]] again"))
	if len(opened) != 1 || opened[0] != want {
		t.Errorf("tapping the mention opened %q, want %q", opened, want)
	}

	test.MoveMouse(w.Canvas(), fyne.NewPos(2, 590))
	timers.Fire()
	if got := widgets.BacklinksPreviewText(b); got != "" {
		t.Errorf("the preview stays after the pointer left: %q", got)
	}

	test.MoveMouse(w.Canvas(), at("Another note"))
	timers.Fire()
	if got := widgets.BacklinksPreviewText(b); !strings.HasPrefix(got, "Another note\nSee Sundials for the details") {
		t.Errorf("the preview of a note:\n%s", got)
	}
}

func TestBacklinks_NoPreviewWithoutLoadNote(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	timers := widgets.UseBacklinksPreviewTimers(b)
	b.SetNote(ix, "sundials.md")
	test.MoveMouse(w.Canvas(), fyne.NewPos(100, 150))
	if timers.Pending() != 0 {
		t.Errorf("a preview is waited for without LoadNote")
	}
}

func TestNoteView_PreviewIsMadeOffTheUIGoroutine(t *testing.T) {
	// With the real clock the preview is made on the timer's goroutine and shown on the UI
	// goroutine; run with -race.
	nv, w, _ := nvShow(t, nvFixtureNote, fyne.NewSize(900, 700))
	ui := widgets.UseRealPreviewTimers(nv, 10*time.Millisecond)
	pvHover(t, w, "pulls")
	select {
	case f := <-ui:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the preview's timer never ran")
	}
	if got := widgets.PreviewText(nv); !strings.HasPrefix(got, "Moon phases\n") {
		t.Errorf("preview %q", got)
	}
}

func TestBacklinks_PreviewOfAMentionInALongParagraph(t *testing.T) {
	files := map[string]string{
		"sundials.md": "# Sundials\n",
		"ramble.md": "---\ntitle: Ramble\n---\n" + strings.Repeat("On and on the text goes. ", 2000) +
			"Here [[sundials]] shows up. " + strings.Repeat("And it goes on further still. ", 2000) + "\n",
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
			at = p.Add(fyne.NewPos(5, 5)) // the link, bold in its row
		}
	})
	if at.IsZero() {
		t.Fatal("no mention row")
	}
	test.MoveMouse(w.Canvas(), at)
	timers.Fire()
	got := widgets.BacklinksPreviewText(b)
	if !strings.Contains(got, "Here sundials shows up.") || !strings.HasPrefix(got, "Ramble\n… ") {
		t.Errorf("the preview of a mention in a long paragraph:\n%.300s", got)
	}
	if len(got) > 2000 {
		t.Errorf("the preview holds %d bytes", len(got))
	}
}
