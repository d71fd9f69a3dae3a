package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SidePanel shows one of several panes (backlinks, outline, timeline, …) under a header that
// always names the pane on show, whatever the panel's width: the name, with ‹ and › to step
// to the neighbours and a menu of every pane behind the name.
//
// Fyne's AppTabs puts the tabs that do not fit behind a "…", the chosen one included, and
// its minimum width follows its content, which moves a split's divider when the content
// changes. SidePanel's minimum size is fixed (SidePanelMinWidth): the panes scroll or
// truncate inside it, so the note beside it keeps its width.
//
// Call its methods on the UI goroutine.
type SidePanel struct {
	widget.BaseWidget

	// OnSelected is called after a pane is chosen, by the user or by Select.
	OnSelected func(*container.TabItem)
	// Keys, when set, gives the key that chooses each pane (shown in the pane menu).
	Keys func(i int) fyne.Shortcut

	items    []*container.TabItem
	selected int

	name       *widget.Label
	nameButton *sidePanelName
	prev, next *widget.Button
	stack      *fyne.Container
}

var (
	_ fyne.Widget   = (*SidePanel)(nil)
	_ fyne.Tappable = (*sidePanelName)(nil)
)

// SidePanelMinWidth is the narrowest a side panel gets: room for the header's buttons and a
// short name. Wider content is scrolled or truncated by the panes themselves.
const SidePanelMinWidth = 210

// NewSidePanel returns a panel showing the first of items.
func NewSidePanel(items ...*container.TabItem) *SidePanel {
	p := &SidePanel{items: items}
	p.ExtendBaseWidget(p)
	p.name = widget.NewLabel("")
	p.name.TextStyle.Bold = true
	p.name.Truncation = fyne.TextTruncateEllipsis
	p.nameButton = newSidePanelName(p)
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.step(-1) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.step(1) })
	p.prev.Importance, p.next.Importance = widget.LowImportance, widget.LowImportance
	objs := make([]fyne.CanvasObject, len(items))
	for i, it := range items {
		objs[i] = it.Content
	}
	p.stack = container.NewStack(objs...)
	p.show(0)
	return p
}

// Items are the panes, in order.
func (p *SidePanel) Items() []*container.TabItem { return p.items }

// SelectedIndex is the index of the pane on show.
func (p *SidePanel) SelectedIndex() int { return p.selected }

// Selected is the pane on show.
func (p *SidePanel) Selected() *container.TabItem {
	if p.selected < len(p.items) {
		return p.items[p.selected]
	}
	return nil
}

// Select shows item. Its content is visible when Select returns, so it can take the focus at
// once.
func (p *SidePanel) Select(item *container.TabItem) {
	for i, it := range p.items {
		if it == item {
			p.SelectIndex(i)
			return
		}
	}
}

// SelectIndex shows the i-th pane.
func (p *SidePanel) SelectIndex(i int) {
	if i < 0 || i >= len(p.items) {
		return
	}
	changed := i != p.selected
	p.show(i)
	if changed && p.OnSelected != nil {
		p.OnSelected(p.items[i])
	}
}

func (p *SidePanel) step(d int) {
	if n := len(p.items); n > 0 {
		p.SelectIndex(((p.selected+d)%n + n) % n)
	}
}

func (p *SidePanel) show(i int) {
	p.selected = i
	for k, it := range p.items {
		if k == i {
			it.Content.Show()
		} else {
			it.Content.Hide()
		}
	}
	if i < len(p.items) {
		p.name.SetText(p.items[i].Text)
	}
	p.stack.Refresh()
}

// showMenu pops up the list of panes under the name, the one on show ticked.
func (p *SidePanel) showMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(p.items))
	for i, it := range p.items {
		mi := fyne.NewMenuItem(it.Text, func() { p.SelectIndex(i) })
		mi.Checked = i == p.selected
		if p.Keys != nil {
			mi.Shortcut = p.Keys(i)
		}
		items[i] = mi
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.nameButton)
	pos.Y += p.nameButton.Size().Height
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// CreateRenderer implements fyne.Widget.
func (p *SidePanel) CreateRenderer() fyne.WidgetRenderer {
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	return &sidePanelRenderer{p: p, line: line}
}

