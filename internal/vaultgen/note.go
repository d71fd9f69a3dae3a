package vaultgen

// noteWriter renders one note at a time into a reused buffer. Text is built by appending
// words from the lists in words.go; no fmt, so the full vault takes seconds.
type noteWriter struct {
	p  *plan
	r  rng
	b  []byte
	st Stats // counts for the current note

	t      *topic
	ch     *channel
	ep     *episode
	budget int

	stampsLeft, linksLeft int
	clock, step           int
	legacy                bool
	headings              []string

	sentBytes, sentCount int
}

// topicNote renders topic i.
func (w *noteWriter) topicNote(i int) []byte {
	p := w.p
	w.t = &p.topics[i]
	w.ch = &p.channels[w.t.channel]
	w.ep = &w.ch.episodes[w.t.episode]
	w.r = newRNG(p.o.Seed, uint64(i))
	w.b = w.b[:0]
	w.st = Stats{}
	w.budget = int(w.t.budget)
	w.stampsLeft = int(w.t.stamps)
	w.linksLeft = int(w.t.links)
	w.legacy = w.t.flags&flagLegacy != 0
	w.headings = w.headings[:0]
	w.sentBytes, w.sentCount = 0, 0
	w.clock = w.r.intn(max(1, w.ep.length/3))
	w.step = max(2, int(float64(w.ep.length)*0.9/float64(max(1, w.stampsLeft))))

	w.frontmatter()
	w.fromLine()
	w.paragraph(w.r.between(1, 3))
	for !w.full() {
		w.section()
	}
	if w.r.per10k(500) {
		w.nl()
		w.tagLine()
	}
	if w.t.flags&flagDecline != 0 {
		w.declined()
	}
	return w.b
}

func (w *noteWriter) s(x string)       { w.b = append(w.b, x...) }
func (w *noteWriter) c(x byte)         { w.b = append(w.b, x) }
func (w *noteWriter) nl()              { w.b = append(w.b, '\n') }
func (w *noteWriter) full() bool       { return len(w.b) >= w.budget-70 }
func (w *noteWriter) word(xs []string) { w.b = append(w.b, xs[w.r.intn(len(xs))]...) }

func (w *noteWriter) frontmatter() {
	name := &w.p.names[w.t.name]
	r := &w.r
	w.s("---\n")
	invalid := w.t.flags&flagInvalidYAML != 0
	form := int(w.t.broken)
	w.s("title: ")
	switch {
	case form == 1:
		// Unquoted ": " inside a plain scalar: a YAML error.
		w.s(name.title)
		w.s(": the ")
		w.word(adjectives)
		w.s(" years")
	case needsQuotes(name.title) || r.per10k(300):
		w.c('"')
		w.s(name.title)
		w.c('"')
	case r.per10k(100):
		w.c('\'')
		for i := 0; i < len(name.title); i++ {
			if name.title[i] == '\'' {
				w.c('\'')
			}
			w.c(name.title[i])
		}
		w.c('\'')
	default:
		w.s(name.title)
	}
	w.nl()
	if w.t.flags&flagNoVideo == 0 {
		w.s("videoId: ")
		if r.per10k(200) || !hasLetter(w.ep.videoID) {
			w.c('"')
			w.s(w.ep.videoID)
			w.c('"')
		} else {
			w.s(w.ep.videoID)
		}
		w.nl()
	}
	switch {
	case form == 2:
		// Wikilinks as a bare value: valid in Obsidian's eyes, not in YAML's.
		w.s("tags: [[")
		w.s(w.p.names[w.sameChannelName()].base)
		w.s("]], [[")
		w.s(w.p.names[w.sameChannelName()].base)
		w.s("]]\n")
	case r.per10k(1000):
		w.list("tags", tagWords)
	}
	if form == 3 {
		w.s("aliases: [")
		w.word(acronyms)
		w.s(", unclosed\n")
	} else if r.per10k(300) {
		w.list("aliases", acronyms)
	}
	if r.per10k(300) {
		switch r.intn(4) {
		case 0:
			w.s("published: ")
			w.b = appendInt(w.b, r.between(2008, 2025))
			w.s("-0")
			w.b = appendInt(w.b, r.between(1, 9))
			w.s("-1")
			w.b = appendInt(w.b, r.between(0, 9))
			w.nl()
		case 1:
			w.s("channel: \"[[")
			w.s(w.ch.note)
			w.s("]]\"\n")
		case 2:
			w.s("status: draft\n")
		default:
			w.s("rating: ")
			w.b = appendInt(w.b, r.between(1, 5))
			w.nl()
		}
	}
	w.s("---\n\n")
	if invalid {
		w.st.InvalidFrontmatter++
	}
}

