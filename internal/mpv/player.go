package mpv

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"sync"
	"time"
)

// ErrNotInstalled is returned by Start when there is no mpv to start.
var ErrNotInstalled = errors.New("mpv is not installed")

// Options says how to start mpv.
type Options struct {
	// Binary is the mpv to run; "" looks for "mpv" on PATH.
	Binary string
	// Args are added to mpv's command line (tests add --vo=null --ao=null).
	Args []string
	// Socket is where mpv listens; "" is a new one (a socket in the temporary folder; on
	// Windows a named pipe).
	Socket string
	// StartTimeout bounds the wait for mpv's socket; 0 is 5 seconds.
	StartTimeout time.Duration
	// Log is told every command and what mpv reports that is not understood.
	Log func(format string, args ...any)
	// OnChange is called, on a goroutine of the player's, when the state changes.
	OnChange func(State)
}

// State is what the player is doing, as mpv last reported it.
type State struct {
	// Source is the file or address loaded last (as given to Play); "" for none.
	Source string
	// Title is mpv's media title; Position and Duration are in seconds.
	Title              string
	Position, Duration float64
	Paused, Ended      bool
	Speed              float64
	// Problem says why the last file could not be played ("" when it plays).
	Problem string
	// Running is false once mpv has exited; Exit then says how.
	Running bool
	Exit    string
}

// Player is one mpv process, started with a socket of its own and kept running: every Play
// seeks it, or loads another file into it.
type Player struct {
	opts Options
	cmd  *exec.Cmd
	conn *Conn
	sock string

	mu    sync.Mutex
	state State
	ended chan struct{}
}

// observed are the properties a Player follows, by the ids it observes them with.
var observed = []string{"time-pos", "pause", "duration", "eof-reached", "speed", "media-title"}

// Start starts mpv idle, waits for its socket and follows its state. It returns
// ErrNotInstalled when there is no mpv, and an error saying so when the socket does not
// appear in time (the process is then stopped).
func Start(ctx context.Context, opts Options) (*Player, error) {
	bin := opts.Binary
	if bin == "" {
		bin = "mpv"
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, ErrNotInstalled
	}
	sock, cleanup := opts.Socket, func() {}
	if sock == "" {
		var err error
		if sock, cleanup, err = newSocket(); err != nil {
			return nil, err
		}
	}
	timeout := opts.StartTimeout
	if timeout == 0 {
		timeout = 5 * time.Second
	}
	args := append([]string{"--idle=yes", "--keep-open=yes", "--force-window=yes", "--no-terminal",
		"--input-ipc-server=" + sock}, opts.Args...)
	cmd := exec.Command(path, args...)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("mpv: %v", err)
	}
	p := &Player{opts: opts, cmd: cmd, sock: sock, ended: make(chan struct{}), state: State{Running: true, Speed: 1}}
	exited := make(chan struct{})
	go func() {
		err := cmd.Wait()
		close(exited)
		p.update(func(s *State) {
			s.Running = false
			s.Exit = "mpv exited"
			if err != nil {
				s.Exit = "mpv exited: " + err.Error()
			}
		})
		cleanup()
		close(p.ended)
	}()
	// The socket appears once mpv has read its options: wait for it, or for mpv to exit.
	deadline := time.Now().Add(timeout)
	for {
		dctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		conn, err := Dial(dctx, sock)
		cancel()
		if err == nil {
			conn.Log = opts.Log
			p.conn = conn
			break
		}
		select {
		case <-exited:
			return nil, fmt.Errorf("mpv exited before it opened its socket")
		case <-ctx.Done():
			p.kill()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.kill()
			return nil, fmt.Errorf("mpv did not open its socket within %v", timeout)
		}
	}
	go p.follow()
	for i, name := range observed {
		if _, err := p.conn.Command(ctx, "observe_property", i+1, name); err != nil {
			p.kill()
			return nil, err
		}
	}
	return p, nil
}

// Socket is where mpv listens.
func (p *Player) Socket() string { return p.sock }

// PID is mpv's process id.
func (p *Player) PID() int { return p.cmd.Process.Pid }

// State is the player's state now.
func (p *Player) State() State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state
}

