package widgets

import (
	"strings"
	"unicode/utf8"
)

// backlinksRun is a piece of text in one style: plain, or bold for the link itself.
type backlinksRun struct {
	text string
	bold bool
}

// backlinksMeasure gives the width of text in the plain or the bold style.
type backlinksMeasure func(text string, bold bool) float32

const backlinksEllipsis = "…"

// backlinksFit breaks runs into at most maxLines lines of the given width, at spaces where it
// can, and ends the last line with "…" when the text does not fit. Runs of one style that end
// up side by side on a line are joined, so a line has as few pieces as its styles need.
//
// It measures each word once, and only the words it places, so a long context costs no more
// than a short one.
func backlinksFit(runs []backlinksRun, width float32, maxLines int, measure backlinksMeasure) [][]backlinksRun {
	if maxLines < 1 || width <= 0 {
		return nil
	}
	var space [2]float32
	space[0], space[1] = measure(" ", false), measure(" ", true)
	b := backlinksLines{width: width, max: maxLines, measure: measure}
	for _, r := range runs {
		text := strings.ReplaceAll(r.text, "\n", " ")
		if b.full && strings.TrimSpace(text) != "" {
			b.cut = true
		}
		for text != "" && !b.full {
			word, spaces, rest := backlinksNextWord(text)
			text = rest
			if word == "" { // spaces only, at the start of a run
				if len(b.line) > 0 {
					b.add(backlinksRun{strings.Repeat(" ", spaces), r.bold}, float32(spaces)*space[backlinksBoldIndex(r.bold)])
				}
				continue
			}
			w := measure(word, r.bold)
			if b.x+w > width && len(b.line) > 0 && w <= width {
				b.newLine()
				if b.full {
					break
				}
			}
			for w > b.width-b.x && !b.full { // a word longer than a line: break it anywhere
				n := backlinksRunesThatFit(word, width-b.x, r.bold, measure)
				if n == 0 && len(b.line) == 0 {
					n = backlinksFirstRuneLen(word)
				}
				if n > 0 {
					b.add(backlinksRun{word[:n], r.bold}, measure(word[:n], r.bold))
					word = word[n:]
				}
				b.newLine()
				w = measure(word, r.bold)
			}
			if b.full {
				break
			}
			b.add(backlinksRun{word, r.bold}, w)
			if spaces > 0 {
				b.add(backlinksRun{strings.Repeat(" ", spaces), r.bold}, float32(spaces)*space[backlinksBoldIndex(r.bold)])
			}
		}
	}
	return b.finish()
}

// backlinksLines is the state of backlinksFit.
type backlinksLines struct {
	width   float32
	max     int
	measure backlinksMeasure
	lines   [][]backlinksRun
	line    []backlinksRun
	widths  []float32 // of the pieces of line
	x       float32
	full    bool // max lines are filled: nothing more fits
	cut     bool // text was left out
}

func (b *backlinksLines) add(r backlinksRun, w float32) {
	b.line = append(b.line, r)
	b.widths = append(b.widths, w)
	b.x += w
}

func (b *backlinksLines) newLine() {
	if len(b.lines)+1 >= b.max {
		b.full, b.cut = true, true // the text goes on, but the lines are used up
		return
	}
	b.lines = append(b.lines, b.line)
	b.line, b.widths, b.x = nil, nil, 0
}

// finish adds the last line, with an ellipsis when text was cut, and joins runs.
func (b *backlinksLines) finish() [][]backlinksRun {
	if b.cut {
		ell := b.measure(backlinksEllipsis, false)
		// Drop trailing spaces, then words, until the ellipsis fits after what is left; the
		// first word of the line is shortened instead.
		for len(b.line) > 0 {
			last := len(b.line) - 1
			piece := b.line[last]
			if strings.TrimSpace(piece.text) != "" && b.x+ell <= b.width {
				break
			}
			b.x -= b.widths[last]
			if last == 0 && strings.TrimSpace(piece.text) != "" {
				n := backlinksRunesThatFit(piece.text, b.width-b.x-ell, piece.bold, b.measure)
				if n > 0 {
					piece.text = piece.text[:n]
					b.line[0], b.widths[0] = piece, b.measure(piece.text, piece.bold)
					b.x += b.widths[0]
					break
				}
			}
			b.line, b.widths = b.line[:last], b.widths[:last]
		}
		bold := len(b.line) > 0 && b.line[len(b.line)-1].bold
		b.line = append(b.line, backlinksRun{backlinksEllipsis, bold})
	}
	if len(b.line) > 0 {
		b.lines = append(b.lines, b.line)
	}
	out := make([][]backlinksRun, 0, len(b.lines))
	for _, l := range b.lines {
		var joined []backlinksRun
		for _, r := range l {
			if n := len(joined); n > 0 && joined[n-1].bold == r.bold {
				joined[n-1].text += r.text
				continue
			}
			joined = append(joined, r)
		}
		if n := len(joined); n > 0 {
			joined[n-1].text = strings.TrimRight(joined[n-1].text, " ")
			if joined[n-1].text == "" {
				joined = joined[:n-1]
			}
		}
		out = append(out, joined)
	}
	return out
}

