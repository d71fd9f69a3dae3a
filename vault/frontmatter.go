package vault

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"vaultview/vault/markdown"
)

// maxFrontmatter bounds the YAML Vaultview will parse; real frontmatter is a few hundred
// bytes, and a huge block is more likely a missing closing line than metadata.
const maxFrontmatter = 256 << 10

// frontmatter is what the YAML header of a note says.
type frontmatter struct {
	Title      string
	VideoID    string
	videoLine  int
	Tags       []string
	Aliases    []string
	Properties []Property
	// Links are wikilinks written in values (`related: "[[other]]"`).
	Links    []Link
	Problems []Problem
}

// videoIDPattern is what a YouTube video id looks like; anything else is never put in a URL.
var videoIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)

// ValidVideoID reports whether id is a YouTube video id (11 of A-Z a-z 0-9 _ -).
func ValidVideoID(id string) bool { return videoIDPattern.MatchString(id) }

// splitFrontmatter finds a YAML header: a first line `---`, then lines up to a line `---` or
// `...`. It returns the YAML bytes (start offset yamlStart) and where the body begins; ok is
// false when there is no header, and unclosed is true when the header never ends (then the
// whole file is body).
func splitFrontmatter(src []byte) (yamlStart, yamlEnd, bodyStart int, ok, unclosed bool) {
	first, rest, found := cutLine(src)
	if !found || strings.TrimRight(string(first), " \t\r") != "---" {
		return 0, 0, 0, false, false
	}
	off := len(src) - len(rest)
	yamlStart = off
	for len(rest) > 0 {
		line, next, _ := cutLine(rest)
		t := strings.TrimRight(string(line), " \t\r")
		if t == "---" || t == "..." {
			return yamlStart, off, off + (len(rest) - len(next)), true, false
		}
		off += len(rest) - len(next)
		rest = next
	}
	return 0, 0, 0, false, true
}

// cutLine splits off the first line (without its '\n'); found is false when src is empty.
func cutLine(src []byte) (line, rest []byte, found bool) {
	if len(src) == 0 {
		return nil, nil, false
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		return src[:i], src[i+1:], true
	}
	return src, nil, true
}

