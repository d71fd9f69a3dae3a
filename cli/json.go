package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"vaultview/vault"
)

// The JSON document of `vaultview index --json`. Paths are vault-relative with `/`; lines are
// 1-based and count frontmatter lines.
type jsonNote struct {
	Path    string   `json:"path"`
	Title   string   `json:"title"`
	VideoID *string  `json:"videoId"`
	Tags    []string `json:"tags"`
	Aliases []string `json:"aliases"`
}

type jsonLink struct {
	Source   string  `json:"source"`
	Line     int     `json:"line"`
	Kind     string  `json:"kind"`
	Target   string  `json:"target"`
	Fragment string  `json:"fragment"`
	Alias    string  `json:"alias"`
	Resolved *string `json:"resolved"`
}

type jsonTimestamp struct {
	Source  string  `json:"source"`
	Line    int     `json:"line"`
	Value   string  `json:"value"`
	Seconds *int    `json:"seconds"`
	URL     *string `json:"url"`
}

// jsonFile is a file of the vault that is not a note (an image, a PDF, a .base or .canvas
// file), with the notes that embed it.
type jsonFile struct {
	Path       string   `json:"path"`
	Kind       string   `json:"kind"`
	EmbeddedIn []string `json:"embeddedIn"`
}

type jsonWarning struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// WriteJSON writes the whole index as one JSON document. It streams item by item, so a
// 20,000-note vault never exists twice in memory.
func WriteJSON(w io.Writer, ix *vault.Index) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	paths := ix.Paths()

	// One item a line, so the document reads well and diffs well.
	section := func(name string, first bool, each func(emit func(v any))) {
		if !first {
			bw.WriteString(",\n")
		}
		bw.WriteString(`"` + name + `":[`)
		n := 0
		each(func(v any) {
			if n > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n  ")
			item.Reset()
			_ = enc.Encode(v)
			bw.Write(bytes.TrimSuffix(item.Bytes(), []byte{'\n'}))
			n++
		})
		if n > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString("]")
	}

	bw.WriteString("{\n")
	section("notes", true, func(emit func(any)) {
		for _, p := range paths {
			n := ix.Note(p)
			emit(jsonNote{Path: p, Title: n.Title, VideoID: optional(n.VideoID), Tags: nonNil(n.Tags), Aliases: nonNil(n.Aliases)})
		}
	})
	section("links", false, func(emit func(any)) {
		for _, p := range paths {
			for _, l := range ix.Links(p) {
				emit(jsonLink{Source: p, Line: int(l.Line), Kind: l.Kind.String(), Target: l.Target, Fragment: l.Fragment, Alias: l.Alias, Resolved: optional(l.Resolved)})
			}
		}
	})
	section("timestamps", false, func(emit func(any)) {
		for _, p := range paths {
			n := ix.Note(p)
			for _, t := range n.Timestamps {
				jt := jsonTimestamp{Source: p, Line: int(t.Line), Value: t.Value}
				if t.Valid {
					s := int(t.Seconds)
					jt.Seconds = &s
					jt.URL = optional(vault.VideoURL(n.VideoID, s))
				}
				emit(jt)
			}
		}
	})
	section("files", false, func(emit func(any)) {
		for _, p := range ix.Attachments() {
			kind, _ := vault.AttachmentKind(p)
			in := []string{}
			for _, b := range ix.Backlinks(p) {
				if b.Link.Kind == vault.Embed && (len(in) == 0 || in[len(in)-1] != b.Source.Path) {
					in = append(in, b.Source.Path)
				}
			}
			emit(jsonFile{Path: p, Kind: kind, EmbeddedIn: in})
		}
	})
	section("warnings", false, func(emit func(any)) {
		for _, p := range ix.Problems() {
			emit(jsonWarning{Path: p.Path, Line: p.Line, Message: p.Message})
		}
	})
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
