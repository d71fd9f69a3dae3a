package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGenerated_FindAnythingByKeyboard is "find anything" keyboard only on a generated
// vault of 2,000 notes with three of our own among them: Ctrl+O and a few letters of a
// title, Enter opens it; Ctrl+Shift+F and a remembered phrase, Enter opens the note that has
// it; Alt+Left returns through both.
func TestGenerated_FindAnythingByKeyboard(t *testing.T) {
	dir := GenVault(t, 2000, map[string]string{
		"Start Here.md":                        "# Start Here\n\nThe first page.\n",
		"research/Quarry Lighthouse Keeper.md": "# Quarry Lighthouse Keeper\n\nKeepers logged each storm.\n",
		"research/Tidal Ledgers.md":            "# Tidal Ledgers\n\nMany pages of tables.\n\nThe harbour master kept a ledger of unusual tides for forty years.\n",
	})
	a := Start(t, dir, "Start Here")
	a.WaitTitle("Start Here")

	a.Key("ctrl+o")
	a.Type("quarlight")
	a.Key("Return")
	a.WaitTitle("Quarry Lighthouse Keeper")

	a.Key("ctrl+shift+f")
	a.Type(`"ledger of unusual tides"`)
	a.Key("Return")
	a.WaitTitle("Tidal Ledgers")
	a.Shot("generated-search.png")

	a.Key("alt+Left")
	a.WaitTitle("Quarry Lighthouse Keeper")
	a.Key("alt+Left")
	a.WaitTitle("Start Here")

	// A first launch: searchable once the notes' text is read, before it is indexed.
	logsBefore(t, a.Log(), "searchable unindexed", "built in", "the first launch was not searchable before its text was indexed")
}

// logsBefore fails the test, saying why, unless log holds first, and then (if it holds it
// at all) after it.
func logsBefore(t *testing.T, log, first, then, why string) {
	t.Helper()
	at, later := strings.Index(log, first), strings.Index(log, then)
	if at < 0 || later >= 0 && later < at {
		t.Errorf("%s: the log does not say %q before %q:\n%s", why, first, then, tail(log, 3000))
	}
}

// TestGenerated_FirstLaunchSearchesBeforeTheIndex: a large vault opened for the first time
// is searchable once its notes' text is read, before that text is indexed (issue #14); a
// phrase searched at that moment is found by scanning the text, and Enter opens its note.
func TestGenerated_FirstLaunchSearchesBeforeTheIndex(t *testing.T) {
	dir := GenVault(t, 20000, map[string]string{
		"Start Here.md":             "# Start Here\n\nThe first page.\n",
		"research/Tidal Ledgers.md": "# Tidal Ledgers\n\nThe harbour master kept a ledger of unusual tides for forty years.\n",
	})
	a := Start(t, dir, "Start Here")
	a.WaitTitle("Start Here")
	a.Wait("the notes' text to be searchable", func() bool { return strings.Contains(a.Log(), "searchable unindexed") })
	a.Key("ctrl+shift+f")
	a.Type(`"ledger of unusual tides"`)
	a.Key("Return")
	a.WaitTitle("Tidal Ledgers")
	// On two cores the index takes seconds more to build: the search scanned the text.
	logsBefore(t, a.Log(), "search: 1 notes match, unindexed", "built in", "the phrase was not searched in the unindexed text before the index was built")
}

// TestGenerated_ReopenedSearchesFromTheSavedIndex: the second launch on a vault searches the
// text index the first one saved, from before the vault is indexed, and a note changed
// between the two launches is searched as it now is, not as it was saved.
func TestGenerated_ReopenedSearchesFromTheSavedIndex(t *testing.T) {
	dir := GenVault(t, 2000, map[string]string{
		"Start Here.md":               "# Start Here\n\nThe first page.\n",
		"research/Harbour Ledgers.md": "# Harbour Ledgers\n\nThe harbour master kept a ledger of unusual tides.\n",
	})
	// Written an hour ago: notes modified within seconds of a save are always read again.
	hour := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, hour, hour)
		}
		return nil
	})
	config := t.TempDir()
	a := StartWithConfig(t, config, dir, "Start Here")
	a.WaitTitle("Start Here")
	a.Wait("the text index to be saved", func() bool { return strings.Contains(a.Log(), "text index: saved in") })
	a.Quit()

	changed := filepath.Join(dir, "research", "Harbour Ledgers.md")
	if err := os.WriteFile(changed, []byte("# Harbour Ledgers\n\nThe keeper wrote of a copper lantern instead.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := hour.Add(time.Minute)
	os.Chtimes(changed, later, later)

	a = StartWithConfig(t, config, dir, "Start Here")
	a.WaitTitle("Start Here")
	a.Key("ctrl+shift+f")
	a.Type(`"copper lantern"`)
	a.Key("Return")
	a.WaitTitle("Harbour Ledgers")
	log := a.Log()
	if !strings.Contains(log, "searchable before the notes are indexed") || !strings.Contains(log, ", 1 read again") {
		t.Errorf("the saved text index was not searched before the index, with the changed note read again:\n%s", tail(log, 3000))
	}
	if strings.Contains(log, "built in") {
		t.Error("the second launch built the text index again")
	}
}
