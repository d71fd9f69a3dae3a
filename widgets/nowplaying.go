package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NowPlaying is the bar at the bottom of the window while the controlled player plays
// (issue #17, item 3): the video's title, where it is and how long it is, and buttons to
// play or pause, go back or on 10 seconds, change the speed and close the player. The app
// gives it the player's state; the buttons call back.
type NowPlaying struct {
	widget.BaseWidget

	// OnPause, OnBack, OnForward, OnSpeed and OnClose are the buttons' actions.
	OnPause, OnBack, OnForward, OnSpeed, OnClose func()

	title, at   *widget.Label
	play, speed *widget.Button
	box         *fyne.Container
}

// NewNowPlaying returns an empty bar; SetState fills it.
func NewNowPlaying() *NowPlaying {
	b := &NowPlaying{title: widget.NewLabel(""), at: widget.NewLabel("")}
	b.title.Truncation = fyne.TextTruncateEllipsis
	b.title.TextStyle.Bold = true
	call := func(f *func()) func() {
		return func() {
			if *f != nil {
				(*f)()
			}
		}
	}
	b.play = widget.NewButtonWithIcon("", theme.MediaPauseIcon(), call(&b.OnPause))
	back := widget.NewButtonWithIcon("10 s", theme.MediaFastRewindIcon(), call(&b.OnBack))
	fwd := widget.NewButtonWithIcon("10 s", theme.MediaFastForwardIcon(), call(&b.OnForward))
	b.speed = widget.NewButton("1×", call(&b.OnSpeed))
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), call(&b.OnClose))
	for _, o := range []*widget.Button{b.play, back, fwd, b.speed, closeBtn} {
		o.Importance = widget.LowImportance
	}
	b.box = container.NewBorder(nil, nil, container.NewHBox(b.play, back, fwd),
		container.NewHBox(b.at, b.speed, closeBtn), b.title)
	b.ExtendBaseWidget(b)
	return b
}

// SetState shows the player's state: what plays, where (seconds), how long, whether paused
// and at what speed.
func (b *NowPlaying) SetState(title string, position, duration float64, paused bool, speed float64) {
	b.title.SetText(title)
	b.at.SetText(clock(position) + " / " + clock(duration))
	icon := theme.MediaPauseIcon()
	if paused {
		icon = theme.MediaPlayIcon()
	}
	if b.play.Icon != icon {
		b.play.SetIcon(icon)
	}
	if s := fmt.Sprintf("%g×", speed); b.speed.Text != s {
		b.speed.SetText(s)
	}
}

// Text is what the bar says, for tests: the title and the time.
func (b *NowPlaying) Text() string { return b.title.Text + " " + b.at.Text }

// clock writes seconds as m:ss, or h:mm:ss from an hour.
func clock(s float64) string {
	n := max(int(s), 0)
	if n >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", n/3600, n/60%60, n%60)
	}
	return fmt.Sprintf("%d:%02d", n/60, n%60)
}

// CreateRenderer implements fyne.Widget.
func (b *NowPlaying) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.box)
}
