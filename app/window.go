package app

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	"vaultview/widgets"
)

// Preference keys.
const (
	prefLastVault     = "lastVault"
	prefRecentVaults  = "recentVaults"
	prefLastNote      = "lastNote:" // + vault folder
	prefSplitTree     = "split.tree"
	prefSplitNote     = "split.note"
	prefShowTree      = "show.tree"
	prefShowBacklinks = "show.backlinks"
	prefAttachments   = "show.attachments"
	prefZoom          = "zoom"
	prefTheme         = "theme"
	prefWindowWidth   = "window.width"
	prefWindowHeight  = "window.height"
	// prefLayout holds the window's width and height and the two split offsets in one
	// value: Fyne saves preferences at once on the first change and holds back the changes
	// that follow it for a moment, so four values set as the app quits could lose the last.
	prefLayout = "layout"
	maxRecent  = 8
)

// Window is Vaultview's main window: page tree | note | backlinks, with history.
type Window struct {
	app  fyne.App
	win  fyne.Window
	open func(*url.URL) error

	tree     *widgets.PageTree
	treePane fyne.CanvasObject // the tree in the left pane of the outer split
	note     *widgets.NoteView
	// videos is the Videos view, shown in the note's place (videos.go).
	videos *widgets.VideosView
	// canvas shows a Canvas board in the note's place (canvas.go), base a base (bases.go).
	canvas *widgets.CanvasView
	base   *widgets.BaseView
	// play is the controlled player and its bar (play.go).
	play playback
	// baseAt is the base shown and its view, while one is.
	baseAt struct{ path, view string }
	// find is the quick switcher and the search in all notes.
	find *finder
	// side is the right-hand pane: tabs of backlinks, outgoing links, outline, tags, graph
	// and the video views.
	side  sidePanel
	video videoPanes
	// player makes chip addresses (View › Player).
	player   vault.Player
	status   *widget.Label
	progress *widget.ProgressBarInfinite
	center   *fyne.Container
	outer    *container.Split
	inner    *container.Split

	source VaultSource
	vault  *vault.Vault
	// nav is the history and the Back and Forward buttons.
	nav navigation
	// vaultGen counts vault switches and showGen note switches, so that work started for an
	// older one is dropped when it finishes late.
	vaultGen, showGen atomic.Uint64
	// reload follows the vault on disk and applies its changes; it owns the status line
	// under the panes.
	reload *reloader
	// keys holds the same shortcuts as the canvas, so tests can type them (Fyne's test
	// canvas does not take shortcuts).
	keys fyne.ShortcutHandler
	// zoom and themeChoice are the reading settings (View menu), kept in preferences.
	zoom        float32
	themeChoice ThemeChoice
	// dialogs are the dialogs on show, the last on top: Escape closes it.
	dialogs []dialog.Dialog
	shown   string // path of the note shown, "" for none or an unresolved page
	// places are where the reader left each note of the vault (places.go).
	places *places
	// early is the note shown while the vault is still being read.
	early earlyNote
	// afterShow and afterStatus, when set (by tests), are called on the UI goroutine once a
	// page is shown or a message is given.
	afterShow   func(Place)
	afterStatus func(string)
	// onNames, when set (by tests), is called on the loading goroutine once the names of
	// the vault's files are known, and holds the load up until it returns.
	onNames func()
	// afterReady, when set (by tests), is called on the UI goroutine when the quick
	// switcher's matcher ("switcher") or the text index ("search") of a snapshot is ready.
	afterReady func(what string)
	// caching counts the text index's goroutines, which save it and the note cache to the
	// user's cache folder when they are done: tests wait for them before that folder goes.
	caching sync.WaitGroup
	// do runs f on the UI goroutine: fyne.Do. (Fyne's test driver runs f at once on the
	// calling goroutine, so tests put a lock here to get the real driver's one UI thread.)
	do func(f func())
}

