package app

import (
	"context"
	"fmt"
	"os/exec"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/widgets"
)

// prefPlayer keeps the chip URL template (a player name or a custom template).
const prefPlayer = "player"

// videoPanes are the side panel's video views: the open note's timeline with the other
// notes from its video, and its mentions across all videos.
type videoPanes struct {
	timeline *widgets.Timeline
	siblings *fyne.Container
	mentions *widgets.TopicMentions
	tab      *container.TabItem
	// openNote opens another note from its video (a sibling tapped).
	openNote func(path string)
}

// newVideoPanes builds the video views; the window wires their callbacks.
func newVideoPanes() videoPanes {
	v := videoPanes{
		timeline: widgets.NewTimeline(),
		siblings: container.NewVBox(),
		mentions: widgets.NewTopicMentions(),
	}
	v.tab = container.NewTabItem(sidePaneNames[5], container.NewBorder(v.siblings, nil, nil, nil, v.timeline))
	return v
}

// videoURL builds chip addresses with the user's player; it is handed to rendering by
// value, so a later change of player does not race with a render under way.
func videoURL(p vault.Player) func(string, int) string {
	return func(id string, seconds int) string {
		u, _ := p.URL(id, seconds)
		return u
	}
}

// videoViews is what the video panes show for one note, computed off the UI goroutine.
type videoViews struct {
	timeline []vault.TimelineEntry
	videoID  string
	siblings []string
	mentions []vault.TopicMention
}

// computeVideoViews computes the video views of the note n of the snapshot ix of v, whose
// text is src. It reads the notes of n's mentions across videos, for their sentences.
func computeVideoViews(v *vault.Vault, ix *vault.Index, n *vault.Note, src []byte) videoViews {
	return videoViews{
		timeline: vault.Timeline(n, src),
		videoID:  n.VideoID,
		siblings: ix.SiblingNotes(n.Path),
		mentions: v.TopicMentions(context.Background(), ix, n.Path),
	}
}

// show fills the video panes, with chips that open in player; on the UI goroutine.
func (v *videoPanes) show(ix *vault.Index, vv videoViews, player vault.Player) {
	v.timeline.SetEntries(vv.timeline, vv.videoID, player)
	v.mentions.SetMentions(vv.mentions, player)
	objs := []fyne.CanvasObject{}
	if len(vv.siblings) > 0 {
		h := widget.NewLabel(fmt.Sprintf("Other notes from this video (%d)", len(vv.siblings)))
		h.TextStyle.Bold = true
		objs = append(objs, h)
		const show = 12
		for i, p := range vv.siblings {
			if i == show {
				more := widget.NewLabel(fmt.Sprintf("… and %d more", len(vv.siblings)-show))
				more.Importance = widget.LowImportance
				objs = append(objs, more)
				break
			}
			title := p
			if n := ix.Note(p); n != nil {
				title = n.Title
			}
			b := widget.NewButton(title, func() { v.openNote(p) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			objs = append(objs, b)
		}
		objs = append(objs, widget.NewSeparator())
	}
	v.siblings.Objects = objs
	v.siblings.Refresh()
}

// clear empties the panes, for pages that are not notes.
func (v *videoPanes) clear(player vault.Player) {
	v.timeline.SetEntries(nil, "", player)
	v.mentions.SetMentions(nil, player)
	v.siblings.Objects = nil
	v.siblings.Refresh()
}

// focusTimeline shows the side panel's timeline and gives it the keyboard: Up and Down
// move, Enter opens the video at the selected entry.
func (w *Window) focusTimeline() {
	if i := w.side.tabOf(w.video.tab.Content); i >= 0 {
		w.showSideTab(i)
	}
}

// SetPlayer chooses how chips open videos: a player name or a custom template. It is
// checked first; a bad template is refused with the reason.
func (w *Window) SetPlayer(template string) error {
	return w.setPlayer(template, true)
}

// setPlayer is SetPlayer; save keeps the choice for the next launch (a choice made on the
// command line is for one run).
func (w *Window) setPlayer(template string, save bool) error {
	if template == controlledPlayer {
		// Chips keep YouTube addresses: the window reads the video and second back from them.
		w.play.on, w.player = true, vault.Player{}
		if _, err := exec.LookPath("mpv"); err != nil {
			w.setStatus("mpv is not installed (Debian and Ubuntu: sudo apt install mpv yt-dlp; see README): until it is, timestamps open the browser")
		}
	} else {
		p, err := vault.ParsePlayer(template)
		if err != nil {
			return err
		}
		if w.play.on {
			w.play.on = false
			go w.stopPlayer()
		}
		w.player = p
	}
	if save {
		w.app.Preferences().SetString(prefPlayer, template)
	}
	w.win.SetMainMenu(w.menu())
	if cur, ok := w.nav.history.Current(); ok && cur.Path != "" && w.vault != nil {
		w.reload.rerender(cur.Path) // chips carry their addresses
	}
	return nil
}

func (w *Window) playerMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Player", nil)
	item.ChildMenu = fyne.NewMenu("")
	current := w.app.Preferences().StringWithFallback(prefPlayer, "youtube")
	for _, c := range []struct{ label, name string }{
		{"YouTube", "youtube"}, {"YouTube, no cookies", "youtube-nocookie"}, {"youtu.be short links", "youtu.be"},
	} {
		it := fyne.NewMenuItem(c.label, func() { _ = w.SetPlayer(c.name) })
		it.Checked = current == c.name
		item.ChildMenu.Items = append(item.ChildMenu.Items, it)
	}
	custom := fyne.NewMenuItem("Custom…", w.askPlayer)
	custom.Checked = current != "youtube" && current != "youtube-nocookie" && current != "youtu.be" && current != controlledPlayer
	controlled := fyne.NewMenuItem("mpv (controlled)", func() { _ = w.SetPlayer(controlledPlayer) })
	controlled.Checked = w.play.on
	item.ChildMenu.Items = append(item.ChildMenu.Items, custom, fyne.NewMenuItemSeparator(), controlled,
		fyne.NewMenuItem("Media folders…", w.askMediaFolders))
	for _, it := range item.ChildMenu.Items[:3] {
		it.Checked = it.Checked && !w.play.on
	}
	return item
}

func (w *Window) askPlayer() {
	e := newDialogEntry(false)
	e.SetText(w.player.Template())
	e.Validator = func(s string) error { _, err := vault.ParsePlayer(s); return err }
	hint := widget.NewLabel("An http or https address with {id}, and {seconds} or {hms}.")
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Player", "Use", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Address", e), widget.NewFormItem("", hint),
	}, func(ok bool) {
		if ok {
			if err := w.SetPlayer(e.Text); err != nil {
				w.showDialog(dialog.NewError(err, w.win))
			}
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 220))
	w.showDialog(d, e)
}
