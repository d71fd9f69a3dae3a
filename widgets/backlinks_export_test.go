package widgets

// SetBacklinksAsync replaces how a Backlinks panel runs its search for unlinked mentions, so
// that tests decide when the search runs and when its result arrives.
func SetBacklinksAsync(b *Backlinks, run func(func())) { b.async = run }
