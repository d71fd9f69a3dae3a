package e2e

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestIdle_AfterOverlaysAndViews: once the search, the quick switcher or a dialog
// whose text had the keyboard is closed, the window stops painting. The toolkit drops a
// closed overlay's focus without telling the text field that had it, whose cursor then
// blinked on unseen: the window was painted again several times a second for a minute or two,
// 8-30 % of a core while nothing happened. The same for the Videos view's filter once
// another page replaced the view. And Escape typed in a dialog's text closes the dialog, as
// it does elsewhere in one.
func TestIdle_AfterOverlaysAndViews(t *testing.T) {
	dir := WriteVault(t, map[string]string{
		"Harbour.md":         "# Harbour\n\nBoats and [[Lighthouse]] keepers.\n",
		"Lighthouse.md":      "# Lighthouse\n\nA lamp above the [[Harbour]].\n",
		"Quay.md":            "# Quay\n\nStones.\n",
		"Quay Breakwater.md": "# Quay Breakwater\n\nWaves.\n",
	})
	a := Start(t, dir, "Harbour.md")
	a.WaitTitle("Harbour")
	p := a.waitPanes()
	a.Wait("the vault's caches to be written", func() bool { return strings.Contains(a.Log(), "note cache: 4 notes written") })
	a.idle("after launch")

	a.Key("ctrl+shift+f")
	a.Type("lamp")
	a.WaitText(p.noteArea(), "lamp above")
	a.Key("Escape")
	a.waitGone(p.noteArea(), "lamp above")
	a.idle("after the search was closed")

	a.Key("ctrl+o")
	a.Type("quay")
	a.WaitText(p.noteArea(), "Breakwater") // the second row (the first is marked): only the switcher shows the name
	a.Key("Escape")
	a.waitGone(p.noteArea(), "Breakwater")
	a.idle("after the quick switcher was closed")

	// The note's source, a click in its text, then Escape. (Read by its pixels: tesseract
	// reads little of a dialog over the dimmed window.)
	area := p.noteArea()
	before := a.stillShot(area)
	a.Key("ctrl+u")
	a.Wait("the source dialog", func() bool { return !sameIn(before, a.Shot(""), area) })
	a.Click((area.Min.X+area.Max.X)/2, (area.Min.Y+area.Max.Y)/2) // inside its text
	a.Key("Escape")
	a.Wait("the source dialog closed by Escape", func() bool { return sameIn(before, a.Shot(""), area) })
	a.idle("after the source was closed with Escape")

	// The Videos view takes the keyboard in its filter; a note opened from the switcher
	// replaces the view.
	a.Key("ctrl+shift+v")
	a.WaitTitle("Videos")
	a.Key("ctrl+o")
	a.Type("lighthouse")
	a.Key("Return")
	a.WaitTitle("Lighthouse")
	a.idle("after the Videos view gave way to a note")
}

// idle fails unless the app, left alone, uses under 4 % of a core over one of three spans
// of three seconds (a span may catch the last of something that was going on). Idle, it
// uses about 1 %; with a cursor blinking unseen, 8-16 % in this test's window.
func (a *App) idle(when string) {
	a.t.Helper()
	const span, most = 3 * time.Second, 0.04
	var used []string
	for range 3 {
		before := a.cpu()
		start := time.Now()
		time.Sleep(span) // the span measured, not a wait for something to happen
		share := (a.cpu() - before).Seconds() / time.Since(start).Seconds()
		a.t.Logf("%s: %.1f %% of a core", when, 100*share)
		if share < most {
			return
		}
		used = append(used, fmt.Sprintf("%.0f %%", 100*share))
	}
	a.fail("%s the app used %s of a core over three spans of %v while nothing happened (want under %.0f %%)", when, strings.Join(used, ", "), span, 100*most)
}

// cpu is the processor time the app has used so far, its own and the toolkit's threads'.
func (a *App) cpu() time.Duration {
	a.t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(a.cmd.Process.Pid) + "/stat")
	if err != nil {
		a.fail("reading the app's processor time: %v", err)
	}
	// The fields after the command's name, which is in parentheses and may hold spaces:
	// utime and stime are the 14th and 15th of the line, in clock ticks (100 a second).
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
