package widgets

import (
	"image/color"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Select and copy (issue #15, item 1). Fyne's rich text cannot be selected, so the note
// selects on its own: a position is a row and an offset into the row's units
// (noteview_units.go), and the selection runs from where the button went down (the anchor)
// to where the pointer is (the focus).
//
// To be drawn and to be hit, a row is put in word mode: its text segments are cut into
// words, each followed by a zero-width selSegment, as the find bar marks its occurrences
// (noteview_match.go). RichText lays those out, so a selSegment's visual sits at the end of
// its word wherever the text wrapped, and draws the selection over the word. Only rows the
// pointer reaches or the selection covers are put in word mode, when they get their widget,
// so selecting all of a 1 MB note cuts only the rows in view. Changing the selection then
// redraws the selSegments whose part changed, and lays nothing out again.

// selPos is a position in the note: a row and an offset into its units.
type selPos struct{ row, off int }

func (p selPos) before(q selPos) bool {
	return p.row < q.row || p.row == q.row && p.off < q.off
}

// noteSelection is the selection of a NoteView and the rows it has cut into words.
type noteSelection struct {
	anchor, focus selPos
	// words are the rows in word mode, with the segments they had before.
	words map[int]*wordRow
	// pressed is set while the primary button is down on the note.
	pressed bool
	// clicks counts the presses in quick succession at one place: two select a word, three
	// a paragraph.
	clicks    int
	lastPress time.Time
	lastAt    fyne.Position
}

// wordRow is a row in word mode.
type wordRow struct {
	units []selUnit
	undo  []matchUndo
}

// bounds returns the selection in order.
func (s *noteSelection) bounds() (lo, hi selPos) {
	if s.focus.before(s.anchor) {
		return s.focus, s.anchor
	}
	return s.anchor, s.focus
}

// empty reports whether nothing is selected.
func (s *noteSelection) empty() bool { return s.anchor == s.focus }

// part returns which bytes [from, to) of the unit at [start, start+n) of row are selected
// (from == to when none).
func (s *noteSelection) part(row, start, n int) (from, to int) {
	if s.empty() {
		return 0, 0
	}
	lo, hi := s.bounds()
	if row < lo.row || row > hi.row {
		return 0, 0
	}
	a, b := 0, n
	if row == lo.row {
		a = max(lo.off-start, 0)
	}
	if row == hi.row {
		b = min(hi.off-start, n)
	}
	if a >= b {
		return 0, 0
	}
	return a, b
}

// HasSelection reports whether text is selected in the note.
func (v *NoteView) HasSelection() bool { return v.note != nil && !v.sel.empty() }

// SelectedText is the selection as plain text: paragraphs apart by a blank line, a chip as
// the link to its moment ([18:28](https://…)), a link as its text.
func (v *NoteView) SelectedText() string { return v.copyText(copyPlain) }

// SelectAll selects the whole note.
func (v *NoteView) SelectAll() {
	if v.note == nil || len(v.note.rows) == 0 {
		return
	}
	last := len(v.note.rows) - 1
	v.setSelection(selPos{}, selPos{row: last, off: rowLength(v.note.rows[last])})
}

// ClearSelection selects nothing.
func (v *NoteView) ClearSelection() { v.setSelection(v.sel.focus, v.sel.focus) }

func rowLength(b *noteBlock) int {
	u := rowUnits(b)
	if len(u) == 0 {
		return 0
	}
	return u[len(u)-1].end()
}

// setSelection selects from anchor to focus and redraws what changed.
func (v *NoteView) setSelection(anchor, focus selPos) {
	s := v.sel
	oldLo, oldHi := s.bounds()
	oldAnchor, oldFocus := s.anchor, s.focus
	wasEmpty := s.empty()
	s.anchor, s.focus = anchor, focus
	if v.note == nil {
		return
	}
	lo, hi := s.bounds()
	if !s.empty() {
		// Rows with a widget that the selection covers are cut into words now; the others
		// when they get one (selectRow).
		cut := false
		for i := range v.body.live {
			if i >= lo.row && i <= hi.row && s.words[i] == nil {
				v.cutRow(i)
				delete(v.body.live, i)
				cut = true
			}
		}
		if cut {
			v.body.sync()
		}
	}
	// Redraw the selSegments of the rows the old or the new selection touches.
	from, to := lo.row, hi.row
	switch {
	case !wasEmpty && anchor == oldAnchor:
		// A drag: only the rows between the old focus and the new one change.
		from, to = min(oldFocus.row, focus.row), max(oldFocus.row, focus.row)
	case !wasEmpty:
		from, to = min(from, oldLo.row), max(to, oldHi.row)
	}
	if wasEmpty && s.empty() {
		return
	}
	for i, w := range s.words {
		if i < from || i > to {
			continue
		}
		for k := range w.units {
			if u := w.units[k].sel; u != nil {
				u.refresh()
			}
		}
	}
}

// selectRow puts row i in word mode before it gets its widget, when the selection covers it.
func (v *NoteView) selectRow(i int) {
	s := v.sel
	if s.empty() || s.words[i] != nil {
		return
	}
	if lo, hi := s.bounds(); i >= lo.row && i <= hi.row {
		v.cutRow(i)
	}
}

// cutRow puts row i in word mode.
func (v *NoteView) cutRow(i int) *wordRow {
	if w := v.sel.words[i]; w != nil {
		return w
	}
	wk := &unitWalker{words: true, row: i, sel: v.sel}
	w := &wordRow{}
	wk.block(v.note.rows[i], &w.undo)
	w.units = wk.units
	v.sel.words[i] = w
	return w
}

// uncutRows puts every row back as it was before word mode; the selection is kept, as
// offsets, for the rows to be cut again as they are shown. The find bar's marks are made
// and taken away beneath word mode, so it goes first.
func (v *NoteView) uncutRows() {
	s := v.sel
	for i, w := range s.words {
		for k := len(w.undo) - 1; k >= 0; k-- {
			u := w.undo[k]
			if u.title {
				u.block.callout.title = u.segs
			} else {
				u.block.segs = u.segs
			}
		}
		delete(v.body.live, i)
	}
	s.words = map[int]*wordRow{}
}

// ---- the pointer ---------------------------------------------------------------------------

// multiClick is how soon, and how near, a press must follow the last to count with it.
const (
	multiClick     = 500 * time.Millisecond
	multiClickNear = 4
)

// press handles the primary button going down at p (in the body's coordinates): a click
// puts the selection there, Shift+click extends it, a double click selects a word and a
// triple click a paragraph.
func (v *NoteView) press(e *desktop.MouseEvent) {
	s := v.sel
	if v.note == nil || e.Button != desktop.MouseButtonPrimary {
		return
	}
	now := time.Now()
	d := e.Position.Subtract(s.lastAt)
	if now.Sub(s.lastPress) < multiClick && abs32(d.X) <= multiClickNear && abs32(d.Y) <= multiClickNear {
		s.clicks++
	} else {
		s.clicks = 1
	}
	s.lastPress, s.lastAt = now, e.Position
	s.pressed = true
	// A drag is no tap: the note takes the keyboard here, for Ctrl+C.
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	p, ok := v.hit(e.Position)
	if !ok {
		return
	}
	switch {
	case e.Modifier&fyne.KeyModifierShift != 0 && s.clicks == 1:
		v.setSelection(s.anchor, p)
	case s.clicks == 2:
		a, b := v.wordAround(p)
		v.setSelection(a, b)
	case s.clicks >= 3:
		a, b := v.paragraphAround(p)
		v.setSelection(a, b)
	default:
		v.setSelection(p, p)
	}
}

// drag moves the focus to the pointer, scrolling when it is above or below the view.
func (v *NoteView) drag(e *fyne.DragEvent) {
	s := v.sel
	if v.note == nil || !s.pressed || s.clicks > 1 {
		return
	}
	b := v.body
	pos := e.Position
	if y := pos.Y - b.scroll.Offset.Y; y < 0 {
		b.scrollTo(b.scroll.Offset.Y + y)
	} else if view := b.viewHeight(); y > view {
		b.scrollTo(b.scroll.Offset.Y + y - view)
	}
	if p, ok := v.hit(pos); ok {
		v.setSelection(s.anchor, p)
	}
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// hit returns the position under p, in the body's coordinates.
func (v *NoteView) hit(p fyne.Position) (selPos, bool) {
	b := v.body
	rows := b.rows()
	if len(rows) == 0 {
		return selPos{}, false
	}
	if p.Y < 0 {
		return selPos{}, true
	}
	if p.Y >= b.ys[len(rows)] {
		last := len(rows) - 1
		return selPos{row: last, off: rowLength(rows[last])}, true
	}
	i := b.rowAt(p.Y)
	if p.Y < b.ys[i] && i > 0 { // in the gap above row i: the end of the row before
		return selPos{row: i - 1, off: rowLength(rows[i-1])}, true
	}
	w := v.sel.words[i]
	if w == nil {
		w = v.cutRow(i)
		delete(b.live, i)
		b.sync()
	}
	if _, live := b.live[i]; !live {
		b.sync()
	}
	return selPos{row: i, off: v.hitRow(i, w, p)}, true
}

// hitRow returns the offset in row i under p: on a line of text, the character nearest p;
// left or right of a line, its start or end; between lines (or on a block drawn whole), the
// start of the line below.
func (v *NoteView) hitRow(i int, w *wordRow, p fyne.Position) int {
	origins := v.groupOrigins(i, w)
	type box struct {
		u              *selUnit
		x0, x1, y0, y1 float32
	}
	var boxes []box
	for k := range w.units {
		u := &w.units[k]
		if u.sel == nil || u.sel.visual == nil {
			continue
		}
		o, ok := origins[u.sel.group]
		if !ok {
			continue
		}
		vis := u.sel.visual
		at := o.Add(vis.Position())
		inner := vis.Objects[1]
		boxes = append(boxes, box{u, at.X + inner.Position().X, at.X, at.Y, at.Y + inner.Size().Height})
	}
	if len(boxes) == 0 {
		// A row drawn whole (a table, a code block, a diagram): its start in its upper
		// half, its end in the lower, so that a drag ending on it takes it or leaves it.
		if b := v.body; p.Y < (b.ys[i]+b.ys[i+1])/2 {
			return 0
		}
		return w.units[len(w.units)-1].end()
	}
	// The line p is on: the boxes whose height holds it.
	line := -1
	for k, bx := range boxes {
		if p.Y >= bx.y0 && p.Y < bx.y1 {
			line = k
			break
		}
	}
	if line < 0 {
		for _, bx := range boxes {
			if bx.y0 > p.Y {
				return bx.u.start
			}
		}
		return boxes[len(boxes)-1].u.end()
	}
	first, last := line, line
	for last+1 < len(boxes) && boxes[last+1].y0 < boxes[line].y1 && boxes[last+1].y1 > boxes[line].y0 && boxes[last+1].x0 >= boxes[last].x0 {
		last++
	}
	for k := first; k <= last; k++ {
		bx := boxes[k]
		if p.X < bx.x0 {
			return bx.u.start
		}
		if p.X < bx.x1 {
			if bx.u.kind != unitText {
				if p.X < (bx.x0+bx.x1)/2 {
					return bx.u.start
				}
				return bx.u.end()
			}
			return bx.u.start + charAt(bx.u.sel, p.X-bx.x0)
		}
	}
	return boxes[last].u.end()
}

// charAt returns the byte offset in s's text of the character boundary nearest x.
func charAt(s *selSegment, x float32) int {
	size := theme.SizeForWidget(s.size, s.visual.Objects[1].(fyne.Widget))
	prev := float32(0)
	for i, r := range s.text {
		w := fyne.MeasureText(s.text[:i+utf8.RuneLen(r)], size, s.style).Width
		if x < (prev+w)/2 {
			return i
		}
		prev = w
	}
	return len(s.text)
}

// groupOrigins returns where in the body each RichText of row i starts: the row's own for a
// row of text; for the text inside a callout or a quote, found through the driver, once per
// RichText.
func (v *NoteView) groupOrigins(i int, w *wordRow) map[int]fyne.Position {
	b := v.body
	o, live := b.live[i]
	out := map[int]fyne.Position{}
	if !live {
		return out
	}
	if _, ok := o.(*widget.RichText); ok {
		for k := range w.units {
			if s := w.units[k].sel; s != nil {
				out[s.group] = o.Position()
			}
		}
		return out
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(b) == nil {
		return out
	}
	body := d.AbsolutePositionForObject(b)
	for k := range w.units {
		s := w.units[k].sel
		if s == nil || s.visual == nil {
			continue
		}
		if _, done := out[s.group]; done {
			continue
		}
		if d.CanvasForObject(s.visual) == nil {
			continue
		}
		at := d.AbsolutePositionForObject(s.visual).Subtract(body)
		out[s.group] = fyne.NewPos(at.X, at.Y).Subtract(s.visual.Position())
	}
	return out
}

// wordAround returns the word (a run of letters and digits, or else of other characters
// that are not space) at p.
func (v *NoteView) wordAround(p selPos) (selPos, selPos) {
	units := rowUnits(v.note.rows[p.row])
	for _, u := range units {
		if p.off < u.start || p.off > u.end() || u.n == 0 {
			continue
		}
		if u.kind != unitText {
			if p.off < u.end() {
				return selPos{p.row, u.start}, selPos{p.row, u.end()}
			}
			continue
		}
		at := min(p.off-u.start, len(u.text)-1)
		r, _ := utf8.DecodeRuneInString(u.text[at:])
		class := runeClass(r)
		a, b := at, at
		for a > 0 {
			q, w := utf8.DecodeLastRuneInString(u.text[:a])
			if runeClass(q) != class {
				break
			}
			a -= w
		}
		for b < len(u.text) {
			q, w := utf8.DecodeRuneInString(u.text[b:])
			if runeClass(q) != class {
				break
			}
			b += w
		}
		return selPos{p.row, u.start + a}, selPos{p.row, u.start + b}
	}
	return p, p
}

// runeClass groups characters for a double click: 0 space, 1 word, 2 other.
func runeClass(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return 0
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’':
		return 1
	}
	return 2
}

// paragraphAround returns the paragraph (the units between two breaks) at p.
func (v *NoteView) paragraphAround(p selPos) (selPos, selPos) {
	units := rowUnits(v.note.rows[p.row])
	a, b := 0, 0
	if len(units) > 0 {
		b = units[len(units)-1].end()
	}
	for _, u := range units {
		if u.kind != unitBreak {
			continue
		}
		if u.start < p.off {
			a = u.end()
		} else {
			b = u.start
			break
		}
	}
	return selPos{p.row, a}, selPos{p.row, b}
}

// ---- drawing -------------------------------------------------------------------------------

// selSegment is the zero-width segment after a unit in word mode: its visual draws the
// selection over the part of the unit that is selected.
type selSegment struct {
	unselectable
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	color fyne.ThemeColorName // the text's colour, "" for the foreground
	// row, start and n place the unit; atom says it is selected whole.
	row, start, n int
	atom          bool
	// group tells which RichText of the row holds it.
	group int
	sel   *noteSelection
	// visual is the last visual made, for hitting and redrawing.
	visual *fyne.Container
}

// Inline implements widget.RichTextSegment.
func (s *selSegment) Inline() bool { return true }

// Textual implements widget.RichTextSegment: the text is the segment before.
func (s *selSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (s *selSegment) Visual() fyne.CanvasObject {
	w := &selShade{seg: s, rect: canvas.NewRectangle(color.Transparent)}
	w.ExtendBaseWidget(w)
	s.visual = newOverlay(s.text, s.style, s.size, w)
	return s.visual
}

// Update implements widget.RichTextSegment.
func (s *selSegment) Update(o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Layout.(*overlayLayout)
	l.text, l.style, l.size = s.text, s.style, s.size
	c.Objects[1].(*selShade).seg = s
	s.visual = c
	c.Objects[1].Refresh()
}

// refresh redraws the selection over the unit.
func (s *selSegment) refresh() {
	if s.visual != nil {
		s.visual.Objects[1].Refresh()
	}
}

// selShade is the selection drawn over (part of) a unit. Over text it is opaque, with the
// selected characters drawn again on it: translucent shades of neighbouring words would
// overlap by a pixel where they meet and show as darker seams. Over an atom (a chip) it is
// the theme's translucent selection colour, so the chip shows through.
type selShade struct {
	widget.BaseWidget
	seg  *selSegment
	rect *canvas.Rectangle
	text *canvas.Text
}

// CreateRenderer implements fyne.Widget.
func (w *selShade) CreateRenderer() fyne.WidgetRenderer {
	w.text = canvas.NewText("", color.Black)
	r := &selShadeRenderer{w: w}
	r.Refresh()
	return r
}

type selShadeRenderer struct{ w *selShade }

func (r *selShadeRenderer) Destroy() {}

func (r *selShadeRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.w.rect, r.w.text}
}

func (r *selShadeRenderer) MinSize() fyne.Size { return fyne.Size{} }

// Layout puts the shade over the selected characters: the whole box for an atom.
func (r *selShadeRenderer) Layout(size fyne.Size) {
	w := r.w
	s := w.seg
	a, b := s.sel.part(s.row, s.start, s.n)
	if a == b {
		w.rect.Hide()
		w.text.Hide()
		return
	}
	x0, x1 := float32(0), size.Width
	if !s.atom {
		ts := theme.SizeForWidget(s.size, w)
		if a > 0 {
			x0 = fyne.MeasureText(s.text[:a], ts, s.style).Width
		}
		if b < len(s.text) {
			x1 = fyne.MeasureText(s.text[:b], ts, s.style).Width
		}
		w.text.Text = s.text[a:b]
		w.text.TextSize = ts
		w.text.TextStyle = s.style
		w.text.Move(fyne.NewPos(x0, 0))
		w.text.Resize(fyne.NewSize(x1-x0, size.Height))
		w.text.Show()
	}
	w.rect.Move(fyne.NewPos(x0, 0))
	w.rect.Resize(fyne.NewSize(x1-x0, size.Height))
	w.rect.Show()
}

func (r *selShadeRenderer) Refresh() {
	w := r.w
	th := w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	sel := th.Color(theme.ColorNameSelection, v)
	if w.seg.atom {
		w.rect.FillColor = sel
	} else {
		c := color.NRGBAModel.Convert(sel).(color.NRGBA)
		alpha := float32(c.A) / 255
		c.A = 0xff
		w.rect.FillColor = blend(th.Color(theme.ColorNameBackground, v), c, alpha)
		name := w.seg.color
		if name == "" || name == theme.ColorNamePlaceHolder && !w.seg.style.Underline {
			name = theme.ColorNameForeground
		}
		w.text.Color = th.Color(name, v)
	}
	r.Layout(w.Size())
	w.rect.Refresh()
	w.text.Refresh()
}

// ---- the body's events ---------------------------------------------------------------------

// MouseDown implements desktop.Mouseable: a press starts a selection.
func (b *pageBody) MouseDown(e *desktop.MouseEvent) {
	if b.view != nil {
		b.view.press(e)
	}
}

// MouseUp implements desktop.Mouseable.
func (b *pageBody) MouseUp(*desktop.MouseEvent) {
	if b.view != nil {
		b.view.sel.pressed = false
	}
}

// Dragged implements fyne.Draggable: the selection follows the pointer.
func (b *pageBody) Dragged(e *fyne.DragEvent) {
	if b.view != nil {
		b.view.drag(e)
	}
}

// DragEnd implements fyne.Draggable. A drag often ends outside the note (past its bottom,
// to scroll): the driver then takes the keyboard focus away from it, after this returns.
// The note takes it back once the release is handled, so that Ctrl+C copies what was
// selected.
func (b *pageBody) DragEnd() {
	v := b.view
	if v == nil {
		return
	}
	v.sel.pressed = false
	if v.HasSelection() {
		go fyne.Do(func() {
			if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
				c.Focus(v)
			}
		})
	}
}

// TappedSecondary implements fyne.SecondaryTappable: the menu of what can be copied.
func (b *pageBody) TappedSecondary(e *fyne.PointEvent) {
	if b.view != nil {
		b.view.showSelectionMenu(e.AbsolutePosition)
	}
}

// Cursor implements desktop.Cursorable: text is selected here.
func (b *pageBody) Cursor() desktop.Cursor { return desktop.TextCursor }
