package vaultstats

import (
	"cmp"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"vaultview/vault"
)

// Stats are the figures of one vault, as defined in the package documentation. Shares are
// fractions (0.324 is 32.4 %); per-note figures are means over the notes.
type Stats struct {
	// Tokens are the word tokens; Distinct the different words; Once those that occur once.
	Tokens   int64
	Distinct int
	Once     int
	// Top10Share and Top1000Share are the share of tokens among the 10 and the 1,000 most
	// frequent words.
	Top10Share, Top1000Share float64

	Folders, Notes int
	// Bytes is the size of all notes together.
	Bytes int64
	// SizeMedian, SizeP99 and SizeMax are note sizes in bytes; SizeMean their mean.
	SizeMedian, SizeP99, SizeMax int64
	SizeMean                     float64

	// LinesPerNote is the mean number of lines of a note; MeanLineRunes the mean length of
	// a non-empty line in runes.
	LinesPerNote, MeanLineRunes float64

	// Wikilinks (embeds included), Markdown links and timestamps per note.
	WikilinksPerNote, MarkdownLinksPerNote, TimestampsPerNote float64

	// DeclinedShare and DeclinedBytesShare are the share of notes, and of the notes' bytes,
	// that the fast scanner declines.
	DeclinedShare, DeclinedBytesShare float64

	// Links is the number of links; ExactShare, NormalisedShare and UnresolvedShare split
	// them by how they resolve. UnresolvedNames is the number of distinct unresolved names.
	Links                                        int
	ExactShare, NormalisedShare, UnresolvedShare float64
	UnresolvedNames                              int

	// Timestamps is the number of timestamps, InvalidTimestamps those that are not a time.
	Timestamps, InvalidTimestamps int
}

// Reference holds the figures of a real public vault of our format (21,273 notes, 166 MB,
// written by nobody here), measured for issue #14. A generated vault is held to these.
var Reference = Stats{
	Tokens: 27_400_000, Distinct: 103_053, Once: 24_757,
	Top10Share: 0.324, Top1000Share: 0.778,
	Folders: 82, Notes: 21_273, Bytes: 166_000_000,
	SizeMedian: 6_600, SizeMean: 7_800, SizeP99: 22_000, SizeMax: 986_000,
	LinesPerNote: 54, MeanLineRunes: 213,
	WikilinksPerNote: 9.9, MarkdownLinksPerNote: 0.4, TimestampsPerNote: 34.9,
	DeclinedShare: 0.020, DeclinedBytesShare: 0.031,
	ExactShare: 0.67, NormalisedShare: 0.12, UnresolvedShare: 0.21, UnresolvedNames: 20_043,
	Timestamps: 740_924, InvalidTimestamps: 534,
}

// Measure computes the figures of the vault in fsys. It loads the vault with vault.Load for
// the links and timestamps, then reads every note again, on all cores, for words, lines,
// sizes and the fast scanner's verdict. Only a vault that cannot be read, or a note that
// can no longer be read, is an error.
func Measure(fsys fs.FS) (Stats, error) {
	var st Stats
	paths, err := measureLinks(fsys, &st)
	if err != nil {
		return Stats{}, err
	}
	if err := measureText(fsys, paths, &st); err != nil {
		return Stats{}, err
	}
	return st, nil
}

