package switcher

// Forget drops the remembered queries, so that the next Match starts from every candidate
// as a fresh Matcher would.
func (m *Matcher) Forget() { m.steps = m.steps[:1] }

// Texts returns the text of every candidate, in the matcher's order.
func (m *Matcher) Texts() []string {
	out := make([]string, len(m.cands))
	for i, c := range m.cands {
		out[i] = c.Text
	}
	return out
}
