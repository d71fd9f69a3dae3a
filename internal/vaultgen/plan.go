package vaultgen

import (
	"math"
	"slices"
	"strings"
)

// plan is everything about the vault that crosses notes: channels, topic names, episodes,
// which notes are special, and each note's size and link and timestamp budgets. It is built
// once, sequentially, from the seed; notes are then rendered from it independently.
type plan struct {
	o          Options
	channels   []channel
	names      []topicName // real topic names
	shared     []int32     // names of the shared pool that made it into the vault, most popular first
	ghosts     []string    // titles of notes that exist nowhere
	ghostBases []string    // their normalised names
	topics     []topic
	items      []item

	taken map[string]bool // normalised names of every file and ghost

	pUnresolved float64 // share of body links that point at a ghost
	pNormalised float64 // share of resolved body links spelled so that only rule 3/4 finds them

	noVideo, invalidYAML, huge int
	fixedLinks                 int // links in index.md, directory.md, channel notes and twins
}

type channel struct {
	note     string // base name of <channel>.md; for one channel wrapped in U+2068/U+2069
	folder   string
	from     string // how topic notes spell the channel in their From: line
	fromNorm bool   // the From: spelling resolves only after normalisation
	twin     string // lower-case twin of note in the same folder, "" if none
	topics   []int32
	episodes []episode
}

type episode struct {
	title   string
	videoID string
	length  int // seconds
	topics  []int32
}

type topicName struct {
	base    string // file name without .md: the normalised title
	title   string
	home    int32 // first channel holding it, for [[folder/name]] links from elsewhere
	folders int32
}

type topic struct {
	name    int32
	channel int32
	episode int32
	budget  int32 // target size in bytes
	stamps  int32 // timestamp anchors to place
	links   int32 // links to place in the body
	flags   uint8
	broken  uint8 // with flagInvalidYAML: which of the invalid frontmatter forms, 1..3
}

const (
	flagNoVideo uint8 = 1 << iota
	flagLegacy
	flagInvalidYAML
	flagHuge
	// flagDecline: the note holds what the fast scanner leaves to goldmark (a link reference
	// definition, an HTML block or a setext heading); realistic vaults only.
	flagDecline
)

// item is one file in emission order.
type item struct {
	kind    itemKind
	index   int32 // topic index, for itemTopic
	builtin []byte
}

type itemKind uint8

const (
	itemFixed itemKind = iota // index.md, directory.md, channel notes, twins: rendered while planning
	itemTopic
)

const videoIDChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func newPlan(o Options) *plan {
	o = o.withDefaults()
	p := &plan{o: o, taken: make(map[string]bool)}
	r := newRNG(o.Seed, 1<<40)
	p.taken["index"] = true
	p.taken["directory"] = true
	p.planChannels(&r)

	fixed := 2 + len(p.channels)
	if !o.NoCaseClash {
		fixed++
	}
	nTopics := max(len(p.channels), o.Notes-fixed)
	p.planTopics(&r, nTopics)
	p.planEpisodes(&r)
	p.planFlags(&r)

	// Render the fixed notes now: their sizes and link counts shape the topic budgets.
	fixedBytes, fixedLinks := 0, 0
	var w noteWriter
	w.p = p
	add := func(data []byte, links int) {
		p.items = append(p.items, item{kind: itemFixed, builtin: slices.Clone(data)})
		fixedBytes += len(data)
		fixedLinks += links
	}
	add(w.indexNote(), len(p.channels))
	n := len(p.channels)
	if !o.NoCaseClash {
		n++
	}
	add(w.directoryNote(), n)
	for c := range p.channels {
		ch := &p.channels[c]
		data, links := w.channelNote(c)
		add(data, links)
		if ch.twin != "" {
			data, links := w.twinNote(c)
			add(data, links)
		}
		for _, t := range ch.topics {
			p.items = append(p.items, item{kind: itemTopic, index: t})
		}
	}
	p.fixedLinks = fixedLinks
	p.planBudgets(&r, fixedBytes, fixedLinks)
	p.planGhosts(&r)
	return p
}

func (p *plan) planChannels(r *rng) {
	n := p.o.Channels
	for c := 0; c < n; {
		var name string
		stem := pick(r, channelStems)
		switch {
		case c == 0:
			// The case-clash channel: mixed case, so that its lower-case twin differs.
			name = stem + pick(r, channelSuffixes)
		case c == 1:
			// Wrapped in U+2068/U+2069, as some exporters write folder names.
			name = capitalise(stem) + " " + capitalise(pick(r, channelStems)) + " " + pick(r, channelSuffixes)
		case c == 2:
			name = nonASCIIChannels[r.intn(len(nonASCIIChannels))]
		default:
			switch r.intn(6) {
			case 0, 1:
				name = stem + pick(r, channelSuffixes)
			case 2:
				name = "The " + capitalise(stem) + " " + pick(r, channelSuffixes)
			case 3:
				name = capitalise(stem) + capitalise(pick(r, channelStems))
			case 4:
				name = capitalise(stem) + itoa(r.between(2, 99))
			default:
				name = stem + "-and-" + pick(r, channelStems)
			}
		}
		norm := normalise(name)
		if p.taken[norm] {
			continue
		}
		p.taken[norm] = true
		ch := channel{note: name, folder: name, from: name}
		if c == 1 {
			ch.note = "\u2068" + name + "\u2069"
			ch.folder = ch.note
			ch.fromNorm = true // [[Name]] finds ⁨Name⁩.md only by rule 4
		}
		if c == 0 && !p.o.NoCaseClash {
			ch.twin = strings.ToLower(name)
		}
		p.channels = append(p.channels, ch)
		c++
	}
}

