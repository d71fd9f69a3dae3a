//go:build unix

package hostile

import "syscall"

// mkfifo makes a named pipe.
func mkfifo(p string) error { return syscall.Mkfifo(p, 0o644) }
