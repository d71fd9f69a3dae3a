package vault_test

import (
	"errors"
	"testing"

	"vaultview/vault"
)

func TestParsePlayer_Templates(t *testing.T) {
	tests := []struct {
		name, template string
		id             string
		seconds        int
		want           string
	}{
		{"default", "", "APvj15_YCqk", 1108, "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s"},
		{"youtube by name", "YouTube", "APvj15_YCqk", 0, "https://www.youtube.com/watch?v=APvj15_YCqk&t=0s"},
		{"nocookie", "youtube-nocookie", "APvj15_YCqk", 1108, "https://www.youtube-nocookie.com/embed/APvj15_YCqk?start=1108"},
		{"short link", "youtu.be", "a-b_c-d_e-f", 65, "https://youtu.be/a-b_c-d_e-f?t=65"},
		{"custom hms under an hour", "https://tube.example/v/{id}#t={hms}", "APvj15_YCqk", 1108, "https://tube.example/v/APvj15_YCqk#t=18:28"},
		{"custom hms over an hour", "http://localhost:8080/play?id={id}&at={hms}", "APvj15_YCqk", 3903, "http://localhost:8080/play?id=APvj15_YCqk&at=1:05:03"},
		{"id twice", "https://x.example/{id}/{id}?s={seconds}", "APvj15_YCqk", 7, "https://x.example/APvj15_YCqk/APvj15_YCqk?s=7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := vault.ParsePlayer(tt.template)
			if err != nil {
				t.Fatalf("ParsePlayer(%q): %v", tt.template, err)
			}
			got, ok := p.URL(tt.id, tt.seconds)
			if !ok || got != tt.want {
				t.Errorf("URL = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestPlayer_ZeroValueIsYouTube(t *testing.T) {
	var p vault.Player
	got, ok := p.URL("APvj15_YCqk", 1108)
	if want := vault.VideoURL("APvj15_YCqk", 1108); !ok || got != want {
		t.Errorf("URL = %q, %v; want %q", got, ok, want)
	}
}

func TestParsePlayer_HostileTemplates(t *testing.T) {
	tests := []struct {
		name, template string
		want           error // nil: any error will do
	}{
		{"javascript", "javascript:alert(1)//{id}", vault.ErrPlayerScheme},
		{"javascript upper case", "JavaScript:open('{id}')", nil},
		{"file", "file:///home/me/{id}.mp4", vault.ErrPlayerScheme},
		{"data", "data:text/html,<b>{id}</b>", nil},
		{"relative", "/watch?v={id}", vault.ErrPlayerScheme},
		{"no scheme", "www.youtube.com/watch?v={id}", vault.ErrPlayerScheme},
		{"no id", "https://www.youtube.com/watch?t={seconds}", vault.ErrPlayerNoID},
		{"id in host", "https://{id}.example.com/", vault.ErrPlayerHost},
		{"id as host", "https://{id}/watch", vault.ErrPlayerHost},
		{"id in user info", "https://{id}@evil.example/", vault.ErrPlayerHost},
		{"id in port", "https://example.com:{seconds}/{id}", nil},
		{"unknown placeholder", "https://example.com/{id}?t={minutes}", vault.ErrPlayerPlaceholder},
		{"unclosed brace", "https://example.com/{id}?t={seconds", vault.ErrPlayerPlaceholder},
		{"space", "https://example.com/ {id}", nil},
		{"newline", "https://example.com/{id}\nhttps://evil.example", nil},
		{"no host", "https:///{id}", nil},
		{"ftp", "ftp://example.com/{id}", vault.ErrPlayerScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := vault.ParsePlayer(tt.template)
			if err == nil {
				t.Fatalf("ParsePlayer(%q) accepted a hostile template", tt.template)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error = %v; want %v", err, tt.want)
			}
		})
	}
}

func TestPlayer_HostileIDs(t *testing.T) {
	p, err := vault.ParsePlayer("https://tube.example/watch/{id}?t={seconds}")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"", "short", "APvj15_YCqk&x", "../../etc/pw", "APvj15_YCq/", "APvj15 YCqk", "APvj15%YCqk", "javascript:", "APvj15_YCqkk", "ÄPvj15_YCqk"} {
		if got, ok := p.URL(id, 5); ok || got != "" {
			t.Errorf("URL(%q) = %q, %v; want nothing", id, got, ok)
		}
	}
	if got, ok := p.URL("APvj15_YCqk", -1); ok {
		t.Errorf("URL at -1 s = %q", got)
	}
}
