package widgets

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault/bases"
)

// BaseView shows a `.base` file (issue #16, item 1): the view chosen in its switcher, as a
// table (a click on a header sorts by that column, again the other way), as cards or as a
// list; a click on a row, a card or a list's note opens the note. What the base could not
// use is listed under the switcher with its line.
type BaseView struct {
	widget.BaseWidget

	// OnOpenNote is called with the path of the note a row or card stands for.
	OnOpenNote func(path string)
	// OnViewChosen is called when the reader picks another view, for the app to run it.
	OnViewChosen func(view string)

	title    *widget.Label
	views    *widget.Select
	problems *widget.Label
	table    *widget.Table
	cards    *widget.GridWrap
	list     *widget.List
	body     *fyne.Container
	// viewsBox holds the view switcher at viewsSize, wide enough for every view's name.
	viewsBox  *fyne.Container
	viewsSize fyne.Size

	result bases.Table
	// lines are the table's lines: a note, a group's heading or the summaries.
	lines  []baseLine
	kind   string // "table", "cards" or "list"
	sortBy int
	desc   bool
	quiet  bool
}

// NewBaseView returns an empty BaseView.
func NewBaseView() *BaseView {
	v := &BaseView{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		problems: widget.NewLabel(""), sortBy: -1}
	v.problems.Wrapping = fyne.TextWrapWord
	v.problems.Importance = widget.WarningImportance
	v.views = widget.NewSelect(nil, func(name string) {
		if !v.quiet && v.OnViewChosen != nil {
			v.OnViewChosen(name)
		}
	})
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.lines), len(v.result.Columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.lines) && id.Col < len(v.result.Columns) {
				l := o.(*widget.Label)
				text, style := v.cell(v.lines[id.Row], id.Col)
				if l.Text != text || l.TextStyle != style {
					l.Text, l.TextStyle = text, style
					l.Refresh()
				}
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject { return newSortHeader(func(col int) { v.tapHeader(col) }) }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*sortHeader)
		h.col = id.Col
		if id.Col >= 0 && id.Col < len(v.result.Columns) {
			h.text.Text = v.result.Columns[id.Col].Name
			if id.Col == v.sortBy {
				h.text.Text += map[bool]string{false: " ▲", true: " ▼"}[v.desc]
			}
		}
		h.Refresh()
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.lines) && v.lines[id.Row].kind == noteLine {
			v.open(v.lines[id.Row].row)
		}
	}
	v.cards = widget.NewGridWrap(
		func() int { return len(v.result.Rows) },
		func() fyne.CanvasObject { return newBaseCard() },
		func(i widget.GridWrapItemID, o fyne.CanvasObject) { o.(*baseCard).set(v.result, i) })
	v.cards.OnSelected = func(i widget.GridWrapItemID) {
		v.cards.UnselectAll()
		v.open(i)
	}
	v.list = widget.NewList(
		func() int { return len(v.lines) },
		func() fyne.CanvasObject { return newBaseListItem() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(v.lines) {
				name, rest := v.listItem(v.lines[i])
				o.(*baseListItem).set(v.lines[i].kind, name, rest)
			}
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.list.UnselectAll()
		if i >= 0 && i < len(v.lines) && v.lines[i].kind == noteLine {
			v.open(v.lines[i].row)
		}
	}
	v.body = container.NewStack(v.table)
	v.ExtendBaseWidget(v)
	return v
}