// list writes a tags or aliases property as a string, a flow list or a block list.
func (w *noteWriter) list(key string, values []string) {
	w.s(key)
	w.s(":")
	n := w.r.between(1, 3)
	switch w.r.intn(3) {
	case 0:
		w.c(' ')
		w.word(values)
		w.nl()
	case 1:
		w.s(" [")
		for i := range n {
			if i > 0 {
				w.s(", ")
			}
			w.word(values)
		}
		w.s("]\n")
	default:
		w.nl()
		for range n {
			w.s("  - ")
			w.word(values)
			w.nl()
		}
	}
}

func (w *noteWriter) fromLine() {
	w.s("From: [[")
	w.s(w.ch.from)
	w.s("]] ")
	w.countLink(false, w.ch.fromNorm)
	if w.r.per10k(300) {
		w.s("<br>")
	} else {
		w.s("<br/>")
	}
	if w.r.per10k(4000) {
		w.c(' ')
	}
	w.nl()
	if w.r.per10k(5000) {
		w.nl()
	}
}

func (w *noteWriter) countLink(unresolved, normalised bool) {
	w.st.Links++
	if unresolved {
		w.st.UnresolvedLinks++
	} else if normalised {
		w.st.NormalisedLinks++
	}
}

// section writes a ## heading and blocks under it until the note has its size.
func (w *noteWriter) section() {
	w.heading("## ")
	for n := w.r.between(1, 4); n > 0 && !w.full(); n-- {
		w.block()
	}
	if w.r.per10k(5000) && !w.full() {
		w.heading("### ")
		for n := w.r.between(1, 3); n > 0 && !w.full(); n-- {
			w.block()
		}
	}
}

func (w *noteWriter) heading(level string) {
	start := len(w.b) + len(level)
	w.s(level)
	r := &w.r
	if r.per10k(3000) {
		w.word(commonHeadings)
	} else {
		switch r.intn(4) {
		case 0:
			w.word(headingLeads)
			w.c(' ')
			w.word(propers)
		case 1:
			w.s(titleWords(pick(r, adjectives) + " " + pick(r, nouns)))
			w.s(" and ")
			w.s(titleWords(pick(r, nouns)))
		case 2:
			w.word(propers)
			w.s("'s ")
			w.s(titleWords(pick(r, nouns)))
		default:
			w.word(headingLeads)
			w.c(' ')
			w.s(titleWords(pick(r, nouns)))
		}
	}
	w.headings = append(w.headings, string(w.b[start:]))
	w.nl()
	if r.per10k(3000) {
		w.nl()
	}
}

func (w *noteWriter) block() {
	r := &w.r
	switch k := r.intn(10000); {
	case k < 1100:
		w.bulletList()
	case k < 1400:
		w.numberedList()
	case k < 1900:
		w.callout(0)
	case k < 1930:
		w.table()
	case k < 1950:
		w.codeBlock()
	case k < 2000:
		w.quote()
	case k < 2080:
		w.embed()
	case k < 2095:
		w.s("---\n\n")
	case w.p.o.Regular:
		w.paragraph(r.between(2, 6))
	default:
		// Real notes: 54 lines of 213 characters on average, blank ones not counted.
		w.paragraph(r.between(1, 3) + r.intn(2)*r.intn(2))
	}
}

