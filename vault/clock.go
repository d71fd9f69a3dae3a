package vault

import "fmt"

// Clock is how a time into a video is written: 18:28, or 1:05:03 from an hour on. Chips,
// lists and the {hms} of a player's address all write it this way.
func Clock(seconds int) string {
	h, m, s := seconds/3600, seconds%3600/60, seconds%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}