type sidePanelRenderer struct {
	p    *SidePanel
	line *canvas.Rectangle
}

func (r *sidePanelRenderer) Destroy() {}

func (r *sidePanelRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.prev, r.p.nameButton, r.p.next, r.line, r.p.stack}
}

// Layout puts ‹ name ▾ › in the header; when the panel is too narrow for the longest name
// beside the arrows, the arrows go (Ctrl+PageUp / Ctrl+PageDown and the menu remain), so
// the name is never cut.
func (r *sidePanelRenderer) Layout(size fyne.Size) {
	p := r.p
	h := r.headerHeight()
	bw := p.prev.MinSize().Width
	name := p.longestName() + theme.IconInlineSize() + 4*theme.Padding()
	arrows := size.Width >= name+2*bw
	p.prev.Hidden, p.next.Hidden = !arrows, !arrows
	x, w := float32(0), size.Width
	if arrows {
		p.prev.Move(fyne.NewPos(0, 0))
		p.prev.Resize(fyne.NewSize(bw, h))
		p.next.Move(fyne.NewPos(size.Width-bw, 0))
		p.next.Resize(fyne.NewSize(bw, h))
		x, w = bw, size.Width-2*bw
	}
	p.nameButton.Move(fyne.NewPos(x, 0))
	p.nameButton.Resize(fyne.NewSize(w, h))
	sep := theme.SeparatorThicknessSize()
	r.line.Move(fyne.NewPos(0, h))
	r.line.Resize(fyne.NewSize(size.Width, sep))
	p.stack.Move(fyne.NewPos(0, h+sep))
	p.stack.Resize(fyne.NewSize(size.Width, max(0, size.Height-h-sep)))
}

func (r *sidePanelRenderer) headerHeight() float32 {
	return max(r.p.prev.MinSize().Height, r.p.nameButton.MinSize().Height)
}

// MinSize is fixed: it never follows what the panes show (see SidePanel).
func (r *sidePanelRenderer) MinSize() fyne.Size {
	return fyne.NewSize(SidePanelMinWidth, r.headerHeight()+4*theme.TextSize())
}

func (r *sidePanelRenderer) Refresh() {
	r.line.FillColor = theme.Color(theme.ColorNameSeparator)
	r.line.Refresh()
	r.p.nameButton.Refresh()
	r.p.prev.Refresh()
	r.p.next.Refresh()
}

// longestName is the width of the longest pane name as the header draws it.
func (p *SidePanel) longestName() float32 {
	w := float32(0)
	for _, it := range p.items {
		w = max(w, fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return w + 2*theme.InnerPadding()
}

// sidePanelName is the pane's name in the header: a tap opens the menu of panes.
type sidePanelName struct {
	widget.BaseWidget
	p       *SidePanel
	hovered bool
}

func newSidePanelName(p *SidePanel) *sidePanelName {
	n := &sidePanelName{p: p}
	n.ExtendBaseWidget(n)
	return n
}

// Tapped implements fyne.Tappable.
func (n *sidePanelName) Tapped(*fyne.PointEvent) { n.p.showMenu() }

// MouseIn implements desktop.Hoverable.
func (n *sidePanelName) MouseIn(*desktop.MouseEvent) { n.hovered = true; n.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (n *sidePanelName) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (n *sidePanelName) MouseOut() { n.hovered = false; n.Refresh() }

// CreateRenderer implements fyne.Widget.
func (n *sidePanelName) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.MenuDropDownIcon())
	row := container.NewBorder(nil, nil, nil, icon, n.p.name)
	r := &sidePanelNameRenderer{n: n, bg: bg, row: row}
	r.Refresh()
	return r
}

type sidePanelNameRenderer struct {
	n   *sidePanelName
	bg  *canvas.Rectangle
	row *fyne.Container
}

func (r *sidePanelNameRenderer) Destroy() {}
func (r *sidePanelNameRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.row}
}
func (r *sidePanelNameRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.row.Resize(s)
}

// MinSize leaves the name out: it truncates, so a long name never widens the panel.
func (r *sidePanelNameRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.IconInlineSize()*3, r.row.MinSize().Height)
}

func (r *sidePanelNameRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameHover)
	r.bg.Hidden = !r.n.hovered
	r.bg.Refresh()
	r.row.Refresh()
}
