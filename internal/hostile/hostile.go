package hostile

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Case is one hostile input of the fixture vault.
type Case struct {
	// Name says what is hostile about it, e.g. "a 20 MB note".
	Name string
	// Path is the vault-relative path of the file the case is about, with `/` separators, as
	// written on disk: it may hold invalid UTF-8 or name a symbolic link. For a case of
	// several files it is the one to open.
	Path string
	// Notes is how many notes the case adds to the vault: a folder of 10,000 adds 10,000, a
	// symbolic link or a skipped file none.
	Notes int
	// Warnings are what `vaultview check` must report about the case, each naming the file
	// (and line); none when nothing in it is skipped, refused or left unresolved.
	Warnings []Warning
	// OpenError, when set, says that the note cannot be shown: opening it shows a page that
	// says why, holding this text (a binary file with a .md name).
	OpenError string
	// Cut is set when the note is too large, or has a line too long, to be shown whole: the
	// note view must say that it shows only part of it.
	Cut bool
}

// Warning is one line `vaultview check` must print: it names Path (at Line, when not 0)
// and holds Message.
type Warning struct {
	// Path is the file as reports print it: vault-relative, invalid UTF-8 shown as U+FFFD.
	Path string
	// Line is 1-based; 0 for a warning about the whole file.
	Line int
	// Message is a part of the warning's text.
	Message string
}

// Matches reports whether a line of a report is this warning: it names the path, followed
// by `:Line` when Line is set, and holds the message.
func (w Warning) Matches(line string) bool {
	if !strings.Contains(line, w.Message) {
		return false
	}
	place := w.Path
	if w.Line > 0 {
		place = fmt.Sprintf("%s:%d", w.Path, w.Line)
	}
	for rest := line; ; {
		i := strings.Index(rest, place)
		if i < 0 {
			return false
		}
		rest = rest[i+len(place):]
		// a.md:1 is not a.md:12
		if w.Line == 0 || rest == "" || rest[0] < '0' || rest[0] > '9' {
			return true
		}
	}
}

// String is the warning as a test failure names it.
func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: …%s…", w.Path, w.Line, w.Message)
	}
	return fmt.Sprintf("%s: …%s…", w.Path, w.Message)
}

// Notes is the number of notes the vault of these cases holds.
func Notes(cases []Case) int {
	n := 0
	for _, c := range cases {
		n += c.Notes
	}
	return n
}

// Write writes the hostile vault into dir, an empty folder, and returns its cases. Inputs
// the file system refuses (see the package comment) are left out, with their cases; any
// other failure is an error.
func Write(dir string) ([]Case, error) {
	w := &writer{dir: dir}
	w.badNotes()
	w.largeNotes()
	w.embeds()
	w.addresses()
	w.names()
	w.folder()
	w.links()
	w.special()
	if w.err != nil {
		return nil, w.err
	}
	return w.cases, nil
}

// writer writes the files of the vault, keeping the first error.
type writer struct {
	dir   string
	cases []Case
	err   error
}

// file writes one file; refused reports that the file system does not allow the name, and
// the case is left out.
func (w *writer) file(p string, data []byte) (refused bool) {
	if w.err != nil {
		return true
	}
	full := filepath.Join(w.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		w.err = err
		return true
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		if nameRefused(err) {
			return true
		}
		w.err = fmt.Errorf("write %s: %w", p, err)
		return true
	}
	return false
}

// nameRefused reports an error of a file system that does not take a name (invalid UTF-8
// on macOS, say), as opposed to a failure.
func nameRefused(err error) bool {
	var pe *os.PathError
	return errors.As(err, &pe) && (strings.Contains(pe.Err.Error(), "illegal byte sequence") ||
		strings.Contains(pe.Err.Error(), "invalid argument"))
}

// note writes a note that is its own case, and returns the case (nil when the note was not
// written).
func (w *writer) note(name, p string, src string, warnings ...Warning) *Case {
	if w.file(p, []byte(src)) {
		return nil
	}
	w.cases = append(w.cases, Case{Name: name, Path: p, Notes: 1, Warnings: warnings})
	return &w.cases[len(w.cases)-1]
}

