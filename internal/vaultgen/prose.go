package vaultgen

// prose writes one sentence of the realistic generator (lexicon.go) from byte start on: words
// drawn from the lexicon, now and then a name, a comma or an emphasis, with the sentence's
// share of links among the words and of timestamps at its end.
func (w *noteWriter) prose(start, links, stamps int) {
	r := &w.r
	lx := theLexicon()
	n := r.between(6, 34)
	for i := range n {
		if i > 0 {
			w.c(' ')
		}
		switch k := r.intn(10000); {
		case links > 0 && r.intn(n-i) < links:
			w.link(w.pickForm())
			links--
		case k < 250:
			w.word(propers)
		case k < 370:
			word := lx.word(r)
			w.marked(r.intn(63), func() { w.s(word) })
		case k < 380:
			w.codeSpan()
		case k < 386:
			w.c('#')
			w.word(tagWords)
		default:
			w.s(lx.word(r))
		}
		if i < n-1 && r.per10k(700) {
			w.c(',')
		}
	}
	for ; links > 0; links-- {
		w.s(", ")
		w.link(w.pickForm())
	}
	w.asides(start)
	end := byte('.')
	if r.per10k(400) {
		end = '?'
	}
	if stamps > 0 && r.per10k(1500) {
		w.c(end)
		w.stamps(stamps)
	} else {
		w.stamps(stamps)
		w.c(end)
	}
	w.sentBytes += len(w.b) - start
	w.sentCount++
}

// asides ends the words of a sentence begun at start: now and then a superscript or an
// Obsidian comment, and the first letter in capitals.
func (w *noteWriter) asides(start int) {
	r := &w.r
	if r.per10k(20) {
		w.s(" <sup>")
		w.b = appendInt(w.b, r.between(1, 9))
		w.s("</sup>")
	}
	if r.per10k(10) {
		w.s(" %%check this against the transcript%%")
	}
	if b := w.b[start]; b >= 'a' && b <= 'z' {
		w.b[start] = b - 'a' + 'A'
	}
}

// declined writes, at the end of a note, one of the constructs the fast scanner leaves to
// goldmark: a link reference definition used in the paragraph before it, an HTML block, or a
// setext heading.
func (w *noteWriter) declined() {
	r := &w.r
	w.nl()
	switch r.intn(3) {
	case 0:
		w.s("See the [episode page][ep] for the full transcript.\n\n[ep]: https://example.com/episodes/")
		w.word(codeIdents)
		w.nl()
	case 1:
		w.s("<div class=\"transcript\">\n")
		w.prose(len(w.b), 0, 0)
		w.s("\n</div>\n")
	default:
		w.s(titleWords(pick(r, adjectives) + " " + pick(r, nouns)))
		w.s("\n---\n\n")
		w.prose(len(w.b), 0, 0)
		w.nl()
	}
}
