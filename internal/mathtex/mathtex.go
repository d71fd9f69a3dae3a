// Package mathtex typesets the display math of notes (issue #15, item 4) in pure Go, with no
// TeX installation and no network: a formula written for MathJax, as Obsidian's notes are,
// is rewritten into plain TeX where it uses the common AMS forms (matrices, cases, aligned
// equations, \text, \mathbb, …), set by star-tex, a Go port of TeX, through
// github.com/tdewolff/canvas, and drawn into an image in any colour and size. A formula that
// plain TeX cannot set is an error, which the window shows as the formula's source and
// `check` reports.
package mathtex

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"strings"
	"sync"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// maxTeX bounds a formula: TeX is a programming language, and a formula that long is no
// formula a reader wrote.
const maxTeX = 8 << 10

// ErrTooLong is the error of a formula over maxTeX bytes.
var ErrTooLong = errors.New("formula too long to typeset")

// ErrProgram is the error of a formula that uses TeX as a programming language: TeX would
// run it as long as it says, perhaps for ever, with nothing to stop it.
var ErrProgram = errors.New("formula defines or runs TeX code, which is not typeset")

// programs are the commands a formula may not use: those that define or loop (a loop needs
// a definition), read or write files, change how the input is read, name a command
// indirectly, or multiply what is drawn. ^^ is refused too: it spells any character, and so any command.
var programs = map[string]bool{
	"def": true, "edef": true, "gdef": true, "xdef": true, "let": true, "futurelet": true,
	"loop": true, "repeat": true, "csname": true, "expandafter": true, "afterassignment": true,
	"aftergroup": true, "everymath": true, "everydisplay": true, "everypar": true,
	"everyhbox": true, "everyvbox": true, "everycr": true, "everyjob": true, "input": true,
	"endinput": true, "openin": true, "read": true, "write": true, "openout": true,
	"immediate": true, "catcode": true, "uppercase": true, "lowercase": true, "output": true,
	"end": true, "dump": true, "patterns": true, "hyphenation": true, "special": true,
	"mark": true, "insert": true, "vadjust": true, "scantokens": true, "newcommand": true,
	"renewcommand": true, "newcount": true, "advance": true, "multiply": true, "divide": true,
	// Leaders repeat a box across a space, nested they repeat it millions of times.
	"leaders": true, "cleaders": true, "xleaders": true,
}

// ErrTooLarge is the error of a formula that sets to more than a page.
var ErrTooLarge = errors.New("formula sets larger than a page")

// maxMM bounds a set formula's width and height, in millimetres.
const maxMM = 400

// program reports whether tex uses a command of programs, or ^^.
func program(tex string) bool {
	if strings.Contains(tex, "^^") {
		return true
	}
	for i := 0; i < len(tex); i++ {
		if tex[i] != '\\' {
			continue
		}
		j := i + 1
		for j < len(tex) && (tex[j] >= 'a' && tex[j] <= 'z' || tex[j] >= 'A' && tex[j] <= 'Z') {
			j++
		}
		if programs[tex[i+1:j]] {
			return true
		}
		if j == i+1 {
			j++ // \ and the like: skip the escaped character
		}
		i = j - 1
	}
	return false
}

var (
	// mu serialises typesetting: canvas.ParseLaTeX prints TeX's log to standard output when
	// a formula fails, so standard output is pointed away while it runs, which must not
	// happen twice at once.
	mu    sync.Mutex
	paths = map[string]result{}
)

type result struct {
	path *canvas.Path
	err  error
}

// maxCached is how many formulas' outlines are kept.
const maxCached = 512

// Check typesets tex as display math and returns why it cannot be, or nil.
func Check(tex string) error {
	_, err := outline(tex, false)
	return err
}

// CheckInline typesets tex as math inside a line ($…$) and returns why it cannot be, or nil.
func CheckInline(tex string) error {
	_, err := outline(tex, true)
	return err
}

// Metrics is the size of tex set inside a line, in units of the text size: its width, and
// how far it rises above and sinks below the baseline.
func Metrics(tex string) (width, ascent, descent float64, err error) {
	p, err := outline(tex, true)
	if err != nil {
		return 0, 0, 0, err
	}
	b := p.Bounds()
	em := 10 * pointMM
	return b.W() / em, b.Y1 / em, -b.Y0 / em, nil
}

