// Package cli is Vaultview's command line without a window: `vaultview check` and
// `vaultview index --json`. It never imports Fyne, so it builds and tests without a display.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"vaultview/vault"
)

// Exit codes of the subcommands.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitError    = 2
)

// Version is the program's version, set at build time with -ldflags "-X vaultview/cli.Version=...".
var Version = "0.1.0-dev"

// Run runs a subcommand named by args[0]. handled is false when args name no subcommand, and
// the caller opens the window instead.
func Run(args []string, stdout, stderr io.Writer) (code int, handled bool) {
	if len(args) == 0 {
		return 0, false
	}
	// A one-shot command trades a little time for a lower peak: the garbage of parsing is
	// collected sooner (see BENCHMARKS.md).
	defer debug.SetGCPercent(debug.SetGCPercent(40))
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr), true
	case "index":
		return index(args[1:], stdout, stderr), true
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "vaultview", Version)
		return ExitOK, true
	case "help", "--help", "-h", "-help":
		fmt.Fprint(stdout, usage)
		return ExitOK, true
	}
	return 0, false
}

const usage = `Usage:
  vaultview [VAULT [NOTE]]        open the window on a vault (folder of Markdown notes)
  vaultview check [-limit N] [-media DIR]... VAULT
                                  report unresolved links, clashes and broken notes;
                                  exit 0 clean, 1 problems found, 2 unreadable vault
  vaultview index --json VAULT    print the whole index as one JSON document
  vaultview --version             print the version
`

func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	limit := fs.Int("limit", 20, "entries shown per section (0: all)")
	var media []string
	fs.Func("media", "a folder of local copies of videos (repeat for more): list the vault's videos with and without one", func(s string) error {
		media = append(media, s)
		return nil
	})
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			fmt.Fprint(stderr, usage)
		}
		return ExitError
	}
	v, root, err := load(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "vaultview check:", err)
		return ExitError
	}
	r := NewReport(v.Index())
	r.Math = mathProblems(v)
	r.Views = viewProblems(v)
	if len(media) > 0 {
		r.Media = mediaReport(v, media)
	}
	r.Write(stdout, root, *limit)
	if r.HasProblems() {
		return ExitProblems
	}
	return ExitOK
}

func index(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the index as JSON")
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 || !*asJSON {
		if err == nil {
			fmt.Fprint(stderr, usage)
		}
		return ExitError
	}
	v, _, err := load(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "vaultview index:", err)
		return ExitError
	}
	if err := WriteJSON(stdout, v.Index()); err != nil {
		fmt.Fprintln(stderr, "vaultview index:", err)
		return ExitError
	}
	return ExitOK
}

func load(dir string) (*vault.Vault, string, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, dir, err
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, root, err
	}
	if !info.IsDir() {
		return nil, root, fmt.Errorf("%s is not a folder", root)
	}
	// Neither command prints the sentence around a link, so the load skips it.
	v, err := vault.Load(os.DirFS(root), vault.WithoutLinkContexts())
	return v, root, err
}