// SetBase shows the result of running one view of the base at p: the names of all its
// views (for the switcher), the view shown, its kind ("table", "cards" or "list") and the
// problems of the file and of the run.
func (v *BaseView) SetBase(p string, views []string, view, kind string, result bases.Table, problems []string) {
	v.title.SetText(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	v.quiet = true
	v.views.Options = views
	v.views.SetSelected(view)
	v.quiet = false
	v.result, v.kind, v.sortBy, v.desc = result, kind, -1, false
	v.layLines()
	text := strings.Join(problems, "\n")
	if result.Total > len(result.Rows) {
		text = strings.TrimSpace(fmt.Sprintf("%s\nThe view's limit shows %d of %d notes.", text, len(result.Rows), result.Total))
	}
	v.problems.SetText(text)
	if text == "" {
		v.problems.Hide()
	} else {
		v.problems.Show()
	}
	// A column is as wide as its name, its summary, (the first) the groups' headings and
	// the cells of the first rows, within bounds: longer text is cut to fit.
	size := theme.TextSize()
	for i, c := range result.Columns {
		w := max(fyne.MeasureText(c.Name, size, fyne.TextStyle{Bold: true}).Width+40, 90)
		if i < len(result.Summaries) {
			w = max(w, fyne.MeasureText(result.Summaries[i], size, fyne.TextStyle{Italic: true}).Width+40)
		}
		widest := float32(maxColumnWidth)
		if i == 0 {
			w = max(w, 220)
			widest = maxFirstColumnWidth
			for _, l := range v.lines {
				if l.kind == groupLine {
					text, _ := v.cell(l, 0)
					w = max(w, min(fyne.MeasureText(text, size, fyne.TextStyle{Bold: true}).Width+40, widest))
				}
			}
		}
		for _, r := range result.Rows[:min(len(result.Rows), measuredRows)] {
			if i < len(r.Cells) && w < widest {
				w = max(w, min(fyne.MeasureText(r.Cells[i].String(), size, fyne.TextStyle{}).Width+30, widest))
			}
		}
		v.table.SetColumnWidth(i, w)
	}
	// The view switcher is as wide as the longest view's name.
	widest := float32(0)
	for _, name := range views {
		widest = max(widest, fyne.MeasureText(name, size, fyne.TextStyle{}).Width)
	}
	v.viewsSize = fyne.NewSize(min(widest+theme.IconInlineSize()+4*theme.Padding()+16, 360), v.views.MinSize().Height)
	if v.viewsBox != nil {
		v.viewsBox.Layout = layout.NewGridWrapLayout(v.viewsSize)
		v.viewsBox.Refresh()
	}
	switch kind {
	case "cards":
		v.body.Objects = []fyne.CanvasObject{v.cards}
		v.cards.Refresh()
	case "list":
		v.body.Objects = []fyne.CanvasObject{v.list}
		v.list.Refresh()
	default:
		v.body.Objects = []fyne.CanvasObject{v.table}
		v.table.Refresh()
	}
	v.body.Refresh()
}

// baseLine is a line of the table: a note (row of the result), the heading of the group
// that starts there, or the summaries.
type baseLine struct {
	kind  baseLineKind
	row   int
	group string
	count int
}

type baseLineKind uint8

const (
	noteLine baseLineKind = iota
	groupLine
	summaryLine
)

// layLines lays the result out in lines (baseLines).
func (v *BaseView) layLines() { v.lines = baseLines(&v.result, v.lines[:0]) }

// baseLines lays t out in lines, appended to lines: a heading before each group, the
// summaries last.
func baseLines(t *bases.Table, lines []baseLine) []baseLine {
	heading := -1 // the line of the group being laid out
	for i, r := range t.Rows {
		if t.Grouped && (i == 0 || !bases.Equal(r.Group, t.Rows[i-1].Group)) {
			heading = len(lines)
			lines = append(lines, baseLine{kind: groupLine, row: i, group: baseGroupTitle(t, r.Group)})
		}
		if heading >= 0 {
			lines[heading].count++
		}
		lines = append(lines, baseLine{kind: noteLine, row: i})
	}
	for _, s := range t.Summaries {
		if s != "" {
			lines = append(lines, baseLine{kind: summaryLine})
			break
		}
	}
	return lines
}

// baseGroupTitle is the heading of a group of t: "status: reading", "status: (none)".
func baseGroupTitle(t *bases.Table, g bases.Value) string {
	s := g.String()
	if s == "" {
		s = "(none)"
	}
	return t.GroupName + ": " + s
}

// cell is what line l shows in column col, and in what style (baseCell).
func (v *BaseView) cell(l baseLine, col int) (string, fyne.TextStyle) {
	return baseCell(&v.result, l, col)
}

// baseCell is what line l of t shows in column col of a table, and in what style.
func baseCell(t *bases.Table, l baseLine, col int) (string, fyne.TextStyle) {
	switch l.kind {
	case groupLine:
		if col == 0 {
			return fmt.Sprintf("%s (%d)", l.group, l.count), fyne.TextStyle{Bold: true}
		}
		return "", fyne.TextStyle{Bold: true}
	case summaryLine:
		if col < len(t.Summaries) {
			return t.Summaries[col], fyne.TextStyle{Italic: true}
		}
		return "", fyne.TextStyle{Italic: true}
	}
	r := t.Rows[l.row]
	if col < len(r.Cells) {
		return r.Cells[col].String(), fyne.TextStyle{}
	}
	return "", fyne.TextStyle{}
}

// Lines is the table as shown, a line each, cells apart by tabs, for tests: groups'
// headings and the summaries too.
func (v *BaseView) Lines() []string {
	out := make([]string, len(v.lines))
	for i, l := range v.lines {
		cells := make([]string, len(v.result.Columns))
		for c := range cells {
			cells[c], _ = v.cell(l, c)
		}
		out[i] = strings.TrimRight(strings.Join(cells, "\t"), "\t")
	}
	return out
}

// listItem is what line l shows in a list (listItemOf).
func (v *BaseView) listItem(l baseLine) (name, rest string) { return listItemOf(&v.result, l) }

// listItemOf is what line l of t shows in a list: a note's first column as its name, then
// its other columns' values that are not empty as "name: value"; a group's heading with its
// count; the summaries as "name – Sum: 540".
func listItemOf(t *bases.Table, l baseLine) (name, rest string) {
	var parts []string
	switch l.kind {
	case groupLine:
		name, _ = baseCell(t, l, 0) // as the table heads a group
		return name, ""
	case summaryLine:
		for i, s := range t.Summaries {
			if s != "" && i < len(t.Columns) {
				parts = append(parts, t.Columns[i].Name+" – "+s)
			}
		}
		return "", strings.Join(parts, listSeparator)
	}
	r := t.Rows[l.row]
	for k, c := range r.Cells {
		if k == 0 {
			name = c.String()
		} else if s := c.String(); s != "" && k < len(t.Columns) {
			parts = append(parts, t.Columns[k].Name+": "+s)
		}
	}
	return name, strings.Join(parts, listSeparator)
}

// listSeparator stands between the values of a list's note.
const listSeparator = "  ·  "

// ListLines is the view as a list shows it, a line each, the name and the rest apart by a
// tab (for tests).
func (v *BaseView) ListLines() []string {
	out := make([]string, len(v.lines))
	for i, l := range v.lines {
		name, rest := v.listItem(l)
		out[i] = strings.TrimRight(name+"\t"+rest, "\t")
	}
	return out
}

// Rows is the result as shown, a row a line, cells apart by tabs (for tests).
func (v *BaseView) Rows() []string {
	out := make([]string, len(v.result.Rows))
	for i, r := range v.result.Rows {
		cells := make([]string, len(r.Cells))
		for k, c := range r.Cells {
			cells[k] = c.String()
		}
		out[i] = strings.Join(cells, "\t")
	}
	return out
}

// SortBy sorts the rows by column col, descending when desc is set.
func (v *BaseView) SortBy(col int, desc bool) {
	if col < 0 || col >= len(v.result.Columns) {
		return
	}
	v.sortBy, v.desc = col, desc
	// Within their groups: the groups keep their order.
	group := map[string]int{}
	for _, r := range v.result.Rows {
		if _, ok := group[r.Group.String()]; !ok {
			group[r.Group.String()] = len(group)
		}
	}
	slices.SortStableFunc(v.result.Rows, func(a, b bases.TableRow) int {
		if g := group[a.Group.String()] - group[b.Group.String()]; g != 0 {
			return g
		}
		c, _ := bases.Compare(a.Cells[col], b.Cells[col])
		if desc {
			c = -c
		}
		return c
	})
	v.layLines()
	v.table.Refresh()
	v.cards.Refresh()
	v.list.Refresh()
}

func (v *BaseView) tapHeader(col int) { v.SortBy(col, col == v.sortBy && !v.desc) }

func (v *BaseView) open(row int) {
	if row >= 0 && row < len(v.result.Rows) && v.OnOpenNote != nil {
		v.OnOpenNote(v.result.Rows[row].Path)
	}
}

// Bounds of a column's width, and how many rows are measured for it (a view may list
// thousands).
const (
	maxColumnWidth      = 320
	maxFirstColumnWidth = 420
	measuredRows        = 200
)

// CreateRenderer implements fyne.Widget.
func (v *BaseView) CreateRenderer() fyne.WidgetRenderer {
	v.viewsBox = container.New(layout.NewGridWrapLayout(v.viewsSize), v.views)
	top := container.NewVBox(container.NewBorder(nil, nil, v.title, nil, container.NewHBox(v.viewsBox)), v.problems)
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, v.body))
}