// NewWindow builds the window. opener opens external links; only http, https and mailto
// ever reach it.
func NewWindow(a fyne.App, opener func(*url.URL) error) *Window {
	w := &Window{app: a, win: a.NewWindow("Vaultview"), open: opener, do: fyne.Do}
	w.tree = widgets.NewPageTree()
	w.tree.OnSelected = func(p string) { w.Open(p, "") }
	w.note = widgets.NewNoteView()
	w.videos = w.newVideosView()
	w.canvas = widgets.NewCanvasView()
	w.canvas.OnOpenNote = func(p, fragment string) { w.Open(p, fragment) }
	w.canvas.OnOpenURL = w.openURL
	w.canvas.OnPanned = func(frames int, took time.Duration) {
		log.Printf("canvas: panned for %v, %d frames painted (%.1f a second)", took.Round(time.Millisecond), frames, float64(frames)/max(took.Seconds(), 1e-3))
	}
	w.base = widgets.NewBaseView()
	w.base.OnOpenNote = func(p string) { w.Open(p, "") }
	w.note.OnOpenLink = func(p, fragment string) { w.Open(p, fragment) }
	w.note.OnOpenFile = w.openFile
	w.note.OnOpenUnresolved = w.OpenUnresolved
	w.note.OnOpenURL = w.openURL
	w.note.OnOpenTag = w.showTag
	w.video = newVideoPanes()
	w.video.timeline.OnOpenURL = w.openURL
	w.video.timeline.OnSelect = func(off int) { w.note.ScrollToOffset(off) }
	w.video.mentions.OnOpenURL = w.openURL
	w.video.mentions.OnOpenMention = func(p string, off int) { w.openAt(p, spot{offset: off}) }
	w.video.openNote = func(p string) { w.Open(p, "") }
	w.side = newSidePanel(&w.video)
	w.note.OnScrolled = w.followReading
	w.side.backlinks.OnOpenURL = w.openURL
	w.side.backlinks.OnOpenMention = func(p string, offset int) { w.openAt(p, spot{offset: offset}) }
	w.side.backlinks.VideoURL = func(id string, s int) string { return videoURL(w.player)(id, s) }
	w.side.outline.OnOpenHeading = func(anchor string) { w.note.ScrollToHeading(anchor) }
	w.side.outgoing.OnOpenNote = func(p string) { w.Open(p, "") }
	w.side.outgoing.OnOpenUnresolved = w.OpenUnresolved
	w.side.tags.OnOpen = func(p string) { w.Open(p, "") }
	w.side.graph.OnOpen = func(p string) { w.Open(p, "") }
	w.side.graph.OnOpenUnresolved = w.OpenUnresolved

	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.progress = widget.NewProgressBarInfinite()
	w.nav = newNavigation(w.Back, w.Forward, w.note.ScrollOffset)
	w.find = newFinder(w.win.Canvas(), finderHooks{
		opened:         func() (bool, *vault.Vault, string) { return w.source.FS != nil, w.vault, w.shown },
		open:           w.openAt,
		openUnresolved: w.OpenUnresolved,
		setStatus:      w.setStatus,
		ready:          w.readyHook,
		gen:            w.vaultGen.Load,
		do:             func(f func()) { w.do(f) }, // tests replace w.do after NewWindow
	})
	w.reload = newReloader(&w.nav, w.note, &w.side, reloadHooks{
		opened: func() (VaultSource, *vault.Vault, string) { return w.source, w.vault, w.shown },
		snapshot: func(r vault.Reload) {
			w.tree.SetIndex(r.Index)
			w.side.tags.SetIndex(r.Index)
			w.find.follow(r)
			w.followBase()
		},
		open:      func(p string) { w.Open(p, "") },
		showAt:    w.showAt,
		setStatus: w.setStatus,
		shown:     w.shownHook,
		gen:       w.vaultGen.Load,
		showGen:   &w.showGen,
		do:        func(f func()) { w.do(f) },
	})

	w.center = container.NewStack(w.note)
	// The panes' minimum widths are fixed, so the dividers move only when the user drags
	// them or resizes the window, never because a note or a list is wider than the last.
	w.inner = container.NewHSplit(fixedMinWidth(w.center, noteMinWidth), w.side.panel)
	w.treePane = fixedMinWidth(w.tree, treeMinWidth)
	w.outer = container.NewHSplit(w.treePane, w.inner)
	prefs := a.Preferences()
	layout := []float64{prefs.FloatWithFallback(prefWindowWidth, 1200), prefs.FloatWithFallback(prefWindowHeight, 800),
		prefs.FloatWithFallback(prefSplitTree, 0.22), prefs.FloatWithFallback(prefSplitNote, 0.72)}
	if l := prefs.FloatList(prefLayout); len(l) == len(layout) {
		layout = l
	}
	w.outer.Offset = layout[2]
	w.inner.Offset = layout[3]
	top := container.NewBorder(nil, nil, container.NewHBox(w.nav.back, w.nav.fwd), nil, w.status)
	w.newPlayback()
	w.win.SetContent(container.NewBorder(top, container.NewVBox(w.play.bar, w.reload.line), nil, nil, w.outer))
	w.win.Resize(fyne.NewSize(float32(layout[0]), float32(layout[1])))
	if !prefs.BoolWithFallback(prefShowTree, true) {
		w.treePane.Hide()
	}
	if !prefs.BoolWithFallback(prefShowBacklinks, true) {
		w.side.panel.Hide()
	}
	w.tree.ShowAttachments(prefs.BoolWithFallback(prefAttachments, true))
	w.zoom = clampZoom(float32(prefs.FloatWithFallback(prefZoom, 1)))
	w.play.on = prefs.String(prefPlayer) == controlledPlayer
	w.play.dirs = prefs.StringList(prefMedia)
	w.play.follow = prefs.BoolWithFallback(prefFollowPlayback, true)
	if p, err := vault.ParsePlayer(prefs.String(prefPlayer)); err == nil {
		w.player = p
	}
	w.themeChoice = ThemeChoice(prefs.StringWithFallback(prefTheme, string(ThemeSystem)))
	if w.zoom != 1 || w.themeChoice != ThemeSystem {
		w.applyTheme()
	}
	w.win.SetMainMenu(w.menu())
	w.shortcuts()
	w.win.SetOnDropped(w.dropped)
	w.win.SetOnClosed(func() {
		w.stopPlayer()
		w.leaveNote()
		w.reload.stop()
		w.find.search.stop()
		size := w.win.Canvas().Size()
		prefs.SetFloatList(prefLayout, []float64{float64(size.Width), float64(size.Height), w.outer.Offset, w.inner.Offset})
	})
	return w
}

