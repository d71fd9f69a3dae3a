package vault

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"vaultview/vault/markdown"
)

// ParseNote reads one note. rel is its vault-relative path (used in problems). It never
// fails: a broken note is loaded as far as possible and its problems are listed on it.
func ParseNote(rel string, src []byte) *Note {
	return parseNote(rel, src, false, nil, nil, true)
}

// parseNote is ParseNote with a switch to force the goldmark path, for the differential tests.
// in and scratch (both may be nil) are a worker's string table and fact lists, reused from
// note to note so that parsing a vault allocates little besides what the index keeps.
// Without contexts, Link.Context and its bounds are left empty (see WithoutLinkContexts).
func parseNote(rel string, src []byte, forceGoldmark bool, in *interner, scratch *bodyFacts, contexts bool) *Note {
	n := &Note{Path: rel, Title: noteName(rel), Size: int64(len(src)), BodyLine: 1}
	src = n.sanitize(src)
	if src == nil {
		return n
	}

	var fm frontmatter
	yamlStart, yamlEnd, bodyStart, ok, unclosed := splitFrontmatter(src)
	if unclosed {
		n.Problems = append(n.Problems, Problem{rel, 1, "frontmatter starts with --- but never ends; read as text", FrontmatterProblem})
	}
	if ok {
		fm = parseFrontmatter(rel, src[yamlStart:yamlEnd], yamlStart, 2)
		n.BodyOffset = bodyStart
		n.BodyLine = 1 + bytes.Count(src[:bodyStart], []byte{'\n'})
		if fm.Title != "" {
			n.Title = fm.Title
		}
		n.VideoID, n.Aliases, n.Properties = fm.VideoID, fm.Aliases, fm.Properties
		n.Problems = append(n.Problems, fm.Problems...)
	}

	facts := scratch
	if facts == nil {
		facts = &bodyFacts{}
	}
	facts.reset()
	if forceGoldmark || !scanBody(src, bodyStart, facts, in) {
		facts.reset()
		goldmarkFacts(src, bodyStart, facts)
	}
	n.finish(src, fm, facts, contexts)
	return n
}

// interner shares the strings that repeat across notes (timestamp values: a few thousand
// distinct ones among hundreds of thousands), so a large vault does not hold each copy.
// A nil interner copies every string.
type interner struct {
	m   map[string]string
	hms []string // by seconds, for values written exactly HH:MM:SS
}

func newInterner() *interner { return &interner{m: map[string]string{}, hms: make([]string, 24*3600)} }

// hms reads exactly `HH:MM:SS` (digits only, under 24 hours).
func hms(b []byte) (int, bool) {
	d := func(c byte) int { return int(c) - '0' }
	for _, i := range [6]int{0, 1, 3, 4, 6, 7} {
		if b[i] < '0' || b[i] > '9' {
			return 0, false
		}
	}
	h, m, s := d(b[0])*10+d(b[1]), d(b[3])*10+d(b[4]), d(b[6])*10+d(b[7])
	if h >= 24 || m >= 60 || s >= 60 {
		return 0, false
	}
	return h*3600 + m*60 + s, true
}

func (in *interner) str(b []byte) string {
	if in == nil {
		return string(b)
	}
	if len(b) == 8 && b[2] == ':' && b[5] == ':' {
		// Nearly every timestamp is HH:MM:SS under a day: a table beats hashing.
		if sec, ok := hms(b); ok {
			if s := in.hms[sec]; s != "" {
				return s
			}
			s := string(b)
			in.hms[sec] = s
			return s
		}
	}
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	if len(in.m) > 1<<16 {
		clear(in.m) // a vault of unusual strings; keep the table small
	}
	s := string(b)
	in.m[s] = s
	return s
}

// sanitize makes src safe to parse: a binary file is not parsed at all (nil), invalid UTF-8
// and NUL bytes become U+FFFD. Each is reported with the line where it first occurs. A
// byte order mark, which Windows editors put first, is dropped (docs/FORMAT.md §1.1): left,
// it hid the frontmatter after it. Offsets in the note count from after it.
func (n *Note) sanitize(src []byte) []byte {
	src = bytes.TrimPrefix(src, utf8BOM)
	head := src[:min(len(src), 8000)]
	if bytes.IndexByte(head, 0) >= 0 && !utf8.Valid(head[:max(0, len(head)-4)]) {
		n.Problems = append(n.Problems, Problem{n.Path, 0, "binary file with a .md name; not shown", FileProblem})
		return nil
	}
	if !utf8.Valid(src) {
		bad := firstInvalidUTF8(src)
		n.Problems = append(n.Problems, Problem{n.Path, lineAt(src, bad), "not valid UTF-8; bad bytes shown as \uFFFD", TextProblem})
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		n.Problems = append(n.Problems, Problem{n.Path, lineAt(src, i), "NUL bytes in text; shown as \uFFFD", TextProblem})
		src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	}
	return src
}