// outline returns the glyphs of tex as one path, in millimetres at TeX's 10 pt: in TeX's
// display style, or in its text style for math inside a line (smaller fractions, limits
// beside the operator).
func outline(tex string, inline bool) (*canvas.Path, error) {
	if len(tex) > maxTeX {
		return nil, ErrTooLong
	}
	plain := Plain(tex)
	if program(plain) { // after the rewriting, which takes out the \begin and \end it knows
		return nil, ErrProgram
	}
	style, key := `\displaystyle `, "D"+tex
	if inline {
		// A line needs the formula's baseline, and the outline keeps it only when the
		// formula starts with a glyph: one starting with a fraction, a root or a sum with
		// limits comes out shifted by that box's depth. So an x goes first, and its
		// outlines are taken out again.
		style, key = `\textstyle x{}`, "T"+tex
	}
	mu.Lock()
	defer mu.Unlock()
	if r, ok := paths[key]; ok {
		return r.path, r.err
	}
	p, err := parse(style + plain)
	if inline && err == nil {
		p, err = withoutLeadingX(p)
	}
	if len(paths) >= maxCached {
		clear(paths)
	}
	paths[key] = result{p, err}
	return p, err
}

// xContours is how many outlines TeX's italic x has.
var xContours = sync.OnceValue(func() int {
	p, err := parse(`\textstyle x`)
	if err != nil {
		return 0
	}
	return len(p.Split())
})

// withoutLeadingX takes the outlines of the x that starts p out of it.
func withoutLeadingX(p *canvas.Path) (*canvas.Path, error) {
	n := xContours()
	parts := p.Split()
	if n == 0 || len(parts) <= n {
		return nil, errors.New("it sets to nothing")
	}
	out := &canvas.Path{}
	return out.Append(parts[n:]...), nil
}

// parse runs TeX on a plain TeX formula (with its style first), with standard output
// pointed away.
func parse(plain string) (p *canvas.Path, err error) {
	if null, e := os.OpenFile(os.DevNull, os.O_WRONLY, 0); e == nil {
		stdout := os.Stdout
		os.Stdout = null
		defer func() { os.Stdout = stdout; null.Close() }()
	}
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("TeX failed: %v", r)
		}
	}()
	p, err = canvas.ParseLaTeX(plain)
	if err != nil {
		return nil, errors.New("plain TeX cannot set it (an unknown command or unbalanced braces)")
	}
	if p == nil || p.Empty() {
		return nil, errors.New("it sets to nothing")
	}
	if b := p.Bounds(); b.W() > maxMM || b.H() > maxMM {
		return nil, ErrTooLarge
	}
	return p, nil
}

// pointMM is a TeX point in millimetres.
const pointMM = 25.4 / 72.27

// Image draws tex in colour col with its 10 pt text at textPx pixels (the note's text size),
// with a margin of a pixel or two; baseline is how far down the image the formula's
// baseline is.
func Image(tex string, col color.Color, textPx float64) (img image.Image, baseline int, err error) {
	return draw(tex, false, col, textPx)
}

// InlineImage is Image for math inside a line, in TeX's text style.
func InlineImage(tex string, col color.Color, textPx float64) (img image.Image, baseline int, err error) {
	return draw(tex, true, col, textPx)
}

func draw(tex string, inline bool, col color.Color, textPx float64) (img image.Image, baseline int, err error) {
	p, err := outline(tex, inline)
	if err != nil {
		return nil, 0, err
	}
	dpmm := textPx / (10 * pointMM)
	b := p.Bounds()
	margin := 2 / dpmm
	w, h := b.W()+2*margin, b.H()+2*margin
	c := canvas.New(w, h)
	ctx := canvas.NewContext(c)
	ctx.SetFillColor(col)
	ctx.DrawPath(margin-b.X0, margin-b.Y0, p)
	rgba := rasterizer.Draw(c, canvas.DPMM(dpmm), canvas.DefaultColorSpace)
	return rgba, int((margin + b.Y1) * dpmm), nil
}

// Plain rewrites what MathJax reads and plain TeX does not into plain TeX: environments
// (matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, cases, aligned, align, align*,
// gathered, split, array) with `\\` between their rows, and commands such as \text,
// \mathbb, \mathrm, \operatorname, \dfrac, \lvert. What it does not know it leaves as it is.
func Plain(tex string) string {
	tex = environments(tex)
	for _, r := range commands {
		tex = replaceCommand(tex, r.name, r.open, r.close)
	}
	return simple.Replace(tex)
}

