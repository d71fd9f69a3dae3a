package vault

import (
	"bytes"
	"context"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"vaultview/vault/markdown"
)

// TimelineEntry is one timestamp of a note with the sentence it closes: generated notes put
// the anchor at the end of the sentence it sources, so the pair reads as "at 18:28, this".
type TimelineEntry struct {
	Timestamp
	// Sentence is the text before the anchor, back to the previous sentence end, anchor or
	// line start, as plain text. When nothing stands there (an anchor that starts a line or
	// follows another one), it is the text after the anchor instead.
	Sentence string
}

// Timeline lists the valid timestamps of n in source order, each with its sentence. src is
// the note's text as (*Vault).Source returns it, so that the note's offsets point into it;
// the index keeps no text. Invalid timestamps are left out: they open nothing.
func Timeline(n *Note, src []byte) []TimelineEntry {
	if n == nil {
		return nil
	}
	out := make([]TimelineEntry, 0, len(n.Timestamps))
	prevEnd := n.BodyOffset
	for _, ts := range n.Timestamps {
		off := int(ts.Offset)
		if off < 0 || off > len(src) {
			continue
		}
		end := anchorEnd(src, off)
		if ts.Valid {
			s := sentenceBefore(src, off, max(prevEnd, n.BodyOffset))
			if s == "" {
				s = sentenceAfter(src, end)
			}
			out = append(out, TimelineEntry{Timestamp: ts, Sentence: s})
		}
		prevEnd = end
	}
	return out
}

// sentenceReach bounds how far a sentence is looked for: lines can be megabytes long.
const sentenceReach = 1000

// anchorEnd is the offset just past the timestamp anchor at off.
func anchorEnd(src []byte, off int) int {
	if _, n, ok := markdown.MatchTimestamp(src[off:min(len(src), off+sentenceReach)]); ok {
		return off + n
	}
	return off
}

func isSentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' }

// sentenceBefore is the plain text of the sentence that ends at off, starting no earlier
// than floor.
func sentenceBefore(src []byte, off, floor int) string {
	lo := max(floor, off-sentenceReach, 0)
	if lo > off {
		return ""
	}
	ls := lo
	if i := bytes.LastIndexByte(src[lo:off], '\n'); i >= 0 {
		ls = lo + i + 1
	}
	// The sentence's own full stop may stand before the anchor ("It grew. <a…>").
	j := off
	for j > ls && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j > ls && isSentenceEnd(src[j-1]) {
		j--
	}
	start := ls
	for i := j - 1; i > ls; i-- {
		if src[i] == ' ' && isSentenceEnd(src[i-1]) {
			start = i + 1
			break
		}
	}
	raw := src[start:off]
	if start == ls && (ls == 0 || src[ls-1] == '\n') {
		raw = trimBlockMarkers(raw)
	}
	return tidySentence(raw, true)
}

// sentenceAfter is the plain text from off to the next sentence end, anchor or line end.
func sentenceAfter(src []byte, off int) string {
	hi := min(len(src), off+sentenceReach)
	end := hi
	if i := bytes.IndexByte(src[off:hi], '\n'); i >= 0 {
		end = off + i
	}
	for i := off; i < end; i++ {
		if isSentenceEnd(src[i]) && (i+1 == end || src[i+1] == ' ') {
			end = i + 1
			break
		}
		if src[i] == '<' || src[i] == '[' {
			if _, _, ok := markdown.MatchTimestamp(src[i:end]); ok {
				end = i
				break
			}
		}
	}
	return tidySentence(src[off:end], false)
}

// tidySentence is raw as plain text, without the punctuation a neighbouring anchor leaves
// at its start, cut to about maxContext (keeping the end when keepEnd, nearest the anchor).
func tidySentence(raw []byte, keepEnd bool) string {
	s, _, _ := plainText(raw, -1)
	s = strings.TrimLeft(s, " .,;:!?)")
	s = strings.TrimSpace(s)
	if len(s) <= maxContext {
		return s
	}
	if keepEnd {
		from := len(s) - maxContext
		for from < len(s) && !utf8.RuneStart(s[from]) {
			from++
		}
		return "…" + s[from:]
	}
	to := maxContext
	for to > 0 && !utf8.RuneStart(s[to]) {
		to--
	}
	return s[:to] + "…"
}