// Ended is closed once mpv has exited.
func (p *Player) Ended() <-chan struct{} { return p.ended }

func (p *Player) update(f func(*State)) {
	p.mu.Lock()
	before := p.state
	f(&p.state)
	s := p.state
	p.mu.Unlock()
	if s != before && p.opts.OnChange != nil {
		p.opts.OnChange(s)
	}
}

// follow keeps the state as mpv reports it.
func (p *Player) follow() {
	for e := range p.conn.Events() {
		switch e.Event {
		case "file-loaded":
			p.update(func(s *State) { s.Problem = "" })
			continue
		case "end-file":
			if e.Reason == "error" {
				p.update(func(s *State) { s.Problem = "mpv could not play " + s.Source })
			}
			continue
		case "property-change":
		default:
			continue
		}
		p.update(func(s *State) {
			switch e.Name {
			case "time-pos":
				s.Position = number(e.Data)
			case "duration":
				s.Duration = number(e.Data)
			case "pause":
				s.Paused = boolean(e.Data)
			case "eof-reached":
				s.Ended = boolean(e.Data)
			case "speed":
				s.Speed = number(e.Data)
			case "media-title":
				_ = json.Unmarshal(e.Data, &s.Title)
			}
		})
	}
}

func number(raw json.RawMessage) float64 {
	var f float64
	_ = json.Unmarshal(raw, &f) // null (nothing loaded) is 0
	return f
}

func boolean(raw json.RawMessage) bool {
	var b bool
	_ = json.Unmarshal(raw, &b)
	return b
}

// Play shows source (a file or an address mpv can open) from the second at: a seek when it
// is the file loaded already, else the file loaded in place of the last one. It plays even
// if paused.
func (p *Player) Play(ctx context.Context, source string, at float64) error {
	if p.State().Source == source {
		if _, err := p.conn.Command(ctx, "seek", at, "absolute+exact"); err != nil {
			return err
		}
	} else {
		// The start option applies to the next file loaded: set with every load, it is
		// always this one's (loadfile's own options moved between mpv versions).
		if _, err := p.conn.Command(ctx, "set_property", "start", strconv.FormatFloat(at, 'f', 3, 64)); err != nil {
			return err
		}
		// The state names the file before mpv can report on it (an error comes as an event).
		p.update(func(s *State) {
			s.Source, s.Position, s.Duration, s.Title, s.Ended, s.Problem = source, at, 0, "", false, ""
		})
		if _, err := p.conn.Command(ctx, "loadfile", source, "replace"); err != nil {
			return err
		}
	}
	_, err := p.conn.Command(ctx, "set_property", "pause", false)
	return err
}

// Seek moves by delta seconds.
func (p *Player) Seek(ctx context.Context, delta float64) error {
	_, err := p.conn.Command(ctx, "seek", delta, "relative+exact")
	return err
}

// TogglePause pauses or plays.
func (p *Player) TogglePause(ctx context.Context) error {
	_, err := p.conn.Command(ctx, "cycle", "pause")
	return err
}

// SetSpeed sets the playback speed (1 is normal).
func (p *Player) SetSpeed(ctx context.Context, speed float64) error {
	_, err := p.conn.Command(ctx, "set_property", "speed", speed)
	return err
}

// Position asks mpv where it is now, in seconds (the state follows it too, a frame late).
func (p *Player) Position(ctx context.Context) (float64, error) {
	data, err := p.conn.Command(ctx, "get_property", "time-pos")
	if err != nil {
		return 0, err
	}
	var f float64
	if err := json.Unmarshal(data, &f); err != nil {
		return 0, fmt.Errorf("mpv: time-pos is %s", data)
	}
	return f, nil
}

// Quit asks mpv to quit and waits for it (at most two seconds, then stops it).
func (p *Player) Quit() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, _ = p.conn.Command(ctx, "quit")
	select {
	case <-p.ended:
	case <-time.After(2 * time.Second):
		p.kill()
	}
	p.conn.Close()
}

func (p *Player) kill() {
	_ = p.cmd.Process.Kill()
	if p.conn != nil {
		p.conn.Close()
	}
}
