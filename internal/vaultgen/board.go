package vaultgen

import (
	"fmt"
	"strings"
)

// Board writes a Canvas board (JSON Canvas 1.0) of side×side cards for measuring boards as
// big as issue #16 asks (10,000 cards): a grid of text cards in Markdown (a heading, a list
// with emphasis and a link, now and then a callout), every tenth card a file card naming a
// note, every row a group, and each card joined to its right neighbour by a labelled edge.
// The same side gives the same bytes.
func Board(side int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"nodes":[`)
	first := true
	node := func(format string, args ...any) {
		if !first {
			sb.WriteByte(',')
		}
		first = false
		fmt.Fprintf(&sb, format, args...)
	}
	for row := range side {
		node(`{"id":"g%d","type":"group","x":%d,"y":%d,"width":%d,"height":190,"label":"Row %d","color":"%d"}`,
			row, -20, row*220-30, side*320, row+1, row%6+1)
	}
	for i := range side * side {
		x, y := (i%side)*320, (i/side)*220
		noun, other := nouns[i%len(nouns)], nouns[(i*7+3)%len(nouns)]
		if i%10 == 9 {
			node(`{"id":"n%d","type":"file","x":%d,"y":%d,"width":250,"height":140,"file":"notes/%s.md"}`, i, x, y, strings.ReplaceAll(other, " ", "_"))
			continue
		}
		text := fmt.Sprintf("## Card %d: the %s\n- how the **%s** grew\n- see [[%s]]\n", i, noun, noun, other)
		if i%7 == 0 {
			text += "\n> [!note] Why it matters\n> The " + other + " follows."
		}
		node(`{"id":"n%d","type":"text","x":%d,"y":%d,"width":250,"height":140,"text":%q}`, i, x, y, text)
	}
	sb.WriteString(`],"edges":[`)
	first = true
	for i := range side * side {
		if i%side == side-1 {
			continue
		}
		node(`{"id":"e%d","fromNode":"n%d","fromSide":"right","toNode":"n%d","toSide":"left","label":"then"}`, i, i, i+1)
	}
	sb.WriteString(`]}`)
	return []byte(sb.String())
}
