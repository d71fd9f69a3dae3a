package vaultgen

// linkForm is the syntax of one link.
type linkForm uint8

const (
	formAlias    linkForm = iota // [[target | alias]], the most common form in generated vaults
	formPlain                    // [[target]]
	formTight                    // [[target|alias]]
	formHeading                  // [[target#Heading]], sometimes with an alias
	formPath                     // [[folder/target]]
	formExt                      // [[target.md]]
	formBlock                    // [[target#^blockid]]
	formSelf                     // [[#Heading]] in the same note
	formMarkdown                 // [alias](target.md), percent-encoded
)

// pickForm draws a link form with the mix of generated vaults.
func (w *noteWriter) pickForm() linkForm {
	switch k := w.r.intn(1000); {
	case k < 500:
		return formAlias
	case k < 700:
		return formPlain
	case k < 820:
		return formTight
	case k < 860:
		return formHeading
	case k < 890:
		return formPath
	case k < 910:
		return formExt
	case k < 915:
		return formBlock
	case k < 925:
		return formSelf
	case k < 935:
		return formMarkdown
	case k < 975 && !w.p.o.Regular:
		// Real vaults: 0.4 Markdown links into the vault per note, of ~10 links.
		return formMarkdown
	default:
		return formAlias
	}
}

// link writes one link of the given form to a target drawn from the plan: a ghost with the
// plan's unresolved share, otherwise a note of the same episode, the same channel, a popular
// shared topic or any topic; spelled exactly or, with the plan's normalised share, as the
// title, in Title Case or with a changed case. It is long (over 100 lines) because each
// form's spelling follows the same draw of the random stream: split up, the order of draws,
// and so every generated vault, would be easy to change by accident.
func (w *noteWriter) link(form linkForm) {
	r := &w.r
	p := w.p
	if form == formSelf {
		if len(w.headings) == 0 {
			form = formAlias
		} else {
			w.s("[[#")
			w.s(w.headings[r.intn(len(w.headings))])
			if r.per10k(3000) {
				w.s(" | ")
				w.alias()
			}
			w.s("]]")
			w.countLink(false, false)
			return
		}
	}

	var base, title, folder string
	unresolved := r.chance(p.pUnresolved)
	if unresolved {
		g := r.zipf(len(p.ghosts), 2)
		title, base = p.ghosts[g], p.ghostBases[g]
		folder = w.ch.folder
	} else {
		var n int32
		// Two tries to avoid linking the note to itself; the second may still do so,
		// which real notes do too.
		for try := 0; try < 2 && (try == 0 || n == w.t.name); try++ {
			folder = ""
			switch k := r.intn(100); {
			case k < 20:
				ts := w.ep.topics
				n = p.topics[ts[r.intn(len(ts))]].name
				folder = w.ch.folder
			case k < 60:
				n = w.sameChannelName()
				folder = w.ch.folder
			case k < 80 && len(p.shared) > 0:
				n = p.shared[r.zipf(len(p.shared), 2.5)]
			default:
				n = int32(r.intn(len(p.names)))
			}
		}
		base, title = p.names[n].base, p.names[n].title
		if folder == "" {
			folder = p.channels[p.names[n].home].folder
		}
	}

	spell, normalised := base, false
	switch {
	case unresolved:
		if r.per10k(2500) {
			spell = title
		}
	case r.chance(p.pNormalised):
		switch k := r.intn(100); {
		case k < 55:
			spell = title
		case k < 90:
			spell = titleCase(base)
		default:
			spell = capitalise(base) // found by the case-insensitive step of rule 3
		}
		normalised = spell != base
	}
	if spell != base && (form == formPath || form == formExt) {
		// Paths match case-insensitively but never after normalisation: keep them exact.
		form = formAlias
	}

	switch form {
	case formMarkdown:
		w.c('[')
		w.alias()
		w.s("](")
		w.pathEscaped(spell)
		w.s(".md)")
		w.st.MarkdownLinks++
	default:
		w.s("[[")
		if form == formPath {
			w.s(folder)
			w.c('/')
		}
		w.s(spell)
		switch form {
		case formExt:
			w.s(".md")
			if r.per10k(3000) {
				w.c('|')
				w.alias()
			}
		case formHeading:
			w.c('#')
			w.word(commonHeadings)
			if r.per10k(3000) {
				w.s(" | ")
				w.alias()
			}
		case formBlock:
			w.s("#^")
			w.blockID()
		case formAlias:
			w.s(" | ")
			w.alias()
		case formTight:
			w.c('|')
			w.alias()
		case formPath:
			if r.per10k(5000) {
				w.s(" | ")
				w.alias()
			}
		}
		w.s("]]")
	}
	w.countLink(unresolved, normalised)
}

// alias writes the display text of a link.
func (w *noteWriter) alias() {
	r := &w.r
	switch r.intn(5) {
	case 0:
		w.word(propers)
		w.s("'s ")
		w.word(nouns)
	case 1:
		w.s("the ")
		w.word(nouns)
		w.s(" of ")
		w.word(propers)
	case 2:
		w.word(pastVerbs)
		w.s(" the ")
		w.word(nouns)
	default:
		if r.per10k(6000) {
			w.word(adjectives)
			w.c(' ')
		}
		w.word(nouns)
	}
}

// pathEscaped writes s as a Markdown link destination: spaces, parentheses, '#' and '%'
// percent-encoded, as Obsidian writes them.
func (w *noteWriter) pathEscaped(s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '(', ')', '#', '%', '<', '>':
			w.b = append(w.b, '%', hex[c>>4], hex[c&15])
		default:
			w.c(c)
		}
	}
}
