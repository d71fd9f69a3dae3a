package widgets

// SetBacklinksAsync replaces how a Backlinks panel runs its search for unlinked mentions and
// its FillContexts, so that tests decide when they run and when their results arrive.
func SetBacklinksAsync(b *Backlinks, run func(func())) { b.async = run }
