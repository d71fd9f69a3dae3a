package vaultgen

// nextTime advances the note's video clock: mostly forward by about the step that spreads the
// note's anchors over the episode, sometimes back, as topic notes revisit earlier moments.
func (w *noteWriter) nextTime() int {
	r := &w.r
	if r.per10k(800) {
		w.clock = r.intn(w.ep.length)
	} else {
		w.clock += 1 + r.intn(2*w.step)
	}
	if w.clock >= w.ep.length {
		w.clock = r.intn(max(1, w.ep.length/4))
	}
	return w.clock
}

// stamp writes one timestamp anchor. data-t follows the shares of docs/FORMAT.md §6: 98.6%
// HH:MM:SS, 1.1% MM:SS or H:MM:SS, 0.1% with a fourth field, and rare broken values; 1% of
// anchors show a text that differs from data-t; in realistic vaults 0.07% are no time at all; legacy notes wrap every anchor in a Markdown link.
func (w *noteWriter) stamp() {
	r := &w.r
	t := w.nextTime()
	h, m, s := t/3600, t/60%60, t%60
	var dbuf, vbuf [24]byte
	d := dbuf[:0]
	v := appendClock(vbuf[:0], h, m, s)
	odd := true
	switch k := r.intn(100000); {
	case k < 1100 && h == 0: // MM:SS
		d = append2(append(append2(d, m), ':'), s)
		v = append(vbuf[:0], d...)
	case k < 1100 && h < 10: // H:MM:SS
		d = append(d, byte('0'+h), ':')
		d = append2(append(append2(d, m), ':'), s)
		v = append(vbuf[:0], d...)
	case k >= 1100 && k < 1200: // a fourth field
		d = append2(append(appendClock(d, h, m, s), ':'), r.intn(100))
	case k >= 1200 && k < 1220 && h == 0: // M:SS plus milliseconds
		d = append2(append(append2(d, m), ':'), s)
		d = append(d, ':')
		d = appendInt(d, 100+r.intn(900))
	case k >= 1220 && k < 1240 && (m < 10 || s < 10): // a single-digit field
		d = append(append2(d, h), ':')
		if m < 10 {
			d = append2(append(d, byte('0'+m), ':'), s)
		} else {
			d = append(append2(d, m), ':', byte('0'+s))
		}
	case k >= 1240 && k < 1260: // a trailing ':'
		if h == 0 {
			d = append(append2(append(append2(d, m), ':'), s), ':')
		} else {
			d = append(append2(append(append2(d, h), ':'), m), ':')
		}
	case k >= 1260 && k < 1280: // trailing junk
		d = append(appendClock(d, h, m, s), ']')
	case k >= 1280 && k < 1290: // a minutes field >= 60: falls back to the visible text
		d = appendClock(d, h, 60+r.intn(40), s)
	case k >= 1290 && k < 1362 && !w.p.o.Regular:
		// Not a time in data-t nor in the text: 534 of 740,924 anchors in the real vault.
		d = append2(append(append2(d, 60+r.intn(40)), ':'), s)
		v = append(vbuf[:0], d...)
	default:
		d = appendClock(d, h, m, s)
		odd = false
	}
	if odd {
		w.st.OddTimestamps++
	}
	if r.per10k(100) {
		// The visible text disagrees with data-t: another second, or another spelling.
		if t >= 3600 || r.per10k(5000) {
			u := max(0, t+r.between(1, 40)*(1-2*r.intn(2)))
			if u == t {
				u++
			}
			v = appendClock(vbuf[:0], u/3600, u/60%60, u%60)
		} else {
			v = append2(append(append2(vbuf[:0], m), ':'), s)
		}
		if string(v) != string(d) {
			w.st.MismatchedTimestamps++
		}
	}
	if w.legacy {
		w.c('[')
		w.b = append(w.b, v...)
		w.s("](")
		w.st.LegacyTimestamps++
	}
	w.s(`<a class="yt-timestamp" data-t="`)
	w.b = append(w.b, d...)
	w.s(`">[`)
	w.b = append(w.b, v...)
	w.s("]</a>")
	if w.legacy {
		w.c(')')
	}
	w.st.Timestamps++
}

func appendClock(b []byte, h, m, s int) []byte {
	b = append2(b, h)
	b = append(b, ':')
	b = append2(b, m)
	b = append(b, ':')
	return append2(b, s)
}

// append2 writes n with at least two digits.
func append2(b []byte, n int) []byte {
	if n < 0 {
		return b
	}
	if n < 10 {
		return append(b, '0', byte('0'+n))
	}
	return appendInt(b, n)
}
