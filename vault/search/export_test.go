package search

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"time"

	"vaultview/vault"
)

// TextOf decodes the text the store holds for the note at p, for tests to compare with the
// note's stripped and folded text.
func (s *Store) TextOf(p string) (string, bool) {
	for i := range len(s.notes) + len(s.fresh) {
		n := s.note(i)
		if n.path != p || s.isGone(i) {
			continue
		}
		codes, err := n.src.read(nil, n.at, n.n)
		if err != nil {
			panic(err)
		}
		if !s.Indexed() {
			return string(codes), true
		}
		var b []byte
		for i := 0; i < len(codes); {
			var id uint32
			id, i = readCode(codes, i, s.dict.shape)
			b = append(b, s.dict.token(id)...)
		}
		return string(b), true
	}
	return "", false
}

// Fold exposes fold.
func Fold(s string) string { return foldString(s) }

// CodeBytes is the size of the notes' codes, on the heap or on disk.
func (s *Store) CodeBytes() int { return s.codeBytes() }

// PostingBytes is the size of the postings.
func (s *Store) PostingBytes() int { return s.post.bytes() }

// OpenBytes is Open of a file holding data, read from memory.
func OpenBytes(ctx context.Context, data []byte, build, vaultDir string, v *vault.Vault, ix *vault.Index) (*Store, int, error) {
	saved, err := readIndex(bytes.NewReader(data), int64(len(data)), build, vaultDir)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	return saved.Against(ctx, v, ix, math.MaxInt)
}

// EarlyBytes is ReadSaved of a file holding data, read from memory, then Early.
func EarlyBytes(ctx context.Context, data []byte, build, vaultDir string, v *vault.Vault, paths []string, stat func(string) (int64, time.Time, bool)) (*Store, Notes, int, error) {
	saved, err := readIndex(bytes.NewReader(data), int64(len(data)), build, vaultDir)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%w: %v", ErrUnusable, err)
	}
	// However many notes changed, as OpenBytes: with len(paths), a file that lists notes
	// the vault lacks (each dropped counts) made no store, which FuzzOpen took for a crash.
	return saved.Early(ctx, v, paths, stat, math.MaxInt)
}