// planTopics gives every channel its topic notes. A share of each channel's names comes from a
// pool common to all channels, drawn with a heavy head, so the most popular names exist in
// nearly every folder, as in real vaults, where one topic name recurs in dozens of channel
// folders (docs/FORMAT.md §6).
func (p *plan) planTopics(r *rng, n int) {
	weights := make([]float64, len(p.channels))
	sum := 0.0
	for c := range weights {
		weights[c] = math.Exp(0.8 * r.normal())
		sum += weights[c]
	}
	sizes := make([]int, len(p.channels))
	given := 0
	for c := range sizes {
		sizes[c] = max(1, int(float64(n)*weights[c]/sum))
		given += sizes[c]
	}
	for c := 0; given < n; c = (c + 1) % len(sizes) {
		sizes[c]++
		given++
	}
	for c := 0; given > n; c = (c + 1) % len(sizes) {
		if sizes[c] > 1 {
			sizes[c]--
			given--
		}
	}

	poolSize := max(3, n/20)
	pool := make([]int32, poolSize) // index into names, -1 until first used
	poolTitles := make([]string, poolSize)
	for i := range pool {
		pool[i] = -1
		poolTitles[i] = p.freshTitle(r, false)
	}
	forced := map[int]bool{n / 3: true, n / 2: true, 2 * n / 3: true}
	inChannel := make(map[int32]bool)
	k := 0
	for c := range p.channels {
		clear(inChannel)
		for range sizes[c] {
			name := int32(-1)
			if !forced[k] && r.per10k(1500) {
				for range 4 {
					i := r.zipf(poolSize, 3)
					if pool[i] < 0 {
						pool[i] = int32(len(p.names))
						p.names = append(p.names, topicName{base: normalise(poolTitles[i]), title: poolTitles[i], home: int32(c)})
						p.shared = append(p.shared, pool[i])
					}
					if !inChannel[pool[i]] {
						name = pool[i]
						break
					}
				}
			}
			if name < 0 {
				title := p.freshTitle(r, forced[k])
				name = int32(len(p.names))
				p.names = append(p.names, topicName{base: normalise(title), title: title, home: int32(c)})
			}
			inChannel[name] = true
			p.names[name].folders++
			p.topics = append(p.topics, topic{name: name, channel: int32(c)})
			p.channels[c].topics = append(p.channels[c].topics, int32(len(p.topics)-1))
			k++
		}
	}
	// Most popular first: the zipf draws of link targets favour the head.
	slices.SortStableFunc(p.shared, func(a, b int32) int { return int(p.names[b].folders - p.names[a].folders) })
}

// freshTitle returns a title whose normalised form is not yet taken.
func (p *plan) freshTitle(r *rng, nonASCII bool) string {
	for {
		t := topicTitle(r, nonASCII)
		norm := normalise(t)
		if norm != "" && !p.taken[norm] {
			p.taken[norm] = true
			return t
		}
	}
}

func (p *plan) planEpisodes(r *rng) {
	ids := make(map[string]bool)
	for c := range p.channels {
		ch := &p.channels[c]
		for i := 0; i < len(ch.topics); {
			n := min(r.between(2, 10), len(ch.topics)-i)
			ep := episode{title: episodeTitle(r), length: r.between(20*60, 4*3600)}
			for {
				var id [11]byte
				for j := range id {
					id[j] = videoIDChars[r.intn(64)]
				}
				if !ids[string(id[:])] {
					ep.videoID = string(id[:])
					ids[ep.videoID] = true
					break
				}
			}
			ep.topics = ch.topics[i : i+n]
			for _, t := range ep.topics {
				p.topics[t].episode = int32(len(ch.episodes))
			}
			ch.episodes = append(ch.episodes, ep)
			i += n
		}
	}
}

// planFlags marks the special notes with exact counts, so that even a small vault has each.
func (p *plan) planFlags(r *rng) {
	n := len(p.topics)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	take := func(count int, flag uint8) int {
		count = min(count, len(order))
		for _, t := range order[:count] {
			p.topics[t].flags |= flag
		}
		order = order[count:]
		return count
	}
	p.huge = take(p.o.HugeNotes, flagHuge)
	p.noVideo = take(max(1, (n+50)/100), flagNoVideo)
	take(max(1, (n+50)/100), flagLegacy)
	broken := order
	p.invalidYAML = take(max(3, n/2000), flagInvalidYAML)
	for k, t := range broken[:p.invalidYAML] {
		p.topics[t].broken = uint8(1 + k%3)
	}
}

