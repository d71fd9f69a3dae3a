package widgets_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"

	"vaultview/internal/hostile"
	"vaultview/vault"
	"vaultview/widgets"
)

// showAndScroll shows r in a window of the usual size and scrolls to its end, as a reader
// opening the note and pressing End does: the part of the work that runs on the UI
// goroutine.
func showAndScroll(t *testing.T, r *widgets.RenderedNote) *widgets.NoteView {
	t.Helper()
	nv := nvWindow(t)
	nv.ShowNote(r)
	nv.SetScrollOffset(1e9)
	return nv
}

func TestRenderNote_HugeNoteIsShownInPart(t *testing.T) {
	test.NewTempApp(t)
	src := hostile.HugeNote(hostile.HugeNoteSize)
	in := hostileInput("big/huge.md", src)
	r := widgets.RenderNote(in)
	text := r.Text()

	notice := "This note is too large to show in full — showing the first 2.0 MB of 20.0 MB. Open the note in your editor for the rest."
	first, _, _ := strings.Cut(text, "\n# A very long note")
	if !strings.Contains(first, notice) {
		t.Errorf("the note does not start with the notice %q:\n%.300s", notice, text)
	}
	if !strings.HasSuffix(strings.TrimSpace(text), notice) {
		t.Errorf("the note does not end with the notice:\n…%s", text[max(len(text)-300, 0):])
	}
	// Unbounded, the note is some 20 MB of text in about 70,000 rows.
	if len(text) > widgets.MaxShownBytes {
		t.Errorf("%d bytes of text shown, more than the %d parsed", len(text), widgets.MaxShownBytes)
	}
	if rows := widgets.RenderedRows(r); rows > 8000 {
		t.Errorf("%d rows", rows)
	}
	if !hasProblem(r, "the note is shown up to here, 2.0 MB of 20.0 MB") {
		t.Errorf("problems = %v", r.Problems)
	}

	nv := showAndScroll(t, r)
	if nv.ScrollOffset() < 100_000 {
		t.Errorf("scrolled to %v, not near the end of 2 MB", nv.ScrollOffset())
	}
	heads := in.Note.Headings
	if !nv.ScrollToHeading(heads[1].Anchor) {
		t.Errorf("the heading %q at the start is not found", heads[1].Text)
	}
	if nv.ScrollToHeading(heads[len(heads)-1].Anchor) {
		t.Errorf("the heading %q, 18 MB past what is shown, was found", heads[len(heads)-1].Text)
	}
}

func hasProblem(r *widgets.RenderedNote, s string) bool {
	for _, p := range r.Problems {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

func TestRenderNote_LongLinesAreCut(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		name string
		src  []byte
		// line is the line cut; maxText bounds the text shown; after is text after the cut
		// that must still be shown.
		line    int
		maxText int
		after   string
	}{
		{"5 MB line of words", hostile.LongLine(hostile.LongLineSize), 4, widgets.MaxShownLine, ""},
		{"5 MB without a space", hostile.LongBlob(hostile.LongLineSize), 1, widgets.MaxShownRun + 1<<10, ""},
		{"2 MB data: image", hostile.DataImage(2 << 20), 3, widgets.MaxShownRun + 1<<10, "After the picture."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := widgets.RenderNote(hostileInput("big/line.md", c.src))
			text := r.Text()
			want := fmt.Sprintf("Line %d is too long to show in full: it is cut where marked.", c.line)
			if !strings.Contains(text, want) {
				t.Errorf("no notice %q in:\n%.400s", want, text)
			}
			if !strings.Contains(text, "MB more of this line are not shown)") {
				t.Error("the cut is not marked")
			}
			if len(text) > c.maxText {
				t.Errorf("%d bytes of text shown, want at most %d", len(text), c.maxText)
			}
			if !strings.Contains(text, c.after) {
				t.Errorf("%q, after the cut line, is not shown", c.after)
			}
			if !hasProblem(r, fmt.Sprintf("%d: line too long to show in full", c.line)) {
				t.Errorf("problems = %v", r.Problems)
			}
			showAndScroll(t, r)
		})
	}
}

