package e2e

import "testing"

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
}