// planBudgets sizes every topic note and shares the vault's timestamps and body links among
// them in proportion to size.
func (p *plan) planBudgets(r *rng, fixedBytes, fixedLinks int) {
	o := p.o
	regular := len(p.topics) - p.huge
	total := float64(o.Notes) * float64(o.MeanNoteBytes)
	left := total - float64(fixedBytes) - float64(p.huge*o.HugeNoteBytes)
	mean := max(600, left/float64(max(1, regular)))

	raw := make([]float64, len(p.topics))
	sum := 0.0
	for i := range p.topics {
		if p.topics[i].flags&flagHuge != 0 {
			continue
		}
		// Log-normal spread: most notes a few KB, a long tail of 30-60 KB ones. Real notes
		// spread less: median 0.85 of the mean, the 99th percentile 2.8 times it.
		sigma := 0.5
		if o.Regular {
			sigma = 0.75
		}
		v := math.Exp(sigma * r.normal())
		raw[i] = v
		sum += v
	}
	var allBudget float64
	for i := range p.topics {
		t := &p.topics[i]
		if t.flags&flagHuge != 0 {
			t.budget = int32(o.HugeNoteBytes)
		} else {
			b := raw[i] / sum * mean * float64(regular)
			t.budget = int32(min(max(b, 500), 12*mean))
		}
		allBudget += float64(t.budget)
	}

	stamps := o.TimestampsPerNote * float64(o.Notes)
	// Every topic note has one From: link besides its body links.
	bodyLinks := o.LinksPerNote*float64(o.Notes) - float64(fixedLinks) - float64(len(p.topics))
	bodyLinks = max(bodyLinks, 0)
	allLinks := float64(fixedLinks+len(p.topics)) + bodyLinks
	if bodyLinks > 0 {
		p.pUnresolved = min(0.95, o.UnresolvedShare*allLinks/bodyLinks)
	}
	// 12% of all links resolve only after normalisation (docs/FORMAT.md §6), the From: links to
	// the channel wrapped in U+2068/U+2069 among them.
	fromNorm := 0
	for _, ch := range p.channels {
		if ch.fromNorm {
			fromNorm += len(ch.topics)
		}
	}
	if resolved := bodyLinks * (1 - p.pUnresolved); resolved > 0 {
		p.pNormalised = min(0.5, max(0, 0.12*allLinks-float64(fromNorm))/resolved)
	}
	for i := range p.topics {
		t := &p.topics[i]
		share := float64(t.budget) / allBudget
		jitter := 0.7 + 0.6*r.float()
		t.stamps = int32(roundRandom(r, stamps*share*jitter))
		t.links = int32(roundRandom(r, bodyLinks*share*(0.7+0.6*r.float())))
	}
	if !o.Regular {
		p.planDeclines()
	}
}

// planDeclines marks 2% of the topic notes, larger ones more often, as holding what the fast
// scanner declines: in the real vault such notes are 2.0% of the notes and 3.1% of the bytes.
// Drawing with weight budget² from a log-normal spread of σ=0.5 gives exp(2σ²) ≈ 1.65 times
// the mean size. It has its own random stream, so that it does not move the draws of anything
// planned before.
func (p *plan) planDeclines() {
	r := newRNG(p.o.Seed, 1<<41)
	n := len(p.topics) / 50
	var sum float64
	for _, t := range p.topics {
		if t.flags&flagHuge == 0 {
			sum += float64(t.budget) * float64(t.budget)
		}
	}
	for marked := 0; marked < n && sum > 0; {
		x := r.float() * sum
		for i := range p.topics {
			t := &p.topics[i]
			if t.flags&flagHuge != 0 {
				continue
			}
			if x -= float64(t.budget) * float64(t.budget); x < 0 {
				if t.flags&flagDecline == 0 {
					t.flags |= flagDecline
					marked++
				}
				break
			}
		}
	}
}

// planGhosts makes the names that unresolved links point at: about four links per name, so
// that ghosts have backlinks like real notes.
func (p *plan) planGhosts(r *rng) {
	var links float64
	for _, t := range p.topics {
		links += float64(t.links)
	}
	// The real vault: 44,000 unresolved links to 20,043 names; the draws of link targets
	// favour some names, so a name gets a link for fewer than perName of these.
	perName := 1.4
	if p.o.Regular {
		perName = 4
	}
	n := max(8, int(links*p.pUnresolved/perName))
	p.ghosts = make([]string, n)
	p.ghostBases = make([]string, n)
	for i := range p.ghosts {
		p.ghosts[i] = p.freshTitle(r, false)
		p.ghostBases[i] = normalise(p.ghosts[i])
	}
}

func roundRandom(r *rng, x float64) int {
	n := math.Floor(x)
	if r.float() < x-n {
		n++
	}
	return int(n)
}

func itoa(n int) string { return string(appendInt(nil, n)) }

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if n < 10 {
		return append(b, byte('0'+n))
	}
	var tmp [20]byte
	i := len(tmp)
	for n > 0 {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, tmp[i:]...)
}
