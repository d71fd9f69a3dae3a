//go:build !unix

package hostile

import "errors"

// mkfifo makes a named pipe, which this system does not have.
func mkfifo(string) error { return errors.New("no named pipes here") }
