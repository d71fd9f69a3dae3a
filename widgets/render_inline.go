package widgets

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"vaultview/vault"
	md "vaultview/vault/markdown"
)

// The inlines of a note: styles, links of every kind, timestamps and footnote marks,
// written into a noteFlow.

// inlineStyle is the style inline content inherits from what encloses it.
type inlineStyle struct {
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	color fyne.ThemeColorName
	mark  bool // ==highlight==
}

// text is the RichTextStyle of plain text in this style.
func (s inlineStyle) text() widget.RichTextStyle {
	st := widget.RichTextStyle{Inline: true, SizeName: s.size, ColorName: s.color, TextStyle: s.style}
	if st.SizeName == "" {
		st.SizeName = theme.SizeNameText
	}
	if st.ColorName == "" {
		st.ColorName = theme.ColorNameForeground
	}
	return st
}

// write appends text in this style.
func (s inlineStyle) write(text string, f *noteFlow) {
	if s.mark {
		highlight(text, s.text(), f)
		return
	}
	f.text(text, s.text())
}

// sizeName is the size of text in this style.
func (s inlineStyle) sizeName() fyne.ThemeSizeName {
	if s.size == "" {
		return theme.SizeNameText
	}
	return s.size
}

// suppressedHTML are the elements whose content is never shown (docs/FORMAT.md §5.2).
var suppressedHTML = map[string]bool{"script": true, "style": true, "iframe": true, "object": true, "noscript": true, "template": true, "embed": false}

// inlines renders the inline children of parent into f.
func (r *noteRenderer) inlines(parent ast.Node, st inlineStyle, f *noteFlow) {
	skip := "" // the element whose content is being skipped (<script> ... </script>)
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		if skip != "" {
			if h, ok := c.(*ast.RawHTML); ok {
				if name, closing := htmlTagName(rawHTML(h, r.src)); closing && name == skip {
					skip = ""
				}
			}
			continue
		}
		switch n := c.(type) {
		case *ast.Text:
			var s string
			s, c = r.textRun(n)
			st.write(s, f)
		case *ast.String:
			st.write(string(n.Value), f)
		case *ast.CodeSpan:
			code := widget.RichTextStyleCodeInline
			code.SizeName = st.sizeName()
			f.text(codeSpanText(n, r.src), code)
		case *md.MathInline:
			r.inlineMath(n.TeX, st, f)
		case *ast.Emphasis:
			inner := st
			if n.Level >= 2 {
				inner.style.Bold = true
			} else {
				inner.style.Italic = true
			}
			r.inlines(n, inner, f)
		case *extast.Strikethrough:
			inner := st
			inner.style.Strikethrough = true
			r.inlines(n, inner, f)
		case *md.Highlight:
			inner := st
			inner.mark = true
			r.inlines(n, inner, f)
		case *md.Comment:
			f.squeeze = true
		case *md.Tag:
			tag := st
			tag.color = theme.ColorNamePrimary
			f.text("#"+n.Name, tag.text())
		case *md.Timestamp:
			r.timestamp(n, st, f)
		case *md.Wikilink:
			r.wikilink(n, st, f)
		case *ast.Link:
			r.markdownLink(n, st, f)
		case *ast.AutoLink:
			r.autoLink(n, st, f)
		case *ast.Image:
			r.image(n, st, f)
		case *ast.RawHTML:
			raw := rawHTML(n, r.src)
			name, closing := htmlTagName(raw)
			switch {
			case name == "br":
				f.text("\n", st.text())
			case !closing && suppressedHTML[name] && !strings.HasSuffix(raw, "/>"):
				skip = name
				f.squeeze = true
			}
		case *extast.TaskCheckBox:
			// Drawn as the item's marker by listItem.
		case *extast.FootnoteLink:
			r.footnoteLink(n.Index, st, f)
		case *extast.FootnoteBacklink:
			r.footnoteBacklink(n.Index, st, f)
		default:
			if n.HasChildren() {
				r.inlines(n, st, f)
			}
		}
	}
}

