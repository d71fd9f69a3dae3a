package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// The sizes of the large inputs.
const (
	// HugeNoteSize is the size of the huge note: 20 MB, far beyond any note a person writes.
	HugeNoteSize = 20 << 20
	// LongLineSize is the length of the one-line notes: 5 MB without a line break.
	LongLineSize = 5 << 20
	// ManyLinks is the number of links in the note full of links.
	ManyLinks = 100_000
	// ManyTimestamps is the number of timestamp anchors in the note full of timestamps.
	ManyTimestamps = 50_000
	// FolderNotes is the number of notes in the crowded folder.
	FolderNotes = 10_000
	// EmbedChain is how many notes embed one another in a chain.
	EmbedChain = 100
)

// VideoID is the valid YouTube id the notes with timestamps carry.
const VideoID = "APvj15_YCqk"

var words = strings.Fields(`harbour tide current estuary channel sediment basin delta
	shoal lagoon reef breakwater jetty dredge silt marsh inlet spit bar swell fetch surge
	ebb flood neap spring slack berth quay mooring beacon sounding chart datum range`)

// anchor is a timestamp anchor at the given second, as the notes write them.
func anchor(sec int) string {
	h, m, s := sec/3600%24, sec/60%60, sec%60
	return fmt.Sprintf(`<a class="yt-timestamp" data-t="%02d:%02d:%02d">[%02d:%02d:%02d]</a>`, h, m, s, h, m, s)
}

// FolderNote is the name (without `.md`) of note i of the crowded folder.
func FolderNote(i int) string { return fmt.Sprintf("note%05d", i%FolderNotes) }

// HugeNote returns a note of at least size bytes in the usual shape — frontmatter, headed
// sections of paragraphs with links and timestamps, lists, a table now and then — so that
// rendering it does everything a real note asks, many times over.
func HugeNote(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 4096)
	fmt.Fprintf(&b, "---\ntitle: A note of %d MB\nvideoId: %s\n---\n# A very long note\n\n", size>>20, VideoID)
	for part := 0; b.Len() < size; part++ {
		fmt.Fprintf(&b, "## Part %d\n\n", part)
		for p := range 3 {
			sec := (part*3 + p) % 86400
			fmt.Fprintf(&b, "Part %d, paragraph %d, at %s: ", part, p, anchor(sec))
			for w := range 90 {
				b.WriteString(words[(part*7+p*13+w)%len(words)])
				switch {
				case w%30 == 10:
					fmt.Fprintf(&b, " [[%s]]", FolderNote(part*3+p))
				case w%30 == 20:
					fmt.Fprintf(&b, " [[%s | the %s note]]", FolderNote(part+w), words[w%len(words)])
				case w%15 == 14:
					b.WriteString(".")
				}
				b.WriteByte(' ')
			}
			b.WriteString("The end.\n\n")
		}
		if part%4 == 0 {
			for i := range 5 {
				fmt.Fprintf(&b, "- item %d of part %d, **bold** and `code` and #tag%d\n", i, part, i)
			}
			b.WriteByte('\n')
		}
		if part%16 == 0 {
			fmt.Fprintf(&b, "| part | link |\n| --- | --- |\n| %d | [[%s]] |\n\n", part, FolderNote(part))
		}
	}
	return b.Bytes()
}

// LongLine returns a note that is one line of at least size bytes: words, links and
// timestamps, with spaces, as a transcript pasted without line breaks is.
func LongLine(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 256)
	fmt.Fprintf(&b, "---\nvideoId: %s\n---\nstart [[%s]] ", VideoID, FolderNote(0))
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "%s [[%s]] %s ", words[i%len(words)], FolderNote(i), anchor(i%86400))
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// LongBlob returns a note that is one line of at least size bytes with no space in it at
// all (base64-like text), which no word wrapping can break at a space.
func LongBlob(size int) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b := make([]byte, 0, size+1)
	for i := 0; len(b) < size; i++ {
		b = append(b, alphabet[(i*7+i/64)%len(alphabet)])
	}
	return append(b, '\n')
}

// DataImage returns a note holding one Markdown image whose address is a data: URL of at
// least size bytes, as a picture pasted into a note by some editors is.
func DataImage(size int) []byte {
	blob := LongBlob(size)
	return []byte("Before the picture.\n\n![pasted](data:image/png;base64," + string(blob[:len(blob)-1]) + ")\n\nAfter the picture.\n")
}

// LinksNote returns a note with n links in one paragraph: to the notes of the crowded folder
// in several spellings (plain, with an alias, with a path), and one in a hundred to a note
// that does not exist. 100,000 of them take 1.6 MB.
func LinksNote(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 24)
	fmt.Fprintf(&b, "# %d links\n\n", n)
	for i := range n {
		switch {
		case i%100 == 99:
			fmt.Fprintf(&b, "[[missing topic %d]]", i/100)
		case i%3 == 0:
			fmt.Fprintf(&b, "[[%s]]", FolderNote(i))
		case i%3 == 1:
			fmt.Fprintf(&b, "[[%s|%d]]", FolderNote(i), i%1000)
		default:
			fmt.Fprintf(&b, "[[many/%s]]", FolderNote(i))
		}
		if i%10 == 9 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// TimestampsNote returns a note with n valid timestamp anchors, a hundred to a paragraph,
// followed by one that is not a time (99:99) on the last line, which must be reported with
// that line.
func TimestampsNote(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 72)
	fmt.Fprintf(&b, "---\ntitle: %d timestamps\nvideoId: %s\n---\n", n, VideoID)
	for i := range n {
		fmt.Fprintf(&b, "Point %d %s\n", i, anchor(i%86400))
		if i%100 == 99 {
			b.WriteByte('\n')
		}
	}
	b.WriteString(`And one that is no time: <a class="yt-timestamp" data-t="99:99">[later]</a>` + "\n")
	return b.Bytes()
}

// lines is the number of lines of src, counting a last line without a line break.
func lines(src []byte) int {
	n := bytes.Count(src, []byte{'\n'})
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}

// CodeBlockNote returns a note that is one fenced code block of n lines, as a pasted log is.
func CodeBlockNote(n int) []byte {
	var b bytes.Buffer
	b.WriteString("A log:\n\n```\n")
	for i := range n {
		fmt.Fprintf(&b, "2024-01-01T00:%02d:%02d [[not a link]] line %d of the log <a href=x>\n", i/60%60, i%60, i)
	}
	b.WriteString("```\n")
	return b.Bytes()
}

// TableNote returns a note that is one table of n rows, each with a link.
func TableNote(n int) []byte {
	var b bytes.Buffer
	b.WriteString("| row | note | text |\n| --- | :-: | --: |\n")
	for i := range n {
		fmt.Fprintf(&b, "| %d | [[%s]] | %s |\n", i, FolderNote(i), words[i%len(words)])
	}
	return b.Bytes()
}

// CalloutNote returns a note that is one callout of n lines, each with a link.
func CalloutNote(n int) []byte {
	var b bytes.Buffer
	b.WriteString("> [!info] A long callout\n")
	for i := range n {
		fmt.Fprintf(&b, "> line %d of the callout, about [[%s]]\n", i, FolderNote(i))
	}
	return b.Bytes()
}

// ListItemNote returns a note that is one list item holding n links.
func ListItemNote(n int) []byte {
	var b bytes.Buffer
	b.WriteString("- first item\n- ")
	for i := range n {
		fmt.Fprintf(&b, "[[%s]] ", FolderNote(i))
	}
	b.WriteString("\n- last item\n")
	return b.Bytes()
}
