package widgets_test

import (
	"image"
	"net/url"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/widgets"
)

func stamp(t string) string {
	return `<a class="yt-timestamp" data-t="` + t + `">[` + t + `]</a>`
}

// videoNotes is a small vault: two notes cut from one video, one from another, a topic note
// they link to, and a note without a video.
func videoNotes(t *testing.T) *vault.Vault {
	t.Helper()
	v, err := vault.Load(fstest.MapFS{
		"cloud/origins.md": {Data: []byte("---\ntitle: Where the cloud came from\nvideoId: APvj15_YCqk\n---\n\n" +
			"Spare servers were the myth " + stamp("00:18:28") + ". Web services were the [[utility_computing | real seed]] " + stamp("00:25:05") + ".\n" +
			"The launch came later " + stamp("01:06:45") + ".\n")},
		"cloud/pricing.md": {Data: []byte("---\ntitle: Pay as you go\nvideoId: APvj15_YCqk\n---\n\n" +
			"Metered bills " + stamp("00:05:00") + " made [[utility_computing]] real.\n")},
		"power/grid.md": {Data: []byte("---\ntitle: The power grid\nvideoId: a-b_c-d_e-f\n---\n\n" +
			"Early power plants " + stamp("00:00:10") + " sold [[Utility Computing | electricity by the unit]].\n")},
		"utility_computing.md": {Data: []byte("# Utility computing\n")},
		"plain.md":             {Data: []byte("No video for this one " + stamp("00:00:05") + ".\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// timelineOf sets up a Timeline for the note at p in a window, with recorders.
func timelineOf(t *testing.T, v *vault.Vault, p string) (*widgets.Timeline, fyne.Window, *[]string, *[]int) {
	t.Helper()
	ix := v.Index()
	n := ix.Note(p)
	src, err := v.Source(p)
	if err != nil {
		t.Fatal(err)
	}
	tl := widgets.NewTimeline()
	var opened []string
	var selected []int
	tl.OnOpenURL = func(u *url.URL) { opened = append(opened, u.String()) }
	tl.OnSelect = func(off int) { selected = append(selected, off) }
	tl.SetEntries(vault.Timeline(n, src), n.VideoID, vault.Player{})
	w := test.NewTempWindow(t, tl)
	w.Resize(fyne.NewSize(500, 300))
	return tl, w, &opened, &selected
}

func key(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func TestTimeline_KeyboardOpensExactURLs(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, opened, selected := timelineOf(t, v, "cloud/origins.md")
	if tl.Len() != 3 {
		t.Fatalf("Len = %d; want 3", tl.Len())
	}
	w.Canvas().Focus(tl.FocusTarget())
	if w.Canvas().Focused() != tl {
		t.Fatalf("FocusTarget did not give the timeline the keyboard the timeline")
	}
	if tl.Selected() != 0 {
		t.Errorf("Selected = %d; want 0", tl.Selected())
	}
	key(w, fyne.KeyReturn)
	key(w, fyne.KeyDown)
	key(w, fyne.KeyEnter)
	key(w, fyne.KeyDown)
	key(w, fyne.KeyDown) // stays on the last
	key(w, fyne.KeyReturn)
	key(w, fyne.KeyUp)
	want := []string{
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s",
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=1505s",
		"https://www.youtube.com/watch?v=APvj15_YCqk&t=4005s",
	}
	if !equal(*opened, want) {
		t.Errorf("opened %q; want %q", *opened, want)
	}
	src, _ := v.Source("cloud/origins.md")
	n := v.Index().Note("cloud/origins.md")
	wantSel := []int{int(n.Timestamps[1].Offset), int(n.Timestamps[2].Offset), int(n.Timestamps[2].Offset), int(n.Timestamps[1].Offset)}
	if !equalInts(*selected, wantSel) {
		t.Errorf("OnSelect offsets %v; want %v", *selected, wantSel)
	}
	if string(src[wantSel[0]:wantSel[0]+2]) != "<a" {
		t.Errorf("offset %d is not an anchor", wantSel[0])
	}
}

func TestTimeline_PlayerTemplate(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, opened, _ := timelineOf(t, v, "cloud/origins.md")
	p, err := vault.ParsePlayer("youtube-nocookie")
	if err != nil {
		t.Fatal(err)
	}
	n := v.Index().Note("cloud/origins.md")
	src, _ := v.Source(n.Path)
	tl.SetEntries(vault.Timeline(n, src), n.VideoID, p)
	w.Canvas().Focus(tl.FocusTarget())
	key(w, fyne.KeyReturn)
	if want := []string{"https://www.youtube-nocookie.com/embed/APvj15_YCqk?start=1108"}; !equal(*opened, want) {
		t.Errorf("opened %q; want %q", *opened, want)
	}
}

func TestTimeline_NoVideoOpensNothing(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, opened, _ := timelineOf(t, v, "plain.md")
	if tl.Len() != 1 {
		t.Fatalf("Len = %d; want 1", tl.Len())
	}
	w.Canvas().Focus(tl.FocusTarget())
	key(w, fyne.KeyReturn)
	if len(*opened) != 0 {
		t.Errorf("opened %q for a note without a video", *opened)
	}
	if tl.URL(0) != nil {
		t.Errorf("URL(0) = %v; want nil", tl.URL(0))
	}
}

func TestTimeline_Highlight(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, _, _, selected := timelineOf(t, v, "cloud/origins.md")
	n := v.Index().Note("cloud/origins.md")
	tests := []struct {
		offset, want int
	}{
		{0, 0},
		{int(n.Timestamps[0].Offset), 0},
		{int(n.Timestamps[0].Offset) + 1, 1},
		{int(n.Timestamps[2].Offset), 2},
		{1 << 20, 2},
	}
	for _, tt := range tests {
		tl.Highlight(tt.offset)
		if got := tl.Highlighted(); got != tt.want {
			t.Errorf("Highlight(%d): entry %d; want %d", tt.offset, got, tt.want)
		}
	}
	if len(*selected) != 0 {
		t.Errorf("Highlight called OnSelect: %v", *selected)
	}
}

// SetPlaying marks the entry of the timestamp the player has reached; its row is tinted
// apart from the others, and new entries clear it.
func TestTimeline_SetPlaying(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, _, selected := timelineOf(t, v, "cloud/origins.md")
	n := v.Index().Note("cloud/origins.md")
	plain := w.Canvas().Capture()
	tl.SetPlaying(int(n.Timestamps[1].Offset))
	if tl.Playing() != 1 {
		t.Fatalf("playing entry %d, want 1", tl.Playing())
	}
	if marked := w.Canvas().Capture(); sameImage(plain, marked) {
		t.Error("the playing entry looks as before")
	}
	tl.SetPlaying(12345) // no timestamp there
	if tl.Playing() != -1 {
		t.Errorf("an offset of no entry marks entry %d", tl.Playing())
	}
	tl.SetPlaying(int(n.Timestamps[2].Offset))
	src, _ := v.Source("cloud/pricing.md")
	other := v.Index().Note("cloud/pricing.md")
	tl.SetEntries(vault.Timeline(other, src), other.VideoID, vault.Player{})
	if tl.Playing() != -1 || len(*selected) != 0 {
		t.Errorf("after new entries: playing %d, selected %v", tl.Playing(), *selected)
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// findAll finds the visible rendered objects of type T under o.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

func TestTimeline_RightClickCopiesLink(t *testing.T) {
	app := test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, _, _ := timelineOf(t, v, "cloud/origins.md")
	chip := firstSecondaryTappable(t, tl)
	test.TapSecondary(chip)
	menu := topMenu(t, w)
	if len(menu.Items) != 2 {
		t.Fatalf("menu has %d items; want 2", len(menu.Items))
	}
	test.Tap(menu.Items[0].(fyne.Tappable))
	if got, want := app.Clipboard().Content(), "https://www.youtube.com/watch?v=APvj15_YCqk&t=1108s"; got != want {
		t.Errorf("clipboard = %q; want %q", got, want)
	}
	test.TapSecondary(chip)
	test.Tap(topMenu(t, w).Items[1].(fyne.Tappable))
	if got, want := app.Clipboard().Content(), "18:28"; got != want {
		t.Errorf("clipboard = %q; want %q", got, want)
	}
}

func firstSecondaryTappable(t *testing.T, o fyne.CanvasObject) fyne.SecondaryTappable {
	t.Helper()
	for _, w := range findAll[fyne.Widget](o) {
		if s, ok := w.(fyne.SecondaryTappable); ok {
			if _, isList := w.(*widget.List); !isList {
				return s
			}
		}
	}
	t.Fatal("no chip found")
	return nil
}

func topMenu(t *testing.T, w fyne.Window) *widget.Menu {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no pop-up menu shown")
	}
	menus := findAll[*widget.PopUpMenu](top)
	if len(menus) == 0 {
		t.Fatalf("no menu in the top overlay %T", top)
	}
	return menus[0].Menu
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Ctrl+T can come before the note's timeline is there (the title shows first): the entries
// that arrive while the timeline has the keyboard start with the first chosen, so Enter
// plays it.
func TestTimeline_EntriesArrivingWhileFocusedChooseTheFirst(t *testing.T) {
	test.NewTempApp(t)
	v := videoNotes(t)
	tl, w, opened, _ := timelineOf(t, v, "cloud/origins.md")
	n := v.Index().Note("cloud/origins.md")
	src, _ := v.Source(n.Path)
	entries := vault.Timeline(n, src)
	tl.SetEntries(nil, "", vault.Player{})
	w.Canvas().Focus(tl.FocusTarget())
	tl.SetEntries(entries, n.VideoID, vault.Player{})
	key(w, fyne.KeyReturn)
	if len(*opened) != 1 {
		t.Fatalf("Enter after the entries arrived opened %q; want the first entry's video", *opened)
	}
}