// badNotes are the broken notes of the vault engine's own tests (vault/badinput_test.go).
func (w *writer) badNotes() {
	at := func(p string, line int, msg string) Warning { return Warning{Path: p, Line: line, Message: msg} }
	w.note("invalid YAML", "bad/invalid_yaml.md", "---\ntitle: \"unclosed\nvideoId: APvj15_YCqk\n---\nbody [[target]]\n",
		at("bad/invalid_yaml.md", 4, "invalid frontmatter"))
	w.note("YAML that is no mapping", "bad/yaml_mapping.md", "---\ntitle: a: b: c\n---\nbody [[target]]\n",
		at("bad/yaml_mapping.md", 2, "invalid frontmatter"))
	w.note("frontmatter never closed", "bad/unclosed.md", "---\ntitle: x\n[[target]]\n",
		at("bad/unclosed.md", 1, "never ends"))
	if c := w.note("binary file named .md", "bad/binary.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xfe\xfd",
		at("bad/binary.md", 0, "binary")); c != nil {
		c.OpenError = "binary"
	}
	w.note("invalid UTF-8 in the text", "bad/invalid_utf8.md", "fine line\nbad \xff\xfe here [[target]]\n",
		at("bad/invalid_utf8.md", 2, "UTF-8"))
	w.note("NUL bytes in the text", "bad/nul.md", "text\nwith \x00 NUL [[target]]\n",
		at("bad/nul.md", 2, "NUL"))
	w.note("empty note", "bad/empty.md", "")
	w.note("10,000-deep block quotes", "bad/deep_quotes.md", strings.Repeat(">", 10000)+" deep [[target]]\n")
	w.note("10,000-deep lists", "bad/deep_lists.md", strings.Repeat("1. ", 10000)+"deep [[target]]\n")
	var indent strings.Builder
	for i := range 2000 {
		indent.WriteString(strings.Repeat("  ", i) + "- level [[target]]\n")
	}
	w.note("2,000-deep indented list", "bad/deep_indent.md", indent.String())
	w.note("timestamp that is no time", "bad/bad_timestamp.md", "<a class=\"yt-timestamp\" data-t=\"99:99\">[later]</a> text [[target]]\n",
		at("bad/bad_timestamp.md", 1, "is not a time"))
	w.note("target of the links above", "bad/target.md", "The target.\n")

	// YAML alias bombs: a billion laughs in lists, and one in mappings with merge keys.
	bomb := "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
	for i, c := range "bcdefghi" {
		prev := string(rune('a' + i))
		bomb += fmt.Sprintf("%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
	}
	w.note("YAML alias bomb (lists)", "bad/alias_bomb.md", bomb+"---\n[[target]]\n")
	merge := "---\nk0: &k0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n"
	for i := 1; i < 10; i++ {
		merge += fmt.Sprintf("k%d: &k%d {", i, i)
		for j := range 8 {
			merge += fmt.Sprintf("x%d: *k%d, ", j, i-1)
		}
		merge += fmt.Sprintf("<<: *k%d}\n", i-1)
	}
	w.note("YAML alias bomb (mappings, merge keys)", "bad/merge_bomb.md", merge+"title: merged\n---\n[[target]]\n")

	// videoIds carrying URL syntax: rejected with a warning, their timestamps open nothing.
	ts := "<a class=\"yt-timestamp\" data-t=\"00:00:01\">[00:00:01]</a> [[target]]\n"
	w.note("videoId with URL syntax", "bad/video_list.md", "---\nvideoId: x&list=evil\n---\n"+ts,
		at("bad/video_list.md", 2, "not a YouTube video id"))
	w.note("videoId with a javascript: address", "bad/video_js.md", "---\nvideoId: \"javascript:alert(1)\"\n---\n"+ts,
		at("bad/video_js.md", 2, "not a YouTube video id"))
	w.note("videoId that is a whole URL", "bad/video_url.md", "---\nvideoId: https://evil.example/watch?v=APvj15_YCqk\n---\n"+ts,
		at("bad/video_url.md", 2, "not a YouTube video id"))
}

// largeNotes are the notes too large to show whole, and the ones full of links or
// timestamps.
func (w *writer) largeNotes() {
	big := func(name, p string, src []byte, cut bool, warnings ...Warning) {
		if !w.file(p, src) {
			w.cases = append(w.cases, Case{Name: name, Path: p, Notes: 1, Cut: cut, Warnings: warnings})
		}
	}
	big("a 20 MB note", "big/huge.md", HugeNote(HugeNoteSize), true)
	big("a 5 MB line of words", "big/long_line.md", LongLine(LongLineSize), true)
	big("a 5 MB line without a space", "big/long_blob.md", LongBlob(LongLineSize), true)
	big("a 2 MB data: image", "big/data_image.md", DataImage(2<<20), true)
	big("100,000 links in one note", "big/links.md", LinksNote(ManyLinks), false)
	// One block too large to lay out at once: each takes seconds to minutes unless shown a
	// part at a time.
	big("a code block of 30,000 lines", "big/code.md", CodeBlockNote(30_000), false)
	big("a table of 10,000 rows", "big/table.md", TableNote(10_000), false)
	big("a callout of 3,000 lines", "big/callout.md", CalloutNote(3_000), false)
	big("a list item of 10,000 links", "big/list_item.md", ListItemNote(10_000), false)
	// 50,000 timestamps take 3.3 MB, more than the note view shows at once (2 MB).
	src := TimestampsNote(ManyTimestamps)
	big("50,000 timestamps in one note", "big/timestamps.md", src, true,
		Warning{Path: "big/timestamps.md", Line: lines(src), Message: "is not a time"})
}

// embeds are notes that embed themselves, each other, or a chain 100 deep.
func (w *writer) embeds() {
	w.note("a note that embeds itself", "embeds/self.md", "Me again:\n\n![[self]]\n\n![[embeds/self.md#Nothing]]\n")
	if !w.file("embeds/cycle_b.md", []byte("B embeds A:\n\n![[cycle_a]]\n")) {
		if c := w.note("two notes that embed each other", "embeds/cycle_a.md", "A embeds B:\n\n![[cycle_b]]\n"); c != nil {
			c.Notes = 2
		}
	}
	for i := EmbedChain - 1; i >= 1; i-- {
		next := "The bottom of the chain.\n"
		if i < EmbedChain-1 {
			next = fmt.Sprintf("![[link%03d]]\n", i+1)
		}
		w.file(fmt.Sprintf("chain/link%03d.md", i), []byte(fmt.Sprintf("Level %d\n\n%s", i, next)))
	}
	if c := w.note(fmt.Sprintf("an embed chain %d deep", EmbedChain), "chain/link000.md", "Level 0\n\n![[link001]]\n"); c != nil {
		c.Notes = EmbedChain
	}
	w.note("an embed of the 20 MB note", "embeds/huge.md", "The huge note, embedded:\n\n![[big/huge]]\n")
}

// addresses are links and images with schemes that must never be opened, and paths that
// lead out of the vault.
func (w *writer) addresses() {
	w.note("links with file:, javascript:, data: and vscode: schemes", "links/schemes.md", strings.Join([]string{
		"[file](file:///etc/passwd)",
		"[script](javascript:alert(1))",
		"[data](data:text/html,<script>alert(1)</script>)",
		"[editor](vscode://file/etc/passwd)",
		"<javascript:alert(1)> <file:///etc/passwd>",
		"![file image](file:///etc/passwd)",
		"![script image](javascript:alert(1))",
		"[upper](JAVASCRIPT:alert(1)) [spaced]( javascript:alert(1)) [entity](&#106;avascript:alert(1))",
		`<a href="javascript:alert(1)">html link</a> <img src="javascript:alert(1)">`,
		"![remote](http://127.0.0.1:9/x.png) <img src=\"http://127.0.0.1:9/y.png\">",
		"",
	}, "\n"))
	// `check` lists each as an unresolved link, with the target as written and its line.
	p := "links/outside.md"
	out := func(line int, target string) Warning {
		return Warning{Path: p, Line: line, Message: `"` + target + `"`}
	}
	w.note("links and images that lead out of the vault", p, strings.Join([]string{
		"[[../../etc/passwd]]",
		"[[/etc/hostname]]",
		"![[../../../etc/issue.png]]",
		"![up](../../outside_secret.png)",
		"![absolute](/etc/hosts_image.png)",
		"[markdown](../../../etc/shadow.md)",
		`<img src="../../../etc/group.png"> <img src="/etc/motd.png">`,
		"",
	}, "\n"), out(1, "../../etc/passwd"), out(2, "/etc/hostname"), out(3, "../../../etc/issue.png"),
		out(4, "../../outside_secret.png"), out(5, "/etc/hosts_image.png"), out(6, "../../../etc/shadow"))
}

// names are file names that are hard to display, to link to, or to keep apart.
func (w *writer) names() {
	// os.DirFS opens no path that is not UTF-8, so the note is reported and not read.
	bad := "names/bad\xff\xfename.md"
	if c := w.note("invalid UTF-8 in a file name", bad, "A note whose name is not UTF-8.\n",
		Warning{Path: strings.ToValidUTF8(bad, "\uFFFD"), Message: "not valid UTF-8"}); c != nil {
		c.Notes = 0
	}
	w.note("a right-to-left override in a file name", "names/\u202Egnp.exe\u202C.md", "Reads backwards.\n")
	w.note("isolation marks in a file name", "names/\u2068isolated\u2069.md", "Wrapped in U+2068 and U+2069.\n")
	w.note("isolation marks in a folder name", "\u2068channel\u2069/episode.md", "---\ntitle: \u2067Episode\u2069\n---\nIn a marked folder.\n")
	w.note("square brackets in a file name", "names/a [b] c.md", "Brackets.\n")
	w.note("double brackets in a file name", "names/[[double]].md", "Double brackets.\n")
	w.note("# in a file name", "names/hash#tag.md", "Hash.\n")
	w.note("| in a file name", "names/pipe|name.md", "Pipe.\n")
	w.note("links to the odd names", "names/links.md", "[[a [b] c]] [[hash#tag]] [[pipe|name]] [[[[double]]]] [[\u2068isolated\u2069]]\n")

	// Two names differing only by case: on a case-insensitive file system the second write
	// replaces the first, and the case is left out.
	upper, lower := "names/Clash.md", "names/clash.md"
	if w.file(upper, []byte("Upper case.\n")) || w.file(lower, []byte("Lower case.\n")) {
		return
	}
	a, errA := os.Stat(filepath.Join(w.dir, filepath.FromSlash(upper)))
	b, errB := os.Stat(filepath.Join(w.dir, filepath.FromSlash(lower)))
	if errA != nil || errB != nil || os.SameFile(a, b) {
		return
	}
	w.cases = append(w.cases, Case{Name: "two names differing only by case", Path: upper, Notes: 2,
		Warnings: []Warning{{Path: upper, Message: lower}}})
}

// folder is a folder of FolderNotes notes, each linking to the next.
func (w *writer) folder() {
	for i := range FolderNotes {
		name := FolderNote(i)
		src := fmt.Sprintf("---\ntitle: Note %d\n---\n# Note\n\nNext: [[%s]]. Back to [[big/links]].\n", i, FolderNote(i+1))
		if w.file(path.Join("many", name+".md"), []byte(src)) {
			return
		}
	}
	w.cases = append(w.cases, Case{Name: "a folder of 10,000 notes", Path: "many/" + FolderNote(0) + ".md", Notes: FolderNotes})
}

// links are symbolic links that lead out of the vault or in circles: none may be followed.
func (w *writer) links() {
	if w.err != nil {
		return
	}
	link := func(name, target, p string) {
		if err := os.Symlink(target, filepath.Join(w.dir, filepath.FromSlash(p))); err != nil {
			return // no symbolic links here (Windows without the right)
		}
		w.cases = append(w.cases, Case{Name: name, Path: p, Warnings: []Warning{{Path: p, Message: "symbolic link not followed"}}})
	}
	link("a symbolic link to /", "/", "root")
	link("a symbolic link to the vault's parent", "..", "up")
	link("a symbolic link to the vault itself (a loop)", ".", "loop")
	link("two symbolic links pointing at each other", "loop_b", "loop_a")
	link("the other of the two", "loop_a", "loop_b")
	link("a symbolic link to a file outside, named .md", "/etc/passwd", "passwd.md")
	link("a symbolic link to a note inside, named .md", "bad/target.md", "alias_of_target.md")
}

// special are files that are not regular files, and one that cannot be read.
func (w *writer) special() {
	if w.err != nil {
		return
	}
	if err := mkfifo(filepath.Join(w.dir, "pipe.md")); err == nil {
		// Opening a named pipe for reading blocks until something writes to it.
		w.cases = append(w.cases, Case{Name: "a named pipe named .md", Path: "pipe.md",
			Warnings: []Warning{{Path: "pipe.md", Message: "not a regular file"}}})
	}
	p := "unreadable.md"
	if w.file(p, []byte("secret\n")) {
		return
	}
	full := filepath.Join(w.dir, p)
	if err := os.Chmod(full, 0); err != nil {
		w.err = err
		return
	}
	c := Case{Name: "a note that cannot be read", Path: p}
	if f, err := os.Open(full); err == nil {
		f.Close() // the superuser reads it anyway: then it is an ordinary note
		c.Notes = 1
	} else {
		c.Warnings = []Warning{{Path: p, Message: "permission denied"}}
	}
	w.cases = append(w.cases, c)
}
