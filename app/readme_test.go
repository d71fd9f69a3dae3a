package app

import (
	"os"
	"strings"
	"testing"
)

// TestREADME_KeyListIsTheActionTable holds README's list of keys to the window's action
// table, entry for entry and in order, so the README never promises a key the window does
// not have (the end-to-end suite presses each of them in the real window).
func TestREADME_KeyListIsTheActionTable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "<!-- keys:")
	end := strings.Index(text, "<!-- /keys -->")
	if start < 0 || end < start {
		t.Fatal("README.md has no key list between <!-- keys: … --> and <!-- /keys -->")
	}
	var rows []string
	for _, line := range strings.Split(text[start:end], "\n")[3:] {
		if strings.HasPrefix(line, "|") {
			rows = append(rows, line)
		}
	}
	var want []string
	for _, a := range Actions() {
		key := a.Key
		if key != "" {
			key += " "
		}
		want = append(want, "| "+key+"| "+a.Menu+" › "+a.Name+" |")
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("README's key list:\n%s\n\nthe action table:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// TestActions_AreTheWindowsActions: Actions, which needs no window, lists what a real
// window's menus and shortcuts hold.
func TestActions_AreTheWindowsActions(t *testing.T) {
	w, _, _ := newTestWindow(t)
	var got []Action
	onUI(w, func() { got = describeActions(w.actions()) })
	want := Actions()
	if len(got) != len(want) {
		t.Fatalf("the window has %d actions, Actions lists %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("action %d: the window has %+v, Actions lists %+v", i, got[i], want[i])
		}
	}
}
