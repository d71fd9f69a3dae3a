package vault_test

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"

	"vaultview/vault"
)

func anchor(t string) string {
	return `<a class="yt-timestamp" data-t="` + t + `">[` + t + `]</a>`
}

// videoVault is two channels of notes cut from videos, with topics they link to.
func videoVault(t *testing.T) (*vault.Vault, *vault.Index) {
	t.Helper()
	fs := fstest.MapFS{
		"stars/stars.md": {Data: []byte("# Stars\n\n" +
			"### [How stars are born](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[nebulae]]\n- [[gravity_wells]]\n\n" +
			"### [Dying stars](https://youtu.be/BBBBBBBBBBB)\n- [[supernovae]]\n\n" +
			"### [Not a video](https://example.com/watch?v=CCCCCCCCCCC)\n\n" +
			"### [Bad id](https://www.youtube.com/watch?v=short)\n\n" +
			"### [Nobody wrote notes](https://www.youtube.com/watch?v=DDDDDDDDDDD&t=4s)\n")},
		"stars/nebulae.md": {Data: []byte("---\ntitle: Nebulae\nvideoId: AAAAAAAAAAA\n---\n\n" +
			"Clouds of gas collapse under [[gravity]] " + anchor("00:01:05") + ". They heat up as they shrink " + anchor("00:02:10") + ".\n\n" +
			"- " + anchor("00:03:00") + " A list item that starts with its time.\n" +
			"> [!info] Aside\n> Dust hides the young stars " + anchor("1:00:00") + ".\n" +
			"Broken " + anchor("00:99:99") + " but then **bold** words " + anchor("00:05:00") + "\n")},
		"stars/gravity_wells.md": {Data: []byte("---\nvideoId: AAAAAAAAAAA\n---\n\nDeep wells pull in matter " + anchor("00:10:00") + " and [[gravity]] wins.\n")},
		"stars/supernovae.md":    {Data: []byte("---\nvideoId: BBBBBBBBBBB\n---\n\nIntro. " + anchor("00:00:30") + " Then a star explodes and [[gravity]] stops holding it " + anchor("00:00:40") + ". Later [[Gravity | the pull]] returns.\n")},
		"apples/apples.md":       {Data: []byte("### [Falling apples](https://www.youtube.com/watch?v=EEEEEEEEEEE)\n- [[newton]]\n")},
		"apples/newton.md":       {Data: []byte("---\nvideoId: EEEEEEEEEEE\n---\n\n" + anchor("00:00:01") + " Newton watched an apple and thought of [[gravity]].\n")},
		"gravity.md":             {Data: []byte("# Gravity\n\nA topic note without a video that mentions [[nebulae]].\n")},
		"plain.md":               {Data: []byte("No video here, but [[gravity]] " + anchor("00:00:09") + ".\n")},
	}
	v, err := vault.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	return v, v.Index()
}

func TestTimeline_Sentences(t *testing.T) {
	v, ix := videoVault(t)
	src, err := v.Source("stars/nebulae.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range vault.Timeline(ix.Note("stars/nebulae.md"), src) {
		got = append(got, fmt.Sprintf("%d %s", e.Seconds, e.Sentence))
		if want := `<a class="yt-timestamp" data-t="` + e.Value; string(src[e.Offset:int(e.Offset)+len(want)]) != want {
			t.Errorf("entry %s: offset %d does not point at its anchor", e.Value, e.Offset)
		}
	}
	want := []string{
		"65 Clouds of gas collapse under gravity",
		"130 They heat up as they shrink",
		"180 A list item that starts with its time.",
		"3600 Dust hides the young stars",
		"300 but then bold words",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Timeline =\n%q\nwant\n%q", got, want)
	}
}

func TestTimeline_NoteWithoutTimestamps(t *testing.T) {
	v, ix := videoVault(t)
	src, _ := v.Source("gravity.md")
	if got := vault.Timeline(ix.Note("gravity.md"), src); len(got) != 0 {
		t.Errorf("Timeline = %v; want none", got)
	}
	if got := vault.Timeline(nil, nil); got != nil {
		t.Errorf("Timeline(nil) = %v", got)
	}
}

func TestSiblingNotes(t *testing.T) {
	_, ix := videoVault(t)
	tests := []struct {
		path string
		want []string
	}{
		{"stars/nebulae.md", []string{"stars/gravity_wells.md"}},
		{"stars/gravity_wells.md", []string{"stars/nebulae.md"}},
		{"stars/supernovae.md", nil},
		{"gravity.md", nil},
		{"missing.md", nil},
	}
	for _, tt := range tests {
		if got := ix.SiblingNotes(tt.path); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SiblingNotes(%s) = %v; want %v", tt.path, got, tt.want)
		}
	}
}

func TestEpisodes_ChannelCounts(t *testing.T) {
	v, ix := videoVault(t)
	src, _ := v.Source("stars/stars.md")
	var got []string
	for _, e := range ix.Episodes(ix.Note("stars/stars.md"), src) {
		got = append(got, fmt.Sprintf("%s %s %d", e.Title, e.VideoID, len(e.Notes)))
	}
	want := []string{
		"How stars are born AAAAAAAAAAA 2",
		"Dying stars BBBBBBBBBBB 1",
		"Nobody wrote notes DDDDDDDDDDD 0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Episodes =\n%q\nwant\n%q", got, want)
	}
}

func TestYouTubeID(t *testing.T) {
	tests := map[string]string{
		"https://www.youtube.com/watch?v=APvj15_YCqk":        "APvj15_YCqk",
		"https://m.youtube.com/watch?v=APvj15_YCqk&t=3s":     "APvj15_YCqk",
		"https://youtu.be/APvj15_YCqk?t=3":                   "APvj15_YCqk",
		"https://www.youtube-nocookie.com/embed/APvj15_YCqk": "APvj15_YCqk",
		"https://www.youtube.com/watch?v=APvj15_YCqk%22x":    "",
		"javascript:https://youtu.be/APvj15_YCqk":            "",
		"https://evil.example/watch?v=APvj15_YCqk":           "",
		"https://youtu.be/../APvj15_YCqk":                    "",
	}
	for in, want := range tests {
		if got := vault.YouTubeID(in); got != want {
			t.Errorf("YouTubeID(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestTopicMentions_GroupedByVideoThenSecond(t *testing.T) {
	_, ix := videoVault(t)
	var got []string
	for _, m := range ix.TopicMentions("gravity.md") {
		got = append(got, fmt.Sprintf("%s %s %d %s", m.VideoID, m.Source.Path, m.Seconds, m.Context[m.ContextStart:m.ContextEnd]))
	}
	// Videos in order of their first note's path (apples/ before stars/), seconds within.
	// nebulae links to gravity before its first anchor: no second to open, left out.
	want := []string{
		"EEEEEEEEEEE apples/newton.md 1 gravity",
		"AAAAAAAAAAA stars/gravity_wells.md 600 gravity",
		"BBBBBBBBBBB stars/supernovae.md 30 gravity",
		"BBBBBBBBBBB stars/supernovae.md 40 the pull",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TopicMentions =\n%q\nwant\n%q", got, want)
	}
}

func TestTopicMentions_NoVideoNoMentions(t *testing.T) {
	_, ix := videoVault(t)
	// nebulae is linked only from gravity.md, which has no video, and from stars.md, no video.
	if got := ix.TopicMentions("stars/nebulae.md"); len(got) != 0 {
		t.Errorf("TopicMentions = %+v; want none", got)
	}
}
