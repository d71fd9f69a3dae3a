//go:build !windows

package mpv

import (
	"context"
	"net"
	"os"
	"path/filepath"
)

// Dial connects to mpv's socket at path.
func Dial(ctx context.Context, path string) (*Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, err
	}
	return NewConn(c), nil
}

// newSocket names a socket for a new mpv: in a folder of its own in the temporary folder,
// which cleanup removes.
func newSocket() (sock string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "vaultview-mpv-")
	if err != nil {
		return "", nil, err
	}
	return filepath.Join(dir, "socket"), func() { os.RemoveAll(dir) }, nil
}