// textRun reads the text of n and of the text nodes right after it: goldmark splits text at
// every character another parser might start at, even inside `&#33;`. It returns the text
// and the last node read.
func (r *noteRenderer) textRun(n *ast.Text) (string, ast.Node) {
	var b strings.Builder
	last := n
	for {
		b.Write(last.Value(r.src))
		next, ok := last.NextSibling().(*ast.Text)
		if !ok || last.SoftLineBreak() || last.HardLineBreak() || next.IsRaw() != n.IsRaw() || next.Segment.Start != last.Segment.Stop {
			break
		}
		last = next
	}
	s := b.String()
	if !n.IsRaw() {
		s = unescape(s)
	}
	if last.NextSibling() == nil {
		s = stripBlockID(s)
	}
	switch {
	case last.HardLineBreak():
		s += "\n"
	case last.SoftLineBreak():
		s += " "
	}
	return s, last
}

// unescape resolves backslash escapes and character references in Markdown text, as
// goldmark's HTML renderer does.
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	return html.UnescapeString(string(util.UnescapePunctuations([]byte(s))))
}

// stripBlockID drops a trailing Obsidian block id (` ^abc-123`): it names the block for
// `[[note#^abc-123]]` links and is not shown.
func stripBlockID(s string) string {
	t := strings.TrimRight(s, " \t")
	i := strings.LastIndexByte(t, '^')
	if i < 0 || i == len(t)-1 || (i > 0 && t[i-1] != ' ' && t[i-1] != '\t') {
		return s
	}
	for _, c := range t[i+1:] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return s
		}
	}
	return strings.TrimRight(t[:i], " \t")
}

// codeSpanText is the text of a code span: its raw children, line ends as spaces.
func codeSpanText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Value(src)
			if len(v) > 0 && v[len(v)-1] == '\n' {
				b.Write(v[:len(v)-1])
				b.WriteByte(' ')
			} else {
				b.Write(v)
			}
		case *ast.String:
			b.Write(t.Value)
		}
	}
	return b.String()
}

// plainText is the text inside n, for link labels and alt texts.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(string(t.Value(src))))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			b.WriteString(codeSpanText(t, src))
			return ast.WalkSkipChildren, nil
		case *md.Wikilink:
			b.WriteString(wikilinkLabel(t))
		case *md.Timestamp:
			b.WriteString(t.Label)
		case *md.Tag:
			b.WriteString("#" + t.Name)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// wikilinkLabel is what a wikilink shows: its alias, else its target and heading.
func wikilinkLabel(w *md.Wikilink) string {
	if w.Alias != "" {
		return w.Alias
	}
	target := strings.TrimSuffix(w.Target, ".md")
	switch {
	case w.Fragment == "":
		return target
	case target == "":
		return strings.TrimPrefix(w.Fragment, "^")
	default:
		return target + " › " + strings.TrimPrefix(w.Fragment, "^")
	}
}

// resolve finds a link target from this note.
func (r *noteRenderer) resolve(target string) string {
	if r.in.Resolve == nil {
		return ""
	}
	return r.in.Resolve(r.note.Path, target)
}

func (r *noteRenderer) wikilink(w *md.Wikilink, st inlineStyle, f *noteFlow) {
	target := r.resolve(w.Target)
	if w.Embed {
		r.embed(w, target, st, f)
		return
	}
	label := wikilinkLabel(w)
	if target == "" {
		unresolvedLink(label, unresolvedName(w.Target), st, r.act, f)
		return
	}
	r.noteLinkWords(label, target, w.Fragment, st, f)
}

// unresolvedName is the name an unresolved link points at, as its backlinks know it.
func unresolvedName(target string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(target), ".md"))
}

// noteLink is a link to a file of the vault as a plain Fyne hyperlink, for the header and
// attachments; links in the text are noteLinkWords, which preview the note.
func (r *noteRenderer) noteLink(label, target, fragment string, st inlineStyle) *widget.HyperlinkSegment {
	act := r.act
	return &widget.HyperlinkSegment{Text: label, TextStyle: st.style, SizeName: st.size, OnTapped: func() { act.openLink(target, fragment) }}
}