// ShowAndRun shows the window and runs the app until it closes.
func (w *Window) ShowAndRun() { w.win.ShowAndRun() }

// Title is the window's title.
func (w *Window) Title() string { return w.win.Title() }

// OpenVault loads a vault in the background and then opens note (a path or a link name;
// empty: the last note read there, else a start page).
func (w *Window) OpenVault(src VaultSource, note string) {
	w.leaveNote()
	w.places = loadPlaces(w.app.Preferences(), src.Dir)
	gen := w.vaultGen.Add(1)
	w.showGen.Add(1)
	w.reload.stop()
	w.find.forget()
	w.reload.deleted = ""
	w.source, w.vault, w.shown = src, nil, ""
	w.nav.history = History{}
	w.updateNav()
	w.setTitle("")
	w.setStatus("Loading " + src.Name() + "…")
	w.reload.line.SetText(src.Name() + " · loading…")
	w.center.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(widget.NewLabel("Reading "+src.Name()+"…"), w.progress))}
	w.progress.Start()
	w.center.Refresh()
	if src.Dir != "" {
		w.remember(src.Dir)
	}
	w.early = earlyNote{}
	vurl := videoURL(w.player)
	started := time.Now()
	log.Printf("opening %s", src.Name())
	go func() {
		cache := openNoteCache(src.Dir)
		var saved *savedText
		v, err := vault.Load(src.FS, vault.OnNames(func(v *vault.Vault, names *vault.Index) {
			// All names are known: the first note can be shown while the rest is parsed,
			// and the vault searched from its saved text index (read from now on: read
			// earlier, it would hold up the folder walk, which gives the window its title).
			log.Printf("names of %s known after %v", src.Name(), time.Since(started).Round(time.Millisecond))
			saved = readSavedText(src.Dir)
			cache.waitFor(w.find.searchEarly(gen, v, names, saved))
			w.showEarly(gen, v, names, note, vurl, started)
			cache.begin()
			if w.onNames != nil {
				w.onNames()
			}
		}), cache.option(), vault.WithoutLinkContexts()) // the panes read the sentences they show
		w.do(func() {
			if w.vaultGen.Load() != gen {
				return // another vault was opened meanwhile
			}
			w.progress.Stop()
			w.setCenter(w.note)
			if err != nil {
				w.setStatus(err.Error())
				w.showDialog(dialog.NewError(fmt.Errorf("cannot open %s: %w", src.Name(), err), w.win))
				return
			}
			w.vault = v
			ix := v.Index()
			log.Printf("indexed %s: %d notes, %d problems, in %v", src.Name(), ix.Len(), len(ix.Problems()), time.Since(started).Round(time.Millisecond))
			limitMemory(ix)
			// The text index first: on a first opening the vault is searchable once its
			// text is read, which the user waits for, and the panels below take the UI
			// goroutine a few hundred milliseconds on a large vault. The note cache is
			// written after the text index.
			w.caching.Add(1)
			w.find.indexText(gen, v, src.Dir, saved, func() {
				// The switcher's matcher is made once the text is searchable, not beside
				// reading it (a tenth of its time on 20,000 notes); the switcher opened
				// before then makes it at once.
				w.do(func() {
					if w.vaultGen.Load() == gen {
						w.find.buildMatcher(v.Index())
					}
				})
			}, func() {
				defer w.caching.Done()
				<-cache.saveIfStale(v.Index())
			})
			w.tree.SetIndex(ix)
			w.side.tags.SetIndex(ix)
			w.setStatus("")
			w.reload.start(gen, src, v)
			w.reload.updateLine()
			if w.find.search.pending != nil {
				w.early = earlyNote{} // a search result was chosen meanwhile: it wins
				w.find.openPending()
				return
			}
			if w.early.path != "" {
				// Already on screen from the names alone: the panels catch up once its
				// whole render is there (finishEarly).
				if !w.early.pending {
					w.finishEarly()
				}
				return
			}
			w.openStart(note)
		})
	}()
}

