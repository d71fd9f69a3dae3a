package search

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"sync/atomic"

	"vaultview/vault"
)

// A vault opened for the first time has no saved text index, and building one costs some
// seconds of both cores on a large vault (issue #14: 2 s of a 20,000-note vault's 4 s to
// become searchable), most of it looking tokens up in a dictionary of hundreds of thousands.
// Reading the notes' text, stripped and folded, costs a fraction of that. So the app first
// reads the text (ReadText) into a Store with no dictionary and no postings, which every
// search scans whole, counting each word and phrase with bytes.Count (which is what the scan
// of codes counts: see TestSearch_CountsAgreeWithText), and the vault is searchable with the
// same answers as soon as that is done; Build then indexes that text (FromText) without
// reading the notes again, and its store replaces the first.

// ReadText reads the text of every note of ix from v, on all cores, stripped and folded as
// Build reads it, and keeps it unindexed (see Indexed): a Store that answers every search as
// Build's would, by scanning all of its notes' text. progress and opts are as Build's; with
// CodesIn the text is kept in a nameless file of that folder, and an error writing it is
// returned (the text would take as much memory as the notes), as is ctx's when it is
// cancelled. Without CodesIn the text is kept in memory, which suits small vaults and tests.
func ReadText(ctx context.Context, v *vault.Vault, ix *vault.Index, progress func(done, total int), opts ...BuildOption) (*Store, error) {
	var cfg buildConfig
	for _, o := range opts {
		o(&cfg)
	}
	paths := ix.Paths()
	var cw *codeWriter
	if cfg.codesDir != "" {
		var err error
		if cw, err = newCodeWriter(cfg.codesDir); err != nil {
			return nil, err
		}
		if cfg.codesOut != nil {
			cw.out = cfg.codesOut(cw.out)
		}
	}
	var done atomic.Int64
	offsets := make([]int64, len(paths))
	texts, err := recodeAll(ctx, make([][]byte, len(paths)), offsets, cw, func(w *worker, i int) []byte {
		text := w.text(v, ix.Note(paths[i]), paths[i])
		if n := int(done.Add(1)); progress != nil && n%progressEvery == 0 && n < len(paths) {
			progress(n, len(paths))
		}
		return text
	})
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(len(paths), len(paths))
	}
	s := &Store{codes: texts.file, count: len(paths), notes: make([]noteText, len(paths))}
	for i, p := range paths {
		s.notes[i] = noteText{path: p, src: texts.file, at: offsets[i], n: texts.lens[i]}
	}
	return s, nil
}

// Indexed reports whether s has a dictionary and postings, as the stores Build, Open and
// Update make do, rather than being text ReadText read (or Update made from it). Only an
// indexed store is quick to search on a large vault, and only one can be saved.
func (s *Store) Indexed() bool { return s.dict != nil }

// FromText makes Build take the notes' text from text, a store ReadText made, instead of
// reading the notes again; a note text lacks is read from the vault.
func FromText(text *Store) BuildOption {
	return func(c *buildConfig) {
		if text != nil && !text.Indexed() {
			c.from = text
		}
	}
}

// textOf returns the text s (unindexed) holds for the note at p, in the worker's buffer.
func (s *Store) textOf(w *worker, p string) ([]byte, bool) {
	i, ok := s.slot(p)
	if !ok {
		return nil, false
	}
	nt := s.note(i)
	text, err := nt.src.read(w.strip.out[:0], nt.at, nt.n)
	if err != nil {
		return nil, false
	}
	w.strip.out = text
	if cap(w.strip.out) > 4<<20 {
		w.strip.out = nil // let one huge note's buffer go
	}
	return text, true
}

// slot returns where s holds the note at p.
func (s *Store) slot(p string) (int, bool) {
	byPath := func(n noteText, p string) int { return cmp.Compare(n.path, p) }
	if k, ok := slices.BinarySearchFunc(s.notes, p, byPath); ok && !s.isGone(k) {
		return k, true
	}
	if k, ok := slices.BinarySearchFunc(s.fresh, p, byPath); ok {
		return len(s.notes) + k, true
	}
	return 0, false
}

// compileText is compile for an unindexed store: every pattern may be anywhere in the text.
func compileText(q Query) *matcher {
	m := &matcher{text: true}
	var pats []string
	pats, m.positive = patternsOf(q)
	for _, w := range pats {
		p := pattern{text: []byte(w), parts: splitTokens([]byte(w))}
		p.inText = len(p.text) > 0
		m.scan = m.scan || p.inText
		m.pats = append(m.pats, p)
	}
	return m
}

// countAll counts the patterns in the text of each candidate, for an unindexed store, as
// the scan of codes counts them. A Without pattern found rejects the candidate, and so does
// a word that neither its text nor its title holds, before the next word is counted.
func (m *matcher) countAll(cands []candidate) {
	for j := range cands {
		c := &cands[j]
		for t := range m.pats {
			if !m.pats[t].inText {
				continue
			}
			n := bytes.Count(c.scan.codes, m.pats[t].text)
			c.scan.counts[t] = n
			if t >= m.positive && n > 0 || t < m.positive && n == 0 && c.inTitle&(1<<t) == 0 {
				c.scan.rejected = true
				break
			}
		}
	}
}
