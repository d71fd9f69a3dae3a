package widgets_test

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

// backlinksVault has one note with backlinks from a video note (with timestamps before some
// links), from a note without video, and from a note that spells the target differently,
// plus a name that no note has.
var backlinksVault = map[string]string{
	"sundials.md": "---\ntitle: How sundials keep time\naliases: [sundial]\n---\nShadows and noon.\n",
	"Field Notes/walk.md": "---\ntitle: A walk in the park\nvideoId: AbCdEfGhIjK\n---\n" +
		"Before the first stamp we mention [[sundials]] once.\n\n" +
		"We start at the gate <a class=\"yt-timestamp\" data-t=\"00:18:28\">[00:18:28]</a>. " +
		"The old [[sundials | sundial by the pond]] was off by an hour. Nobody minded.\n\n" +
		"Much later <a class=\"yt-timestamp\" data-t=\"01:05:03\">[01:05:03]</a> we read [[sundials]] again and argued about [[Moon dials]].\n",
	"Field Notes/notes.md": "---\ntitle: Sundial notes\n---\n" +
		"At <a class=\"yt-timestamp\" data-t=\"00:02:00\">[00:02:00]</a> this note has no video, so [[sundials]] gets no chip.\n",
	"another.md": "---\ntitle: Another note\n---\nSee [[Sundials]] for the details, and [[Moon dials]] for the night.\n\n" +
		"This sentence rambles on about gardens, railways, time zones and the many ways people " +
		"measured the passing day long before anyone thought of [[sundials]] at all.\n",
}

func backlinksWindow(t *testing.T, files map[string]string) (*widgets.Backlinks, fyne.Window, *vault.Index) {
	t.Helper()
	test.NewTempApp(t)
	ix := pageTreeIndex(t, files)
	b := widgets.NewBacklinks()
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(340, 600))
	return b, w, ix
}

// shownBoldTexts returns the bold pieces of text on the canvas, top to bottom.
func shownBoldTexts(c fyne.Canvas) []string {
	var out []string
	walkShown(c.Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" && txt.TextStyle.Bold {
			out = append(out, txt.Text)
		}
	})
	return out
}

func TestBacklinks_GroupsBySourceWithCounts(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetNote(ix, "sundials.md")
	assertBacklinksLines(t, w.Canvas(),
		"6 backlinks from 3 notes",
		"Linked mentions  6",
		"A walk in the park  Field Notes", // sources by title; the folder dimmed
		"Before the first stamp we mention sundials",
		"once.",
		"▶ 18:28The old sundial by the pond was",
		"off by an hour.",
		"▶ 1:05:03Much later we read sundials",
		"again and argued about…",
		"Another note",
		"See Sundials for the details, and Moon dials",
		"for the night.",
		// A long sentence gives way at its start, so that the link shows.
		"… many ways people measured the passing",
		"day long before anyone thought of sundials…",
		"Sundial notes  Field Notes",
		"At this note has no video, so sundials gets no",
		"chip.",
		"Unlinked mentions",
	)
	test.AssertRendersToMarkup(t, "backlinks/note.xml", w.Canvas())
}

