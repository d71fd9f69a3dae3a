package vaultstats

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Table prints the figures as an aligned Markdown table, with a column for ref beside them
// when ref is not nil (usually &Reference).
func (s *Stats) Table(ref *Stats) string {
	rows := [][]string{{"statistic", "this vault"}}
	if ref != nil {
		rows[0] = append(rows[0], "reference (real vault)")
	}
	for _, r := range tableRows {
		row := []string{r.label, r.value(s)}
		if ref != nil {
			row = append(row, r.value(ref))
		}
		rows = append(rows, row)
	}
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		for i, cell := range cells {
			b.WriteString("| ")
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell)+1))
		}
		b.WriteString("|\n")
	}
	line(rows[0])
	rule := make([]string, len(width))
	for i, w := range width {
		rule[i] = strings.Repeat("-", w)
	}
	line(rule)
	for _, row := range rows[1:] {
		line(row)
	}
	return b.String()
}

// tableRows are the table's rows, in the order of issue #14.
var tableRows = []struct {
	label string
	value func(*Stats) string
}{
	{"word tokens / distinct words (once)", func(s *Stats) string {
		return count(s.Tokens) + " / " + count(int64(s.Distinct)) + " (" + count(int64(s.Once)) + " once)"
	}},
	{"tokens among the 10 / 1,000 most frequent words", func(s *Stats) string {
		return percent(s.Top10Share) + " / " + percent(s.Top1000Share)
	}},
	{"folders / notes", func(s *Stats) string {
		return count(int64(s.Folders)) + " / " + count(int64(s.Notes))
	}},
	{"note size median / mean / p99 / max", func(s *Stats) string {
		return size(float64(s.SizeMedian)) + " / " + size(s.SizeMean) + " / " + size(float64(s.SizeP99)) + " / " + size(float64(s.SizeMax))
	}},
	{"lines per note / mean non-empty line (chars)", func(s *Stats) string {
		return figure(s.LinesPerNote) + " / " + figure(s.MeanLineRunes)
	}},
	{"wikilinks / Markdown links / timestamps per note", func(s *Stats) string {
		return fmt.Sprintf("%.1f / %.1f / %.1f", s.WikilinksPerNote, s.MarkdownLinksPerNote, s.TimestampsPerNote)
	}},
	{"notes the fast scanner declines", func(s *Stats) string {
		return percent(s.DeclinedShare) + " (" + percent(s.DeclinedBytesShare) + " of bytes)"
	}},
	{"links exact / only after normalising / unresolved", func(s *Stats) string {
		return percent(s.ExactShare) + " / " + percent(s.NormalisedShare) + " / " + percent(s.UnresolvedShare) +
			" (" + count(int64(s.UnresolvedNames)) + " names)"
	}},
	{"invalid timestamps", func(s *Stats) string {
		return count(int64(s.InvalidTimestamps)) + " of " + count(int64(s.Timestamps))
	}},
	{"total bytes", func(s *Stats) string { return size(float64(s.Bytes)) }},
}

// count writes n with thousands separators, or in millions from 10 million up.
func count(n int64) string {
	if n >= 10_000_000 {
		return fmt.Sprintf("%.1f M", float64(n)/1e6)
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// percent writes a share with one decimal; a share too small to show is "< 0.1 %", not 0.
func percent(f float64) string {
	if f > 0 && f < 0.0005 {
		return "< 0.1 %"
	}
	return fmt.Sprintf("%.1f %%", 100*f)
}

// figure writes a mean with one decimal below 100, whole from 100 up.
func figure(f float64) string {
	if f >= 100 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.1f", f)
}

// size writes a byte count in B, KB or MB (powers of 1,000), to two or three significant
// figures.
func size(b float64) string {
	switch {
	case b < 1000:
		return fmt.Sprintf("%.0f B", b)
	case b < 1e6:
		return figure(b/1000) + " KB"
	}
	return figure(b/1e6) + " MB"
}