func TestRenderNote_ManyLinksAndTimestamps(t *testing.T) {
	test.NewTempApp(t)

	links := widgets.RenderNote(hostileInput("big/links.md", hostile.LinksNote(hostile.ManyLinks)))
	text := links.Text()
	if strings.Contains(text, "in full") {
		t.Errorf("100,000 links (1.6 MB) are within the limits, yet cut:\n%.300s", text)
	}
	if !strings.Contains(text, "missing topic 999") {
		t.Error("the last link is not shown")
	}
	showAndScroll(t, links)

	stamps := widgets.RenderNote(hostileInput("big/timestamps.md", hostile.TimestampsNote(hostile.ManyTimestamps)))
	text = stamps.Text()
	if !strings.Contains(text, "This note is too large to show in full") {
		t.Errorf("50,000 timestamps (3 MB) are shown in full")
	}
	if chips := strings.Count(text, "▶"); chips < 30_000 || chips >= hostile.ManyTimestamps {
		t.Errorf("%d timestamp chips shown", chips)
	}
	showAndScroll(t, stamps)
}

// TestRenderNote_OffsetsAfterACutLine checks that the rows after a cut line still know where
// they are in the file: headings and backlinks scroll to them, and the panels follow.
func TestRenderNote_OffsetsAfterACutLine(t *testing.T) {
	test.NewTempApp(t)
	src := []byte("# Top\n\nBefore.\n\n" + strings.Repeat("x", 3*widgets.MaxShownRun) + "\n\n# After\n\nText after.\n\n" + strings.Repeat("More text after the cut line.\n\n", 200))
	in := hostileInput("cut.md", src)
	r := widgets.RenderNote(in)
	if !strings.Contains(r.Text(), "Text after.") {
		t.Fatal("the text after the cut line is not shown")
	}
	nv := showAndScroll(t, r)
	after := in.Note.Headings[1]
	if !nv.ScrollToHeading(after.Anchor) {
		t.Fatal("the heading after the cut line is not found")
	}
	atHeading := nv.ScrollOffset()
	nv.SetScrollOffset(0)
	if !nv.ScrollToOffset(after.Offset) || nv.ScrollOffset() != atHeading {
		t.Errorf("ScrollToOffset(heading) scrolled to %v, ScrollToHeading to %v", nv.ScrollOffset(), atHeading)
	}
	para := "More text after the cut line.\n\n"
	p := bytes.Index(src, []byte(para)) + 50*len(para)
	if !nv.ScrollToOffset(p) || nv.TopOffset() != p {
		t.Errorf("ScrollToOffset(%d) shows offset %d at the top", p, nv.TopOffset())
	}
}

// TestRenderNote_RemoteImagesAreNeverFetched renders and shows a note full of images on a
// web server, the way the window does (SnapshotInput): the server must get no request at all,
// and Markdown images show their alternative text instead.
func TestRenderNote_RemoteImagesAreNeverFetched(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")

	note := strings.Join([]string{
		"![remote](" + srv.URL + "/a.png)",
		"",
		"![](" + srv.URL + "/b.png)",
		"",
		`<img src="` + srv.URL + `/c.png" alt="inline html">`,
		"",
		`<div><img src="` + srv.URL + `/d.png"></div>`,
		"",
		"![protocol-relative](//" + host + "/e.png)",
		"",
		"![[" + srv.URL + "/f.png]]",
		"",
		"![reference][pic]",
		"",
		"[pic]: " + srv.URL + "/g.png",
		"",
		"<" + srv.URL + "/h.png>",
		"",
	}, "\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "n.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := vault.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	in := vaultInput(t, v, "n.md")
	test.NewTempApp(t)
	r := widgets.RenderNote(in)
	nv := nvWindow(t)
	nv.ShowNote(r)
	nv.SetScrollOffset(1e9)
	nv.SetScrollOffset(0)

	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests", n)
	}
	text := r.Text()
	for _, want := range []string{"[image: remote]", "[image: b.png]", "[image: protocol-relative]", "[image: reference]"} {
		if !strings.Contains(text, want) {
			t.Errorf("no placeholder %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<img") {
		t.Errorf("HTML image tags are shown as markup:\n%s", text)
	}
}

// A note shown in full but less deep than written says so once, above it: not again at its
// end, as a note that stops short does.
func TestRenderNote_TooDeepSaysSoOnce(t *testing.T) {
	text := widgets.RenderNote(widgets.RenderInput{Source: []byte(strings.Repeat(">", 500) + " deep quote\n\nAfter it.\n")}).Text()
	if n := strings.Count(text, "Not shown as written"); n != 1 {
		t.Errorf("the notice is shown %d times:\n%s", n, text)
	}
	if !strings.Contains(text, "deep quote") || !strings.Contains(text, "After it.") {
		t.Errorf("the note is not all there:\n%s", text)
	}
}
