package app

import (
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// exitGrace is how long the window has to close after SIGINT or SIGTERM before the process
// ends anyway.
const exitGrace = 5 * time.Second

// endOnSignal makes SIGINT and SIGTERM (Ctrl+C in a terminal, a session logging out, a
// service manager stopping the app) close the window as File › Quit does, so what is kept on
// closing is kept, and end the process if it is still running exitGrace later.
//
// Fyne quits on these signals by itself, but when an event is queued at that moment its
// quit waits for the main loop that has just stopped, for ever: under Xvfb the process lived
// on after SIGTERM, with the event queue's goroutine in runOnMainWithWait (Fyne 2.8.1).
func (w *Window) endOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		log.Printf("%v: closing the window", sig)
		fyne.Do(w.quit)
		time.AfterFunc(exitGrace, func() {
			log.Printf("still running %v after %v: ending", exitGrace, sig)
			code := 1
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s) // as a shell reports a process ended by the signal
			}
			os.Exit(code)
		})
	}()
}
