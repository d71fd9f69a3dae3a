package widgets

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PreviewTimers stands in for the clock of a widget's link previews: nothing is due until
// the test says so with Fire.
type PreviewTimers struct {
	due []*previewTimer
}

type previewTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

func (t *PreviewTimers) after(d time.Duration, f func()) func() bool {
	pt := &previewTimer{d: d, f: f}
	t.due = append(t.due, pt)
	return func() bool {
		was := !pt.stopped
		pt.stopped = true
		return was
	}
}

// Fire runs the timers started so far and not stopped, shortest first, as if their time had
// come; it returns how many ran. A timer stopped by one that runs before it does not run;
// timers they start wait for the next Fire.
func (t *PreviewTimers) Fire() int {
	due := t.due
	t.due = nil
	slices.SortStableFunc(due, func(a, b *previewTimer) int { return int(a.d - b.d) })
	n := 0
	for _, pt := range due {
		if !pt.stopped {
			pt.stopped = true
			pt.f()
			n++
		}
	}
	return n
}

// Pending is how many timers wait to fire.
func (t *PreviewTimers) Pending() int {
	n := 0
	for _, pt := range t.due {
		if !pt.stopped {
			n++
		}
	}
	return n
}

// UsePreviewTimers gives the previews of v a clock the test fires.
func UsePreviewTimers(v *NoteView) *PreviewTimers {
	t := &PreviewTimers{}
	v.preview.after = t.after
	return t
}

// UseBacklinksPreviewTimers gives the previews of b a clock the test fires.
func UseBacklinksPreviewTimers(b *Backlinks) *PreviewTimers {
	t := &PreviewTimers{}
	b.preview.after = t.after
	return t
}

// PreviewText is the text of the preview v shows (title, paragraphs, message), "" for none.
func PreviewText(v *NoteView) string { return v.preview.text() }

// BacklinksPreviewText is the text of the preview b shows, "" for none.
func BacklinksPreviewText(b *Backlinks) string { return b.preview.text() }

// PreviewSize is the size of the preview v shows, zero for none.
func PreviewSize(v *NoteView) fyne.Size {
	if v.preview.box == nil {
		return fyne.Size{}
	}
	return v.preview.box.Size()
}

// PreviewBlocks is how many blocks the preview v shows has.
func PreviewBlocks(v *NoteView) int {
	if v.preview.box == nil {
		return 0
	}
	return len(v.preview.box.c.blocks)
}

// MarkedWords are the words ShowMatch marked in the note v shows, in order, bold ones in
// **stars**.
func MarkedWords(v *NoteView) []string {
	var out []string
	var walk func(segs []widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *matchSegment:
				w := s.text
				if s.style.TextStyle.Bold {
					w = "**" + w + "**"
				}
				out = append(out, w)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	var block func(b *noteBlock)
	block = func(b *noteBlock) {
		walk(b.segs)
		if b.callout != nil {
			walk(b.callout.title)
		}
		for _, c := range b.children {
			block(c)
		}
	}
	if v.note != nil {
		for _, b := range v.note.rows {
			block(b)
		}
	}
	return out
}

// UseRealPreviewTimers gives the previews of v the real clock with a shorter delay. What a
// timer hands to the UI goroutine arrives on the channel, for the test's goroutine to run, as
// a real driver's fyne.Do would (the test driver's runs at once, on the timer's goroutine).
func UseRealPreviewTimers(v *NoteView, delay time.Duration) <-chan func() {
	ui := make(chan func(), 16)
	v.preview.delay = delay
	v.preview.after = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	v.preview.do = func(f func()) { ui <- f }
	return ui
}

// FindCurrentWords is the words of the occurrence the find bar is at, as marked.
func FindCurrentWords(v *NoteView) []string {
	f := v.find
	if f.current < 0 {
		return nil
	}
	var out []string
	for _, s := range f.hits[f.current].segs {
		out = append(out, s.text)
	}
	return out
}

// FindMarkedRows is how many rows the find bar has marked.
func FindMarkedRows(v *NoteView) int { return len(v.find.marked) }

// FindCurrentInView reports whether the find bar's current occurrence is drawn inside the
// note's viewport.
func FindCurrentInView(v *NoteView) bool {
	f := v.find
	if f.current < 0 || len(f.hits[f.current].segs) == 0 {
		return false
	}
	vis := f.hits[f.current].segs[0].visual
	d := fyne.CurrentApp().Driver()
	if vis == nil || d.CanvasForObject(vis) == nil {
		return false
	}
	y := d.AbsolutePositionForObject(vis).Y
	top := d.AbsolutePositionForObject(v.body.scroll).Y
	return y >= top && y+vis.Size().Height <= top+v.body.scroll.Size().Height
}

// FindQuery finds q as if typed in the find bar.
func FindQuery(v *NoteView, q string) { v.find.open = true; v.findQuery(q) }
