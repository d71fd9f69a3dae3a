package e2e

import (
	"image"
	"strings"
	"testing"
)

// TestVideos_TableSortsAndOpens: Ctrl+Shift+V shows every video of the vault as a table,
// titled by its channel note's episode heading; the toolbar's Back leaves it; a click on a
// column's header sorts by it, what is typed filters, the ▶ beside a title opens the video
// and a click on the row opens the video's note (issue #16, item 2).
func TestVideos_TableSortsAndOpens(t *testing.T) {
	need(t)
	ts := func(t string) string { return `<a class="yt-timestamp" data-t="` + t + `">` + t + `</a>` }
	dir := WriteVault(t, map[string]string{
		"Start.md":           "# Start\n\nThe vault's first page.\n",
		"tides/tides.md":     "# Tides\n\n### [Why the sea rises](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n\n- [[rising]]\n\nThis channel's videos:\n\n```videos\n```\n",
		"tides/rising.md":    "---\ntitle: Rising water\nvideoId: AAAAAAAAAAA\n---\nAt " + ts("00:01:05") + " and " + ts("00:10:00") + ".\n",
		"moon/phases.md":     "---\ntitle: Phases of the moon\nvideoId: BBBBBBBBBBB\n---\nAt " + ts("00:00:07") + ", then " + ts("00:02:00") + ", " + ts("00:03:00") + ".\n",
		"moon/eclipses.md":   "---\ntitle: Eclipses explained\nvideoId: CCCCCCCCCCC\n---\nNo moments.\n",
		"moon/more-links.md": "[[phases]], [[phases]] and [[eclipses]].\n",
	})
	a := Start(t, dir, "Start.md")
	a.WaitTitle("Start")
	a.Key("ctrl+shift+v")
	a.WaitTitle("Videos")
	a.WaitText(image.Rectangle{}, "3 videos")
	title := a.WaitText(image.Rectangle{}, "Why the sea rises") // the episode's title, not the note's
	phases := a.WaitText(image.Rectangle{}, "Phases of the moon")
	eclipses := a.WaitText(image.Rectangle{}, "Eclipses explained")
	if !(eclipses.Min.Y < phases.Min.Y && phases.Min.Y < title.Min.Y) {
		t.Errorf("not in the vault's order (moon before tides, by title): %v %v %v", eclipses, phases, title)
	}
	a.Shot("videos.png")
	// The toolbar's Back leaves the view for the note it covers, though that note is the
	// first place of the history.
	a.Click(backButtonX, backButtonY)
	a.WaitTitle("Start")
	a.Key("ctrl+shift+v")
	a.WaitTitle("Videos")
	a.WaitText(image.Rectangle{}, "Moments")

	// Sort by timestamps: a click on the header, twice for the most first.
	head := a.WaitText(image.Rectangle{}, "Moments")
	a.Click((head.Min.X+head.Max.X)/2, (head.Min.Y+head.Max.Y)/2)
	a.Click((head.Min.X+head.Max.X)/2, (head.Min.Y+head.Max.Y)/2)
	// Read the table's rows alone: OCR over the whole window reads them less surely.
	rows := a.waitPanes().noteArea()
	rows.Min.Y = head.Max.Y
	a.Wait("the video with the most timestamps first", func() bool {
		words := a.Words(a.Shot(""), rows)
		p, ok1 := Find(words, "Phases of the moon")
		r, ok2 := Find(words, "Why the sea rises")
		return ok1 && ok2 && p.Min.Y < r.Min.Y
	})

	// Typing in the filter filters; a click on the row left opens its note.
	a.ClickText(image.Rectangle{}, "Filter videos")
	a.Type("sea")
	// OCR runs the count into "videos" now and then: look for it in the words read.
	a.Wait("the count to say 1 of 3", func() bool {
		return strings.Contains(joinWords(a.Words(a.Shot(""), image.Rectangle{})), "1 of 3")
	})
	// The ▶ beside the title (left of the Channel header) opens the video.
	row := a.WaitText(image.Rectangle{}, "Why the sea rises")
	channel := a.WaitText(image.Rectangle{}, "Channel")
	a.Click(channel.Min.X-22, (row.Min.Y+row.Max.Y)/2)
	if u := a.WaitOpened(1); !strings.Contains(u, "AAAAAAAAAAA") {
		t.Errorf("the ▶ opened %q, want the video", u)
	}
	a.ClickText(image.Rectangle{}, "Why the sea rises")
	a.WaitTitle("Rising water")
	// Back from the Videos view returns to the note it covered, not to the one before.
	a.Key("ctrl+shift+v")
	a.WaitTitle("Videos")
	a.Key("alt+Left")
	a.WaitTitle("Rising water")
	// The view keeps its filter and the keyboard in it: Enter opens the note of the first
	// video listed.
	a.Key("ctrl+shift+v")
	a.WaitTitle("Videos")
	a.Key("Return")
	a.WaitTitle("Rising water")

	// The channel note holds its own videos (a ```videos block): a row opens the note.
	a.Key("ctrl+o")
	a.Type("Tides")
	a.Key("Return")
	a.WaitTitle("tides") // titled by its file name
	a.WaitText(image.Rectangle{}, "This channel's videos")
	a.WaitText(image.Rectangle{}, "Moments")
	if _, ok := Find(a.Words(a.Shot(""), image.Rectangle{}), "Phases of the moon"); ok {
		t.Error("the moon channel's video is in the tides channel's table")
	}
}

// The toolbar's Back button, in window coordinates: below the menu bar, at the left.
const backButtonX, backButtonY = 22, 48
