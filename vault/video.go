package vault

import (
	"net/url"
	"strconv"
	"strings"
)

// VideoURL is the YouTube address that plays videoID from the given second, or "" when the
// id is not a valid YouTube id: nothing a note merely says is ever put into a URL unchecked.
func VideoURL(videoID string, seconds int) string {
	if !ValidVideoID(videoID) || seconds < 0 {
		return ""
	}
	return "https://www.youtube.com/watch?v=" + videoID + "&t=" + strconv.Itoa(seconds) + "s"
}

// ParseVideoURL reads a YouTube address back into the video and the second it starts at:
// watch?v=ID&t=…, youtu.be/ID?t=…, /embed/ID?start=… (also youtube-nocookie.com), with t
// written as 1108, 1108s or 18m28s. ok is false for any other address.
func ParseVideoURL(u *url.URL) (id string, seconds int, ok bool) {
	if u == nil || (u.Scheme != "https" && u.Scheme != "http") {
		return "", 0, false
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), "m.")
	q := u.Query()
	at := q.Get("t")
	switch {
	case (host == "youtube.com" || host == "youtube-nocookie.com") && u.Path == "/watch":
		id = q.Get("v")
	case host == "youtu.be":
		id = strings.TrimPrefix(u.Path, "/")
	case (host == "youtube.com" || host == "youtube-nocookie.com") && strings.HasPrefix(u.Path, "/embed/"):
		id, at = strings.TrimPrefix(u.Path, "/embed/"), q.Get("start")
	default:
		return "", 0, false
	}
	if !ValidVideoID(id) {
		return "", 0, false
	}
	seconds, ok = parseStart(at)
	return id, seconds, ok
}

// parseStart reads a start time as YouTube writes it: "", 1108, 1108s, 18m28s, 1h2m3s.
func parseStart(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return n, true
	}
	total, num := 0, -1
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if num < 0 {
				num = 0
			}
			num = num*10 + int(r-'0')
			if num > 1e7 {
				return 0, false
			}
		case num >= 0 && (r == 'h' || r == 'm' || r == 's'):
			total += num * map[rune]int{'h': 3600, 'm': 60, 's': 1}[r]
			num = -1
		default:
			return 0, false
		}
	}
	return total, num < 0
}

// PlayingAt is the timestamp of n that a video at second pos has passed last: the valid one
// with the greatest second not after pos (the first written, among equals). ok is false
// before the first.
func (n *Note) PlayingAt(pos float64) (ts Timestamp, ok bool) {
	for _, t := range n.Timestamps {
		if t.Valid && float64(t.Seconds) <= pos && (!ok || t.Seconds > ts.Seconds) {
			ts, ok = t, true
		}
	}
	return ts, ok
}
