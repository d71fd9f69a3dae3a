package widgets

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// VideosView lists every video of the vault as a table (issue #16, item 2): its title, its
// channel (folder), how many notes are about it, their timestamps, the first and last moment
// noted ("moments"), and the links into its notes. A click on a column's header sorts by it (again:
// the other way); the filter keeps the videos whose title, channel or id holds every word
// typed. A click on a row opens the video's first note; on the ▶ beside its title, the
// video. Enter in the filter opens the first note of the first video listed.
type VideosView struct {
	widget.BaseWidget

	// OnOpenNote is called with the path of the note to open.
	OnOpenNote func(path string)
	// OnOpenVideo is called with the id of the video to watch.
	OnOpenVideo func(id string)

	all    []vault.Video
	shown  []vault.Video
	sortBy int
	desc   bool
	filter *widget.Entry
	count  *widget.Label
	table  *widget.Table
}

// videoColumns are the table's columns, in order.
var videoColumns = []struct {
	name  string
	width float32
	// less orders two videos by the column; nil for a column that does not sort.
	less func(a, b *vault.Video) int
}{
	{"Title", 220, func(a, b *vault.Video) int {
		return strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
	}},
	{"", 44, nil},
	{"Channel", 120, func(a, b *vault.Video) int {
		return strings.Compare(strings.ToLower(a.Channel), strings.ToLower(b.Channel))
	}},
	{"Notes", 65, func(a, b *vault.Video) int { return len(a.Notes) - len(b.Notes) }},
	{"Moments", 85, func(a, b *vault.Video) int { return a.Timestamps - b.Timestamps }},
	{"First", 70, func(a, b *vault.Video) int { return a.First - b.First }},
	{"Last", 70, func(a, b *vault.Video) int { return a.Last - b.Last }},
	{"Links in", 80, func(a, b *vault.Video) int { return a.Backlinks - b.Backlinks }},
}

// watchColumn is the column whose cell (▶, beside the title) opens the video.
const watchColumn = 1

// NewVideosView returns an empty VideosView.
func NewVideosView() *VideosView {
	v := &VideosView{filter: widget.NewEntry(), count: widget.NewLabel(""), sortBy: 2} // by channel, as the vault orders them
	v.filter.SetPlaceHolder("Filter videos by title, channel or id")
	v.filter.OnChanged = func(string) { v.apply() }
	v.filter.OnSubmitted = func(string) { v.openNote(0) }
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.shown), len(videoColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < len(v.shown) {
				l.SetText(videoCell(&v.shown[id.Row], id.Col))
			}
			l.Importance = widget.MediumImportance
			if id.Col == watchColumn {
				l.Importance = widget.HighImportance
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		h := newSortHeader(v.tapHeader)
		h.sortable = func(col int) bool { return videoColumns[col].less != nil }
		return h
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*sortHeader)
		h.col = id.Col
		h.text.Text = videoColumns[id.Col].name
		if id.Col == v.sortBy {
			h.text.Text += map[bool]string{false: " ▲", true: " ▼"}[v.desc]
		}
		h.Refresh()
	}
	for i, c := range videoColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row < 0 || id.Row >= len(v.shown) {
			return
		}
		row := &v.shown[id.Row]
		if id.Col == watchColumn {
			if v.OnOpenVideo != nil {
				v.OnOpenVideo(row.ID)
			}
			return
		}
		v.openNote(id.Row)
	}
	v.ExtendBaseWidget(v)
	return v
}

// openNote opens the first note of the video listed at row.
func (v *VideosView) openNote(row int) {
	if row < len(v.shown) && len(v.shown[row].Notes) > 0 && v.OnOpenNote != nil {
		v.OnOpenNote(v.shown[row].Notes[0])
	}
}

// videoCell is the text of a column of a row.
func videoCell(r *vault.Video, col int) string {
	switch col {
	case 0:
		return r.Title
	case watchColumn:
		return "▶"
	case 2:
		if r.Channel == "" {
			return "(top)"
		}
		return r.Channel
	case 3:
		return strconv.Itoa(len(r.Notes))
	case 4:
		return strconv.Itoa(r.Timestamps)
	case 5:
		return videoMoment(r.First)
	case 6:
		return videoMoment(r.Last)
	}
	return strconv.Itoa(r.Backlinks)
}

// SetVideos shows videos, keeping the sort and the filter.
func (v *VideosView) SetVideos(videos []vault.Video) {
	v.all = videos
	v.apply()
}

// SortBy sorts by column col (see videoColumns), descending when desc is set.
func (v *VideosView) SortBy(col int, desc bool) {
	if col < 0 || col >= len(videoColumns) || videoColumns[col].less == nil {
		return
	}
	v.sortBy, v.desc = col, desc
	v.apply()
}

// tapHeader sorts by a column, the other way when it sorts by it already.
func (v *VideosView) tapHeader(col int) {
	v.SortBy(col, col == v.sortBy && !v.desc)
}

// Filter is the filter entry, for the keyboard.
func (v *VideosView) Filter() fyne.Focusable { return v.filter }

// Rows is the table's text as shown, a row a line, cells apart by tabs (for tests).
func (v *VideosView) Rows() []string {
	out := make([]string, len(v.shown))
	for i := range v.shown {
		var cells []string
		for c := range videoColumns {
			if c != watchColumn {
				cells = append(cells, videoCell(&v.shown[i], c))
			}
		}
		out[i] = strings.Join(cells, "\t")
	}
	return out
}

// apply filters and sorts the videos, and shows them.
func (v *VideosView) apply() {
	words := strings.Fields(strings.ToLower(v.filter.Text))
	v.shown = v.shown[:0]
	for _, r := range v.all {
		if videoMatches(&r, words) {
			v.shown = append(v.shown, r)
		}
	}
	less := videoColumns[v.sortBy].less
	slices.SortStableFunc(v.shown, func(a, b vault.Video) int {
		c := less(&a, &b)
		if v.desc {
			c = -c
		}
		return c
	})
	notes := 0
	for _, r := range v.shown {
		notes += len(r.Notes)
	}
	v.count.SetText(videosCount(len(v.shown), len(v.all), notes))
	v.table.Refresh()
	v.table.ScrollToTop()
}

// Resize implements fyne.CanvasObject: the title column takes the width the others leave,
// so that a wide window shows long titles and a narrow one scrolls.
func (v *VideosView) Resize(s fyne.Size) {
	rest := float32(0)
	for _, c := range videoColumns[1:] {
		rest += c.width
	}
	pad := theme.SizeForWidget(theme.SizeNamePadding, v)
	v.table.SetColumnWidth(0, max(videoColumns[0].width, s.Width-rest-float32(len(videoColumns)+2)*pad))
	v.BaseWidget.Resize(s)
}

// CreateRenderer implements fyne.Widget.
func (v *VideosView) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabelWithStyle("Videos", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, v.count, v.filter)
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, v.table))
}

// videosCount is the line above the table: "3 videos · 12 notes about them", "1 of 3 videos
// · 4 notes about it" when a filter hides some.
func videosCount(shown, all, notes int) string {
	of, them := "", "them"
	if shown == 1 {
		them = "it"
	}
	if shown != all {
		of = " of " + searchNumber(all)
	}
	return fmt.Sprintf("%s%s %s · %s about %s", searchNumber(shown), of, plural(max(shown, all), "video"), Count(notes, "note"), them)
}
