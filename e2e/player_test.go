package e2e

import (
	"context"
	"encoding/json"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"vaultview/internal/mpv"
)

// needPlayer is need, and mpv and ffmpeg for the controlled player (scripts/install-deps.sh
// --test installs them; CI must have them).
func needPlayer(t *testing.T) {
	t.Helper()
	need(t)
	for _, tool := range []string{"mpv", "ffmpeg"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI must run the player's test, but %s is not installed", tool)
			}
			t.Skipf("needs %s", tool)
		}
	}
}

// playerClip writes a 10-minute test pattern named as yt-dlp names a download of video id.
func playerClip(t *testing.T, dir, id string) string {
	t.Helper()
	out := filepath.Join(dir, "Tide talk ["+id+"].mkv")
	cmd := exec.Command("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=32x24:rate=2",
		"-t", "600", "-c:v", "libx264", "-preset", "ultrafast", "-g", "2", "-pix_fmt", "yuv420p", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, msg)
	}
	return out
}

var startedLine = regexp.MustCompile(`mpv: started, pid (\d+), socket (\S+),`)

// Issue #17 in the real window: with the controlled player, two chips of a video seek one
// mpv (a local copy, from the media folder) to each second; the bar shows where it plays;
// the Play keys pause, move, change the speed and close it.
func TestPlayer_ChipsSeekOneMPV(t *testing.T) {
	needPlayer(t)
	const id = "Tq3xYz9AbCd"
	media := t.TempDir()
	clip := playerClip(t, media, id)
	dir := WriteVault(t, map[string]string{
		"Tide talk.md": "---\nvideoId: " + id + "\n---\n# Tide talk\n\nThe tide turns " +
			`<a class="yt-timestamp" data-t="00:04:00">[00:04:00]</a>` + " here.\n\nSlack water comes later " +
			`<a class="yt-timestamp" data-t="00:08:20">[00:08:20]</a>` + " in the talk.\n\n" +
			strings.Repeat("A filler paragraph about the weather keeps the last moment far below.\n\n", 40) +
			"Harbour wall at low water " + `<a class="yt-timestamp" data-t="00:08:40">[00:08:40]</a>` + " to end; more in [[Tide talk, part two]].\n",
		"Tide talk, part two.md": "---\nvideoId: " + id + "\n---\n# Tide talk, part two\n\nSpring tides open the second part " +
			`<a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>` + ".\n\nNeap tides close it " +
			`<a class="yt-timestamp" data-t="00:06:00">[00:06:00]</a>` + " for good.\n",
	})
	t.Setenv("VAULTVIEW_MPV_ARGS", "--vo=null --ao=null")
	a := Start(t, "--player", "mpv", "--media", media, dir, "Tide talk.md")
	a.WaitTitle("Tide talk")
	p := a.waitPanes()
	first := a.WaitText(p.noteArea(), "4:00")
	second := a.WaitText(p.noteArea(), "8:20")

	a.Click((first.Min.X+first.Max.X)/2, (first.Min.Y+first.Max.Y)/2)
	var sock string
	a.Wait("mpv to start", func() bool {
		m := startedLine.FindStringSubmatch(a.Log())
		if m != nil {
			sock = m[2]
		}
		return m != nil
	})
	ctx := context.Background()
	conn, err := mpv.Dial(ctx, sock)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	get := func(name string) json.RawMessage {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		v, err := conn.Command(c, "get_property", name)
		if err != nil {
			return nil
		}
		return v
	}
	number := func(name string) float64 {
		var f float64
		if json.Unmarshal(get(name), &f) != nil {
			return math.NaN()
		}
		return f
	}
	at := func(want float64) func() bool {
		return func() bool { return math.Abs(number("time-pos")-want) < 3 }
	}
	a.Wait("mpv at 4:00", at(240))
	if path := strings.Trim(string(get("path")), `"`); path != clip {
		t.Errorf("mpv plays %q, want the local copy %q", path, clip)
	}
	a.WaitText(image.Rectangle{}, "10:00") // the bar: "4:0x / 10:00"

	a.Click((second.Min.X+second.Max.X)/2, (second.Min.Y+second.Max.Y)/2)
	a.Wait("mpv at 8:20", at(500))
	if n := len(startedLine.FindAllString(a.Log(), -1)); n != 1 {
		t.Errorf("%d players started for two chips", n)
	}
	a.WaitText(image.Rectangle{}, "8:2")
	a.Shot("player.png")
	// The note follows the video: past 8:40, the passage far below comes into view.
	a.Key("ctrl+l")
	a.Key("ctrl+l")
	harbour := a.WaitText(p.noteArea(), "Harbour wall")
	img := a.Shot("player-follows.png")
	// The passage playing is tinted; the paragraph above it is not.
	mid := (harbour.Min.Y + harbour.Max.Y) / 2
	if marked, above := img.At(harbour.Min.X-6, mid), img.At(harbour.Min.X-6, mid-35); marked == above {
		t.Errorf("the passage playing is not marked: %v beside it, %v above", marked, above)
	}

	// The Play keys.
	a.Key("ctrl+k")
	a.Wait("paused", func() bool { return string(get("pause")) == "true" })

	// Another note of the video, opened while it is paused past 8:40: the same player, and
	// the passage of that note it has reached (6:00) is marked at once.
	a.ClickText(p.noteArea(), "part two")
	a.WaitTitle("Tide talk, part two")
	neap := a.WaitText(p.noteArea(), "Neap tides")
	spring := a.WaitText(p.noteArea(), "Spring tides")
	img = a.Shot("player-other-note.png")
	nm, sm := (neap.Min.Y+neap.Max.Y)/2, (spring.Min.Y+spring.Max.Y)/2
	if img.At(neap.Min.X-6, nm) == img.At(spring.Min.X-6, sm) {
		t.Errorf("the passage reached is not marked in the other note of the video")
	}
	before := number("time-pos")
	a.Key("ctrl+j")
	a.Wait("10 s back", at(before-10))
	a.Key("ctrl+l")
	a.Wait("10 s on", at(before))
	a.Key("ctrl+shift+period")
	a.Wait("faster", func() bool { return number("speed") == 1.25 })
	a.Key("ctrl+shift+comma")
	a.Wait("slower", func() bool { return number("speed") == 1 })
	a.Key("ctrl+shift+j")
	a.WaitText(image.Rectangle{}, "no longer follows")
	a.Key("ctrl+shift+k")
	select {
	case <-conn.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("mpv still runs after Close the player")
	}
	a.WaitText(image.Rectangle{}, "The player was closed")

	// A player that crashes goes the same way, and the next chip starts another.
	last := a.WaitText(p.noteArea(), "6:00")
	a.Click((last.Min.X+last.Max.X)/2, (last.Min.Y+last.Max.Y)/2)
	var pid int
	a.Wait("a second mpv", func() bool {
		all := startedLine.FindAllStringSubmatch(a.Log(), -1)
		if len(all) == 2 {
			pid, _ = strconv.Atoi(all[1][1])
		}
		return pid != 0
	})
	a.WaitText(image.Rectangle{}, "10:00")
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	a.WaitText(image.Rectangle{}, "The player stopped")
	// The timings, for BENCHMARKS.md: chip to playing there, and the bar's and the note's
	// lag behind mpv.
	for _, l := range strings.Split(a.Log(), "\n") {
		if strings.Contains(l, "after the chip") || strings.Contains(l, "changes, the slowest") || strings.Contains(l, "mpv: started") {
			t.Log(l)
		}
	}
}
