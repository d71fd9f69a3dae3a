package widgets

import (
	"hash/maphash"
	"image/color"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Code blocks are coloured by language with chroma (issue #15), as a reader of Obsidian's
// reading view expects. Colouring happens while the note renders, off the UI goroutine: the
// block's text is cut into spans, each with chroma's token type, and the colours are chosen
// when the block is drawn, from chroma's GitHub styles, light or dark after the theme's
// background, so a theme change recolours without colouring again.

// codeSpan is a run of a code line's text of one token type.
type codeSpan struct {
	text string
	kind chroma.TokenType
}

// Limits on colouring: past them a block is shown plain. A note of generated code or a log
// pasted whole would otherwise keep the render busy for long (chroma's lexers are regular
// expressions, each match allowed 250 ms), and nobody reads a megabyte of code for its colours.
const (
	maxColouredCode = 256 << 10
	colourBudget    = 100 * time.Millisecond
)

// highlightCode returns the lines of text coloured as lang, or nil when lang names no
// language chroma knows (or is empty), or the text is past the limits.
func highlightCode(lang, text string) [][]codeSpan {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" || len(text) > maxColouredCode {
		return nil
	}
	key := codeKey{lang: lang, sum: maphash.String(codeSeed, text), n: len(text)}
	if lines, ok := codeCache.get(key); ok {
		return lines
	}
	lines := tokenise(lang, text)
	codeCache.put(key, lines)
	return lines
}

func tokenise(lang, text string) [][]codeSpan {
	lexer := lexers.Get(lang)
	if lexer == nil {
		return nil
	}
	lexer = chroma.Coalesce(lexer)
	it, err := lexer.Tokenise(&chroma.TokeniseOptions{State: "root", EnsureLF: true}, text)
	if err != nil {
		return nil
	}
	started := time.Now()
	lines := [][]codeSpan{nil}
	for tok := it(); tok != chroma.EOF; tok = it() {
		if time.Since(started) > colourBudget {
			return nil
		}
		// A token may span lines (a comment block, a string): cut it at each newline.
		for part := range strings.SplitSeq(tok.Value, "\n") {
			if part != "" {
				last := &lines[len(lines)-1]
				*last = append(*last, codeSpan{text: part, kind: tok.Type})
			}
			lines = append(lines, nil)
		}
		lines = lines[:len(lines)-1]
	}
	// EnsureLF made the text end in a newline: no line after it.
	if len(lines) > 1 && lines[len(lines)-1] == nil {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// codeKey names a coloured text in the cache: its language, a hash of it and its length.
type codeKey struct {
	lang string
	sum  uint64
	n    int
}

var codeSeed = maphash.MakeSeed()

// codeCache keeps the colourings of the last blocks coloured, so that a note shown again
// (after a reload, a zoom, going back) is not coloured again.
var codeCache = &lruCache[codeKey, [][]codeSpan]{max: 256}

// lruCache is a small map that forgets what was least recently used beyond max entries.
type lruCache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	tick  uint64
	items map[K]*lruItem[V]
}

type lruItem[V any] struct {
	v    V
	used uint64
}

func (c *lruCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.tick++
	it.used = c.tick
	return it.v, true
}

func (c *lruCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[K]*lruItem[V]{}
	}
	if len(c.items) >= c.max {
		// Keep only what the last three quarters of max uses touched (at most that many
		// entries), so that a put scans the map only now and then.
		cut := c.tick - uint64(c.max*3/4)
		for key, it := range c.items {
			if it.used <= cut {
				delete(c.items, key)
			}
		}
	}
	c.tick++
	c.items[k] = &lruItem[V]{v: v, used: c.tick}
}

// codeColours gives the colour of each token type in the light or dark style.
type codeColours struct{ style *chroma.Style }

var (
	lightCode = codeColours{styles.Get("github")}
	darkCode  = codeColours{styles.Get("github-dark")}
)

// of returns the colour of kind; ok is false when the style leaves it to the text's own
// colour.
func (c codeColours) of(kind chroma.TokenType) (col color.Color, ok bool) {
	e := c.style.Get(kind)
	if !e.Colour.IsSet() {
		return nil, false
	}
	return color.NRGBA{R: e.Colour.Red(), G: e.Colour.Green(), B: e.Colour.Blue(), A: 0xff}, true
}

// isDark says whether a background colour is a dark theme's.
func isDark(bg color.Color) bool {
	r, g, b, _ := bg.RGBA()
	return 299*r+587*g+114*b < 500*0xffff
}