func (w *noteWriter) paragraph(n int) {
	for i := range n {
		if i > 0 {
			if w.full() {
				break
			}
			w.c(' ')
		}
		w.sentence()
	}
	if w.r.per10k(100) {
		w.s(" ^")
		w.blockID()
	}
	w.s("\n\n")
}

func (w *noteWriter) blockID() {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	for range 6 {
		w.c(chars[w.r.intn(len(chars))])
	}
}

func (w *noteWriter) bulletList() {
	r := &w.r
	marker := "- "
	if r.per10k(1200) {
		marker = "* "
	}
	indent := "  "
	if r.per10k(4000) {
		indent = "    "
	}
	nested := r.per10k(3500)
	for n := r.between(2, 6); n > 0 && !w.full(); n-- {
		w.s(marker)
		w.listItem()
		if nested && r.per10k(4000) {
			for m := r.between(1, 3); m > 0; m-- {
				w.s(indent)
				w.s(marker)
				w.listItem()
				if r.per10k(1500) {
					w.s(indent)
					w.s(indent)
					w.s(marker)
					w.listItem()
				}
			}
		}
	}
	w.nl()
}

func (w *noteWriter) numberedList() {
	r := &w.r
	indent := "   "
	if r.per10k(5000) {
		indent = "    "
	}
	for i, n := 1, r.between(2, 5); i <= n && (i <= 2 || !w.full()); i++ {
		w.b = appendInt(w.b, i)
		w.s(". ")
		w.listItem()
		if r.per10k(2000) {
			w.s(indent)
			w.s("- ")
			w.listItem()
		}
	}
	w.nl()
}

func (w *noteWriter) listItem() {
	if w.r.per10k(3000) {
		w.s("**")
		w.s(titleWords(pick(&w.r, adjectives) + " " + pick(&w.r, nouns)))
		w.s("**: ")
	}
	w.sentence()
	w.nl()
}

// callout writes "> [!type] Title" and a body; depth > 0 nests it in another callout.
func (w *noteWriter) callout(depth int) {
	r := &w.r
	prefix := "> "
	if depth > 0 {
		prefix = "> > "
	}
	w.s(prefix)
	w.s("[!")
	w.word(calloutTypes)
	w.c(']')
	switch k := r.intn(100); {
	case k < 8:
		w.c('-')
	case k < 15:
		w.c('+')
	}
	if r.per10k(8500) {
		w.c(' ')
		w.s(titleWords(pick(r, adjectives) + " " + pick(r, nouns)))
	}
	w.nl()
	for n := r.between(1, 3); n > 0; n-- {
		w.s(prefix)
		if r.per10k(1500) {
			w.s("- ")
		}
		w.sentence()
		if r.per10k(3000) {
			w.c(' ')
			w.sentence()
		}
		w.nl()
	}
	if depth == 0 && r.per10k(400) {
		w.s(">\n")
		w.callout(1)
		return
	}
	w.nl()
	if depth == 0 {
		w.st.Callouts++
	} else {
		w.st.Callouts += 2
	}
}

func (w *noteWriter) quote() {
	for n := w.r.between(1, 2); n > 0; n-- {
		w.s("> ")
		w.sentence()
		w.nl()
	}
	w.nl()
}

func (w *noteWriter) table() {
	r := &w.r
	head := tableHeads[r.intn(len(tableHeads))]
	w.c('|')
	for _, h := range head {
		w.c(' ')
		w.s(h)
		w.s(" |")
	}
	w.s("\n|")
	for range head {
		w.s(" --- |")
	}
	w.nl()
	for n := r.between(2, 5); n > 0; n-- {
		w.c('|')
		for col := range head {
			w.c(' ')
			switch {
			case col == 0 && head[0] == "Year":
				w.b = appendInt(w.b, r.between(1890, 2024))
			case col == len(head)-1 && w.stampsLeft > 0 && r.per10k(5000):
				w.stamp()
				w.stampsLeft--
			case col == 1 && w.linksLeft > 0 && r.per10k(4000):
				// No alias here: a '|' inside a table cell would split the cell.
				w.link(formPlain)
				w.linksLeft--
			default:
				w.nounPhrase(false)
			}
			w.s(" |")
		}
		w.nl()
	}
	w.nl()
	w.st.Tables++
}

