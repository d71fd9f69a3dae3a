package vaultgen

import "math"

// Options describe the vault to generate. Zero fields take defaults scaled to Notes, so
// Options{Notes: 200} is a small vault with the same proportions as the default one.
type Options struct {
	// Notes is the number of .md files, including index.md, directory.md and the channel
	// notes. 0 means 20,000; fewer than 10 is raised to 10.
	Notes int
	// Seed selects the vault; the same Options always give byte-identical files.
	Seed int64
	// MeanNoteBytes is the average size of a note; the sizes spread log-normally around it.
	// 0 means 8,000, which gives the default vault its ~160 MB.
	MeanNoteBytes int
	// Channels is the number of channel folders; 0 means about sqrt(Notes)/3.5 (40 for the
	// default vault), at least 2.
	Channels int
	// LinksPerNote is the average number of links per note over the whole vault; 0 means 10
	// for notes of 8,000 bytes, in proportion for other sizes.
	LinksPerNote float64
	// TimestampsPerNote is the average number of timestamp anchors per note; 0 means 35 for
	// notes of 8,000 bytes, in proportion for other sizes. Anchors are ~56 bytes each, so
	// more than one per ~150 bytes of note makes the notes larger than MeanNoteBytes.
	TimestampsPerNote float64
	// UnresolvedShare is the share of links whose target exists nowhere; 0 means 0.2,
	// a negative value means none.
	UnresolvedShare float64
	// HugeNotes is the number of very large notes (HugeNoteBytes each), the worst cases for
	// rendering and parsing. 0 means one per 5,000 notes (4 by default, 1 from 1,000 notes,
	// none below); a negative value means none.
	HugeNotes int
	// HugeNoteBytes is the size of a huge note; 0 means 1,000,000. It is capped at 1/16 of
	// the vault so that a small vault is not dominated by its huge notes.
	HugeNoteBytes int
	// NoCaseClash leaves out the two notes whose names differ only by case, which cannot
	// both exist on a case-insensitive file system (macOS, Windows).
	NoCaseClash bool
	// Regular selects the first generator (round 1's benchmark vault): template sentences
	// from ~10,000 words, 40 channels for 20,000 notes, a wider spread of note sizes and
	// few notes the fast scanner declines. Without it the vault is calibrated to a real
	// one (lexicon.go, issue #14): its figures are held to the real vault's by
	// internal/vaultstats' tests. Kept so that old benchmark figures can be reproduced.
	Regular bool
}

// DefaultOptions returns the options of the benchmark vault, calibrated to a real one:
// 20,000 notes, ~156 MB, 75 channels, ~10 links and ~35 timestamps per note, 21% unresolved
// links, 4 notes of ~1 MB.
//
// Channels and HugeNotes stay zero: they follow Notes (77 and 4 at 20,000), so changing only
// Notes of the defaults still gives a vault of the same shape.
func DefaultOptions() Options {
	return Options{
		Notes:             20000,
		Seed:              1,
		MeanNoteBytes:     7800,
		LinksPerNote:      10,
		TimestampsPerNote: 35,
		UnresolvedShare:   0.21,
		HugeNoteBytes:     1000000,
	}
}

// RegularOptions returns the options of round 1's benchmark vault (Options.Regular): 20,000
// notes, ~160 MB, 40 channels.
func RegularOptions() Options {
	o := DefaultOptions()
	o.MeanNoteBytes = 8000
	o.UnresolvedShare = 0.2
	o.Regular = true
	return o
}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	if o.Notes == 0 {
		o.Notes = 20000
	}
	if o.Notes < 10 {
		o.Notes = 10
	}
	if o.MeanNoteBytes <= 0 {
		o.MeanNoteBytes = 8000
	}
	if o.MeanNoteBytes < 600 {
		o.MeanNoteBytes = 600
	}
	if o.Channels <= 0 {
		if o.Regular {
			o.Channels = int(math.Sqrt(float64(o.Notes)) / 3.5)
		} else {
			// The real vault: 82 folders for 21,273 notes; small vaults as the regular one.
			o.Channels = max(int(math.Sqrt(float64(o.Notes))/3.5), o.Notes*82/21273)
		}
	}
	o.Channels = max(2, min(o.Channels, o.Notes/5))
	scale := float64(o.MeanNoteBytes) / 8000
	if o.LinksPerNote <= 0 {
		o.LinksPerNote = max(3, 10*scale)
	}
	if o.TimestampsPerNote <= 0 {
		o.TimestampsPerNote = 35 * scale
	}
	switch {
	case o.UnresolvedShare == 0:
		o.UnresolvedShare = 0.2
	case o.UnresolvedShare < 0:
		o.UnresolvedShare = 0
	case o.UnresolvedShare > 0.9:
		o.UnresolvedShare = 0.9
	}
	switch {
	case o.HugeNotes == 0:
		o.HugeNotes = o.Notes / 5000
		if o.Notes >= 1000 {
			o.HugeNotes = max(1, o.HugeNotes)
		}
	case o.HugeNotes < 0:
		o.HugeNotes = 0
	}
	o.HugeNotes = min(o.HugeNotes, o.Notes/10)
	if o.HugeNoteBytes <= 0 {
		o.HugeNoteBytes = 1000000
	}
	o.HugeNoteBytes = min(o.HugeNoteBytes, o.Notes*o.MeanNoteBytes/16)
	return o
}
