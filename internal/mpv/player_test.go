package mpv_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vaultview/internal/mpv"
)

// needTools skips a test that needs mpv and ffmpeg where they are missing, except in CI,
// which installs them (scripts/install-deps.sh --test) and must run it.
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"mpv", "ffmpeg"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI must run this test, but %s is not installed", tool)
			}
			t.Skipf("needs %s", tool)
		}
	}
}

// Clip writes a test pattern of the given length into dir, named name: tiny, two frames a
// second, a key frame every second, so that seeking anywhere is cheap.
func Clip(t testing.TB, dir, name string, seconds int) string {
	t.Helper()
	out := filepath.Join(dir, name)
	cmd := exec.Command("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
		"testsrc=size=32x24:rate=2", "-t", itoa(seconds), "-c:v", "libx264", "-preset", "ultrafast",
		"-g", "2", "-pix_fmt", "yuv420p", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, msg)
	}
	return out
}

func itoa(n int) string { return fmt.Sprint(n) }

// waitState waits for the player's state to satisfy ok, reporting what it last was.
func waitState(t *testing.T, p *mpv.Player, what string, ok func(mpv.State) bool) mpv.State {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := p.State()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the state is still %+v", what, s)
		}
		select {
		case <-p.Ended():
			t.Fatalf("%s: mpv ended: %+v", what, p.State())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// A real mpv, with no window and no sound: the first Play loads the file at that second,
// the second only seeks (the same process, the same file), pause and speed are followed,
// a file that cannot be played is said, and Quit ends it.
func TestPlayer_RealMPV(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	clip := Clip(t, dir, "Test pattern [abcdefghijk].mkv", 600)
	var logs logLines
	p, err := mpv.Start(context.Background(), mpv.Options{Args: []string{"--vo=null", "--ao=null"}, Log: logs.add})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Quit)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	near := func(want float64) func(mpv.State) bool {
		return func(s mpv.State) bool { return s.Source == clip && math.Abs(s.Position-want) < 3 && s.Duration > 590 }
	}

	if err := p.Play(ctx, clip, 120); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "playing from 120 s", near(120))
	if pos, err := p.Position(ctx); err != nil || math.Abs(pos-120) > 3 {
		t.Errorf("asked over IPC: %v, %v", pos, err)
	}
	if err := p.Play(ctx, clip, 430); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "seeked to 430 s", near(430))
	if !logs.has(`"command":["seek",430,"absolute+exact"]`) || logs.count(`"loadfile"`) != 1 {
		t.Errorf("the second Play did not only seek: %q", logs.lines)
	}
	if err := p.Seek(ctx, -10); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "back 10 s", near(420))
	if err := p.TogglePause(ctx); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "paused", func(s mpv.State) bool { return s.Paused })
	if err := p.SetSpeed(ctx, 1.5); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "at 1.5×", func(s mpv.State) bool { return s.Speed == 1.5 })

	missing := filepath.Join(dir, "gone.mkv")
	if err := p.Play(ctx, missing, 10); err != nil {
		t.Fatal(err)
	}
	waitState(t, p, "a missing file", func(s mpv.State) bool { return s.Problem == "mpv could not play "+missing })

	p.Quit()
	select {
	case <-p.Ended():
	case <-time.After(5 * time.Second):
		t.Fatal("mpv did not quit")
	}
	if s := p.State(); s.Running {
		t.Errorf("after Quit: %+v", s)
	}
	if _, err := p.Position(ctx); !errors.Is(err, mpv.ErrClosed) {
		t.Errorf("a command after Quit: %v", err)
	}
}

// No mpv to start is ErrNotInstalled; an mpv that never opens its socket is an error, in
// time, and leaves no process behind.
func TestPlayer_CannotStart(t *testing.T) {
	if _, err := mpv.Start(context.Background(), mpv.Options{Binary: "no-such-mpv-here"}); !errors.Is(err, mpv.ErrNotInstalled) {
		t.Errorf("no mpv: %v", err)
	}
	// A "player" that runs but never listens.
	fake := filepath.Join(t.TempDir(), "mpv")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	_, err := mpv.Start(context.Background(), mpv.Options{Binary: fake, StartTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "did not open its socket") {
		t.Fatalf("a player with no socket: %v", err)
	}
	if took := time.Since(started); took > 5*time.Second {
		t.Errorf("gave up after %v", took)
	}
	t.Log(err)
}