// environments rewrites each \begin{name}…\end{name}, innermost first.
func environments(tex string) string {
	for range 64 { // bounded: each round rewrites one environment
		end := strings.Index(tex, `\end{`)
		if end < 0 {
			return tex
		}
		close := strings.IndexByte(tex[end:], '}')
		if close < 0 {
			return tex
		}
		name := tex[end+5 : end+close]
		begin := strings.LastIndex(tex[:end], `\begin{`+name+`}`)
		if begin < 0 {
			return tex
		}
		bodyStart := begin + len(`\begin{`+name+`}`)
		body := tex[bodyStart:end]
		if name == "array" && strings.HasPrefix(body, "{") { // its column spec
			if k := strings.IndexByte(body, '}'); k >= 0 {
				body = body[k+1:]
			}
		}
		body = strings.ReplaceAll(body, `\\`, `\cr `)
		// Rows are set with \halign in a \vcenter, as plain TeX's \matrix does, but without
		// its \mathstrut rows; and vertical bars are rules, not the extensible |, which
		// the DVI reader of tdewolff/canvas cannot follow around a tall box.
		grid := `\vcenter{\halign{\hfil$#$\hfil&&\quad\hfil$#$\hfil\cr ` + body + `\crcr}}`
		var out string
		switch name {
		case "matrix", "array", "smallmatrix":
			out = grid
		case "pmatrix":
			out = `\left(` + grid + `\right)`
		case "bmatrix":
			out = `\left[` + grid + `\right]`
		case "Bmatrix":
			out = `\left\{` + grid + `\right\}`
		case "vmatrix":
			out = `\hbox{\vrule\kern2pt$` + grid + `$\kern2pt\vrule}`
		case "Vmatrix":
			out = `\hbox{\vrule\kern1pt\vrule\kern2pt$` + grid + `$\kern2pt\vrule\kern1pt\vrule}`
		case "cases":
			out = `\left\{\vcenter{\halign{$#$\hfil&\quad$#$\hfil\cr ` + body + `\crcr}}\right.`
		case "aligned", "align", "align*", "split", "gathered", "gather", "gather*", "equation", "equation*", "alignat":
			out = `\vcenter{\halign{\hfil$\displaystyle#$&&$\displaystyle{}#$\hfil\cr ` + body + `\crcr}}`
		default:
			out = body // unknown: its body alone, which may still set
		}
		tex = tex[:begin] + out + tex[end+close+1:]
	}
	return tex
}

// commands are rewritten with their braced argument: \name{x} → open x close.
var commands = []struct{ name, open, close string }{
	{`\text`, `\hbox{`, `}`},
	{`\textrm`, `\hbox{`, `}`},
	{`\mathrm`, `{\rm `, `}`},
	{`\mathbf`, `{\bf `, `}`},
	{`\mathit`, `{\it `, `}`},
	{`\mathbb`, `{\bf `, `}`},
	{`\mathcal`, `{\cal `, `}`},
	{`\operatorname`, `\mathop{\rm `, `}`},
	{`\boldsymbol`, `{\bf `, `}`},
}

// replaceCommand rewrites every \name{arg}, arg with balanced braces, as open arg close.
func replaceCommand(tex, name, open, close string) string {
	var b strings.Builder
	for {
		i := strings.Index(tex, name+"{")
		if i < 0 {
			b.WriteString(tex)
			return b.String()
		}
		depth, j := 0, i+len(name)
		for ; j < len(tex); j++ {
			if tex[j] == '{' {
				depth++
			} else if tex[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j == len(tex) {
			b.WriteString(tex)
			return b.String()
		}
		b.WriteString(tex[:i])
		b.WriteString(open)
		b.WriteString(tex[i+len(name)+1 : j])
		b.WriteString(close)
		tex = tex[j+1:]
	}
}

// simple are the commands plain TeX spells otherwise.
var simple = strings.NewReplacer(
	`\dfrac`, `\frac`, `\tfrac`, `\frac`,
	`\lvert`, `|`, `\rvert`, `|`, `\lVert`, `\|`, `\rVert`, `\|`,
	`\implies`, `\Longrightarrow`, `\iff`, `\Longleftrightarrow`,
	`\coloneqq`, `:=`, `\nonumber`, ``, `\notag`, ``,
)
