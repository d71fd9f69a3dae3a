package vault

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxMentions bounds UnlinkedMentions: a common word as a title would otherwise list half
// the vault.
const maxMentions = 500

// UnlinkedMentions finds notes whose text names the note at path (by its title, file name
// or one of its aliases) without linking to it: the places a link could be added. It reads
// every note, so call it off the UI goroutine and only when asked. Mentions inside links,
// code and frontmatter do not count; the note itself is skipped. At most 500 are returned,
// in path order, each as a Backlink with the sentence around the mention.
func (v *Vault) UnlinkedMentions(ix *Index, path string) []Backlink {
	target := ix.Note(path)
	if target == nil {
		return nil
	}
	var needles [][]byte
	seen := map[string]bool{}
	for _, name := range append([]string{target.Title, target.Name()}, target.Aliases...) {
		name = strings.TrimSpace(name)
		k := strings.ToLower(name)
		if utf8.RuneCountInString(name) < 3 || seen[k] {
			continue // a two-letter title would match everywhere
		}
		seen[k] = true
		needles = append(needles, []byte(k))
	}
	if len(needles) == 0 {
		return nil
	}
	var out []Backlink
	for _, p := range ix.Paths() {
		if p == path || len(out) >= maxMentions {
			continue
		}
		n := ix.Note(p)
		src, err := v.Source(p)
		if err != nil {
			continue
		}
		for _, m := range mentionsIn(src, n.BodyOffset, needles) {
			off := m.offset
			l := Link{Kind: Wikilink, Target: target.Name(), Offset: int32(off), Line: int32(lineAt(src, off)), Timestamp: -1}
			var cs, ce int
			l.Context, cs, ce = linkContext(src, off, n.BodyOffset)
			if ce == cs || ce < cs+m.length {
				// The mention is plain text: it keeps its length in the context.
				ce = min(len(l.Context), cs+m.length)
			}
			l.ContextStart, l.ContextEnd = int32(cs), int32(ce)
			b := Backlink{Source: n, Link: l}
			for i := len(n.Timestamps) - 1; i >= 0; i-- {
				if int(n.Timestamps[i].Offset) <= off {
					b.Timestamp = &n.Timestamps[i]
					break
				}
			}
			out = append(out, b)
			if len(out) >= maxMentions {
				break
			}
		}
	}
	return out
}

// mention is a place in a note's text that names a note.
type mention struct{ offset, length int }

// mentionsIn returns the places in src[body:] where one of the lower-case needles stands as
// whole words, outside `[[links]]`, `[text](links)`, code spans and fenced code.
func mentionsIn(src []byte, body int, needles [][]byte) []mention {
	lower := bytes.ToLower(src[body:])
	if len(lower) != len(src)-body {
		return nil // case folding changed the length (rare scripts): offsets would be wrong
	}
	var hits []mention
	var fences []int // offsets of fence lines, found on the first candidate
	fenced := func(at int) bool {
		if fences == nil {
			fences = fenceLines(lower)
		}
		return sort.SearchInts(fences, at)%2 == 1 // an odd number of fences above
	}
	for _, nd := range needles {
		for from := 0; ; {
			i := bytes.Index(lower[from:], nd)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(nd)
			if wordEdge(lower, at-1) && wordEdge(lower, at+len(nd)) && !insideMarkup(lower, at) && !fenced(at) {
				hits = append(hits, mention{body + at, len(nd)})
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].offset < hits[j].offset })
	// A title and an alias can match at one place: keep the first.
	out := hits[:0]
	for i, h := range hits {
		if i == 0 || h.offset != hits[i-1].offset {
			out = append(out, h)
		}
	}
	return out
}

// wordEdge reports whether position i of b is outside a word (or outside b).
func wordEdge(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return true
	}
	r, _ := utf8.DecodeRune(b[i:])
	if !utf8.RuneStart(b[i]) {
		r, _ = utf8.DecodeLastRune(b[:i+1])
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// insideMarkup reports whether position at sits in a link, a code span or an anchor, judged
// from its own line.
func insideMarkup(b []byte, at int) bool {
	ls := bytes.LastIndexByte(b[:at], '\n') + 1
	line := b[ls:at]
	if bytes.Count(line, []byte("[[")) > bytes.Count(line, []byte("]]")) {
		return true
	}
	if bytes.Count(line, []byte("`"))%2 == 1 {
		return true
	}
	if i := bytes.LastIndexByte(line, '['); i >= 0 && bytes.IndexByte(line[i:], ']') < 0 {
		return true // the text of a Markdown link
	}
	if bytes.LastIndex(line, []byte("](")) > bytes.LastIndexByte(line, ')') {
		return true // a link destination
	}
	if bytes.Contains(line, []byte("<a ")) && bytes.Count(line, []byte("<a ")) > bytes.Count(line, []byte("</a>")) {
		return true // a timestamp anchor's text
	}
	return false
}

// fenceLines returns the offsets of the lines that open or close fenced code.
func fenceLines(b []byte) []int {
	out := []int{}
	for off := 0; off < len(b); {
		l, _, _ := cutLine(b[off:])
		t := bytes.TrimLeft(l, " ")
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			out = append(out, off)
		}
		off += len(l) + 1
	}
	return out
}