// measureLinks fills the figures that come from the index and returns the notes' paths;
// the index is garbage once it returns.
func measureLinks(fsys fs.FS, st *Stats) ([]string, error) {
	v, err := vault.Load(fsys)
	if err != nil {
		return nil, err
	}
	ix := v.Index()
	paths := ix.Paths()
	folders := map[string]bool{}
	var wikilinks, mdlinks, exact, normalised, unresolved int
	for _, p := range paths {
		n := ix.Note(p)
		if f := n.Folder(); f != "" {
			folders[f] = true
		}
		for _, l := range n.Links {
			if l.Kind == vault.MarkdownLink {
				mdlinks++
			} else {
				wikilinks++
			}
			switch _, rule := ix.ResolveRule(p, l.Target); rule {
			case vault.RuleSelf, vault.RulePath, vault.RuleExactName:
				exact++
			case vault.RuleAnyCase, vault.RuleNormalised:
				normalised++
			default:
				unresolved++
			}
		}
		st.Timestamps += len(n.Timestamps)
		for _, t := range n.Timestamps {
			if !t.Valid {
				st.InvalidTimestamps++
			}
		}
	}
	st.Notes, st.Folders = len(paths), len(folders)
	st.Links = wikilinks + mdlinks
	st.WikilinksPerNote = ratio(int64(wikilinks), int64(st.Notes))
	st.MarkdownLinksPerNote = ratio(int64(mdlinks), int64(st.Notes))
	st.TimestampsPerNote = ratio(int64(st.Timestamps), int64(st.Notes))
	st.ExactShare = ratio(int64(exact), int64(st.Links))
	st.NormalisedShare = ratio(int64(normalised), int64(st.Links))
	st.UnresolvedShare = ratio(int64(unresolved), int64(st.Links))
	st.UnresolvedNames = len(ix.Unresolved())
	return paths, nil
}

// textCount is what one worker counts over the notes it reads.
type textCount struct {
	words                      vocabulary
	lines, nonEmpty, lineRunes int64
	declined                   int
	declinedBytes              int64
}

// measureText reads every note for the figures of its text.
func measureText(fsys fs.FS, paths []string, st *Stats) error {
	sizes := make([]int64, len(paths))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(paths)))
	counts := make([]textCount, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	var errOnce sync.Once
	var firstErr error
	for w := range workers {
		c := &counts[w]
		c.words = newVocabulary()
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				src, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					errOnce.Do(func() { firstErr = fmt.Errorf("read %s: %w", paths[i], err) })
					next.Store(int64(len(paths)))
					return
				}
				sizes[i] = int64(len(src))
				c.words.addText(src)
				lines, nonEmpty, runes := countLines(src)
				c.lines += lines
				c.nonEmpty += nonEmpty
				c.lineRunes += runes
				if !vault.FastScans(src) {
					c.declined++
					c.declinedBytes += int64(len(src))
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}

	total := counts[0]
	for _, c := range counts[1:] {
		total.words.merge(&c.words)
		total.lines += c.lines
		total.nonEmpty += c.nonEmpty
		total.lineRunes += c.lineRunes
		total.declined += c.declined
		total.declinedBytes += c.declinedBytes
	}
	st.Tokens, st.Distinct, st.Once, st.Top10Share, st.Top1000Share = total.words.figures()
	st.LinesPerNote = ratio(total.lines, int64(len(paths)))
	st.MeanLineRunes = ratio(total.lineRunes, total.nonEmpty)

	slices.Sort(sizes)
	for _, s := range sizes {
		st.Bytes += s
	}
	st.SizeMean = ratio(st.Bytes, int64(len(sizes)))
	st.SizeMedian, st.SizeP99 = rank(sizes, 50), rank(sizes, 99)
	if len(sizes) > 0 {
		st.SizeMax = sizes[len(sizes)-1]
	}
	st.DeclinedShare = ratio(int64(total.declined), int64(len(paths)))
	st.DeclinedBytesShare = ratio(total.declinedBytes, st.Bytes)
	return nil
}

// rank is the nearest-rank p-th percentile of sorted: the smallest value that at least p %
// of the values do not exceed.
func rank(sorted []int64, p int) int64 {
	if len(sorted) == 0 {
		return 0
	}
	k := (len(sorted)*p + 99) / 100 // ceil(n·p/100)
	return sorted[max(k, 1)-1]
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// byCount orders counts from the most frequent down.
func byCount(a, b int64) int { return cmp.Compare(b, a) }
