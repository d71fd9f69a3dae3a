package mpv_test

import (
	"context"
	"math"
	"os/exec"
	"sync"
	"testing"
	"time"

	"vaultview/internal/mpv"
)

// arrival reports when a player's state first comes within half a second of a target.
type arrival struct {
	mu     sync.Mutex
	target float64
	source string
	done   chan struct{}
}

func (a *arrival) expect(source string, target float64) chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.source, a.target, a.done = source, target, make(chan struct{})
	return a.done
}

func (a *arrival) changed(s mpv.State) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.done != nil && s.Source == a.source && s.Duration > 0 && math.Abs(s.Position-a.target) < 0.5 {
		close(a.done)
		a.done = nil
	}
}

func wait(b *testing.B, done chan struct{}) {
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		b.Fatal("the player never reached the second asked for")
	}
}

// BenchmarkPlay measures a chip's way to a local file playing at its second, as mpv reports
// the position back (issue #17: ≤ 300 ms while the player runs, ≤ 1.5 s when it has to
// start): "seek" plays another second of the file loaded, "load" another file, "start"
// starts mpv first; "roundtrip" (asking mpv its position) is the baseline. mpv runs with no
// window and no sound.
func BenchmarkPlay(b *testing.B) {
	for _, tool := range []string{"mpv", "ffmpeg"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("needs %s", tool)
		}
	}
	dir := b.TempDir()
	clips := []string{Clip(b, dir, "One [aaaaaaaaaaa].mkv", 600), Clip(b, dir, "Two [bbbbbbbbbbb].mkv", 600)}
	ctx := context.Background()
	var arr arrival
	opts := mpv.Options{Args: []string{"--vo=null", "--ao=null"}, OnChange: arr.changed}
	p, err := mpv.Start(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Quit()
	done := arr.expect(clips[0], 10)
	if err := p.Play(ctx, clips[0], 10); err != nil {
		b.Fatal(err)
	}
	wait(b, done)
	b.Run("roundtrip", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Position(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("seek", func(b *testing.B) {
		i := 0
		for b.Loop() {
			at := float64(30 + (i*97)%500)
			done := arr.expect(clips[0], at)
			if err := p.Play(ctx, clips[0], at); err != nil {
				b.Fatal(err)
			}
			wait(b, done)
			i++
		}
	})
	b.Run("load", func(b *testing.B) {
		i := 0
		for b.Loop() {
			clip, at := clips[(i+1)%2], float64(30+(i*97)%500)
			done := arr.expect(clip, at)
			if err := p.Play(ctx, clip, at); err != nil {
				b.Fatal(err)
			}
			wait(b, done)
			i++
		}
	})
	b.Run("start", func(b *testing.B) {
		for b.Loop() {
			var a arrival
			o := opts
			o.OnChange = a.changed
			done := a.expect(clips[0], 120)
			q, err := mpv.Start(ctx, o)
			if err != nil {
				b.Fatal(err)
			}
			if err := q.Play(ctx, clips[0], 120); err != nil {
				b.Fatal(err)
			}
			wait(b, done)
			b.StopTimer()
			q.Quit()
			b.StartTimer()
		}
	})
}
