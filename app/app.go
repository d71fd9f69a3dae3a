// Package app is Vaultview's window: it wires the vault engine to the widgets. It is the one
// place that starts Fyne (Run, app.go).
//
// Whatever could hold the window up runs on goroutines: loading the vault and showing its
// first note early (window.go, early.go), following changes on disk (reload.go), reading and
// rendering the note to show (window.go), indexing the text for search (search.go; the index
// is saved for the next opening and opened from there, in the cache folder cache.go names)
// and building the quick switcher's matcher (switcher.go). Where the reader left each note
// is kept in the preferences (places.go). Their results reach the UI goroutine
// through Window.do, which NewWindow sets to fyne.Do (window.go) and hands to the finder
// (finder.go: the switcher and the search) and the reloader as their do hook; those five
// files are where app calls it. App's tests put a lock there instead, to get the real driver's single UI
// thread from Fyne's test driver.
//
// Package app is not the only caller of fyne.Do: widgets that do slow work of their own
// (backlinks, graph, tags, search, link previews) hand their results to the UI goroutine
// themselves, through widgets' uiDo hook, which is fyne.Do (widgets/do.go). App leaves that
// hook alone; only its tests replace it (widgets.SetUIDo in main_test.go).
package app

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	fyneapp "fyne.io/fyne/v2/app"

	"vaultview/assets"
)

// ID is the application id: where Fyne keeps preferences.
const ID = "app.vaultview.viewer"

// Run opens the window on the vault named in args (else the last vault, else the built-in
// sample) and returns the process exit code when the window closes.
//
//	vaultview [VAULT [NOTE]]
//
// NOTE is any wikilink target: a path, a name or alias, with an optional #Heading or
// #^block (see noteArg).
func Run(args []string) int {
	fl := flag.NewFlagSet("vaultview", flag.ContinueOnError)
	follow := fl.Bool("follow", false, "follow mode: show whichever note was saved last")
	poll := fl.Bool("poll", false, "look for changes by polling (for network drives)")
	verbose := fl.Bool("v", false, "log what Vaultview does to standard error")
	player := fl.String("player", "", "for this run, how timestamps play: `mpv` (one controlled player), youtube, youtube-nocookie, youtu.be or an address template")
	var media []string
	fl.Func("media", "for this run, a `folder` of local copies of videos (repeat for more)", func(s string) error {
		media = append(media, s)
		return nil
	})
	fl.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: vaultview [--follow] [--poll] [-v] [--player NAME] [--media DIR]... [VAULT [NOTE]]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	paceGC()
	args = fl.Args()
	log.SetOutput(io.Discard)
	if *verbose {
		log.SetOutput(os.Stderr)
		log.SetFlags(log.Ltime | log.Lmicroseconds)
	}
	if len(args) > 2 {
		fl.Usage()
		return 2
	}
	a := fyneapp.NewWithID(ID)
	w := NewWindow(a, a.OpenURL)
	w.reload.poll = *poll
	w.SetFollow(*follow)
	if *player != "" {
		if err := w.setPlayer(*player, false); err != nil {
			fmt.Fprintln(os.Stderr, "vaultview: --player:", err)
			return 2
		}
	}
	if len(media) > 0 {
		w.SetMediaFolders(media, false)
	}
	src, err := pickVault(args, a.Preferences().String(prefLastVault))
	if err != nil {
		fmt.Fprintln(os.Stderr, "vaultview:", err)
		return 2
	}
	note := ""
	if len(args) == 2 {
		note = args[1]
	}
	w.OpenVault(src, note)
	w.endOnSignal()
	w.ShowAndRun()
	return 0
}

// VaultSource is a vault to open: a folder on disk, or the built-in sample.
type VaultSource struct {
	// Dir is the absolute folder; empty for the sample vault.
	Dir string
	FS  fs.FS
}

// Name is how the vault is shown to the user.
func (s VaultSource) Name() string {
	if s.Dir == "" {
		return "Sample vault"
	}
	return filepath.Base(s.Dir)
}

// SampleSource is the built-in sample vault.
func SampleSource() VaultSource { return VaultSource{FS: assets.SampleVault()} }

// DirSource is a vault folder on disk.
func DirSource(dir string) (VaultSource, error) {
	if dir == "" {
		return VaultSource{}, fmt.Errorf("no vault folder given")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return VaultSource{}, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return VaultSource{}, err
	}
	if !info.IsDir() {
		return VaultSource{}, fmt.Errorf("%s is not a folder", abs)
	}
	return VaultSource{Dir: abs, FS: os.DirFS(abs)}, nil
}

// pickVault chooses the vault to open: the argument, else the last one (when it still
// exists), else the sample.
func pickVault(args []string, last string) (VaultSource, error) {
	if len(args) > 0 {
		return DirSource(args[0])
	}
	if last != "" {
		if s, err := DirSource(last); err == nil {
			return s, nil
		}
	}
	return SampleSource(), nil
}
