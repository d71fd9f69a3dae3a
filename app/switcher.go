package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/vault/switcher"
	"vaultview/widgets"
)

// maxRecentNotes is how many notes the quick switcher lists before anything is typed.
const maxRecentNotes = 30

// quickSwitch is the finder's quick switcher (Ctrl+O): the matcher of the latest index
// snapshot, made off the UI goroutine, and the notes read lately in this vault.
type quickSwitch struct {
	popup *widget.PopUp
	shown *widgets.QuickSwitcher
	// matcher was made from index; building tracks the snapshot a matcher is being made for.
	matcher  *switcher.Matcher
	index    *vault.Index
	building *vault.Index
	recent   []string
}

// noteRead puts p first among the recent notes (and other files shown: boards, bases).
func (s *quickSwitch) noteRead(p string) {
	s.recent = slices.DeleteFunc(s.recent, func(q string) bool { return q == p })
	s.recent = slices.Insert(s.recent, 0, p)
	if len(s.recent) > maxRecentNotes {
		s.recent = s.recent[:maxRecentNotes]
	}
}

// showSwitcher opens the quick switcher: recent notes first, then whatever is typed
// matched against every title, file name, alias and unwritten name.
//
// While a vault is still being read it opens all the same, says so, and takes what is typed
// (Enter included): the matcher follows as soon as the index is published.
func (f *finder) showSwitcher() {
	ok, v, shown := f.opened()
	if !ok {
		return // no vault at all
	}
	s := &f.switcher
	m := s.matcher // of an older snapshot, at worst: the new one follows when made
	var recent []string
	if v != nil {
		ix := v.Index()
		if s.index != ix {
			f.buildMatcher(ix)
		}
		recent = slices.DeleteFunc(slices.Clone(s.recent), func(p string) bool {
			return (ix.Note(p) == nil && !ix.IsAttachment(p)) || p == shown
		})
		if shown != "" && ix.Note(shown) != nil {
			recent = append(recent, shown) // the note on screen is the least likely target
		}
	}
	q := widgets.NewQuickSwitcher(m, recent)
	q.OnOpen = func(p string) { s.hide(); f.open(p, spot{offset: -1, resume: true}) }
	q.OnOpenUnresolved = func(name string) { s.hide(); f.openUnresolved(name) }
	q.OnClose = s.hide
	s.hide()
	s.shown = q
	s.popup = widget.NewModalPopUp(q, f.canvas)
	size := f.canvas.Size()
	min := q.MinSize()
	s.popup.Resize(fyne.NewSize(min.Width, max(min.Height, size.Height*0.6)))
	s.popup.Show()
	f.canvas.Focus(q.FocusTarget())
}

// hide closes the switcher.
func (s *quickSwitch) hide() {
	if s.popup != nil {
		s.popup.Hide()
		blur(s.shown.FocusTarget())
		s.popup, s.shown = nil, nil
	}
}

// buildMatcher makes the matcher of ix off the UI goroutine and hands it to the switcher
// if it is open.
func (f *finder) buildMatcher(ix *vault.Index) {
	s := &f.switcher
	if s.building == ix || s.index == ix {
		return // being made, or made
	}
	s.building = ix
	gen := f.gen()
	go func() {
		m := switcher.New(ix)
		f.do(func() {
			if f.gen() != gen || s.building != ix {
				return
			}
			s.matcher, s.index, s.building = m, ix, nil
			if s.shown != nil {
				s.shown.SetMatcher(m)
			}
			f.ready("switcher")
		})
	}()
}

// forget drops the switcher's state of the vault being closed.
func (s *quickSwitch) forget() {
	s.hide()
	*s = quickSwitch{}
}
