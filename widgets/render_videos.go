package widgets

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
)

// A channel note can hold the Videos view of its own folder (issue #16, item 2): a fenced
// block of language `videos`. Empty, it lists the videos whose notes are mostly in the
// note's folder; otherwise the videos whose title, channel or id holds every word in it
// (docs/FORMAT.md §8). It shows as a table: the title (a link to the video's first note),
// notes, moments, first and last moment noted.

// maxVideoRows bounds the rows of a videos block.
const maxVideoRows = 200

func (r *noteRenderer) videosBlock(query string) widget.RichTextSegment {
	r.setLive()
	videos, ok := r.in.Videos()
	if !ok {
		return &widget.TextSegment{Style: videosNote, Text: "The videos show once the vault is read."}
	}
	words := strings.Fields(strings.ToLower(query))
	folder := r.note.Folder()
	seg := &widget.TableSegment{}
	for _, h := range []string{"Video", "Notes", "Moments", "First", "Last"} {
		seg.Headers = append(seg.Headers, []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: h}})
	}
	total := 0
	for i := range videos {
		v := &videos[i]
		if len(words) == 0 && v.Channel != folder || !videoMatches(v, words) {
			continue
		}
		total++
		if len(seg.Rows) == maxVideoRows {
			continue
		}
		cell := func(s string) []widget.RichTextSegment {
			return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: s}}
		}
		seg.Rows = append(seg.Rows, [][]widget.RichTextSegment{
			{r.noteLink(v.Title, v.Notes[0], "", inlineStyle{})},
			cell(strconv.Itoa(len(v.Notes))), cell(strconv.Itoa(v.Timestamps)),
			cell(videoMoment(v.First)), cell(videoMoment(v.Last)),
		})
	}
	switch {
	case total == 0 && len(words) == 0:
		return &widget.TextSegment{Style: videosNote, Text: "No videos have notes in this folder."}
	case total == 0:
		return &widget.TextSegment{Style: videosNote, Text: "No videos match “" + strings.Join(words, " ") + "”."}
	case total > len(seg.Rows):
		seg.Rows = append(seg.Rows, [][]widget.RichTextSegment{{&widget.TextSegment{Style: videosNote,
			Text: fmt.Sprintf("… and %d more (Go › Videos lists them all)", total-len(seg.Rows))}}})
	}
	return seg
}

// videosNote is the style of what a videos block says instead of rows.
var videosNote = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}

// videoMatches reports whether the video's title, channel or id holds every word.
func videoMatches(v *vault.Video, words []string) bool {
	hay := strings.ToLower(v.Title + " " + v.Channel + " " + v.ID)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// videoMoment is a moment of a video as tables show it, "–" for none.
func videoMoment(s int) string {
	if s < 0 {
		return "–"
	}
	return vault.Clock(s)
}
