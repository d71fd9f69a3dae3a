package widgets

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"

	"vaultview/vault"
	md "vaultview/vault/markdown"
)

// Raw HTML in notes is never rendered as HTML (docs/FORMAT.md §5.2): a few tags mean
// something to a reader (<br> a line break, block tags a new line), the text between tags is
// kept, and the content of <script>, <style>, <iframe> and <object> is dropped whole.

// rawHTML is the source text of an inline HTML node.
func rawHTML(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// htmlTagName reads the element name of a tag such as `<br/>` or `</script >`, lower-cased;
// name is "" for comments, declarations and anything that is not a tag.
func htmlTagName(tag string) (name string, closing bool) {
	s := strings.TrimPrefix(tag, "<")
	if strings.HasPrefix(s, "/") {
		closing = true
		s = s[1:]
	}
	end := 0
	for end < len(s) {
		c := s[end]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || end > 0 && (c >= '0' && c <= '9' || c == '-') {
			end++
			continue
		}
		break
	}
	return strings.ToLower(s[:end]), closing
}

// htmlBlockTags end a line of text when they open or close.
var htmlBlockTags = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"pre": true, "section": true, "article": true, "details": true, "summary": true, "hr": true,
}

// htmlBlock renders an HTML block as the text it holds.
func (r *noteRenderer) htmlBlock(n *ast.HTMLBlock, f *noteFlow) {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(r.src))
	}
	r.htmlText(b.String(), n, inlineStyle{}, f)
}

// htmlText renders HTML source as text: tags dropped (timestamp anchors become chips),
// character references resolved, white space collapsed as a browser would.
func (r *noteRenderer) htmlText(s string, n ast.Node, st inlineStyle, f *noteFlow) {
	skip := ""
	lineStart := true
	newline := func() {
		if !lineStart && f.hasContent() {
			f.text("\n", st.text())
		}
		lineStart = true
	}
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			if skip == "" {
				t := html.UnescapeString(strings.Join(strings.Fields(s[i:i+j]), " "))
				if strings.TrimSpace(s[i:i+j]) != "" {
					if !lineStart && isHTMLSpace(s[i]) {
						t = " " + t
					}
					if isHTMLSpace(s[i+j-1]) {
						t += " "
					}
					f.text(t, st.text())
					lineStart = false
				}
			}
			i += j
			continue
		}
		if skip == "" {
			if m, size, ok := md.MatchTimestamp([]byte(s[i:])); ok {
				r.htmlTimestamp(m, n, st, f)
				lineStart = false
				i += size
				continue
			}
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			if skip == "" {
				f.text(html.UnescapeString(s[i:]), st.text())
			}
			break
		}
		tag := s[i : i+end+1]
		i += end + 1
		name, closing := htmlTagName(tag)
		switch {
		case name == "":
		case skip != "":
			if closing && name == skip {
				skip = ""
			}
		case suppressedHTML[name] && !closing && !strings.HasSuffix(tag, "/>"):
			skip = name
		case name == "br":
			f.text("\n", st.text())
			lineStart = true
		case htmlBlockTags[name]:
			newline()
		}
	}
}

// htmlTimestamp renders a timestamp anchor found inside an HTML block.
func (r *noteRenderer) htmlTimestamp(m md.TimestampMatch, n ast.Node, st inlineStyle, f *noteFlow) {
	if !m.Valid {
		f.text("["+m.Label+"]", st.text())
		return
	}
	addChip(f, vault.Clock(m.Seconds), r.chipURL(m.Seconds), st.sizeName(), r.act)
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