func (w *noteWriter) codeBlock() {
	r := &w.r
	w.s("```")
	w.word(codeLangs)
	w.nl()
	for n := r.between(2, 6); n > 0; n-- {
		if r.per10k(1500) {
			w.s("    ")
		}
		switch r.intn(5) {
		case 0:
			w.s("SELECT ")
			w.word(codeIdents)
			w.s(", sum(")
			w.word(codeIdents)
			w.s(") FROM ")
			w.word(codeIdents)
			w.s(" GROUP BY 1;")
		case 1:
			w.word(codeIdents)
			w.s(" = ")
			w.word(codeIdents)
			w.s(" * ")
			w.b = appendInt(w.b, r.between(2, 99))
		case 2:
			w.s("# see [[")
			w.s(w.p.names[w.sameChannelName()].base)
			w.s("]] #not-a-tag")
			w.st.CodeLinks++
		case 3:
			w.s("<script>render(\"")
			w.word(codeIdents)
			w.s("\")</script>")
		default:
			w.s("print(\"")
			w.word(codeIdents)
			w.s(" <a class=\\\"yt-timestamp\\\">\")")
		}
		w.nl()
	}
	w.s("```\n\n")
	w.st.CodeBlocks++
}

func (w *noteWriter) embed() {
	w.c('!')
	if w.r.per10k(2500) {
		w.link(formHeading)
	} else {
		w.link(formPlain)
	}
	w.st.Embeds++
	w.linksLeft--
	w.s("\n\n")
}

func (w *noteWriter) tagLine() {
	for n := w.r.between(1, 4); n > 0; n-- {
		w.c('#')
		w.word(tagWords)
		if n > 1 {
			w.c(' ')
		}
	}
	w.nl()
}

// quota returns how many of left items the next sentence carries, spreading them evenly over
// the sentences that still fit in the budget.
func (w *noteWriter) quota(left int) int {
	if left <= 0 {
		return 0
	}
	avg := 150
	if w.sentCount > 4 {
		avg = w.sentBytes / w.sentCount
	}
	remaining := max(1, (w.budget-len(w.b))/max(avg, 40))
	x := float64(left) / float64(remaining)
	n := int(x)
	if w.r.float() < x-float64(n) {
		n++
	}
	return min(n, left)
}

// sentence writes one sentence with its share of links and timestamps.
func (w *noteWriter) sentence() {
	start := len(w.b)
	r := &w.r
	links := w.quota(w.linksLeft)
	stamps := w.quota(w.stampsLeft)
	w.linksLeft -= links
	w.stampsLeft -= stamps
	if !w.p.o.Regular {
		w.prose(start, links, stamps)
		return
	}

	if r.per10k(2500) {
		w.word(openers)
		w.c(' ')
	}
	w.nounPhrase(true)
	w.c(' ')
	if r.per10k(1200) {
		w.word(adverbs)
		w.c(' ')
	}
	if r.per10k(8500) {
		w.word(pastVerbs)
	} else {
		w.word(presentVerbs)
	}
	w.c(' ')
	if links > 0 {
		w.link(w.pickForm())
		links--
	} else if r.per10k(150) {
		w.codeSpan()
	} else {
		w.decorated()
	}
	if r.per10k(5500) {
		w.c(' ')
		if r.per10k(1000) {
			w.s("in ")
			w.b = appendInt(w.b, r.between(1850, 2024))
		} else {
			w.word(tails)
		}
	}
	for links > 0 {
		switch r.intn(4) {
		case 0:
			w.s(", much like ")
		case 1:
			w.s(" and ")
		case 2:
			w.s(", echoing ")
		default:
			w.s(", alongside ")
		}
		w.link(w.pickForm())
		links--
	}
	if r.per10k(1500) {
		w.s(", ")
		w.word(clauses)
	}
	if r.per10k(80) {
		w.c(' ')
		w.c('#')
		w.word(tagWords)
	}
	w.asides(start)
	if stamps > 0 && r.per10k(1500) {
		w.c('.')
		w.stamps(stamps)
	} else {
		w.stamps(stamps)
		w.c('.')
	}
	w.sentBytes += len(w.b) - start
	w.sentCount++
}