func (w *Window) setCenter(o fyne.CanvasObject) {
	if len(w.center.Objects) == 1 && w.center.Objects[0] == o {
		return
	}
	// The videos' filter lets go of the keyboard with its view: hidden, it took what was
	// typed next and blinked its cursor unseen (see blur).
	if w.showingVideos() {
		if c := w.win.Canvas(); c != nil && c.Focused() == w.videos.Filter() {
			c.Unfocus()
		}
	}
	w.center.Objects = []fyne.CanvasObject{o}
	w.center.Refresh()
	w.updateNav()
}

// updateNav enables the Back and Forward buttons when they lead somewhere.
func (w *Window) updateNav() { w.nav.updateButtons(w.showingVideos()) }

// openStart opens the note asked for (NOTE, see noteArg) at its heading or block, else the
// last one read in this vault, else a start page. A NOTE that names no note opens the page
// of that name (who links to it) and says so: never another note.
func (w *Window) openStart(note string) {
	ix := w.vault.Index()
	p, fragment, missing := w.startPath(ix, note, func(p string) bool { return ix.Note(p) != nil }, true)
	if missing {
		// NOTE may name a board, a base or another file of the vault.
		if q, a := findNote(ix, w.source.Dir, note, ix.IsAttachment, false); q != "" {
			w.Open(q, a.fragment)
			return
		}
		name := unresolvedName(parseNoteArg(note))
		w.OpenUnresolved(name)
		w.setStatus(fmt.Sprintf("No note called “%s” in %s: this page lists the notes that link to that name", name, w.source.Name()))
		return
	}
	if p != "" {
		w.Open(p, fragment)
	}
}