// baseCard is one note of a cards view: its first column as a title, the others below as
// "name: value".
type baseCard struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	title *widget.Label
	lines *widget.Label
}

func newBaseCard() *baseCard {
	c := &baseCard{}
	c.init()
	c.ExtendBaseWidget(c)
	return c
}

// init makes the card's parts; the widget holding the card extends BaseWidget.
func (c *baseCard) init() {
	c.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.lines = widget.NewLabel("")
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.title.Truncation = fyne.TextTruncateEllipsis
	c.lines.Truncation = fyne.TextTruncateEllipsis
}

func (c *baseCard) set(t bases.Table, i int) {
	if i < 0 || i >= len(t.Rows) {
		return
	}
	title, lines := cardOf(&t, i)
	c.title.SetText(title)
	c.lines.SetText(strings.Join(lines, "\n"))
}

// cardOf is what the card of row i shows: the first column as its title, then its group
// (when the view is grouped) and its other non-empty values as "name: value".
func cardOf(t *bases.Table, i int) (title string, lines []string) {
	r := t.Rows[i]
	if t.Grouped {
		lines = append(lines, baseGroupTitle(t, r.Group))
	}
	for k, cell := range r.Cells {
		if k == 0 {
			title = cell.String()
			continue
		}
		if s := cell.String(); s != "" {
			lines = append(lines, t.Columns[k].Name+": "+s)
		}
	}
	return title, lines
}

