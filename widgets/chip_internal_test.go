package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestChip_MenuCopiesLinkAndTime(t *testing.T) {
	a := test.NewTempApp(t)
	clip := a.Clipboard()
	for _, c := range []struct {
		url, clock     string
		linkDisabled   bool
		wantLink, time string
	}{
		{"https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s", "18:28", false, "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s", "18:28"},
		{"", "1:05:03", true, "", "1:05:03"},
	} {
		p := newTimeChip()
		p.clock, p.url = c.clock, c.url
		m := p.menu(clip)
		if len(m.Items) != 2 || m.Items[0].Disabled != c.linkDisabled {
			t.Fatalf("menu for %q: %+v", c.url, m.Items)
		}
		if !c.linkDisabled {
			m.Items[0].Action()
			if got := clip.Content(); got != c.wantLink {
				t.Errorf("Copy link copied %q, want %q", got, c.wantLink)
			}
		}
		m.Items[1].Action()
		if got := clip.Content(); got != c.time {
			t.Errorf("Copy timestamp copied %q, want %q", got, c.time)
		}
	}
}