func (w *noteWriter) stamps(n int) {
	for i := range n {
		if i > 0 && w.r.per10k(5000) {
			w.c(',')
		}
		w.c(' ')
		w.stamp()
	}
}

// nounPhrase writes "the early market", "Norvale Labs", "Kestrel's pricing model".
func (w *noteWriter) nounPhrase(subject bool) {
	r := &w.r
	switch k := r.intn(100); {
	case k < 30:
		w.word(propers)
		if r.per10k(3000) {
			w.c(' ')
			w.word(properSuffixes)
		}
	case k < 40 && !subject:
		w.word(propers)
		w.s("'s ")
		w.word(nouns)
	default:
		if r.per10k(6000) {
			w.s("the ")
		} else {
			w.s("its ")
		}
		if r.per10k(5000) {
			w.word(adjectives)
			w.c(' ')
		}
		w.word(nouns)
		if r.per10k(1500) {
			w.s(" of ")
			w.word(propers)
		}
	}
}

// decorated writes a noun phrase, sometimes bold, italic, highlighted or struck through.
func (w *noteWriter) decorated() {
	w.marked(w.r.intn(1000), func() { w.nounPhrase(false) })
}

// marked writes text with the emphasis that k, drawn from [0, 1000), selects: below 63 one of
// bold, italic (two spellings), highlight, strike-through, after an external link or in an
// HTML span; plain from 63 on.
func (w *noteWriter) marked(k int, text func()) {
	var mark string
	switch {
	case k < 30:
		mark = "**"
	case k < 45:
		mark = "*"
	case k < 55:
		mark = "_"
	case k < 58:
		mark = "=="
	case k < 60:
		mark = "~~"
	case k < 62:
		w.s("[a source](https://example.com/")
		w.word(codeIdents)
		w.s(") on ")
	case k < 63:
		w.s("<span class=\"note\">")
		text()
		w.s("</span>")
		return
	}
	w.s(mark)
	text()
	w.s(mark)
}

func (w *noteWriter) codeSpan() {
	w.s("the `")
	switch w.r.intn(6) {
	case 0:
		w.s("[[")
		w.s(w.p.names[w.sameChannelName()].base)
		w.s("]]")
		w.st.CodeLinks++
	case 1:
		w.s("<script>")
	case 2:
		w.s("#not-a-tag")
	case 3:
		w.word(codeIdents)
		w.s(" * 0.")
		w.b = appendInt(w.b, w.r.between(1, 9))
	case 4:
		w.s("SELECT * FROM ")
		w.word(codeIdents)
	default:
		w.s("config/")
		w.word(codeIdents)
		w.s(".yaml")
	}
	w.s("` setting")
}

// sameChannelName returns the name of a topic of the current channel.
func (w *noteWriter) sameChannelName() int32 {
	ts := w.ch.topics
	return w.p.topics[ts[w.r.intn(len(ts))]].name
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' && c != 'e' {
			return true
		}
	}
	return false
}

// needsQuotes reports whether a title cannot be a plain YAML scalar.
func needsQuotes(s string) bool {
	if s == "" {
		return true
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ':' && s[i+1] == ' ' || s[i] == ' ' && s[i+1] == '#' {
			return true
		}
	}
	return s[len(s)-1] == ':'
}