// yamlLinePattern finds the line number in yaml.v3's error messages.
var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): `)

// parseFrontmatter reads the YAML header of the note at rel. firstLine is the 1-based line of
// the first YAML line in the file, offset its byte offset. Invalid YAML never hides the note:
// the problem is reported and the simple `key: value` lines are read anyway.
func parseFrontmatter(rel string, src []byte, offset, firstLine int) frontmatter {
	var fm frontmatter
	if len(src) > maxFrontmatter {
		fm.Problems = append(fm.Problems, Problem{rel, firstLine, fmt.Sprintf("frontmatter is %d KB; only the first %d KB are read", len(src)>>10, maxFrontmatter>>10), FrontmatterProblem})
		src = src[:maxFrontmatter]
	}
	fm.Links = frontmatterLinks(src, offset, firstLine)

	if fm.readSimple(src, firstLine) {
		fm.finish(rel)
		return fm
	}
	full := parseFrontmatterYAML(rel, src, firstLine)
	full.Links = fm.Links
	full.Problems = append(fm.Problems, full.Problems...)
	return full
}

// parseFrontmatterYAML reads the header with the YAML parser.
func parseFrontmatterYAML(rel string, src []byte, firstLine int) frontmatter {
	var fm frontmatter
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	if err != nil {
		line := firstLine
		msg := err.Error()
		if m := yamlLinePattern.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = firstLine + n - 1
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		fm.Problems = append(fm.Problems, Problem{rel, line, "invalid frontmatter: " + msg, FrontmatterProblem})
		fm.readLoose(src, firstLine)
	} else if len(doc.Content) > 0 {
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			fm.Problems = append(fm.Problems, Problem{rel, firstLine, "frontmatter is not a list of keys and values", FrontmatterProblem})
		} else {
			for i := 0; i+1 < len(root.Content); i += 2 {
				k, v := root.Content[i], root.Content[i+1]
				fm.set(k.Value, yamlValues(v), firstLine+k.Line-1)
			}
		}
	}
	fm.finish(rel)
	return fm
}

// readSimple reads frontmatter made only of `key: plain value` lines, the way generated
// notes write it (`title: ...`, `videoId: ...`), without the YAML parser, which costs more
// than the rest of indexing such a note. It reads exactly what YAML would and declines
// (false, nothing recorded) anything else: lists, quotes with escapes, comments after
// values, duplicate keys, control characters. TestFrontmatter_SimpleMatchesYAML holds it
// to that.
// maxSimpleKey is the longest key readSimple takes; YAML allows at most 1,024 characters
// for a key written without `?`, and the YAML parser reports longer ones.
const maxSimpleKey = 1000

func (fm *frontmatter) readSimple(src []byte, firstLine int) bool {
	type pair struct {
		key, value string
		null       bool
		line       int
	}
	for i, r := range string(src) {
		if !yamlPrintable(r) || r == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			return false // a lone CR is a line break to YAML
		}
		if r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return false // next line, line and paragraph separators: YAML may break lines there (FuzzFrontmatter)
		}
	}
	var pairs [8]pair
	n := 0
	line := firstLine
	for rest := src; len(rest) > 0; line++ {
		var l []byte
		l, rest, _ = cutLine(rest)
		l = bytes.TrimRight(l, " \r")
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		k := 0
		for k < len(l) && (isASCIILetter(l[k]) || isDigit(l[k]) || l[k] == '_' || (k > 0 && l[k] == '-')) {
			k++
		}
		if k == 0 || k >= len(l) || l[k] != ':' || (k+1 < len(l) && l[k+1] != ' ') || n == len(pairs) {
			return false
		}
		if k > maxSimpleKey {
			return false // YAML refuses an implicit key over 1,024 characters: let it say so
		}
		v := bytes.TrimLeft(l[k+1:], " ")
		p := pair{key: string(l[:k]), line: line}
		switch {
		case len(v) == 0:
			p.null = true
		case v[0] == '"' || v[0] == '\'':
			q := v[0]
			if len(v) < 2 || v[len(v)-1] != q || bytes.IndexByte(v[1:len(v)-1], q) >= 0 || bytes.IndexByte(v, '\\') >= 0 {
				return false
			}
			p.value = string(v[1 : len(v)-1])
		default:
			if bytes.IndexByte([]byte("-?:,[]{}#&*!|>%@`."), v[0]) >= 0 ||
				bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || v[len(v)-1] == ':' {
				return false
			}
			switch string(v) {
			case "~", "null", "Null", "NULL":
				p.null = true
			default:
				p.value = string(v)
			}
		}
		for _, q := range pairs[:n] {
			if q.key == p.key {
				return false // YAML refuses duplicate keys; let it say so
			}
		}
		pairs[n] = p
		n++
	}
	for _, p := range pairs[:n] {
		var vals []string
		if !p.null {
			vals = []string{p.value}
		}
		fm.set(p.key, vals, p.line)
	}
	return true
}

// yamlPrintable is the character set YAML accepts in a document (tabs left out: they
// change meaning with position).
func yamlPrintable(r rune) bool {
	switch {
	case r == '\n' || r == '\r':
		return true
	case r == utf8.RuneError || r == 0xFEFF:
		return false
	case r >= 0x20 && r <= 0x7E, r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// yamlValues flattens a YAML value into display strings: a scalar is one, a sequence its
// items. Aliases are shown by name and never expanded, so an alias bomb costs nothing.
func yamlValues(n *yaml.Node) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []string{n.Value}
	case yaml.AliasNode:
		return []string{"*" + n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, strings.Join(yamlValues(c), ", "))
		}
		return out
	case yaml.MappingNode:
		var parts []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, n.Content[i].Value+": "+strings.Join(yamlValues(n.Content[i+1]), ", "))
		}
		return []string{"{" + strings.Join(parts, ", ") + "}"}
	}
	return nil
}