// externalLink is a link that opens outside the app; only http, https and mailto qualify.
func (r *noteRenderer) externalLink(label string, u *url.URL, st inlineStyle) *widget.HyperlinkSegment {
	act := r.act
	return &widget.HyperlinkSegment{Text: label, URL: u, TextStyle: st.style, SizeName: st.size, OnTapped: func() { act.openURL(u) }}
}

// allowedURL reports whether a link may be opened outside the app.
func allowedURL(u *url.URL) bool {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != "" || u.Path != ""
	}
	return false
}

func (r *noteRenderer) markdownLink(n *ast.Link, st inlineStyle, f *noteFlow) {
	label := strings.TrimSpace(plainText(n, r.src))
	dest := strings.TrimSpace(string(n.Destination))
	if label == "" {
		label = dest
	}
	if u, ok := parseExternal(dest); ok {
		if allowedURL(u) {
			f.add(r.externalLink(label, u, st))
		} else {
			f.text(label, st.text()) // javascript:, file:, data:... are never links
		}
		return
	}
	target, fragment, _ := strings.Cut(dest, "#")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if f2, err := url.PathUnescape(fragment); err == nil {
		fragment = f2
	}
	if target == "" {
		r.noteLinkWords(label, r.note.Path, fragment, st, f)
		return
	}
	if p := r.resolve(target); p != "" {
		r.noteLinkWords(label, p, fragment, st, f)
		return
	}
	if strings.HasSuffix(strings.ToLower(target), ".md") {
		unresolvedLink(label, unresolvedName(path.Base(target)), st, r.act, f)
		return
	}
	f.text(label, st.text())
}

// parseExternal parses a destination that names a scheme or a host; ok is false for a
// vault-relative destination.
func parseExternal(dest string) (*url.URL, bool) {
	u, err := url.Parse(dest)
	if err != nil {
		// Not a URL; if it looks like one with a scheme it is still not a vault path.
		if i := strings.IndexByte(dest, ':'); i > 0 && !strings.ContainsAny(dest[:i], "/#?") {
			return &url.URL{Scheme: "invalid"}, true
		}
		return nil, false
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return u, true
	}
	return nil, false
}

func (r *noteRenderer) autoLink(n *ast.AutoLink, st inlineStyle, f *noteFlow) {
	label := string(n.Label(r.src))
	raw := string(n.URL(r.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
		raw = "mailto:" + raw
	} else if strings.HasPrefix(strings.ToLower(raw), "www.") {
		raw = "https://" + raw
	}
	if u, err := url.Parse(raw); err == nil && allowedURL(u) {
		f.add(r.externalLink(label, u, st))
		return
	}
	f.text(label, st.text())
}

// timestamp renders a timestamp anchor as a chip, or its text when it is not a time.
func (r *noteRenderer) timestamp(n *md.Timestamp, st inlineStyle, f *noteFlow) {
	if !n.Valid {
		// The vault reports it (Note.Problems); show the text the note shows.
		label := n.Label
		if label == "" {
			label = n.Value
		}
		f.text("["+label+"]", st.text())
		return
	}
	addChip(f, vault.Clock(n.Seconds), r.chipURL(n.Seconds), st.sizeName(), r.act)
}

func (r *noteRenderer) footnoteLink(index int, st inlineStyle, f *noteFlow) {
	label := fmt.Sprintf("[%d]", index)
	if !r.top {
		f.text(label, st.text())
		return
	}
	if _, seen := r.act.footnoteRefs[index]; !seen {
		r.act.footnoteRefs[index] = r.row
	}
	look := st
	look.color, look.size = theme.ColorNameHyperlink, theme.SizeNameCaptionText
	linkWords(label, &linkRef{footnote: index, act: r.act}, look, st, f)
}

func (r *noteRenderer) footnoteBacklink(index int, st inlineStyle, f *noteFlow) {
	if !r.top {
		return
	}
	act := r.act
	f.text(" ", st.text())
	f.add(&widget.HyperlinkSegment{Text: "↑", TextStyle: st.style, OnTapped: func() { act.scrollToRow(act.footnoteRefs[index]) }})
}
