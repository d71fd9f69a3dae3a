package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"math"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"vaultview/internal/mpv"
	"vaultview/vault"
	"vaultview/widgets"
)

// Playing along (issue #17): with View › Player › mpv (controlled), or `--player mpv`, a
// timestamp does not open a browser tab: every chip, timeline row and video link seeks one
// mpv the window keeps (or loads another video into it), from a local copy when the media
// folders have one. A bar at the bottom shows what plays. All talk with mpv is off the UI
// goroutine; what it reports reaches the window through w.do, at most one update queued.

// controlledPlayer is the player choice that plays in a controlled mpv.
const controlledPlayer = "mpv"

// prefMedia keeps the media folders, searched for local copies of videos;
// prefFollowPlayback whether the note follows the video.
const (
	prefMedia          = "media.folders"
	prefFollowPlayback = "play.follow"
)

// mpvArgsEnv adds arguments to mpv's command line (the tests run it with no window and no
// sound: --vo=null --ao=null).
const mpvArgsEnv = "VAULTVIEW_MPV_ARGS"

// playTimeout bounds one exchange with mpv: a player that does not answer is reported, and
// the window never waits on it.
const playTimeout = 5 * time.Second

// playback is the window's controlled player.
type playback struct {
	// on is set when chips play in mpv (the UI goroutine's).
	on bool
	// bar shows what plays (the UI goroutine's).
	bar *widgets.NowPlaying

	mu     sync.Mutex // guards the rest
	player *mpv.Player
	dirs   []string
	media  *vault.Media
	// last is the state mpv reported last; queued is set while an update of the bar waits
	// for the UI goroutine.
	last   mpv.State
	queued atomic.Bool
	// titles are the titles of the sources played, from the notes whose chips played them
	// (mpv knows a local file only by its name); ids their videos.
	titles, ids map[string]string
	// follow is set when the note follows playback (the UI goroutine's).
	follow bool
	// asked is the last chip's time, target and video (for the log: how long until mpv
	// plays there); reported is when the state waiting for the UI came, and updates and
	// slowest count the bar's and the note's updates and the longest wait for one.
	asked    time.Time
	target   float64
	targetID string
	reported time.Time
	updates  int
	slowest  time.Duration
}

// speeds are the speeds the speed button and keys step through.
var speeds = []float64{0.75, 1, 1.25, 1.5, 1.75, 2}

// newPlayback makes the bar, hidden until something plays.
func (w *Window) newPlayback() {
	w.play.bar = widgets.NewNowPlaying()
	w.play.bar.Hide()
	w.play.bar.OnPause = w.playPause
	w.play.bar.OnBack = func() { w.playSeek(-10) }
	w.play.bar.OnForward = func() { w.playSeek(10) }
	w.play.bar.OnSpeed = func() { w.playSpeed(+1, true) }
	w.play.bar.OnClose = w.closePlayer
}

// SetMediaFolders sets the folders searched for local copies of videos; save keeps them for
// the next launch.
func (w *Window) SetMediaFolders(dirs []string, save bool) {
	w.play.mu.Lock()
	w.play.dirs, w.play.media = dirs, nil // scanned again at the next chip
	w.play.mu.Unlock()
	if save {
		w.app.Preferences().SetStringList(prefMedia, dirs)
	}
}

// localCopy is the local file of video id in the media folders, "" for none; the folders
// are scanned once, at the first chip after they are set.
func (w *Window) localCopy(id string) string {
	w.play.mu.Lock()
	defer w.play.mu.Unlock()
	if len(w.play.dirs) == 0 {
		return ""
	}
	if w.play.media == nil {
		started := time.Now()
		m, problems := vault.ScanMedia(w.play.dirs)
		for _, p := range problems {
			log.Printf("media folders: %v", p)
		}
		log.Printf("media folders: %d videos with a local copy, found in %v", m.Len(), time.Since(started).Round(time.Millisecond))
		w.play.media = m
	}
	return w.play.media.Local(id)
}

