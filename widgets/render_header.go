package widgets

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/vault"
	md "vaultview/vault/markdown"
)

// noteHeaderData is what the header above a note shows, made with the note's rows so that
// wikilinks in properties resolve off the UI goroutine too.
type noteHeaderData struct {
	title    string
	videoURL string // "" without a valid videoId
	folder   bool   // meta starts with the folder
	meta     []widget.RichTextSegment
	props    []widget.RichTextSegment
	problems string
}

// header builds the header: folder, tags and aliases on one line, the other properties below.
func (r *noteRenderer) header(problems []string) noteHeaderData {
	n := r.note
	h := noteHeaderData{title: n.Title, videoURL: vault.VideoURL(n.VideoID, 0)}
	dim := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}
	f := &noteFlow{}
	if folder := n.Folder(); folder != "" {
		// The folder is a channel when it holds a note of its own name: link to it.
		name := path.Base(folder)
		if p := r.resolve(name); p != "" && path.Dir(p) == folder {
			f.add(r.noteLink(plainDisplay(folder), p, "", inlineStyle{}))
			f.trail(dim)
		} else {
			f.text(plainDisplay(folder), dim)
		}
		h.folder = true
	}
	for _, t := range n.Tags {
		if f.hasContent() {
			f.text("  ", dim)
		}
		act := r.act
		f.add(&widget.HyperlinkSegment{Text: "#" + t, OnTapped: func() { act.openTag(t) }})
	}
	if len(n.Aliases) > 0 {
		if f.hasContent() {
			f.text("  ·  ", dim)
		}
		f.text("also "+strings.Join(n.Aliases, ", "), dim)
	}
	h.meta = f.done()

	p := &noteFlow{}
	key := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Bold: true}}
	for i, prop := range n.Properties {
		if i > 0 {
			p.text("\n", dim)
		}
		p.text(prop.Key+":  ", key)
		r.propertyValue(prop.Value, p)
	}
	h.props = p.done()

	all := len(n.Problems) + len(problems)
	if all > 0 {
		first := ""
		if len(n.Problems) > 0 {
			first = n.Problems[0].Message
			if l := n.Problems[0].Line; l > 0 {
				first = fmt.Sprintf("line %d: %s", l, first)
			}
		} else {
			first = "line " + problems[0]
		}
		h.problems = first
		if all > 1 {
			h.problems = fmt.Sprintf("%s (and %d more)", first, all-1)
		}
	}
	return h
}

// propertyValue renders a property's value: wikilinks in it are links, and so is a value
// that is a web address.
func (r *noteRenderer) propertyValue(v string, f *noteFlow) {
	st := inlineStyle{}
	if u, err := url.Parse(strings.TrimSpace(v)); err == nil && allowedURL(u) && !strings.ContainsAny(strings.TrimSpace(v), " \t") {
		f.add(r.externalLink(strings.TrimSpace(v), u, st))
		f.trail(st.text())
		return
	}
	for v != "" {
		i := strings.Index(v, "[[")
		if i < 0 {
			f.text(v, st.text())
			return
		}
		f.text(v[:i], st.text())
		m, n, ok := md.MatchWikilink([]byte(v[i:]))
		if !ok {
			f.text("[[", st.text())
			v = v[i+2:]
			continue
		}
		w := &md.Wikilink{Target: m.Target, Fragment: m.Fragment, Alias: m.Alias, HasFragment: m.HasFragment}
		label := wikilinkLabel(w)
		if target := r.resolve(m.Target); target != "" {
			f.add(r.noteLink(label, target, m.Fragment, st))
		} else {
			unresolvedLink(label, unresolvedName(m.Target), st, r.act, f)
		}
		v = v[i+n:]
	}
}

// plainDisplay drops the invisible direction marks some folder names are wrapped in.
func plainDisplay(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e':
			return -1
		}
		return r
	}, s)
}
