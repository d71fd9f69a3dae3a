package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPlaces_KeptPerVaultAndBounded(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	p := loadPlaces(prefs, "/vaults/one")
	p.leave("a.md", 120)
	p.leave("b.md", 40)
	p.leave("b.md", -1) // left at its top: forgotten
	if off, ok := p.get("a.md"); !ok || off != 120 {
		t.Errorf("a.md: %d %v, want 120", off, ok)
	}
	if _, ok := p.get("b.md"); ok {
		t.Error("b.md, left at its top, has a place")
	}

	// Another window, or the next run, reads them back; another vault has its own.
	if off, ok := loadPlaces(prefs, "/vaults/one").get("a.md"); !ok || off != 120 {
		t.Errorf("read back: a.md %d %v, want 120", off, ok)
	}
	if _, ok := loadPlaces(prefs, "/vaults/two").get("a.md"); ok {
		t.Error("another vault has a.md's place")
	}
	// The sample vault keeps nothing.
	s := loadPlaces(prefs, "")
	s.leave("Welcome.md", 10)
	if _, ok := loadPlaces(prefs, "").get("Welcome.md"); ok {
		t.Error("the sample vault's place was kept")
	}

	// Only the most recently left maxPlaces are kept.
	for i := range maxPlaces + 5 {
		p.leave(fmt.Sprintf("n%d.md", i), i+1)
	}
	q := loadPlaces(prefs, "/vaults/one")
	if len(q.at) != maxPlaces {
		t.Errorf("%d places kept, want %d", len(q.at), maxPlaces)
	}
	if _, ok := q.get("a.md"); ok {
		t.Error("the oldest place was not forgotten")
	}
	if off, ok := q.get(fmt.Sprintf("n%d.md", maxPlaces+4)); !ok || off != maxPlaces+5 {
		t.Error("the newest place was lost")
	}

	// A damaged preference is no error: no places.
	prefs.SetString(prefPlaces+"/vaults/three", "{not json")
	if n := len(loadPlaces(prefs, "/vaults/three").at); n != 0 {
		t.Errorf("%d places from a damaged preference", n)
	}
}
