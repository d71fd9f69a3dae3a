package widgets

// SetTagsPanelAsync replaces how a TagsPanel counts tags, so that tests decide when the
// counting runs and when its result arrives.
func SetTagsPanelAsync(p *TagsPanel, run func(func())) { p.async = run }
