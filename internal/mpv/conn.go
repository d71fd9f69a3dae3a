// Package mpv controls an mpv player through its JSON IPC protocol (issue #17: one player
// that every timestamp chip seeks). Conn speaks the protocol over a socket: commands with
// request ids and their replies, and the events mpv sends between them. Player starts mpv
// with a socket of its own and keeps what it reports (position, pause, file, length).
//
// Every call takes a context and gives up when it is done, so a player that hangs or
// answers garbage never blocks the caller; nothing here touches the UI.
package mpv

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// ErrClosed is returned by commands on a connection mpv closed (it quit or crashed).
var ErrClosed = errors.New("mpv: the player's connection is closed")

// maxLine bounds one message from mpv; a longer line closes the connection.
const maxLine = 1 << 20

// Event is a message mpv sends on its own: "property-change" (Name is the property, Data its
// new value), "file-loaded", "end-file" (Reason says why), "shutdown", …
type Event struct {
	Event  string          `json:"event"`
	Name   string          `json:"name"`
	Data   json.RawMessage `json:"data"`
	Reason string          `json:"reason"`
}

// Conn is a connection to mpv's IPC socket. Its methods may be called from any goroutine.
type Conn struct {
	c      net.Conn
	events chan Event
	done   chan struct{}
	// Log, when set before the first command, is told every command and every line mpv
	// sends that is not understood.
	Log func(format string, args ...any)

	wmu sync.Mutex // one writer at a time: lines must not interleave

	mu      sync.Mutex
	next    int64
	pending map[int64]chan reply
	err     error // why the connection closed
}

type reply struct {
	data json.RawMessage
	err  string
}

// message is any line mpv sends: a reply (request_id and error) or an event.
type message struct {
	RequestID *int64          `json:"request_id"`
	Error     string          `json:"error"`
	Data      json.RawMessage `json:"data"`
	Event
}

// NewConn speaks the protocol over c, which it owns from now on.
func NewConn(c net.Conn) *Conn {
	conn := &Conn{c: c, events: make(chan Event, 256), done: make(chan struct{}), pending: map[int64]chan reply{}}
	go conn.read()
	return conn
}

// Events are the events mpv sends, in order. When nobody reads them and 256 are waiting,
// newer ones are dropped (and logged): a reader that falls behind loses position updates,
// never a reply. The channel is closed with the connection.
func (c *Conn) Events() <-chan Event { return c.events }

// Done is closed when the connection is.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Err says why the connection closed; nil while it is open.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Close closes the connection; commands waiting get ErrClosed.
func (c *Conn) Close() error { return c.c.Close() }

func (c *Conn) logf(format string, args ...any) {
	if c.Log != nil {
		c.Log(format, args...)
	}
}

func (c *Conn) read() {
	s := bufio.NewScanner(c.c)
	s.Buffer(make([]byte, 0, 4096), maxLine)
	for s.Scan() {
		var m message
		if err := json.Unmarshal(s.Bytes(), &m); err != nil {
			c.logf("mpv: a line that is not JSON: %.80q", s.Bytes())
			continue
		}
		switch {
		case m.RequestID != nil:
			c.mu.Lock()
			ch := c.pending[*m.RequestID]
			delete(c.pending, *m.RequestID)
			c.mu.Unlock()
			if ch == nil {
				c.logf("mpv: a reply to no request (%d)", *m.RequestID)
				continue
			}
			ch <- reply{data: m.Data, err: m.Error}
		case m.Event.Event != "":
			m.Event.Data = m.Data // the outer field took it
			select {
			case c.events <- m.Event:
			default:
				c.logf("mpv: event %s dropped: nobody is reading", m.Event.Event)
			}
		default:
			c.logf("mpv: a message that is neither a reply nor an event: %.80q", s.Bytes())
		}
	}
	err := s.Err()
	if err == nil {
		err = ErrClosed
	} else {
		err = fmt.Errorf("%w: %v", ErrClosed, err)
	}
	c.c.Close()
	c.mu.Lock()
	c.err = err
	for id, ch := range c.pending {
		close(ch)
		delete(c.pending, id)
	}
	c.mu.Unlock()
	close(c.events)
	close(c.done)
}

// Command sends mpv a command, such as ("seek", 90, "absolute"), and returns the reply's
// data; mpv's error ("property not found", …) is the error. It gives up when ctx is done.
func (c *Conn) Command(ctx context.Context, args ...any) (json.RawMessage, error) {
	ch := make(chan reply, 1)
	c.mu.Lock()
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return nil, err
	}
	c.next++
	id := c.next
	c.pending[id] = ch
	c.mu.Unlock()
	line, err := json.Marshal(struct {
		Command   []any `json:"command"`
		RequestID int64 `json:"request_id"`
	}{args, id})
	if err != nil {
		c.forget(id)
		return nil, err
	}
	c.logf("mpv: %s", line)
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Time{}
	}
	c.wmu.Lock()
	_ = c.c.SetWriteDeadline(deadline)
	_, err = c.c.Write(append(line, '\n'))
	c.wmu.Unlock()
	if err != nil {
		c.forget(id)
		return nil, fmt.Errorf("mpv: %v", err)
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return nil, c.Err()
		}
		if r.err != "success" {
			return nil, fmt.Errorf("mpv: %s: %s", args[0], r.err)
		}
		return r.data, nil
	case <-ctx.Done():
		c.forget(id)
		return nil, fmt.Errorf("mpv: %s: no reply: %w", args[0], ctx.Err())
	}
}

func (c *Conn) forget(id int64) {
	c.mu.Lock()
	delete(c.pending, id)
	c.mu.Unlock()
}