// startPath picks the note to open first and the heading or block to go to there: the note
// NOTE names (missing when it names none: p is "" then, never another note); with no NOTE,
// or one that is only `#Heading`, the last note read in this vault, else a start page, else
// the first note. exists says whether a path is a note; it lets the choice be made on the
// names alone, before the notes are parsed (aliases: also look through the notes'
// frontmatter aliases, which needs them parsed).
func (w *Window) startPath(names *vault.Index, note string, exists func(string) bool, aliases bool) (p, fragment string, missing bool) {
	if note != "" {
		p, a := findNote(names, w.source.Dir, note, exists, aliases)
		if p != "" {
			return p, a.fragment, false
		}
		if a.target != "" {
			return "", "", true
		}
		fragment = a.fragment
	}
	if w.source.Dir != "" {
		if p := w.app.Preferences().String(prefLastNote + w.source.Dir); p != "" && exists(p) {
			return p, fragment, false
		}
	}
	for _, name := range []string{"Welcome", "index", "README", "Home"} {
		if p := names.Resolve("", name); p != "" && exists(p) {
			return p, fragment, false
		}
	}
	for _, f := range append(names.FolderNotes(""), firstNote(names)) {
		if f != "" && exists(f) {
			return f, fragment, false
		}
	}
	return "", "", false
}

// firstNote is the first note in path order of the top folder or, failing that, of the
// first folder that has one.
func firstNote(ix *vault.Index) string {
	for _, f := range ix.Subfolders("") {
		if ns := ix.FolderNotes(f); len(ns) > 0 {
			return ns[0]
		}
	}
	return ""
}

// noteOnDisk says whether p is a note of a vault whose names are known but whose notes may
// not be parsed yet.
func noteOnDisk(names *vault.Index) func(string) bool {
	return func(p string) bool {
		if !strings.HasSuffix(strings.ToLower(p), ".md") {
			return false
		}
		for _, q := range names.FolderNotes(folderOf(p)) {
			if q == p {
				return true
			}
		}
		return false
	}
}

func folderOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// Open shows the note at p, scrolled to fragment (a heading) when given.
func (w *Window) Open(p, fragment string) {
	if w.vault != nil && w.vault.Index().IsAttachment(p) {
		w.openAttachment(p)
		return
	}
	w.openAt(p, spot{fragment: fragment, offset: -1, resume: fragment == ""})
}

// openAt shows the note at p at a spot: a heading, a byte offset (>= 0), a search match.
func (w *Window) openAt(p string, at spot) {
	if w.vault == nil {
		return
	}
	w.leaveNote()
	w.nav.saveScroll()
	log.Printf("open %s", p)
	w.nav.history.Visit(Place{Path: p})
	w.showAt(Place{Path: p}, at)
}

// OpenUnresolved shows the page of a name no note has yet: who links to it.
func (w *Window) OpenUnresolved(name string) {
	if w.vault == nil {
		return
	}
	w.leaveNote()
	w.nav.saveScroll()
	w.nav.history.Visit(Place{Unresolved: name})
	w.showAt(Place{Unresolved: name}, spot{offset: -1})
}

