// Command genvault writes a deterministic synthetic vault for benchmarks and manual testing.
//
//	go run ./tools/genvault [-notes N] [-seed S] [-size-mb M] [-regular] [-force] DIR
//
// The vault is calibrated to a real one (internal/vaultgen/lexicon.go); -regular writes round
// 1's more regular vault instead, to reproduce figures measured on it.
//
//	go run ./tools/genvault --stats DIR
//
// -size-mb sets the approximate total size in MB (10^6 bytes): with -notes it sets the mean
// note size, without it the number of notes (at ~8 KB a note). DIR must be empty or missing
// unless -force is given.
//
// --stats (or -stats) writes nothing: it measures the vault in DIR, any vault, and prints
// its figures (package vaultstats) beside those of the real vault the generator is
// calibrated to.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"vaultview/internal/vaultgen"
	"vaultview/internal/vaultstats"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	o := vaultgen.DefaultOptions()
	flags := flag.NewFlagSet("genvault", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: genvault [-notes N] [-seed S] [-size-mb M] [-regular] [-force] [-case-clash=false] DIR")
		fmt.Fprintln(stderr, "       genvault --stats DIR")
		fmt.Fprintln(stderr, "       genvault --board SIDE FILE")
		flags.PrintDefaults()
	}
	flags.IntVar(&o.Notes, "notes", o.Notes, "number of notes")
	flags.Int64Var(&o.Seed, "seed", o.Seed, "seed; the same seed and options give the same bytes")
	sizeMB := flags.Float64("size-mb", 0, "approximate total size in MB (default: 8 KB per note)")
	force := flags.Bool("force", false, "write into a non-empty DIR")
	regular := flags.Bool("regular", false, "round 1's vault: template sentences of ~10,000 words, 40 channels (for comparing with old figures)")
	caseClash := flags.Bool("case-clash", true, "include two notes differing only by case (fails on case-insensitive file systems)")
	stats := flags.String("stats", "", "measure the vault in `DIR` and print its figures beside the real vault's; writes nothing")
	board := flags.Int("board", 0, "write a Canvas board of `SIDE`×SIDE cards to FILE instead of a vault")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *board > 0 {
		if flags.NArg() != 1 {
			flags.Usage()
			return 2
		}
		if err := os.WriteFile(flags.Arg(0), vaultgen.Board(*board), 0o644); err != nil {
			fmt.Fprintln(stderr, "genvault:", err)
			return 1
		}
		return 0
	}
	if *stats != "" {
		if flags.NArg() != 0 {
			flags.Usage()
			return 2
		}
		return printStats(*stats, stdout, stderr)
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	dir := flags.Arg(0)
	if *regular {
		r := vaultgen.RegularOptions()
		r.Notes, r.Seed = o.Notes, o.Seed
		o = r
	}
	if *sizeMB > 0 {
		notesSet := false
		flags.Visit(func(f *flag.Flag) { notesSet = notesSet || f.Name == "notes" })
		total := *sizeMB * 1e6
		if notesSet {
			o.MeanNoteBytes = int(total / float64(max(1, o.Notes)))
		} else {
			o.Notes = max(10, int(total/float64(o.MeanNoteBytes)))
		}
	}
	o.NoCaseClash = !*caseClash
	if !*force {
		entries, err := os.ReadDir(dir)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(stderr, "genvault:", err)
			return 1
		}
		if len(entries) > 0 {
			fmt.Fprintf(stderr, "genvault: %s is not empty (use -force to write into it)\n", dir)
			return 1
		}
	}
	start := time.Now()
	st, err := vaultgen.Write(dir, o)
	if err != nil {
		fmt.Fprintln(stderr, "genvault:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s in %s\n%s", dir, time.Since(start).Round(time.Millisecond), st)
	return 0
}

// printStats measures the vault in dir and prints its table beside vaultstats.Reference.
func printStats(dir string, stdout, stderr io.Writer) int {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s is not a folder", dir)
		}
		fmt.Fprintln(stderr, "genvault:", err)
		return 1
	}
	start := time.Now()
	st, err := vaultstats.Measure(os.DirFS(dir))
	if err != nil {
		fmt.Fprintln(stderr, "genvault:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: measured in %s\n\n%s", dir, time.Since(start).Round(time.Millisecond), st.Table(&vaultstats.Reference))
	return 0
}
