package vault_test

import (
	"os"
	"testing"
	"testing/fstest"

	"vaultview/internal/benchvault"
	"vaultview/vault"
)

func TestVideoList_EveryVideoWithWhatTheVaultHoldsOfIt(t *testing.T) {
	fsys := fstest.MapFS{
		"tides/tides.md": {Data: []byte("# Tides\n\n### [Why the sea rises](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n\n- [[rising]]\n\n### [No notes yet](https://youtu.be/CCCCCCCCCCC)\n")},
		"tides/rising.md": {Data: []byte("---\ntitle: Rising water\nvideoId: AAAAAAAAAAA\n---\n" +
			`At <a class="yt-timestamp" data-t="00:01:05">x</a> and <a class="yt-timestamp" data-t="00:10:00">y</a>, bad <a class="yt-timestamp" data-t="99:99">z</a>.` + "\n")},
		"tides/falling.md": {Data: []byte("---\nvideoId: AAAAAAAAAAA\n---\n" + `Then <a class="yt-timestamp" data-t="00:00:30">w</a>. See [[rising]].` + "\n")},
		"moon/phases.md":   {Data: []byte("---\ntitle: Phases\nvideoId: BBBBBBBBBBB\n---\nNo moments here.\n")},
		"elsewhere.md":     {Data: []byte("[[rising]], [[phases]] and [[rising]] again.\n")},
	}
	v, err := vault.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Index().VideoList(v.Source)
	if len(got) != 2 {
		t.Fatalf("%d videos, want 2 (a video no note is about is not listed): %+v", len(got), got)
	}
	moon, tide := got[0], got[1] // by channel: moon before tides
	if moon.ID != "BBBBBBBBBBB" || moon.Title != "Phases" || moon.Channel != "moon" || len(moon.Notes) != 1 ||
		moon.Timestamps != 0 || moon.First != -1 || moon.Last != -1 || moon.Backlinks != 1 {
		t.Errorf("moon video: %+v", moon)
	}
	if tide.ID != "AAAAAAAAAAA" || tide.Title != "Why the sea rises" || tide.Channel != "tides" {
		t.Errorf("tide video titled %q in %q, want the channel note's episode title in tides", tide.Title, tide.Channel)
	}
	if len(tide.Notes) != 2 || tide.Timestamps != 3 || tide.First != 30 || tide.Last != 600 {
		t.Errorf("tide video: %d notes, %d timestamps from %d s to %d s; want 2, 3 (the invalid one left out), 30, 600",
			len(tide.Notes), tide.Timestamps, tide.First, tide.Last)
	}
	// Into rising: elsewhere twice, falling once, the channel note once.
	if tide.Backlinks != 4 {
		t.Errorf("tide video: %d backlinks, want 4", tide.Backlinks)
	}

	// Without sources, a video is titled by its first note.
	if got := v.Index().VideoList(nil); got[1].Title != "falling" {
		t.Errorf("untitled by a channel note: %q, want its first note's title", got[1].Title)
	}
}

// BenchmarkVideoList lists the videos of the benchmark vault as the Videos view does, its
// channel notes read for episode titles; the baseline is the Tags panel's whole-vault list.
func BenchmarkVideoList(b *testing.B) {
	v, err := vault.Load(os.DirFS(benchvault.Dir(b)))
	if err != nil {
		b.Fatal(err)
	}
	ix := v.Index()
	b.Run("videos", func(b *testing.B) {
		var n int
		for b.Loop() {
			n = len(ix.VideoList(v.Source))
		}
		b.ReportMetric(float64(n), "videos")
	})
	b.Run("baseline-tags", func(b *testing.B) {
		for b.Loop() {
			ix.Tags()
		}
	})
}

func TestAttachmentKind_OnlyDocumentsAndMediaOpen(t *testing.T) {
	for _, c := range []struct {
		path, kind string
		open       bool
	}{
		{"files/slides.PDF", "PDF document", true},
		{"a/talk.m4a", "audio", true},
		{"clip.webm", "video", true},
		{"chart.png", "image", true},
		{"data.csv", "table", true},
		{"board.canvas", "canvas", false},
		{"views.base", "base", false},
		{"setup.sh", "sh file", false},
		{"tool.exe", "exe file", false},
		{"page.html", "html file", false},
		{"Makefile", "file", false},
		{"report.pdf.exe", "exe file", false},
	} {
		kind, open := vault.AttachmentKind(c.path)
		if kind != c.kind || open != c.open {
			t.Errorf("%s: %q, opened %v; want %q, %v", c.path, kind, open, c.kind, c.open)
		}
	}
}