// SiblingNotes returns the other notes about the same video as the note at p, sorted: the
// other topics one episode was cut into. It is empty when the note has no video.
func (ix *Index) SiblingNotes(p string) []string {
	n := ix.Note(p)
	if n == nil || n.VideoID == "" {
		return nil
	}
	var out []string
	for _, q := range ix.VideoNotes(n.VideoID) {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}

// Episode is one episode heading of a channel note, `### [Title](https://www.youtube.com/watch?v=ID)`,
// with the notes of the vault about that video.
type Episode struct {
	// Title is the heading as plain text.
	Title   string
	VideoID string
	// Notes are the paths of the notes whose videoId is VideoID, sorted; the slice is the
	// index's and must not be changed.
	Notes        []string
	Line, Offset int
}

// Episodes lists the episode headings of the note n (a channel note) in order, with how
// many notes of the vault were made from each episode. src is the note's text as
// (*Vault).Source returns it. Headings whose link is not a YouTube video are skipped; ids
// are validated like every other.
func (ix *Index) Episodes(n *Note, src []byte) []Episode {
	if n == nil {
		return nil
	}
	var out []Episode
	for _, h := range n.Headings {
		if h.Offset < 0 || h.Offset >= len(src) {
			continue
		}
		line := src[h.Offset:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		id := headingVideo(line)
		if id == "" {
			continue
		}
		out = append(out, Episode{Title: h.Text, VideoID: id, Notes: ix.VideoNotes(id), Line: h.Line, Offset: h.Offset})
	}
	return out
}

// headingVideo is the video id of a heading line written as `### [Title](video address)`, or "".
func headingVideo(line []byte) string {
	t := bytes.TrimSpace(bytes.TrimLeft(bytes.TrimSpace(line), "#"))
	if len(t) == 0 || t[0] != '[' {
		return ""
	}
	k := bytes.LastIndex(t, []byte("]("))
	if k < 0 || t[len(t)-1] != ')' {
		return ""
	}
	dest := strings.Trim(string(t[k+2:len(t)-1]), "<> ")
	return YouTubeID(dest)
}

// YouTubeID is the video id of a YouTube address (watch page, youtu.be short link, embed or
// nocookie embed, shorts and live pages), or "" when raw is none of these or the id is not
// valid.
func YouTubeID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	var id string
	switch host {
	case "youtube.com", "music.youtube.com", "youtube-nocookie.com":
		if u.Path == "/watch" {
			id = u.Query().Get("v")
			break
		}
		for _, pre := range []string{"/embed/", "/shorts/", "/live/", "/v/"} {
			if strings.HasPrefix(u.Path, pre) {
				id = strings.TrimSuffix(u.Path[len(pre):], "/")
			}
		}
	case "youtu.be":
		id = strings.TrimPrefix(u.Path, "/")
	}
	if !ValidVideoID(id) {
		return ""
	}
	return id
}

// TopicMention is one place in a video where a topic came up: a link into the topic note
// from a note with a video, at the timestamp nearest before the link.
type TopicMention struct {
	// Source is the note that links to the topic.
	Source  *Note
	VideoID string
	Seconds int
	// Context is the sentence around the link as plain text; ContextStart and ContextEnd
	// delimit the link's own text in it.
	Context                  string
	ContextStart, ContextEnd int
	// Offset and Line are where the link is in Source.
	Offset, Line int
}

// TopicMentions answers "where in all my videos did this come up": every link into the note
// at p from a note with a valid video and a valid timestamp at or before the link. They are
// grouped by video, the videos ordered by the smallest path of a note about them (so one
// channel's episodes stay together and in the order the folder lists them), and within a
// video ordered by second, then by path and place.
//
// Their contexts are those of the index: on a vault loaded WithoutLinkContexts, use
// Vault.TopicMentions.
func (ix *Index) TopicMentions(p string) []TopicMention {
	return topicMentions(ix.Backlinks(p), p)
}

// TopicMentions is Index.TopicMentions of the snapshot ix, with every mention's context even
// when the vault keeps none: they are read from the mentions' notes (FillLinkContexts), so
// call it off the UI goroutine. When ctx is done first, the contexts not yet read are empty.
func (v *Vault) TopicMentions(ctx context.Context, ix *Index, p string) []TopicMention {
	bs := ix.Backlinks(p)
	kept := bs[:0]
	for _, b := range bs {
		if topicMentionAt(b, p) != nil {
			kept = append(kept, b)
		}
	}
	v.FillLinkContexts(ctx, kept)
	return topicMentions(kept, p)
}

// topicMentionAt is the timestamp that makes the backlink b into p a topic mention, or nil
// when it is none.
func topicMentionAt(b Backlink, p string) *Timestamp {
	src := b.Source
	if src == nil || src.VideoID == "" || src.Path == p {
		return nil
	}
	return validAtOrBefore(src, b.Link.Timestamp)
}

// topicMentions is TopicMentions of the backlinks bs into p.
func topicMentions(bs []Backlink, p string) []TopicMention {
	var out []TopicMention
	first := map[string]string{}
	for _, b := range bs {
		src := b.Source
		ts := topicMentionAt(b, p)
		if ts == nil {
			continue
		}
		out = append(out, TopicMention{
			Source: src, VideoID: src.VideoID, Seconds: int(ts.Seconds),
			Context: b.Link.Context, ContextStart: int(b.Link.ContextStart), ContextEnd: int(b.Link.ContextEnd),
			Offset: int(b.Link.Offset), Line: int(b.Link.Line),
		})
		if f, ok := first[src.VideoID]; !ok || src.Path < f {
			first[src.VideoID] = src.Path
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.VideoID != b.VideoID {
			fa, fb := first[a.VideoID], first[b.VideoID]
			if fa != fb {
				return fa < fb
			}
			return a.VideoID < b.VideoID
		}
		if a.Seconds != b.Seconds {
			return a.Seconds < b.Seconds
		}
		if a.Source.Path != b.Source.Path {
			return a.Source.Path < b.Source.Path
		}
		return a.Offset < b.Offset
	})
	return out
}

// validAtOrBefore is the last valid timestamp of n at index i or before, or nil.
func validAtOrBefore(n *Note, i int32) *Timestamp {
	for ; i >= 0 && int(i) < len(n.Timestamps); i-- {
		if n.Timestamps[i].Valid {
			return &n.Timestamps[i]
		}
	}
	return nil
}
