//go:build windows

package mpv

import (
	"context"
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"time"
)

// On Windows mpv listens on a named pipe (`\\.\pipe\NAME`), which opens as a file. This is
// compiled and vetted for Windows by `make dist`, but no test runs it: CI has no Windows
// machine.

// Dial connects to mpv's named pipe at path.
func Dial(ctx context.Context, path string) (*Conn, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		f.Close()
		return nil, err
	}
	return NewConn(pipeConn{f}), nil
}

var pipes atomic.Int64

// newSocket names a pipe for a new mpv; a pipe leaves nothing to remove.
func newSocket() (string, func(), error) {
	return fmt.Sprintf(`\\.\pipe\vaultview-mpv-%d-%d`, os.Getpid(), pipes.Add(1)), func() {}, nil
}

// pipeConn is an open pipe as a net.Conn. A pipe opened this way has no deadlines: a
// command's context still bounds the wait for its reply.
type pipeConn struct{ *os.File }

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "mpv" }

func (pipeConn) LocalAddr() net.Addr                  { return pipeAddr{} }
func (pipeConn) RemoteAddr() net.Addr                 { return pipeAddr{} }
func (p pipeConn) SetDeadline(t time.Time) error      { return nil }
func (p pipeConn) SetReadDeadline(t time.Time) error  { return nil }
func (p pipeConn) SetWriteDeadline(t time.Time) error { return nil }
