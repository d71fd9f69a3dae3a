package vault_test

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"vaultview/vault"
)

func TestMediaVideoID(t *testing.T) {
	for _, c := range []struct{ name, id string }{
		{"How tides work [dQw4w9WgXcQ].mkv", "dQw4w9WgXcQ"},
		{"Brackets [in] the title [dQw4w9WgXcQ].webm", "dQw4w9WgXcQ"},
		{"dQw4w9WgXcQ.mp4", "dQw4w9WgXcQ"},
		{"Audio only [dQw4w9WgXcQ].M4A", "dQw4w9WgXcQ"},
		{"How tides work [dQw4w9WgXcQ].info.json", ""}, // yt-dlp's side files are not media
		{"How tides work [dQw4w9WgXcQ].txt", ""},
		{"Too short [dQw4w9].mkv", ""},
		{"No id at all.mkv", ""},
	} {
		if got := vault.MediaVideoID(c.name); got != c.id {
			t.Errorf("%q: %q, want %q", c.name, got, c.id)
		}
	}
}

// Folders are searched four deep, in the order given; the first copy of an id wins; a
// folder that is missing is a problem, and the others are still searched; a file deleted
// since is no copy.
func TestScanMedia(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	write := func(p string) string {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	top := write(filepath.Join(a, "Talk one [aaaaaaaaaaa].mkv"))
	deep := write(filepath.Join(a, "ch", "2026", "11", "Talk two [bbbbbbbbbbb].mp4"))
	write(filepath.Join(a, "1", "2", "3", "4", "Too deep [ccccccccccc].mp4"))
	write(filepath.Join(b, "Talk one again [aaaaaaaaaaa].webm"))
	other := write(filepath.Join(b, "ddddddddddd.webm"))
	gone := write(filepath.Join(b, "Deleted [eeeeeeeeeee].mkv"))
	m, problems := vault.ScanMedia([]string{a, filepath.Join(a, "missing"), b})
	if len(problems) != 1 {
		t.Errorf("problems %v, want the missing folder", problems)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"aaaaaaaaaaa": top, "bbbbbbbbbbb": deep, "ccccccccccc": "", "ddddddddddd": other, "eeeeeeeeeee": "", "zzzzzzzzzzz": "",
	} {
		if got := m.Local(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if m.Len() != 4 {
		t.Errorf("%d copies found, want 4", m.Len())
	}
	var none *vault.Media
	if none.Local("aaaaaaaaaaa") != "" || none.Len() != 0 {
		t.Error("no media folders have copies")
	}
}

func TestParseVideoURL(t *testing.T) {
	for _, c := range []struct {
		raw     string
		id      string
		seconds int
		ok      bool
	}{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1108s", "dQw4w9WgXcQ", 1108, true},
		{"https://youtube.com/watch?t=90&v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 90, true},
		{"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=18m28s", "dQw4w9WgXcQ", 1108, true},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0, true},
		{"https://youtu.be/dQw4w9WgXcQ?t=1h2m3s", "dQw4w9WgXcQ", 3723, true},
		{"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", "dQw4w9WgXcQ", 42, true},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=abc", "", 0, false},
		{"https://www.youtube.com/watch?v=short", "", 0, false},
		{"https://www.youtube.com/channel/UCxyz", "", 0, false},
		{"https://example.org/watch?v=dQw4w9WgXcQ", "", 0, false},
		{"file:///watch?v=dQw4w9WgXcQ", "", 0, false},
	} {
		u, err := url.Parse(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		id, s, ok := vault.ParseVideoURL(u)
		if ok != c.ok || (ok && (id != c.id || s != c.seconds)) {
			t.Errorf("%s: %q %d %v, want %q %d %v", c.raw, id, s, ok, c.id, c.seconds, c.ok)
		}
	}
	// Every address VideoURL makes reads back.
	u, _ := url.Parse(vault.VideoURL("dQw4w9WgXcQ", 4321))
	if id, s, ok := vault.ParseVideoURL(u); !ok || id != "dQw4w9WgXcQ" || s != 4321 {
		t.Errorf("VideoURL's own address: %q %d %v", id, s, ok)
	}
}

func TestNote_PlayingAt(t *testing.T) {
	src := "---\nvideoId: dQw4w9WgXcQ\n---\n" +
		`First <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.` + "\n\n" +
		`Then <a class="yt-timestamp" data-t="00:05:00">[00:05:00]</a>.` + "\n\n" +
		`Bad <a class="yt-timestamp" data-t="soon">[soon]</a>.` + "\n\n" +
		`Back to <a class="yt-timestamp" data-t="00:03:00">[00:03:00]</a> (a recap).` + "\n"
	n := vault.ParseNote("talk.md", []byte(src))
	for _, c := range []struct {
		pos  float64
		want string // the timestamp's value, "" for none
	}{{0, ""}, {59.9, ""}, {60, "00:01:00"}, {200, "00:03:00"}, {299, "00:03:00"}, {300.5, "00:05:00"}, {9999, "00:05:00"}} {
		ts, ok := n.PlayingAt(c.pos)
		if got := map[bool]string{true: ts.Value}[ok]; got != c.want {
			t.Errorf("at %vs: %q, want %q", c.pos, got, c.want)
		}
	}
}