// assertBacklinksLines compares the lines of text on screen.
func assertBacklinksLines(t *testing.T, c fyne.Canvas, want ...string) {
	t.Helper()
	if got := shownLines(c); !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

// A file that is not a note (a board) shows the notes that link to it; a file that is
// neither a note nor a file of the vault shows none.
func TestBacklinks_OfAFile(t *testing.T) {
	b, w, ix := backlinksWindow(t, map[string]string{
		"Board.canvas": `{"nodes":[]}`,
		"plans.md":     "---\ntitle: Plans\n---\nThe [[Board.canvas|board]] holds them.\n",
	})
	b.SetNote(ix, "Board.canvas")
	assertBacklinksLines(t, w.Canvas(),
		"1 backlink from 1 note",
		"Linked mentions  1",
		"Plans",
		"The board holds them.",
		"Unlinked mentions",
	)
	b.SetNote(ix, "gone.canvas")
	if got := shownLines(w.Canvas()); len(got) == 0 || got[0] != "No note" {
		t.Errorf("a file not in the vault: %q", got)
	}
}

func TestBacklinks_LinkTextIsBold(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetNote(ix, "sundials.md")
	got := shownBoldTexts(w.Canvas())
	want := []string{
		"Linked mentions", "sundials", "sundial by the pond", "sundials", "Sundials", "sundials…", "sundials",
		"Unlinked mentions",
		"6 backlinks from 3 notes", // the header
	}
	if !slices.Equal(got, want) {
		t.Errorf("bold texts:\n got %q\nwant %q", got, want)
	}
}

func TestBacklinks_ChipOpensTheVideoAtTheTimestamp(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	var opened []string
	b.OnOpenURL = func(u *url.URL) { opened = append(opened, u.String()) }
	mentions := 0
	b.OnOpenMention = func(string, int) { mentions++ }
	b.SetNote(ix, "sundials.md")

	tapShownText(t, w.Canvas(), "▶ 18:28")
	tapShownText(t, w.Canvas(), "▶ 1:05:03")
	want := []string{
		"https://www.youtube.com/watch?v=AbCdEfGhIjK&t=1108s",
		"https://www.youtube.com/watch?v=AbCdEfGhIjK&t=3903s",
	}
	if !slices.Equal(opened, want) {
		t.Errorf("opened %q, want %q", opened, want)
	}
	if mentions != 0 {
		t.Errorf("a chip tap also opened the mention")
	}
}

// backlinksChipLine matches a line that starts with a timestamp chip.
var backlinksChipLine = regexp.MustCompile(`^▶ \d+:\d\d`)

func TestBacklinks_NoChipWithoutVideoOrTimestamp(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetNote(ix, "sundials.md")
	chips := 0
	for _, row := range shownLines(w.Canvas()) {
		if backlinksChipLine.MatchString(row) {
			chips++
		}
	}
	// walk.md: the mention before its first timestamp has none; notes.md has no video.
	if chips != 2 {
		t.Errorf("%d chips, want 2: %q", chips, shownLines(w.Canvas()))
	}
}

func TestBacklinks_TapMentionOpensSourceAtTheLink(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	type opened struct {
		path   string
		offset int
	}
	var got []opened
	b.OnOpenMention = func(p string, off int) { got = append(got, opened{p, off}) }
	var notes []string
	b.OnOpenNote = func(p string) { notes = append(notes, p) }
	b.SetNote(ix, "sundials.md")

	tapShownText(t, w.Canvas(), "off by an hour.") // the second line of the walk's second mention
	tapShownText(t, w.Canvas(), "Sundial notes")   // a heading
	src := backlinksVault["Field Notes/walk.md"]
	want := []opened{{"Field Notes/walk.md", strings.Index(src, "[[sundials | sundial")}}
	if !slices.Equal(got, want) {
		t.Errorf("OnOpenMention got %v, want %v", got, want)
	}
	if !slices.Equal(notes, []string{"Field Notes/notes.md"}) {
		t.Errorf("OnOpenNote got %q", notes)
	}

	// Without OnOpenNote a heading opens its note at the top.
	b.OnOpenNote = nil
	tapShownText(t, w.Canvas(), "Another note")
	if last := got[len(got)-1]; last != (opened{"another.md", 0}) {
		t.Errorf("heading without OnOpenNote: %v", last)
	}
}

func TestBacklinks_FoldLinkedMentions(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetNote(ix, "sundials.md")
	tapShownText(t, w.Canvas(), "Linked mentions")
	assertBacklinksLines(t, w.Canvas(), "6 backlinks from 3 notes", "Linked mentions  6", "Unlinked mentions")
	tapShownText(t, w.Canvas(), "Linked mentions")
	if rows := shownLines(w.Canvas()); len(rows) != 18 {
		t.Errorf("after unfolding: %q", rows)
	}
}

func TestBacklinks_Unresolved(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetUnresolved(ix, "Moon dials")
	assertBacklinksLines(t, w.Canvas(),
		"2 backlinks from 2 notes",
		"No note is called “Moon dials” yet",
		"Linked mentions  2",
		"A walk in the park  Field Notes",
		"▶ 1:05:03… later we read sundials again",
		"and argued about Moon dials.",
		"Another note",
		"See Sundials for the details, and Moon dials",
		"for the night.",
		"Unlinked mentions",
	)
	test.AssertRendersToMarkup(t, "backlinks/unresolved.xml", w.Canvas())
}

func TestBacklinks_NoBacklinks(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	assertBacklinksLines(t, w.Canvas(), "No note")
	b.SetNote(ix, "another.md")
	assertBacklinksLines(t, w.Canvas(), "No backlinks", "Linked mentions  0", "No notes link here", "Unlinked mentions")
	b.SetNote(ix, "no/such.md")
	assertBacklinksLines(t, w.Canvas(), "No note")
}

func TestBacklinks_UnlinkedMentionsUnavailable(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	b.SetNote(ix, "another.md")
	tapShownText(t, w.Canvas(), "Unlinked mentions")
	assertBacklinksLines(t, w.Canvas(), "No backlinks", "Linked mentions  0", "No notes link here", "Unlinked mentions", "—")
}

func TestBacklinks_UnlinkedMentionsFoundWhenOpened(t *testing.T) {
	b, w, ix := backlinksWindow(t, backlinksVault)
	var pending []func()
	widgets.SetBacklinksAsync(b, func(f func()) { pending = append(pending, f) })
	var asked []string
	b.FindUnlinked = func(title string, aliases []string) []vault.Backlink {
		asked = append(asked, title+"|"+strings.Join(aliases, ","))
		n := ix.Note("another.md")
		ctx := "Some say the sundial is older than the clock."
		return []vault.Backlink{{Source: n, Link: vault.Link{Context: ctx,
			ContextStart: int32(strings.Index(ctx, "sundial")), ContextEnd: int32(strings.Index(ctx, "sundial") + 7), Offset: 99}}}
	}
	var opened []string
	b.OnOpenMention = func(p string, off int) { opened = append(opened, fmt.Sprint(p, "@", off)) }
	b.SetNote(ix, "sundials.md")
	tapShownText(t, w.Canvas(), "Linked mentions") // fold, to see the rest
	if len(pending) != 0 {
		t.Fatal("searched before the section was opened")
	}
	tapShownText(t, w.Canvas(), "Unlinked mentions")
	assertBacklinksLines(t, w.Canvas(), "6 backlinks from 3 notes", "Linked mentions  6", "Unlinked mentions", "Searching…")
	if len(pending) != 1 {
		t.Fatalf("%d searches started", len(pending))
	}
	pending[0]()
	if !slices.Equal(asked, []string{"How sundials keep time|sundial"}) {
		t.Errorf("FindUnlinked asked %q", asked)
	}
	assertBacklinksLines(t, w.Canvas(), "6 backlinks from 3 notes", "Linked mentions  6", "Unlinked mentions  1",
		"Another note", "Some say the sundial is older than the clock.")
	tapShownText(t, w.Canvas(), "Some say the ")
	if !slices.Equal(opened, []string{"another.md@99"}) {
		t.Errorf("opened %q", opened)
	}

	// Folding and unfolding does not search again; a new note does, and a late answer for
	// the old note is dropped.
	tapShownText(t, w.Canvas(), "Unlinked mentions")
	tapShownText(t, w.Canvas(), "Unlinked mentions")
	if len(pending) != 1 {
		t.Errorf("searched again for the same note")
	}
	b.SetNote(ix, "another.md")
	if len(pending) != 2 {
		t.Fatalf("the open section did not search for the new note")
	}
	b.SetNote(ix, "sundials.md")
	pending[1]() // the answer for another.md, too late
	rows := shownLines(w.Canvas())
	if !slices.Contains(rows, "Searching…") {
		t.Errorf("a stale answer was shown: %q", rows)
	}
}

func TestBacklinks_HubWithThousandsOfBacklinks(t *testing.T) {
	files := map[string]string{"hub.md": "# Hub\n"}
	for i := range 2500 {
		files[fmt.Sprintf("f%d/n%04d.md", i%40, i)] = fmt.Sprintf("---\nvideoId: AbCdEfGhIjK\n---\n"+
			"Intro <a class=\"yt-timestamp\" data-t=\"00:%02d:00\">[x]</a> about the [[hub]] and more.\n"+
			"Again the [[hub | central hub]] of note %d.\n", i%60, i)
	}
	b, w, ix := backlinksWindow(t, files)
	b.SetNote(ix, "hub.md")
	rows := shownLines(w.Canvas())
	if rows[0] != "5,000 backlinks from 2,500 notes" {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) > 40 {
		t.Errorf("%d rows of text drawn for a 600-pixel panel: the list is not virtual", len(rows))
	}
}

func TestBacklinks_NewSnapshotKeepsThePlace(t *testing.T) {
	files := map[string]string{"hub.md": "# Hub\n"}
	for i := range 200 {
		files[fmt.Sprintf("n%03d.md", i)] = fmt.Sprintf("Note %d links the [[hub]].\n", i)
	}
	b, w, ix := backlinksWindow(t, files)
	b.SetNote(ix, "hub.md")
	test.Scroll(w.Canvas(), fyne.NewPos(200, 300), 0, -2000)
	before := shownLines(w.Canvas())
	if slices.Contains(before, "Linked mentions  200") {
		t.Fatal("did not scroll")
	}
	files["zzz.md"] = "The last one links the [[hub]] too.\n"
	b.SetNote(pageTreeIndex(t, files), "hub.md")
	after := shownLines(w.Canvas())
	if !slices.Equal(before[1:], after[1:]) {
		t.Errorf("place lost:\nbefore %q\nafter  %q", before, after)
	}
	if after[0] != "201 backlinks from 201 notes" {
		t.Errorf("header %q", after[0])
	}
	b.SetNote(ix, "n001.md")
	if rows := shownLines(w.Canvas()); rows[0] != "No backlinks" || len(rows) != 4 {
		t.Errorf("another note did not start at the top: %q", rows)
	}
}

func TestBacklinks_ShortSentencesTakeOneLine(t *testing.T) {
	b, w, ix := backlinksWindow(t, map[string]string{
		"hub.md":  "# Hub\n",
		"one.md":  "From: [[hub]] <br/>\n",
		"two.md":  "---\nvideoId: AbCdEfGhIjK\n---\nAt <a class=\"yt-timestamp\" data-t=\"00:00:42\">[00:00:42]</a> see [[hub]].\n",
		"long.md": "This sentence about the [[hub]] is too long to be sure of one line in a narrow panel.\n",
	})
	b.SetNote(ix, "hub.md")
	assertBacklinksLines(t, w.Canvas(),
		"3 backlinks from 3 notes",
		"Linked mentions  3",
		"long",
		"This sentence about the hub is too long to be",
		"sure of one line in a narrow panel.",
		"one",
		"From: hub",
		"two",
		"▶ 0:42At see hub.",
		"Unlinked mentions",
	)
	test.AssertRendersToMarkup(t, "backlinks/short.xml", w.Canvas())
}