// Back and Forward move through the history.
func (w *Window) Back() {
	w.leaveNote()
	w.nav.saveScroll()
	// The Videos view is no place of the history: Back leaves it for the place it covers.
	if w.showingVideos() {
		if p, ok := w.nav.history.Current(); ok {
			w.showAt(p, spot{offset: -1})
			return
		}
	}
	if p, ok := w.nav.history.Back(); ok {
		w.showAt(p, spot{offset: -1})
	}
}

// showingVideos reports whether the Videos view is in the note's place.
func (w *Window) showingVideos() bool {
	return len(w.center.Objects) == 1 && w.center.Objects[0] == w.videos
}

// Forward moves forward through the history.
func (w *Window) Forward() {
	w.leaveNote()
	w.nav.saveScroll()
	if p, ok := w.nav.history.Forward(); ok {
		w.showAt(p, spot{offset: -1})
	}
}

// spot is where in a note to go: a heading, else a byte offset (>= 0) with, for a search
// result, the text to mark there.
type spot struct {
	fragment string
	offset   int
	match    string
	// resume opens the note where the reader last left it (places), when it was left
	// anywhere but its top; early says the note's first screen is already on show, shown
	// while the vault was read, and may move all the same.
	resume, early bool
	// rendered, when set, is the note already rendered (and maybe shown): the first note,
	// rendered while the vault was read, is not rendered again.
	rendered *widgets.RenderedNote
}

// showAt renders a place off the UI goroutine and shows it at a spot.
func (w *Window) showAt(pl Place, at spot) {
	w.updateNav()
	v := w.vault
	ix := v.Index()
	gen := w.showGen.Add(1)
	w.reload.deleted = ""
	if pl.Path == "" {
		w.shown = ""
		w.setCenter(w.note)
		w.setTitle(pl.Unresolved)
		w.note.ShowNote(widgets.RenderNote(unresolvedPage(pl.Unresolved, len(ix.UnresolvedBacklinks(pl.Unresolved)))))
		w.side.showUnresolved(v, ix, pl.Unresolved)
		w.video.clear(w.player)
		w.shownHook(pl)
		return
	}
	n := ix.Note(pl.Path)
	if n == nil && ix.IsAttachment(pl.Path) {
		switch strings.ToLower(path.Ext(pl.Path)) {
		case ".canvas":
			w.showCanvas(pl.Path) // back or forward to a board
		case ".base":
			w.showBase(pl.Path, "")
		default:
			w.showAttachmentPage(pl.Path) // to an image
		}
		return
	}
	if n == nil {
		w.setStatus(pl.Path + " is not in the vault")
		return
	}
	w.setTitle(n.Title)
	w.setCenter(w.note)
	w.tree.Select(pl.Path)
	w.side.showNote(v, ix, pl.Path)
	in := widgets.SnapshotInput(v, ix, videoURL(w.player))
	in.Note = n
	go func() {
		src, err := v.Source(pl.Path)
		var r *widgets.RenderedNote
		var vv videoViews
		var out vault.OutgoingLinks
		blockAt := -1
		if err == nil {
			in.Source = src
			if r = at.rendered; r == nil {
				r = widgets.RenderNote(in)
			}
			if id, ok := strings.CutPrefix(at.fragment, "^"); ok {
				blockAt = blockOffset(src, id)
			}
			vv = computeVideoViews(v, ix, n, src)
			out = ix.OutgoingLinks(pl.Path)
		}
		w.do(func() {
			if w.showGen.Load() != gen {
				return
			}
			if err != nil {
				// The note's own page says why, rather than the note shown before it
				// staying under this one's title.
				w.shown = pl.Path
				w.note.ShowNote(widgets.RenderNote(notShownPage(n, cannotShow(pl.Path, err))))
				w.video.clear(w.player)
				w.side.outgoing.SetLinks(vault.OutgoingLinks{})
				w.shownHook(pl)
				return
			}
			same := w.shown == pl.Path
			w.shown = pl.Path
			w.find.switcher.noteRead(pl.Path)
			if r != w.note.Note() {
				w.note.ShowNote(r)
			}
			w.side.outgoing.SetLinks(out)
			w.video.show(ix, vv, w.player)
			switch {
			case at.fragment != "":
				w.goToFragment(n.Title, at.fragment, blockAt)
			case at.offset >= 0 && at.match != "":
				w.note.ShowMatch(at.offset, at.match)
			case at.offset >= 0:
				w.note.ScrollToOffset(at.offset)
			case (!same || at.early) && at.resume && w.resumeAt(pl.Path):
			case !same:
				w.note.SetScrollOffset(pl.Scroll)
			}
			// The panes were given the note before it was on screen: mark where it is read
			// now, whether or not it scrolled to get there.
			w.followReading(w.note.TopOffset())
			if w.source.Dir != "" {
				w.app.Preferences().SetString(prefLastNote+w.source.Dir, pl.Path)
			}
			w.shownHook(pl)
		})
	}()
}

