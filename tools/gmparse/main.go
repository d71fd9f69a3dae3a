// Command gmparse is the whole-process baseline that `vaultview check` is measured against
// (issue #14): it walks a folder, reads every .md file and parses it with goldmark and
// extension.GFM alone on all cores, sharing the work the way BenchmarkLoad_VsGoldmark's
// baseline does, then prints how many notes it parsed. It does nothing with the trees, so
// it is the least a goldmark-based checker would have to do.
//
//	go build -o /tmp/gmparse ./tools/gmparse
//	/usr/bin/time -f "%e s %M KB" /tmp/gmparse DIR
package main

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gmparse DIR")
		os.Exit(2)
	}
	n, err := parseAll(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gmparse:", err)
		os.Exit(2)
	}
	fmt.Println(n, "notes parsed")
}

// parseAll lists the notes first (as vault.Load walks the folder before it reads), then
// reads and parses them on all cores, each worker taking the next unclaimed file.
func parseAll(dir string) (int, error) {
	// Walked as vault.Load walks it, through os.DirFS, so a folder given as a symbolic link
	// is read too.
	fsys := os.DirFS(dir)
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, runtime.GOMAXPROCS(0))
	for w := range errs {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				src, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					errs[w] = err
					return
				}
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(paths), nil
}