// backlinksNextWord splits text into its first word, the number of spaces after it, and the
// rest. A text that starts with spaces gives an empty word.
func backlinksNextWord(text string) (word string, spaces int, rest string) {
	i := strings.IndexByte(text, ' ')
	if i < 0 {
		return text, 0, ""
	}
	word = text[:i]
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	return word, j - i, text[j:]
}

// backlinksRunesThatFit is how many bytes of word (whole runes) fit in width.
func backlinksRunesThatFit(word string, width float32, bold bool, measure backlinksMeasure) int {
	ends := make([]int, 0, len(word)) // where each rune of word ends
	for i := range word {
		if i > 0 {
			ends = append(ends, i)
		}
	}
	ends = append(ends, len(word))
	lo, hi := 0, len(ends) // the number of runes that fit is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(word[:ends[mid-1]], bold) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return 0
	}
	return ends[lo-1]
}

func backlinksFirstRuneLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

func backlinksBoldIndex(bold bool) int {
	if bold {
		return 1
	}
	return 0
}

// backlinksContextLayout lays a backlink's context out in at most maxLines lines of the
// given width, the link's text (context[start:end]) in bold. When the whole sentence does
// not fit, the link is what must be seen: as few words as needed give way at the start of
// the sentence (shown as "…").
func backlinksContextLayout(context string, start, end int, width float32, maxLines int, measure backlinksMeasure) [][]backlinksRun {
	start = backlinksClampToRune(context, start)
	end = max(start, backlinksClampToRune(context, end))
	widths := map[backlinksRun]float32{} // each word is measured once, however often it is tried
	memo := func(s string, bold bool) float32 {
		k := backlinksRun{s, bold}
		w, ok := widths[k]
		if !ok {
			w = measure(s, bold)
			widths[k] = w
		}
		return w
	}
	try := func(cut int) ([][]backlinksRun, bool) {
		runs := backlinksContextRuns(context, start, end, cut)
		lines := backlinksFit(runs, width, maxLines, memo)
		return lines, backlinksShowsLink(lines, runs)
	}
	lines, ok := try(0)
	if ok {
		return lines
	}
	// Where the text before the link may start: after each of its spaces, or at the link.
	var cuts []int
	for i := 0; i < start; i++ {
		if context[i] == ' ' && i+1 < start && context[i+1] != ' ' {
			cuts = append(cuts, i+1)
		}
	}
	cuts = append(cuts, start)
	lo, hi := 0, len(cuts)-1 // find the first cut that shows the link; the last one always counts
	for lo < hi {
		mid := (lo + hi) / 2
		if _, ok := try(cuts[mid]); ok {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	lines, _ = try(cuts[lo])
	return lines
}

// backlinksShowsLink reports whether lines show all of the bold run of runs.
func backlinksShowsLink(lines [][]backlinksRun, runs []backlinksRun) bool {
	want := 0
	for _, r := range runs {
		if r.bold {
			want += backlinksVisibleBytes(r.text)
		}
	}
	got := 0
	for _, l := range lines {
		for _, r := range l {
			if r.bold {
				got += backlinksVisibleBytes(strings.TrimSuffix(r.text, backlinksEllipsis))
			}
		}
	}
	return got >= want
}

func backlinksVisibleBytes(s string) int {
	return len(s) - strings.Count(s, " ")
}

// backlinksContextRuns cuts a backlink's context into the text before the link, the link
// (bold) and the text after it. The text before the link starts at byte cut; when that
// leaves some out, "…" stands for it.
func backlinksContextRuns(context string, start, end, cut int) []backlinksRun {
	pre, link, post := context[cut:start], context[start:end], context[end:]
	if cut > 0 {
		pre = backlinksEllipsis + " " + pre
	}
	var runs []backlinksRun
	if pre != "" {
		runs = append(runs, backlinksRun{pre, false})
	}
	if link != "" {
		runs = append(runs, backlinksRun{link, true})
	}
	if post != "" {
		runs = append(runs, backlinksRun{post, false})
	}
	return runs
}

// backlinksClampToRune keeps i inside s and on the start of a rune.
func backlinksClampToRune(s string, i int) int {
	if i < 0 {
		return 0
	}
	if i > len(s) {
		return len(s)
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