// playVideo plays video id from the second at in the controlled player, starting it when it
// is not running. Without mpv, u opens as it would without the controlled player.
func (w *Window) playVideo(id string, at int, u *url.URL) {
	title := ""
	if n := w.note.Note(); n != nil && n.Note != nil && n.Note.VideoID == id {
		title = n.Note.Title
	}
	w.note.ResumeFollowing() // a chip: the note follows the video again
	w.play.mu.Lock()
	w.play.asked, w.play.target, w.play.targetID = time.Now(), float64(at), id
	w.play.mu.Unlock()
	go func() {
		p, err := w.ensurePlayer()
		if err != nil {
			// The video opens in the browser instead: a chip never does nothing.
			msg := "The controlled player could not start (" + err.Error() + "): opening the video in the browser"
			if errors.Is(err, mpv.ErrNotInstalled) {
				msg = "mpv is not installed (Debian and Ubuntu: sudo apt install mpv yt-dlp; see README): opening the video in the browser"
			}
			log.Print(msg)
			w.do(func() {
				w.setStatus(msg)
				if err := w.open(u); err != nil {
					w.setStatus("Could not open " + u.String() + ": " + err.Error())
				}
			})
			return
		}
		src := w.localCopy(id)
		if src == "" {
			src = "https://www.youtube.com/watch?v=" + id // mpv plays it through yt-dlp
		}
		w.play.mu.Lock()
		if w.play.titles == nil {
			w.play.titles, w.play.ids = map[string]string{}, map[string]string{}
		}
		if title != "" {
			w.play.titles[src] = title
		}
		w.play.ids[src] = id
		w.play.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), playTimeout)
		defer cancel()
		started := time.Now()
		if err := p.Play(ctx, src, float64(at)); err != nil {
			log.Printf("mpv: play %s at %ds: %v", src, at, err)
			w.do(func() { w.setStatus("The player did not take the video: " + err.Error()) })
			return
		}
		log.Printf("mpv: playing %s from %ds (asked in %v)", src, at, time.Since(started).Round(time.Millisecond))
	}()
}

// ensurePlayer is the window's mpv, started when there is none or it has exited.
func (w *Window) ensurePlayer() (*mpv.Player, error) {
	w.play.mu.Lock()
	defer w.play.mu.Unlock()
	if p := w.play.player; p != nil && p.State().Running {
		return p, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), playTimeout)
	defer cancel()
	started := time.Now()
	p, err := mpv.Start(ctx, mpv.Options{
		Args:     strings.Fields(os.Getenv(mpvArgsEnv)),
		Log:      log.Printf,
		OnChange: w.playerChanged,
	})
	if err != nil {
		return nil, err
	}
	log.Printf("mpv: started, pid %d, socket %s, in %v", p.PID(), p.Socket(), time.Since(started).Round(time.Millisecond))
	w.play.player = p
	return p, nil
}

// currentPlayer is the running player, or nil.
func (w *Window) currentPlayer() *mpv.Player {
	w.play.mu.Lock()
	defer w.play.mu.Unlock()
	if p := w.play.player; p != nil && p.State().Running {
		return p
	}
	return nil
}

// playerChanged is called on the player's goroutine at each change; the bar follows, one
// update queued at a time (positions come a frame apart).
func (w *Window) playerChanged(s mpv.State) {
	now := time.Now()
	w.play.mu.Lock()
	w.play.last = s
	if !w.play.asked.IsZero() && w.play.ids[s.Source] == w.play.targetID && s.Duration > 0 && math.Abs(s.Position-w.play.target) < 0.5 {
		log.Printf("mpv: at %.0fs, %v after the chip", w.play.target, now.Sub(w.play.asked).Round(time.Millisecond))
		w.play.asked = time.Time{}
	}
	if !s.Running && w.play.updates > 0 {
		log.Printf("mpv: the bar and the note followed %d changes, the slowest %v after mpv reported it", w.play.updates, w.play.slowest.Round(time.Millisecond))
		w.play.updates, w.play.slowest = 0, 0
	}
	queued := w.play.queued.Swap(true)
	if !queued {
		w.play.reported = now
	}
	w.play.mu.Unlock()
	if queued {
		return
	}
	w.do(func() {
		w.play.queued.Store(false)
		w.play.mu.Lock()
		s := w.play.last
		wait := time.Since(w.play.reported)
		w.play.mu.Unlock()
		w.showPlaying(s)
		w.play.mu.Lock()
		w.play.updates++
		w.play.slowest = max(w.play.slowest, wait)
		w.play.mu.Unlock()
	})
}

// showPlaying brings the bar up to date with s.
func (w *Window) showPlaying(s mpv.State) {
	bar := w.play.bar
	switch {
	case !s.Running:
		w.followPlayback(s)
		if bar.Visible() {
			bar.Hide()
			w.relayoutBottom()
			msg := "The player was closed"
			if s.Exit != "mpv exited" { // a crash, or a kill: say how it ended
				msg = "The player stopped (" + s.Exit + ")"
			}
			w.setStatus(msg + "; the next timestamp starts it again")
		}
		return
	case s.Problem != "":
		w.setStatus(s.Problem)
	case s.Source == "":
		return
	}
	w.play.mu.Lock()
	title := w.play.titles[s.Source]
	w.play.mu.Unlock()
	if title == "" {
		title = s.Title
	}
	if title == "" {
		title = s.Source
	}
	bar.SetState(title, s.Position, s.Duration, s.Paused, s.Speed)
	if !bar.Visible() {
		bar.Show()
		w.relayoutBottom()
	}
	w.followPlayback(s)
}