// utf8BOM is U+FEFF encoded, as a file's first bytes.
var utf8BOM = []byte("\uFEFF")

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(src []byte, off int) int {
	return 1 + bytes.Count(src[:min(off, len(src))], []byte{'\n'})
}

// lineCounter turns increasing offsets into line numbers in one pass over the file.
type lineCounter struct {
	src       []byte
	off, line int
}

func (c *lineCounter) at(off int) int {
	if off < c.off {
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.src[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// finish turns raw facts into the note's links, timestamps, headings and tags.
func (n *Note) finish(src []byte, fm frontmatter, f *bodyFacts, contexts bool) {
	byOffset := func(a, b Link) int { return int(a.Offset - b.Offset) }
	slices.SortStableFunc(f.links, byOffset)
	slices.SortStableFunc(f.timestamps, func(a, b rawTimestamp) int { return int(a.Offset - b.Offset) })

	lc := lineCounter{src: src, line: 1}
	if len(f.timestamps) > 0 {
		n.Timestamps = make([]Timestamp, len(f.timestamps))
	}
	for i, rt := range f.timestamps {
		t := rt.Timestamp
		t.Line = int32(lc.at(int(t.Offset)))
		n.Timestamps[i] = t
		if !t.Valid {
			n.Problems = append(n.Problems, Problem{n.Path, int(t.Line), fmt.Sprintf("timestamp %q (%q) is not a time; shown as text", t.Value, rt.label), TimestampProblem})
		}
	}

	if len(f.links) > 0 {
		n.Links = slices.Clone(f.links)
	}
	if len(fm.Links) > 0 {
		n.Links = append(fm.Links, f.links...)
	}
	lc = lineCounter{src: src, line: 1}
	ts := 0
	for i := range n.Links {
		l := &n.Links[i]
		l.Line = int32(lc.at(int(l.Offset)))
		for ts < len(n.Timestamps) && n.Timestamps[ts].Offset <= l.Offset {
			ts++
		}
		l.Timestamp = int32(ts - 1)
		if !contexts {
			continue
		}
		var cs, ce int
		l.Context, cs, ce = linkContext(src, int(l.Offset), n.BodyOffset)
		l.ContextStart, l.ContextEnd = int32(cs), int32(ce)
	}

	lc = lineCounter{src: src, line: 1}
	seen := map[string]int{}
	if len(f.headings) > 0 {
		n.Headings = make([]Heading, 0, len(f.headings))
	}
	for _, h := range f.headings {
		var raw []byte
		for i, s := range h.segs {
			if i > 0 {
				raw = append(raw, ' ')
			}
			raw = append(raw, src[s.start:s.end]...)
		}
		text, _, _ := plainText(raw, -1)
		anchor := slug(text)
		if k := seen[anchor]; k > 0 {
			seen[anchor] = k + 1
			anchor += "-" + strconv.Itoa(k)
		} else {
			seen[anchor] = 1
		}
		n.Headings = append(n.Headings, Heading{Level: h.level, Text: text, Anchor: anchor, Line: lc.at(h.offset), Offset: h.offset})
	}

	tags := fm.Tags
	slices.SortStableFunc(f.tags, func(a, b rawTag) int { return a.offset - b.offset })
	for _, t := range f.tags {
		tags = append(tags, t.name)
	}
	n.Tags = dedupe(tags)
}

func dedupe(xs []string) []string {
	if len(xs) < 2 {
		return xs
	}
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// slug makes a heading anchor: lower-case letters and digits, words joined by `-`.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == ' ' || r == '-' || r == '_':
			dash = true
			continue
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
		default:
			continue
		}
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = utf8.AppendRune(b, r)
	}
	if len(b) == 0 {
		return "section"
	}
	return string(b)
}

// plainText turns a snippet of Markdown source into readable text: links become their text,
// timestamp anchors and other tags vanish, emphasis markers go. If at is the offset (within
// raw) of a link, the returned range is that link's text in the result; otherwise 0, 0.
func plainText(raw []byte, at int) (string, int, int) {
	return plainTextOf(raw, at, false)
}

// plainTextOf is plainText; with cells, raw is a table row, and its pipes (those without a
// backslash before them) part cells with cellSeparator instead of showing.
func plainTextOf(raw []byte, at int, cells bool) (string, int, int) {
	// The text is built in a pooled buffer, so each call allocates only the string it returns:
	// a vault's link contexts and headings are a few hundred thousand of them.
	bp := textBuffers.Get().(*[]byte)
	t := textBuilder{out: (*bp)[:0]}
	defer func() {
		if cap(t.out) <= 64<<10 {
			*bp = t.out
			textBuffers.Put(bp)
		}
	}()
	cs, ce := 0, 0
	for i := 0; i < len(raw); {
		mark := i == at
		if mark {
			t.flushSpace()
			cs = len(t.out)
		}
		c := raw[i]
		if !plainSpecial[c] {
			// A run of text takes in the single spaces between its words, which come out
			// unchanged: one space, then a character that is neither special nor punctuation
			// that would pull up to the word before (see emit). The marked offset ends a run,
			// and a marked run is one word, as the mark's end is where that word ends.
			j := i + 1
			for j < len(raw) {
				if !plainSpecial[raw[j]] {
					j++
				} else if !mark && raw[j] == ' ' && j+1 < len(raw) && j != at && j+1 != at && !plainSpecial[raw[j+1]] && !pullsUp[raw[j+1]] {
					j += 2
				} else {
					break
				}
			}
			t.emit(raw[i:j])
			i = j
			if mark {
				ce = len(t.out)
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			t.space = true
			i++
		case '<', '[', '!':
			i = t.markup(raw, i)
		case '%':
			if i+1 < len(raw) && raw[i+1] == '%' {
				if k := bytes.Index(raw[i+2:], []byte("%%")); k >= 0 {
					i += k + 4 // a comment: hidden
					continue
				}
			}
			t.emit(raw[i : i+1])
			i++
		case '*', '`':
			i++
		case '|':
			if cells {
				t.cell = true
			} else {
				t.emit(raw[i : i+1])
			}
			i++
		case '~', '=', '_':
			if i+1 < len(raw) && raw[i+1] == c {
				i += 2
				continue
			}
			t.emit(raw[i : i+1])
			i++
		case '\\':
			if i+1 < len(raw) && isASCIIPunct(raw[i+1]) {
				t.emit(raw[i+1 : i+2])
				i += 2
				continue
			}
			t.emit(raw[i : i+1])
			i++
		}
		if mark {
			ce = len(t.out)
		}
	}
	return string(t.out), cs, ce
}

// pullsUp marks the characters that emit writes without the space before them.
var pullsUp = func() (t [256]bool) {
	for _, c := range []byte(".,;:!?)") {
		t[c] = true
	}
	return t
}()

// textBuffers holds plainTextOf's working buffers.
var textBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// plainSpecial marks the bytes plainText must look at; everything else is copied in runs.
var plainSpecial = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r<[!%*`~=_\\|") {
		t[c] = true
	}
	return t
}()

// textBuilder collects plain text, folding runs of white space into one space, and the
// pipes between table cells (with any space around them) into one cellSeparator.
type textBuilder struct {
	out   []byte
	space bool
	cell  bool
}

func (t *textBuilder) flushSpace() {
	if len(t.out) > 0 {
		if t.cell {
			t.out = append(t.out, cellSeparator...)
		} else if t.space {
			t.out = append(t.out, ' ')
		}
	}
	t.space, t.cell = false, false
}

func (t *textBuilder) emit(s []byte) {
	if len(s) == 0 {
		return
	}
	if t.space && !t.cell && strings.IndexByte(".,;:!?)", s[0]) >= 0 {
		// A removed anchor often sat just before the sentence's full stop: "followed ."
		t.space = false
	}
	t.flushSpace()
	t.out = append(t.out, s...)
}

// markup handles `<`, `[` and `!` at raw[i] and returns where to continue.
func (t *textBuilder) markup(raw []byte, i int) int {
	c := raw[i]
	if _, n, ok := markdown.MatchTimestamp(raw[i:]); ok {
		return i + n
	}
	w, n, ok := markdown.MatchWikilink(raw[i:])
	if !ok {
		w, n, ok = markdown.MatchWrappedWikilink(raw[i:])
	}
	if ok {
		show := w.Alias
		if show == "" {
			show = w.Target
			if w.Fragment != "" {
				if show != "" {
					show += " › "
				}
				show += w.Fragment
			}
		}
		t.emit([]byte(show))
		return i + n
	}
	if c == '<' {
		if n, name, res := matchTag(raw[i:]); res == tagMatch {
			if strings.EqualFold(name, "br") {
				t.space = true
			}
			return i + n
		}
	}
	if c == '[' || (c == '!' && i+1 < len(raw) && raw[i+1] == '[') {
		// A Markdown link: keep its text, drop the destination.
		j := i + 1
		if c == '!' {
			j++
		}
		if k := bytes.IndexByte(raw[j:], ']'); k >= 0 && j+k+1 < len(raw) && raw[j+k+1] == '(' {
			if _, n, res := parseDestination(raw[j+k+1:]); res == tagMatch {
				inner, _, _ := plainText(raw[j:j+k], -1)
				t.emit([]byte(inner))
				return j + k + 1 + n
			}
		}
	}
	t.emit(raw[i : i+1])
	return i + 1
}
