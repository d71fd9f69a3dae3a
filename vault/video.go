package vault

import "strconv"

// VideoURL is the YouTube address that plays videoID from the given second, or "" when the
// id is not a valid YouTube id: nothing a note merely says is ever put into a URL unchecked.
func VideoURL(videoID string, seconds int) string {
	if !ValidVideoID(videoID) || seconds < 0 {
		return ""
	}
	return "https://www.youtube.com/watch?v=" + videoID + "&t=" + strconv.Itoa(seconds) + "s"
}