// followPlayback marks, in the note and its timeline, the passage of the video s plays that
// it has reached, and keeps it in view when following is on; a note of another video (or
// none playing) is left unmarked.
func (w *Window) followPlayback(s mpv.State) {
	n := w.note.Note()
	w.play.mu.Lock()
	id := w.play.ids[s.Source]
	w.play.mu.Unlock()
	if n == nil || n.Note == nil || !s.Running || id == "" || n.Note.VideoID != id {
		w.note.SetPlayhead(-1, false)
		w.video.timeline.SetPlaying(-1)
		return
	}
	off := -1
	if ts, ok := n.Note.PlayingAt(s.Position); ok {
		off = int(ts.Offset)
	}
	w.note.SetPlayhead(off, w.play.follow)
	w.video.timeline.SetPlaying(off)
}

// refollow marks the note just shown as its video plays, paused or not.
func (w *Window) refollow() {
	if w.currentPlayer() == nil {
		return
	}
	w.play.mu.Lock()
	s := w.play.last
	w.play.mu.Unlock()
	w.followPlayback(s)
}

// toggleFollowPlayback turns following the video in the note on or off, and remembers it.
func (w *Window) toggleFollowPlayback() {
	w.play.follow = !w.play.follow
	w.app.Preferences().SetBool(prefFollowPlayback, w.play.follow)
	if w.play.follow {
		w.note.ResumeFollowing()
		w.refollow()
	}
	w.win.SetMainMenu(w.menu())
	w.setStatus(map[bool]string{true: "The note follows the video", false: "The note no longer follows the video"}[w.play.follow])
}

// relayoutBottom lays the window out again once the bar came or went: its container does
// not follow a child's visibility by itself.
func (w *Window) relayoutBottom() {
	if c := w.win.Content(); c != nil {
		c.Refresh()
	}
}

// withPlayer runs f with the running player off the UI goroutine; with none, it says so.
func (w *Window) withPlayer(what string, f func(context.Context, *mpv.Player) error) {
	p := w.currentPlayer()
	if p == nil {
		w.setStatus("Nothing plays in the controlled player")
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), playTimeout)
		defer cancel()
		if err := f(ctx, p); err != nil {
			log.Printf("mpv: %s: %v", what, err)
			w.do(func() { w.setStatus(fmt.Sprintf("The player did not %s: %v", what, err)) })
		}
	}()
}

func (w *Window) playPause() {
	w.withPlayer("pause", func(ctx context.Context, p *mpv.Player) error { return p.TogglePause(ctx) })
}

func (w *Window) playSeek(delta float64) {
	w.withPlayer("seek", func(ctx context.Context, p *mpv.Player) error { return p.Seek(ctx, delta) })
}

// playSpeed steps the speed up (+1) or down (-1) through speeds; cycle goes round from the
// fastest to the slowest (the bar's button), else the ends stay.
func (w *Window) playSpeed(step int, cycle bool) {
	w.withPlayer("change speed", func(ctx context.Context, p *mpv.Player) error {
		cur, i := p.State().Speed, 1
		for k, s := range speeds {
			if s <= cur+1e-9 {
				i = k
			}
		}
		if i += step; cycle {
			i = (i + len(speeds)) % len(speeds)
		} else {
			i = min(max(i, 0), len(speeds)-1)
		}
		return p.SetSpeed(ctx, speeds[i])
	})
}

// closePlayer quits the player; the bar goes when mpv says it has exited.
func (w *Window) closePlayer() {
	p := w.currentPlayer()
	if p == nil {
		w.setStatus("Nothing plays in the controlled player")
		return
	}
	go p.Quit()
}

// stopPlayer quits the player as the window closes.
func (w *Window) stopPlayer() {
	if p := w.currentPlayer(); p != nil {
		p.Quit()
	}
}

// askMediaFolders asks for the media folders, one a line.
func (w *Window) askMediaFolders() {
	e := newDialogEntry(true)
	w.play.mu.Lock()
	e.SetText(strings.Join(w.play.dirs, "\n"))
	w.play.mu.Unlock()
	e.SetMinRowsVisible(4)
	e.Validator = func(s string) error {
		for _, d := range mediaLines(s) {
			if info, err := os.Stat(d); err != nil || !info.IsDir() {
				return fmt.Errorf("%s is not a folder", d)
			}
		}
		return nil
	}
	hint := widget.NewLabel("One folder a line. A video plays from a file named as yt-dlp names it, “Title [id].mkv”, or “id.mp4”, when one of these folders has it.")
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Media folders", "Use", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Folders", e), widget.NewFormItem("", hint),
	}, func(ok bool) {
		if ok {
			w.SetMediaFolders(mediaLines(e.Text), true)
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 300))
	w.showDialog(d, e)
}

// mediaLines are the folders written one a line in s.
func mediaLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