// readLoose reads `key: value` lines and `- item` lines under them, for frontmatter that is
// not valid YAML (often `tags: [[a]], [[b]]`, which YAML reads as broken flow lists).
func (fm *frontmatter) readLoose(src []byte, firstLine int) {
	var key string
	var vals []string
	keyLine := 0
	flush := func() {
		if key != "" {
			fm.set(key, vals, keyLine)
		}
		key, vals = "", nil
	}
	line := firstLine
	for rest := src; len(rest) > 0; line++ {
		var l []byte
		l, rest, _ = cutLine(rest)
		s := strings.TrimRight(string(l), " \t\r")
		switch {
		case s == "" || strings.HasPrefix(strings.TrimSpace(s), "#"):
		case s[0] != ' ' && s[0] != '\t' && s[0] != '-' && strings.Contains(s, ":"):
			flush()
			k, v, _ := strings.Cut(s, ":")
			key, keyLine = strings.TrimSpace(k), line
			if v = strings.TrimSpace(v); v != "" {
				vals = []string{unquote(v)}
			}
		case strings.HasPrefix(strings.TrimSpace(s), "- ") && key != "":
			vals = append(vals, unquote(strings.TrimSpace(strings.TrimSpace(s)[2:])))
		}
	}
	flush()
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// set records one key. Keys are matched case-insensitively because vaults spell them
// `videoId`, `videoID` and `videoid`.
func (fm *frontmatter) set(key string, vals []string, line int) {
	switch strings.ToLower(key) {
	case "title":
		fm.Title = strings.TrimSpace(strings.Join(vals, ", "))
	case "videoid", "video_id", "video-id":
		fm.VideoID = strings.TrimSpace(strings.Join(vals, ""))
		fm.videoLine = line
	case "tags", "tag":
		fm.Tags = append(fm.Tags, splitList(vals, true)...)
	case "aliases", "alias":
		fm.Aliases = append(fm.Aliases, splitList(vals, false)...)
	default:
		fm.Properties = append(fm.Properties, Property{Key: key, Value: strings.Join(vals, ", "), Line: line})
	}
}

// splitList turns `a, b` strings and lists into items; tags also split on spaces and lose a
// leading `#`, and a wikilink value `[[x]]` becomes its target x.
func splitList(vals []string, tags bool) []string {
	var out []string
	for _, v := range vals {
		var parts []string
		if tags {
			parts = strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
		} else {
			parts = strings.Split(v, ",")
			if len(vals) > 1 {
				parts = []string{v}
			}
		}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if tags {
				p = strings.TrimPrefix(p, "#")
			}
			p = strings.TrimSuffix(strings.TrimPrefix(p, "[["), "]]")
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// finish validates what was read. A videoId given as a YouTube address (pasted from the
// browser) is read for the id in it.
func (fm *frontmatter) finish(rel string) {
	if fm.VideoID != "" && !ValidVideoID(fm.VideoID) {
		if id := YouTubeID(strings.TrimSpace(fm.VideoID)); id != "" {
			fm.VideoID = id
			return
		}
		fm.Problems = append(fm.Problems, Problem{rel, fm.videoLine, fmt.Sprintf("videoId %q is not a YouTube video id; its timestamps open nothing", fm.VideoID), FrontmatterProblem})
		fm.VideoID = ""
	}
}

// frontmatterLinks finds `[[...]]` in the raw header lines, so `related: "[[other]]"` counts
// as a link from this note.
func frontmatterLinks(src []byte, offset, firstLine int) []Link {
	var links []Link
	line := firstLine
	for pos := 0; pos < len(src); line++ {
		end := bytes.IndexByte(src[pos:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += pos
		}
		for i := pos; i+1 < end; i++ {
			if src[i] == '[' && src[i+1] == '[' {
				if w, n, ok := markdown.MatchWikilink(src[i:end]); ok {
					links = append(links, Link{Kind: Wikilink, Target: w.Target, Fragment: w.Fragment, Alias: w.Alias, Line: int32(line), Offset: int32(offset + i)})
					i += n - 1
				}
			}
		}
		pos = end + 1
	}
	return links
}