// CreateRenderer implements fyne.Widget.
func (c *baseCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewBorder(c.title, nil, nil, nil, c.lines)))
}

// MinSize implements fyne.Widget: cards of one size, a grid.
func (c *baseCard) MinSize() fyne.Size { return fyne.NewSize(240, 130) }

// baseListItem is one line of a list view: a note's name, in the colour of a link, and its
// values after it in the text's; a group's heading in bold; the summaries in italics.
type baseListItem struct {
	widget.BaseWidget
	name, rest *widget.Label
}

func newBaseListItem() *baseListItem {
	i := &baseListItem{name: widget.NewLabel(""), rest: widget.NewLabel("")}
	i.rest.Truncation = fyne.TextTruncateEllipsis
	i.ExtendBaseWidget(i)
	return i
}

func (i *baseListItem) set(kind baseLineKind, name, rest string) {
	i.name.TextStyle = fyne.TextStyle{Bold: kind == groupLine}
	i.name.Importance = widget.MediumImportance
	if kind == noteLine {
		i.name.Importance = widget.HighImportance
		name = "• " + name
	}
	i.rest.TextStyle = fyne.TextStyle{Italic: kind == summaryLine}
	i.name.Text, i.rest.Text = name, rest
	i.name.Refresh()
	i.rest.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (i *baseListItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, i.name, nil, i.rest))
}