// setStatus shows a message above the note.
func (w *Window) setStatus(msg string) {
	w.status.SetText(msg)
	if w.afterStatus != nil {
		w.afterStatus(msg)
	}
}

func (w *Window) readyHook(what string) {
	if w.afterReady != nil {
		w.afterReady(what)
	}
}

func (w *Window) shownHook(pl Place) {
	w.refollow()
	if w.afterShow != nil {
		w.afterShow(pl)
	}
}

// unresolvedPage is what the note pane shows for a name no note has yet.
func unresolvedPage(name string, links int) widgets.RenderInput {
	who := fmt.Sprintf("%d notes link to it", links)
	if links == 1 {
		who = "One note links to it"
	}
	body := fmt.Sprintf("> [!note] Not written yet\n> No note is called “%s” yet. %s; the links are listed on the right.\n", markdownText(name), who)
	n := vault.ParseNote("unresolved.md", []byte(body))
	n.Title = name
	return widgets.RenderInput{Source: []byte(body), Note: n}
}

// notShownPage is the page of note n when its file cannot be read or shown: msg says why.
func notShownPage(n *vault.Note, msg string) widgets.RenderInput {
	body := "> [!warning] Not shown\n> " + markdownText(msg) + "\n"
	page := vault.ParseNote(n.Path, []byte(body))
	page.Title = n.Title
	return widgets.RenderInput{Source: []byte(body), Note: page}
}

// cannotShow says why the file at p cannot be read or shown, in the reader's words and
// naming p once (the error itself may name it too).
func cannotShow(p string, err error) string {
	if errors.Is(err, vault.ErrBinary) {
		return p + " is not shown: it holds binary data, not text."
	}
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return fmt.Sprintf("%s could not be read: %v.", p, pe.Err)
	}
	return fmt.Sprintf("%s: %v", p, err) // what is wrong in it, a base's YAML say
}

// markdownText escapes s to be read as plain text on one line of Markdown: a file's name
// may hold `*`, `[[` or `<`, and an error a line break.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			r = ' '
		case r < 0x80 && strings.ContainsRune("\\`*_{}[]()<>#+-.!|~$%&=", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (w *Window) setTitle(title string) {
	if title == "" {
		w.win.SetTitle("Vaultview")
		return
	}
	w.win.SetTitle(title + " — Vaultview")
}

// openURL opens an external link, but only one a browser or mail client should get.
func (w *Window) openURL(u *url.URL) {
	if err := checkExternal(u); err != nil {
		w.setStatus(err.Error())
		return
	}
	if w.play.on {
		if id, at, ok := vault.ParseVideoURL(u); ok {
			w.playVideo(id, at, u)
			return
		}
	}
	if err := w.open(u); err != nil {
		w.setStatus("Could not open " + u.String() + ": " + err.Error())
	}
}

// checkExternal allows only http, https and mailto: a note can name any scheme
// (`file:`, `javascript:`, `vscode:`), and none of those is ever opened.
func checkExternal(u *url.URL) error {
	if u == nil {
		return errors.New("no link")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Errorf("not opened: %q has no host", u.String())
		}
		return nil
	case "mailto":
		return nil
	}
	return fmt.Errorf("not opened: links of kind %q are never opened", u.Scheme)
}

