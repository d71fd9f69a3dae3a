package vault

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	"vaultview/vault/markdown"
)

// The small CommonMark recognisers the scanner needs, written to give the same answers as
// goldmark's own parsers (raw HTML, autolinks, link destinations).

// tagResult is how far a matcher of one line got.
type tagResult = markdown.HTMLTagResult

const (
	tagNoMatch = markdown.HTMLTagNoMatch
	tagMatch   = markdown.HTMLTagMatch
	// tagNeedsMore means the construct may continue on the next line: goldmark would look
	// there, so the scanner gives up rather than guess.
	tagNeedsMore = markdown.HTMLTagNeedsMore
)

// matchTag is markdown.MatchHTMLTag.
func matchTag(b []byte) (n int, name string, res tagResult) { return markdown.MatchHTMLTag(b) }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// htmlBlockTag reports whether a tag name starts an HTML block even in the middle of a
// paragraph's lines (CommonMark block kinds 1 and 6).
func htmlBlockTag(name string) bool {
	_, ok := blockTags[strings.ToLower(name)]
	return ok
}

var blockTags = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, t := range strings.Fields(`script pre style textarea address article aside base basefont
		blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset
		figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe
		legend li link main menu menuitem nav noframes ol optgroup option p param search section
		summary table tbody td tfoot th thead title tr track ul`) {
		m[t] = struct{}{}
	}
	return m
}()

// parseDestination parses `(destination "title")` at the start of b, on one line.
func parseDestination(b []byte) (dest []byte, n int, res tagResult) {
	i := 1
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i >= len(b) {
		return nil, 0, tagNeedsMore
	}
	if b[i] == ')' {
		return nil, i + 1, tagMatch
	}
	if b[i] == '<' {
		j := i + 1
		for j < len(b) && b[j] != '>' && b[j] != '<' {
			if b[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(b) || b[j] != '>' {
			return nil, 0, tagNoMatch
		}
		dest = b[i+1 : j]
		i = j + 1
	} else {
		j, depth := i, 0
		for j < len(b) {
			c := b[j]
			if c == '\\' && j+1 < len(b) && isASCIIPunct(b[j+1]) {
				j += 2
				continue
			}
			if c <= ' ' {
				break
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			j++
		}
		if j >= len(b) {
			return nil, 0, tagNeedsMore
		}
		if depth != 0 {
			return nil, 0, tagNoMatch
		}
		dest = b[i:j]
		i = j
	}
	sp := i
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i >= len(b) {
		return nil, 0, tagNeedsMore
	}
	if b[i] == ')' {
		return dest, i + 1, tagMatch
	}
	if i == sp {
		return nil, 0, tagNoMatch
	}
	var closer byte
	switch b[i] {
	case '"', '\'':
		closer = b[i]
	case '(':
		return nil, 0, tagNeedsMore // goldmark's rules for (titles) are subtle; let it decide
	default:
		return nil, 0, tagNoMatch
	}
	j := i + 1
	for j < len(b) && b[j] != closer {
		if b[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(b) {
		return nil, 0, tagNeedsMore
	}
	j++
	for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	if j >= len(b) {
		return nil, 0, tagNeedsMore
	}
	if b[j] != ')' {
		return nil, 0, tagNoMatch
	}
	return dest, j + 1, tagMatch
}

// markdownLink turns a Markdown link destination into a vault link, or reports false for an
// external or empty one. Destinations are percent-decoded: `other%20note.md` is `other note`.
func markdownLink(dest []byte) (Link, bool) {
	d := string(dest)
	if d == "" || hasScheme(d) || strings.HasPrefix(d, "//") {
		return Link{}, false
	}
	target, frag, hasFrag := strings.Cut(d, "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	target = strings.TrimSpace(target)
	if target == "" && !hasFrag {
		return Link{}, false
	}
	return Link{Kind: MarkdownLink, Target: target, Fragment: strings.TrimSpace(frag)}, true
}

// hasScheme reports whether a destination starts with a URL scheme such as `https:` or
// `file:`; those point outside the vault.
func hasScheme(d string) bool {
	for i := 0; i < len(d); i++ {
		c := d[i]
		switch {
		case isASCIILetter(c):
		case i > 0 && (isDigit(c) || c == '+' || c == '.' || c == '-'):
		case i > 1 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

func lastRune(b []byte) rune {
	if len(b) == 0 {
		return '\n'
	}
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// TableDelimiterRow reports whether line, without the quote markers before it, is the
// delimiter row under a GFM table's header, such as `| --- | :-: |`: what makes the lines
// around it a table.
func TableDelimiterRow(line []byte) bool {
	return tableColumns(bytes.TrimSpace(line)) > 0
}
