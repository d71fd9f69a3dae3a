package widgets

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// cpChip is a timestamp anchor as notes write it.
func cpChip(clock string) string {
	return `<a class="yt-timestamp" data-t="` + clock + `">[` + clock + `]</a>`
}

// cpRender renders src as a note with a video.
func cpRender(src string) *RenderedNote {
	src = "---\nvideoId: APvj15_YCqk\n---\n" + src
	return RenderNote(RenderInput{Source: []byte(src), Note: vault.ParseNote("n.md", []byte(src))})
}

// cpNote has chips followed by punctuation in every place a chip can be: paragraphs of
// different lengths (so that across widths each chip ends a line somewhere), a list, a
// heading, a callout and a table.
func cpNote() string {
	var b strings.Builder
	lead := []string{"Tides", "The tide turns", "The tide turns twice a day", "Sailors learn the rhythm of the water"}
	punct := []string{".", ",", ")", "…", ".)", "?\"", ";"}
	for i, l := range lead {
		for j, p := range punct {
			fmt.Fprintf(&b, "%s%s%s Then more words follow here, %d. ", strings.Repeat(l+" ", j%2+1), cpChip(fmt.Sprintf("00:%02d:%02d", i, j)), p, j)
		}
		b.WriteString("\n\n")
	}
	b.WriteString("## A heading that ends in a chip " + cpChip("00:18:28") + ".\n\n")
	b.WriteString("- A list item with a chip " + cpChip("00:18:29") + ", and more words after it.\n")
	b.WriteString("- Another item, a little longer than the first " + cpChip("00:18:30") + ".\n\n")
	b.WriteString("> [!note] A callout " + cpChip("00:18:31") + ".\n")
	b.WriteString("> Inside the callout the water rises " + cpChip("00:18:32") + ". Then it falls again.\n\n")
	b.WriteString("| Place | Note |\n| - | - |\n| Fundy | largest " + cpChip("00:18:33") + ". |\n")
	return b.String()
}

// cpObjects are the objects a RichText shows, in its row order.
func cpObjects(rt *widget.RichText) []fyne.CanvasObject {
	return test.WidgetRenderer(rt).Objects()
}

// cpChipPill returns the pill of a chip's visual, or nil when o is something else.
func cpChipPill(o fyne.CanvasObject) *timeChip {
	if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
		if p, ok := c.Objects[1].(*timeChip); ok {
			return p
		}
	}
	return nil
}

// cpPunct returns the segment of a chip's punctuation visual, or nil when o is something else.
func cpPunct(o fyne.CanvasObject) *punctSegment {
	if c, ok := o.(*fyne.Container); ok {
		if l, ok := c.Layout.(*punctLayout); ok {
			return l.seg
		}
	}
	return nil
}

// cpStartsBadly reports whether a line starting with s starts with what must not start one.
func cpStartsBadly(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == ' ' || isClosingPunct(r)
}

// cpCheckRichText checks the layout of one RichText of width w; it returns how many chips
// and punctuation ended their line within a few pixels of its end (the cases that wrapped
// before the fix).
func cpCheckRichText(t *testing.T, rt *widget.RichText, where string) (tight int) {
	t.Helper()
	pad := rt.Theme().Size(theme.SizeNameInnerPadding)
	right := rt.Size().Width - pad
	objs := cpObjects(rt)
	newLine, prevX := true, float32(-1)
	for i, o := range objs {
		pos := o.Position()
		if pos.X < prevX-0.5 {
			newLine = true
		}
		prevX = pos.X
		text, isText := o.(*canvas.Text)
		p := cpPunct(o)
		content := isText && text.Text != "" || p != nil && !p.reserve()
		if newLine && content {
			newLine = false
			switch {
			case p != nil:
				t.Errorf("%s: the punctuation %q after a chip starts a line at %v", where, p.text, pos)
			case cpStartsBadly(text.Text):
				t.Errorf("%s: a line starts with %q at %v", where, text.Text, pos)
			}
		}
		if pill := cpChipPill(o); pill != nil {
			// The pill lies exactly on its placeholder, the text just before it.
			ph, ok := objs[i-1].(*canvas.Text)
			at := pos.Add(pill.Position())
			if !ok || !strings.HasPrefix(ph.Text, "_▶_") {
				t.Fatalf("%s: a chip follows %T, not its placeholder", where, objs[i-1])
			}
			if d := at.Subtract(ph.Position()); d.X < -0.5 || d.X > 0.5 || d.Y < -0.5 || d.Y > 0.5 {
				t.Errorf("%s: pill at %v, its placeholder %q at %v", where, at, ph.Text, ph.Position())
			}
			if d := pill.Size().Width - ph.MinSize().Width; d < -0.5 || d > 0.5 {
				t.Errorf("%s: pill %v wide, its placeholder %v", where, pill.Size().Width, ph.MinSize().Width)
			}
			if end := ph.Position().X + ph.MinSize().Width; end > right+0.5 {
				t.Errorf("%s: chip %q ends at %v, past the text's end %v", where, ph.Text, end, right)
			}
		}
		if p == nil || p.reserve() {
			continue
		}
		// The punctuation follows its chip's pill on the same line, touching it.
		pill := cpChipPill(objs[i-1])
		if pill == nil {
			t.Fatalf("%s: punctuation %q follows %T, not a chip", where, p.text, objs[i-1])
		}
		pillAt := objs[i-1].Position().Add(pill.Position())
		if d := pos.X - (pillAt.X + pill.Size().Width); d < -0.5 || d > 0.5 {
			t.Errorf("%s: punctuation %q at x=%v, %v after its chip's end", where, p.text, pos.X, d)
		}
		if mid := pos.Y + o.Size().Height/2; mid < pillAt.Y || mid > pillAt.Y+pill.Size().Height {
			t.Errorf("%s: punctuation %q at y=%v is not on its chip's line (y=%v)", where, p.text, pos.Y, pillAt.Y)
		}
		ink := fyne.MeasureText(strings.TrimRight(p.text, " "), theme.SizeForWidget(p.size(), rt), p.style.TextStyle).Width
		end := pos.X + ink
		if end > right+0.5 {
			t.Errorf("%s: punctuation %q ends at %v, past the text's end %v", where, p.text, end, right)
		}
		if end > right-12 {
			tight++
		}
	}
	return tight
}

