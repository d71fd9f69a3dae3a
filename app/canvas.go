package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"log"
	"path"
	"strings"
	"time"

	"vaultview/vault"
	"vaultview/vault/jsoncanvas"
	"vaultview/widgets"
)

// Canvas boards (issue #16, item 3): a `.canvas` file opens in the note's place as a board
// to pan and zoom. It is read and parsed off the UI goroutine; what cannot be shown is said
// on the status line with its line, and the rest shows.

// maxCardLines is how many lines of its note a file card shows; maxCardImage the largest
// image a card draws.
const (
	maxCardLines = 8
	maxCardImage = 16 << 20
)

// showCanvas opens the board at p.
func (w *Window) showCanvas(p string) {
	v, ix, ok := w.openingFile(p)
	if !ok {
		return
	}
	go func() {
		started := time.Now()
		data, err := v.ReadFile(p)
		var board *jsoncanvas.Board
		var problems []jsoncanvas.Problem
		if err == nil {
			board, problems, err = jsoncanvas.Parse(data)
		}
		files := map[string]widgets.CanvasFile{}
		if err == nil {
			for _, n := range board.Nodes {
				if n.Type == "file" {
					if _, done := files[n.File]; !done {
						files[n.File] = canvasFile(v, ix, p, n.File)
					}
				}
			}
			log.Printf("canvas %s: %d nodes, %d edges, %d problems, read in %v", p, len(board.Nodes), len(board.Edges),
				len(problems), time.Since(started).Round(time.Millisecond))
		}
		w.do(func() {
			if w.vault != v {
				return
			}
			if err != nil {
				w.setStatus(cannotShow(p, err))
				return
			}
			w.shown = ""
			w.canvas.RenderText = cardRenderer(v, ix, p, videoURL(w.player))
			w.canvas.SetBoard(board, files)
			w.setCenter(w.canvas)
			if c := w.win.Canvas(); c != nil {
				c.Focus(w.canvas)
			}
			switch len(problems) {
			case 0:
			case 1:
				w.setStatus(fmt.Sprintf("%s: not shown: %s", p, problems[0]))
			default:
				w.setStatus(fmt.Sprintf("%s: %d parts not shown; the first: %s", p, len(problems), problems[0]))
			}
		})
	}()
}

// cardRenderer renders the text cards of the board at p as notes of its folder: their links
// resolve from there, and their embeds, images and chips show as in a note.
func cardRenderer(v *vault.Vault, ix *vault.Index, p string, vurl func(string, int) string) func(string) *widgets.RenderedNote {
	name := strings.TrimSuffix(p, path.Ext(p)) + " (card).md"
	return func(text string) *widgets.RenderedNote {
		in := widgets.SnapshotInput(v, ix, vurl)
		in.Source = []byte(text)
		in.Note = vault.ParseNote(name, in.Source)
		return widgets.RenderNote(in)
	}
}

// canvasFile is what a file card of the board at from shows of the file it names.
func canvasFile(v *vault.Vault, ix *vault.Index, from, file string) widgets.CanvasFile {
	p := file
	if ix.Note(p) == nil && !ix.IsAttachment(p) {
		p = ix.Resolve(from, file)
	}
	if p == "" {
		return widgets.CanvasFile{Path: file, Missing: true}
	}
	n := ix.Note(p)
	if n == nil {
		kind, _ := vault.AttachmentKind(p)
		f := widgets.CanvasFile{Path: p, Title: path.Base(p)}
		if kind == "image" {
			if data, err := v.ReadFile(p); err == nil && len(data) <= maxCardImage {
				f.Image = fyne.NewStaticResource(path.Base(p), data)
				return f
			}
		}
		f.Lines = []string{kind}
		return f
	}
	f := widgets.CanvasFile{Path: p, Title: n.Title}
	src, err := v.Source(p)
	if err != nil {
		return f
	}
	body := src[min(max(n.BodyOffset, 0), len(src)):]
	for _, l := range strings.Split(string(body), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		f.Lines = append(f.Lines, l)
		if len(f.Lines) == maxCardLines {
			break
		}
	}
	return f
}
