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
}

// DefaultOptions returns the options of the benchmark vault: 20,000 notes, ~160 MB, 40
// channels, ~10 links and ~35 timestamps per note, 20% unresolved links, 4 notes of ~1 MB.
//
// Channels and HugeNotes stay zero: they follow Notes (40 and 4 at 20,000), so changing only
// Notes of the defaults still gives a vault of the same shape.
func DefaultOptions() Options {
	return Options{
		Notes:             20000,
		Seed:              1,
		MeanNoteBytes:     8000,
		LinksPerNote:      10,
		TimestampsPerNote: 35,
		UnresolvedShare:   0.2,
		HugeNoteBytes:     1000000,
	}
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
		o.Channels = int(math.Sqrt(float64(o.Notes)) / 3.5)
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
