package widgets

import "testing"

func TestVideosCount(t *testing.T) {
	for _, tt := range []struct {
		shown, all, notes int
		want              string
	}{
		{3, 3, 12, "3 videos · 12 notes about them"},
		{1, 1, 4, "1 video · 4 notes about it"},
		{1, 1, 1, "1 video · 1 note about it"},
		{1, 3, 4, "1 of 3 videos · 4 notes about it"},
		{0, 3, 0, "0 of 3 videos · 0 notes about them"},
		{0, 0, 0, "0 videos · 0 notes about them"},
		{1200, 3400, 21273, "1,200 of 3,400 videos · 21,273 notes about them"},
	} {
		if got := videosCount(tt.shown, tt.all, tt.notes); got != tt.want {
			t.Errorf("videosCount(%d, %d, %d) = %q, want %q", tt.shown, tt.all, tt.notes, got, tt.want)
		}
	}
}

// TestCountsInHeaders: the side panels write their counts as the status line does, with
// thousands separated ("2,310 backlinks", not "2310 backlinks").
func TestCountsInHeaders(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{backlinksCount(0, 0), "No backlinks"},
		{backlinksCount(1, 1), "1 backlink from 1 note"},
		{backlinksCount(2310, 1045), "2,310 backlinks from 1,045 notes"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
