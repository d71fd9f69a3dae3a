package widgets_test

import (
	"net/url"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"vaultview/vault"
	"vaultview/widgets"
)

func TestTopicMentions_GroupedByVideoWithChipURLs(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	m := widgets.NewTopicMentions()
	var opened []string
	var mentions []string
	m.OnOpenURL = func(u *url.URL) { opened = append(opened, u.String()) }
	m.OnOpenMention = func(p string, off int) { mentions = append(mentions, p) }
	m.SetMentions(v.Index().TopicMentions("utility_computing.md"), vault.Player{})
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(600, 400))

	want := []string{
		"# Pay as you go · Where the cloud came from",
		"5:00 Metered bills made utility_computing real.",
		"18:28 Web services were the real seed.",
		"# The power grid",
		"0:10 Early power plants sold electricity by the unit.",
	}
	if got := m.Rows(); !equal(got, want) {
		t.Fatalf("Rows =\n%q\nwant\n%q", got, want)
	}
	wantURLs := map[int]string{
		1: "https://www.youtube.com/watch?v=APvj15_YCqk&t=300s",
		2: "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s",
		4: "https://www.youtube.com/watch?v=a-b_c-d_e-f&t=10s",
	}
	for i, want := range wantURLs {
		if u := m.URL(i); u == nil || u.String() != want {
			t.Errorf("URL(%d) = %v; want %s", i, u, want)
		}
	}
	if m.URL(0) != nil {
		t.Errorf("a heading has a URL")
	}
	// The first chip on screen is the first mention's.
	test.Tap(firstSecondaryTappable(t, m).(fyne.Tappable))
	if len(opened) != 1 || opened[0] != wantURLs[1] {
		t.Errorf("chip opened %q; want %s", opened, wantURLs[1])
	}
}
