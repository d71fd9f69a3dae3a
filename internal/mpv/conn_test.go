package mpv_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"vaultview/internal/mpv"
)

// fakeMPV is the other end of a connection: it reads the commands sent and answers what
// the test tells it to.
type fakeMPV struct {
	t        *testing.T
	c        net.Conn
	commands chan request
}

type request struct {
	Command   []any `json:"command"`
	RequestID int64 `json:"request_id"`
}

func newFake(t *testing.T) (*mpv.Conn, *fakeMPV, *logLines) {
	t.Helper()
	client, server := net.Pipe()
	f := &fakeMPV{t: t, c: server, commands: make(chan request, 16)}
	go func() {
		s := bufio.NewScanner(server)
		for s.Scan() {
			var r request
			if err := json.Unmarshal(s.Bytes(), &r); err != nil {
				t.Errorf("the client sent %q: %v", s.Bytes(), err)
				continue
			}
			f.commands <- r
		}
		close(f.commands)
	}()
	conn := mpv.NewConn(client)
	logs := &logLines{}
	conn.Log = logs.add
	t.Cleanup(func() { conn.Close(); server.Close() })
	return conn, f, logs
}

func (f *fakeMPV) send(line string) {
	f.t.Helper()
	if _, err := f.c.Write([]byte(line + "\n")); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fakeMPV) next() request {
	f.t.Helper()
	select {
	case r := <-f.commands:
		return r
	case <-time.After(5 * time.Second):
		f.t.Fatal("no command came")
		return request{}
	}
}

type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) has(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, x := range l.lines {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func (l *logLines) count(s string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, x := range l.lines {
		if strings.Contains(x, s) {
			n++
		}
	}
	return n
}

type result struct {
	data json.RawMessage
	err  error
}

func command(ctx context.Context, c *mpv.Conn, args ...any) chan result {
	out := make(chan result, 1)
	go func() {
		d, err := c.Command(ctx, args...)
		out <- result{d, err}
	}()
	return out
}

// Replies find their commands by request id, in whatever order they come; events between
// them reach Events; a line that is not JSON, or a reply to nothing, is logged and skipped.
func TestConn_RepliesEventsAndGarbage(t *testing.T) {
	conn, f, logs := newFake(t)
	ctx := context.Background()
	first := command(ctx, conn, "get_property", "time-pos")
	r1 := f.next()
	second := command(ctx, conn, "get_property", "pause")
	r2 := f.next()
	if r1.RequestID == r2.RequestID || r1.Command[0] != "get_property" || r2.Command[1] != "pause" {
		t.Fatalf("commands sent: %+v, %+v", r1, r2)
	}
	f.send(`this is not json`)
	f.send(`{"request_id": 999, "error": "success"}`)
	f.send(`{"event": "property-change", "id": 1, "name": "time-pos", "data": 12.5}`)
	f.send(fmt.Sprintf(`{"request_id": %d, "error": "success", "data": false}`, r2.RequestID))
	f.send(fmt.Sprintf(`{"request_id": %d, "error": "success", "data": 12.5}`, r1.RequestID))
	if r := <-second; r.err != nil || string(r.data) != "false" {
		t.Errorf("pause: %s, %v", r.data, r.err)
	}
	if r := <-first; r.err != nil || string(r.data) != "12.5" {
		t.Errorf("time-pos: %s, %v", r.data, r.err)
	}
	select {
	case e := <-conn.Events():
		if e.Event != "property-change" || e.Name != "time-pos" || string(e.Data) != "12.5" {
			t.Errorf("event %+v", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
	}
	for _, want := range []string{"not JSON", "a reply to no request (999)", `"command":["get_property","time-pos"]`} {
		if !logs.has(want) {
			t.Errorf("the log lacks %q: %q", want, logs.lines)
		}
	}
}

// mpv's own errors are errors; a command with no reply gives up when its context does, and a
// reply that comes after is only logged.
func TestConn_ErrorsAndSlowReplies(t *testing.T) {
	conn, f, logs := newFake(t)
	res := command(context.Background(), conn, "loadfile", "/nowhere.mkv")
	r := f.next()
	f.send(fmt.Sprintf(`{"request_id": %d, "error": "error running command"}`, r.RequestID))
	if got := <-res; got.err == nil || !strings.Contains(got.err.Error(), "loadfile: error running command") {
		t.Errorf("error reply: %v", got.err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	res = command(ctx, conn, "get_property", "duration")
	r = f.next()
	got := <-res
	if !errors.Is(got.err, context.DeadlineExceeded) || !strings.Contains(got.err.Error(), "no reply") {
		t.Errorf("no reply: %v", got.err)
	}
	f.send(fmt.Sprintf(`{"request_id": %d, "error": "success", "data": 600}`, r.RequestID))
	// The connection still works, and the late reply was logged as a reply to nothing.
	res = command(context.Background(), conn, "get_property", "speed")
	r = f.next()
	f.send(fmt.Sprintf(`{"request_id": %d, "error": "success", "data": 1.5}`, r.RequestID))
	if got := <-res; got.err != nil || string(got.data) != "1.5" {
		t.Errorf("after a late reply: %s, %v", got.data, got.err)
	}
	if !logs.has(fmt.Sprintf("a reply to no request (%d)", r.RequestID-1)) {
		t.Errorf("the late reply is not logged: %q", logs.lines)
	}
}

// When mpv goes away, a command waiting gets ErrClosed, and so does every command after;
// Events is closed.
func TestConn_PlayerGone(t *testing.T) {
	conn, f, _ := newFake(t)
	res := command(context.Background(), conn, "get_property", "path")
	f.next()
	f.c.Close()
	if got := <-res; !errors.Is(got.err, mpv.ErrClosed) {
		t.Errorf("waiting: %v", got.err)
	}
	if _, err := conn.Command(context.Background(), "get_property", "path"); !errors.Is(err, mpv.ErrClosed) {
		t.Errorf("after: %v", err)
	}
	select {
	case _, open := <-conn.Events():
		if open {
			t.Error("an event after the end")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Events is not closed")
	}
}
