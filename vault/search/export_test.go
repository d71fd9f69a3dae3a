package search

// TextOf decodes the text the store holds for the note at p, for tests to compare with the
// note's stripped and folded text.
func (s *Store) TextOf(p string) (string, bool) {
	for _, n := range s.notes {
		if n.path != p {
			continue
		}
		var b []byte
		for i := 0; i < len(n.codes); {
			var id uint32
			id, i = readCode(n.codes, i, s.dict.shape)
			b = append(b, s.dict.token(id)...)
		}
		return string(b), true
	}
	return "", false
}

// Fold exposes fold.
func Fold(s string) string { return foldString(s) }

// CodeBytes is how many of the store's bytes are the notes' codes; the rest is the
// dictionary.
func (s *Store) CodeBytes() int { return s.codeBytes }
