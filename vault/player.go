package vault

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Templates of the players Vaultview knows by name. {id} is the video id, {seconds} the
// offset in whole seconds and {hms} the same offset as H:MM:SS (M:SS under an hour).
const (
	// YouTubeTemplate is the default: the YouTube watch page, which keeps the viewer's
	// account, history and playlists.
	YouTubeTemplate = "https://www.youtube.com/watch?v={id}&t={seconds}s"
	// NoCookieTemplate plays the embedded player on youtube-nocookie.com, which sets no
	// tracking cookies until the video plays.
	NoCookieTemplate = "https://www.youtube-nocookie.com/embed/{id}?start={seconds}"
	// ShortLinkTemplate is the youtu.be short link, the form people paste into chats.
	ShortLinkTemplate = "https://youtu.be/{id}?t={seconds}"
)

// playerNames are the names ParsePlayer accepts instead of a template, as a preference or
// a command-line flag would spell them.
var playerNames = map[string]string{
	"":                 YouTubeTemplate,
	"youtube":          YouTubeTemplate,
	"youtube-nocookie": NoCookieTemplate,
	"nocookie":         NoCookieTemplate,
	"youtu.be":         ShortLinkTemplate,
	"short":            ShortLinkTemplate,
}

// Player turns a video id and a second into the address that plays it: the YouTube watch
// page by default, or whatever site or local front end the user prefers. The zero value is
// the YouTube player.
//
// A template comes from the user's settings, a video id from a note: neither is trusted.
// A template must be an http or https address whose scheme and host contain no
// placeholder, so a note can never change where a click goes, only which video and second
// it asks for; a video id must pass ValidVideoID before anything is built.
type Player struct {
	template string
}

// ParsePlayer reads a player: one of the names "youtube" (also ""), "youtube-nocookie",
// "youtu.be", or a template such as "https://invidious.example/watch?v={id}&t={seconds}".
// It refuses templates that are not absolute http(s) addresses, that have no {id}, that put
// a placeholder in the scheme or host, or that use a placeholder it does not know.
func ParsePlayer(template string) (Player, error) {
	template = strings.TrimSpace(template)
	if t, ok := playerNames[strings.ToLower(template)]; ok {
		return Player{template: t}, nil
	}
	if err := checkTemplate(template); err != nil {
		return Player{}, fmt.Errorf("player %q: %w", template, err)
	}
	return Player{template: template}, nil
}

// Template returns the player's URL template.
func (p Player) Template() string {
	if p.template == "" {
		return YouTubeTemplate
	}
	return p.template
}

// URL is the address that plays videoID from the given second. It is false when the id is
// not a valid YouTube id or seconds is negative: nothing a note merely says is put into an
// address unchecked.
func (p Player) URL(videoID string, seconds int) (string, bool) {
	if !ValidVideoID(videoID) || seconds < 0 {
		return "", false
	}
	out := expand(p.Template(), func(name string) string {
		switch name {
		case "id":
			return url.PathEscape(videoID)
		case "seconds":
			return strconv.Itoa(seconds)
		case "hms":
			return url.PathEscape(Clock(seconds))
		}
		return ""
	})
	u, err := url.Parse(out)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return out, true
}

// expand replaces every {name} of template with value(name).
func expand(template string, value func(string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		j := strings.IndexByte(template[i:], '}')
		if j < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		b.WriteString(value(template[i+1 : i+j]))
		template = template[i+j+1:]
	}
}

// Errors of ParsePlayer, for callers that explain them.
var (
	ErrPlayerScheme      = errors.New("not an http or https address")
	ErrPlayerNoID        = errors.New("no {id} placeholder")
	ErrPlayerPlaceholder = errors.New("unknown placeholder (use {id}, {seconds}, {hms})")
	ErrPlayerHost        = errors.New("placeholder in the scheme or host: the video must not choose the site")
)

func checkTemplate(t string) error {
	if strings.ContainsAny(t, " \t\r\n\x00") {
		return errors.New("white space or control characters in the address")
	}
	ids := 0
	bad := false
	expanded := expand(t, func(name string) string {
		switch name {
		case "id":
			ids++
			return "dQw4w9WgXcQ"
		case "seconds":
			return "1"
		case "hms":
			return "0:01"
		}
		bad = true
		return ""
	})
	if bad || strings.Count(t, "{") != strings.Count(t, "}") {
		return ErrPlayerPlaceholder
	}
	u, err := url.Parse(expanded)
	if err != nil {
		return fmt.Errorf("not an address: %w", err)
	}
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" {
		return ErrPlayerScheme
	}
	if u.Host == "" {
		return errors.New("no host")
	}
	if ids == 0 {
		return ErrPlayerNoID
	}
	// The scheme and authority end at the first '/', '?' or '#' after "//": no placeholder
	// may come before that.
	rest := t[strings.Index(t, "//")+2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if strings.Contains(t[:strings.Index(t, "//")+2+end], "{") {
		return ErrPlayerHost
	}
	return nil
}