func (w *Window) chooseVault() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		w.openDir(dir.Path())
	}, w.win)
	w.showDialog(d)
}

func (w *Window) openDir(dir string) {
	src, err := DirSource(dir)
	if err != nil {
		w.showDialog(dialog.NewError(err, w.win))
		return
	}
	w.OpenVault(src, "")
}

// remember puts dir first in the recent vaults and makes it the one to reopen.
func (w *Window) remember(dir string) {
	prefs := w.app.Preferences()
	prefs.SetString(prefLastVault, dir)
	recent := []string{dir}
	for _, d := range prefs.StringList(prefRecentVaults) {
		if d != dir && len(recent) < maxRecent {
			recent = append(recent, d)
		}
	}
	prefs.SetStringList(prefRecentVaults, recent)
	w.win.SetMainMenu(w.menu())
}

func (w *Window) recentVaults() []string { return w.app.Preferences().StringList(prefRecentVaults) }

// withSource reads the open note's Markdown off the UI goroutine and hands it to f on the
// UI goroutine; errors go to the status line.
func (w *Window) withSource(f func(p string, src []byte)) {
	if w.vault == nil || w.shown == "" {
		return
	}
	v, p := w.vault, w.shown
	go func() {
		src, err := v.Source(p)
		w.do(func() {
			if err != nil {
				w.setStatus(cannotShow(p, err))
				return
			}
			f(p, src)
		})
	}()
}

// showSource shows the open note's Markdown in a selectable, read-only text area (RichText
// cannot be selected).
// resumeAt scrolls the note at p, just shown, to where the reader last left it, and reports
// whether there was such a place.
func (w *Window) resumeAt(p string) bool {
	off, ok := w.places.get(p)
	return ok && w.note.ScrollToOffset(off)
}

// leaveNote records where the reader leaves the note shown (its top: nowhere), before
// another is shown, the vault changes or the window closes.
func (w *Window) leaveNote() {
	if w.shown == "" || w.places == nil || w.note.Note() == nil || w.note.Note().Note.Path != w.shown {
		return
	}
	off := w.note.TopOffset()
	if w.note.ScrollOffset() < 1 {
		off = -1 // at the very top: nothing to come back to
	}
	w.places.leave(w.shown, off)
}

// followReading marks, in the panes that follow the reading position (the outline's heading,
// the timeline's moment), the place at byte offset, the top of what the note shows.
func (w *Window) followReading(offset int) {
	w.video.timeline.Highlight(offset)
	w.side.outline.Highlight(offset)
}

// showFind opens the find bar over the note and gives it the keyboard.
func (w *Window) showFind() {
	if w.note.Note() == nil {
		return
	}
	w.win.Canvas().Focus(w.note.ShowFind())
}

func (w *Window) showSource() {
	w.withSource(func(p string, src []byte) {
		text := string(src)
		e := newDialogEntry(true)
		e.SetText(text)
		e.Wrapping = fyne.TextWrapWord
		e.TextStyle = fyne.TextStyle{Monospace: true}
		e.OnChanged = func(string) { e.SetText(text) } // read-only, but still selectable
		d := dialog.NewCustom(p, "Close", e, w.win)
		size := w.win.Canvas().Size()
		d.Resize(fyne.NewSize(size.Width*0.8, size.Height*0.8))
		w.showDialog(d, e)
	})
}

// copyMarkdown puts the open note's Markdown on the clipboard.
func (w *Window) copyMarkdown() {
	w.withSource(func(p string, src []byte) {
		w.app.Clipboard().SetContent(string(src))
		w.setStatus("Copied " + p + " as Markdown")
	})
}