// cpRichTexts returns the RichTexts shown under o.
func cpRichTexts(o fyne.CanvasObject) []*widget.RichText {
	var out []*widget.RichText
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if rt, ok := o.(*widget.RichText); ok {
			out = append(out, rt)
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestChipPunct_NeverStartsALine(t *testing.T) {
	test.NewTempApp(t)
	nv := NewNoteView()
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(400, 3000))
	nv.ShowNote(cpRender(cpNote()))
	tight := 0
	for width := float32(260); width <= 620; width++ {
		w.Resize(fyne.NewSize(width, 3000))
		rts := cpRichTexts(nv)
		if len(rts) < 8 {
			t.Fatalf("width %v: %d rich texts shown", width, len(rts))
		}
		for i, rt := range rts {
			tight += cpCheckRichText(t, rt, fmt.Sprintf("width %v, text %d", width, i))
		}
		if t.Failed() {
			break
		}
	}
	// The widths swept put chips and their punctuation at the ends of lines, where they used
	// to be parted.
	t.Logf("%d chips with punctuation ended a line", tight)
	if tight < 50 {
		t.Errorf("only %d chips ended a line: the sweep does not test what it should", tight)
	}
}

func TestChipPunct_LineBreakAfterAChip(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct{ name, after string }{
		{"full stop, hard break", ".\\\n"},
		{"full stop, br", ". <br>"},
		{"hard break", "\\\n"},
	} {
		r := cpRender("lllll " + cpChip("00:10:00") + c.after + "The end.")
		rt := newBlockObject(r.rows[0], r.act).(*widget.RichText)
		test.NewTempWindow(t, rt)
		for width := float32(90); width <= 200; width++ {
			fitWidth(rt, width)
			var chipY, nextY float32 = -1, -1
			var next *canvas.Text
			for _, o := range cpObjects(rt) {
				if p := cpChipPill(o); p != nil {
					chipY = o.Position().Y + p.Position().Y
				}
				if t, ok := o.(*canvas.Text); ok && strings.Contains(t.Text, "end") {
					next, nextY = t, t.Position().Y
				}
			}
			// The next line is drawn whole, at the start of the line under the chip's.
			line := fyne.MeasureText("x", theme.SizeForWidget(theme.SizeNameText, rt), fyne.TextStyle{}).Height
			if next == nil || next.Text != "The end." || next.Position().X != rt.Theme().Size(theme.SizeNameInnerPadding) ||
				nextY-chipY < line/2 || nextY-chipY > line*3/2 {
				t.Errorf("%s, width %v: after the chip at y=%v, the next line is %+v", c.name, width, chipY, next)
			}
		}
	}
}

func TestChipPunct_TapOpensOnlyFromThePill(t *testing.T) {
	test.NewTempApp(t)
	nv := NewNoteView()
	var opened []string
	nv.OnOpenURL = func(u *url.URL) { opened = append(opened, u.String()) }
	w := test.NewTempWindow(t, nv)
	w.Resize(fyne.NewSize(500, 600))
	nv.ShowNote(cpRender("Tides turn twice a day " + cpChip("00:18:28") + ". Then they turn back."))
	var pill *timeChip
	var punct fyne.CanvasObject
	for _, rt := range cpRichTexts(nv) {
		objs := cpObjects(rt)
		for i, o := range objs {
			if p := cpPunct(o); p != nil && !p.reserve() {
				pill, punct = cpChipPill(objs[i-1]), o
			}
		}
	}
	if pill == nil || punct == nil {
		t.Fatal("no chip with punctuation shown")
	}
	d := fyne.CurrentApp().Driver()
	centre := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	test.TapCanvas(w.Canvas(), centre(punct))
	if len(opened) != 0 {
		t.Errorf("tapping the full stop after a chip opened %q", opened)
	}
	test.TapCanvas(w.Canvas(), centre(pill))
	want := "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s"
	if len(opened) != 1 || opened[0] != want {
		t.Errorf("tapping the chip opened %q, want [%s]", opened, want)
	}
}

func TestChipPunct_TextReadsAsWritten(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"full stop", "a " + cpChip("00:18:28") + ". Next", "a ▶ 18:28. Next\n"},
		{"paragraph end", "a " + cpChip("00:18:28") + ".", "a ▶ 18:28.\n"},
		{"comma, bracket", "(a " + cpChip("00:18:28") + "), b", "(a ▶ 18:28), b\n"},
		{"soft break", "a " + cpChip("00:18:28") + ".\nNext", "a ▶ 18:28. Next\n"},
		{"hard break", "a " + cpChip("00:18:28") + ".  \nNext", "a ▶ 18:28.\nNext\n"},
		{"line break tag", "a " + cpChip("00:18:28") + ". <br>Next", "a ▶ 18:28.\nNext\n"},
		{"html block", "<div>\nat " + cpChip("00:01:05") + ".\n</div>", "at ▶ 1:05.\n"},
		{"ellipsis and quote", "\"a " + cpChip("00:18:28") + "…\" b", "\"a ▶ 18:28…\" b\n"},
		{"two chips", cpChip("00:00:01") + ", " + cpChip("00:00:02") + ".", "▶ 0:01, ▶ 0:02.\n"},
		{"list item", "- a " + cpChip("00:18:28") + ".", "a ▶ 18:28.\n"},
		{"heading", "## a " + cpChip("00:18:28") + ".", "a ▶ 18:28.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := cpRender(c.src).Text(); !strings.HasSuffix(got, c.want) {
				t.Errorf("got %q, want it to end in %q", got, c.want)
			}
		})
	}
}

// cpSegments returns every segment of a rendered note, nested ones too, in order.
func cpSegments(r *RenderedNote) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	var segs func([]widget.RichTextSegment)
	var block func(*noteBlock)
	segs = func(ss []widget.RichTextSegment) {
		for _, s := range ss {
			out = append(out, s)
			switch s := s.(type) {
			case widget.RichTextBlock:
				segs(s.Segments())
			case *widget.TableSegment:
				for _, c := range s.Headers {
					segs(c)
				}
				for _, row := range s.Rows {
					for _, c := range row {
						segs(c)
					}
				}
			case *blockSegment:
				block(s.block)
			}
		}
	}
	block = func(b *noteBlock) {
		if b.callout != nil {
			segs(b.callout.title)
		}
		segs(b.segs)
		for _, c := range b.children {
			block(c)
		}
	}
	for _, b := range r.rows {
		block(b)
	}
	return out
}

func TestChipPunct_KeptWithEveryChip(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string // the punctuation kept with each chip, in order
	}{
		{"paragraph", "a " + cpChip("00:18:28") + ".) b", []string{".) "}},
		{"heading", "# a " + cpChip("00:18:28") + ":", []string{":"}},
		{"list item", "- a " + cpChip("00:18:28") + ", b", []string{", "}},
		{"callout title and body", "> [!tip] t " + cpChip("00:00:01") + "!\n> b " + cpChip("00:00:02") + "?", []string{"!", "?"}},
		{"quote", "> b " + cpChip("00:00:02") + ";", []string{";"}},
		{"table cell", "| a |\n| - |\n| b " + cpChip("00:00:03") + ". |", []string{"."}},
		{"html block", "<div>\nat " + cpChip("00:01:05") + ".\n</div>", []string{"."}},
		{"line break tag", "a " + cpChip("00:01:05") + ". <br>b", []string{"."}},
		{"legacy link", "[00:00:19](" + cpChip("00:00:19") + "). b", []string{". "}},
		{"bold", "a " + cpChip("00:18:28") + "**.** b", []string{"."}},
		{"space first", "a " + cpChip("00:18:28") + " . b", nil},
		{"word", "a " + cpChip("00:18:28") + "s b", nil},
		{"code span", "a " + cpChip("00:18:28") + "`.` b", nil},
		{"opening bracket", "a " + cpChip("00:18:28") + "(b)", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			segs := cpSegments(cpRender(c.src))
			var got []string
			for i, s := range segs {
				p, ok := s.(*punctSegment)
				if !ok {
					continue
				}
				if p.reserve() {
					// The reserve comes just before the chip's placeholder and counts the
					// same punctuation as the one drawn after the chip.
					ph, _ := segs[i+1].(*widget.TextSegment)
					chip, _ := segs[i+2].(*overlaySegment)
					after, _ := segs[i+3].(*punctSegment)
					if ph == nil || chip == nil || chip.placeholder != ph || after == nil || after != p.drawn || after.reserve() {
						t.Errorf("reserve for %q is not followed by its chip and punctuation: %T %T %T", p.punct(), segs[i+1], segs[i+2], segs[i+3])
					}
					continue
				}
				if _, ok := segs[i+1].(*widget.TextSegment); !ok {
					t.Errorf("punctuation %q is followed by %T, not text", p.text, segs[i+1])
				}
				got = append(got, p.text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("punctuation kept with chips: %q, want %q", got, c.want)
			}
		})
	}
}
