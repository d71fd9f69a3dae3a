// Package widgets holds Vaultview's Fyne widgets: the rendered note and every pane around it.
// They know the vault only through package vault's read-only snapshots, and open nothing by
// themselves: a link, chip or row calls one of the widget's On… callbacks, which the app wires.
//
// RenderNote does no UI work and may run on any goroutine; the app calls it in the
// background. The widgets that do slow work themselves (Backlinks' search for unlinked
// mentions, LocalGraph, TagsPanel, SearchPanel and the link preview) do it on goroutines of
// their own and hand the result to the UI goroutine through uiDo (do.go), which is fyne.Do unless a test replaces it with
// SetUIDo. Every other method is called on the UI goroutine.
//
// Where things live:
//
//   - render.go: RenderNote turns a note into a RenderedNote (rows of rich text, no widgets)
//     off the UI goroutine; render_blocks.go the blocks (lists, code, callouts, tables,
//     footnotes), render_inline.go the inlines and links, render_flow.go the noteFlow they
//     are written into; render_embed.go embeds, render_image.go images,
//     render_html.go raw HTML, render_header.go the header's data, render_limit.go the size
//     bounds of docs/FORMAT.md §7 (render_limit_rows.go what a row may cost the UI);
//     renderinput.go builds its input from a vault for the app and the tests alike
//     (NewRenderInput, SnapshotInput).
//   - noteview.go: NoteView shows a RenderedNote; noteview_body.go lays out only the rows
//     near the viewport, with noteview_estimate.go guessing the height of the rest;
//     noteview_header.go the title, Watch video, folder, tags and properties;
//     noteview_link.go links to notes drawn as words; noteview_actions.go what links, chips
//     and folds do; noteview_keys.go reading from the keyboard; noteview_match.go scrolling
//     to a search match and marking it; noteview_find.go the find bar (Ctrl+F).
//   - code.go, code_view.go: code blocks coloured by language (chroma), with the copy
//     button; diagram.go: Mermaid flowcharts and sequence diagrams, laid out by
//     internal/mermaid; math.go: display math, typeset by internal/mathtex.
//   - timechip.go: timeChip, the one timestamp chip, in the text and in every list, with its
//     copy menu and hover; chip.go, chip_overlay.go, chip_punct.go: chips and links laid
//     over the text (overlaySegment), and keeping the punctuation after a chip on its line;
//     chip_row.go: chipRow, a chip and its sentence, the row of the timeline and of the
//     mentions across videos.
//   - callout.go, callout_box.go: how each callout type looks (docs/FORMAT.md §4), and the
//     box that draws callouts, quotes and embedded notes.
//   - preview.go: the preview that resting the pointer on a link shows.
//   - sidepanel.go: SidePanel, the panes beside the note under one header; its panes are
//     backlinks.go (Backlinks; backlinks_row.go, backlinks_wrap.go), outline.go,
//     outgoing.go, timeline.go, topicmentions.go (TopicMentions), tagspanel.go (TagsPanel) and
//     localgraph.go (LocalGraph; localgraph_layout.go, localgraph_keys.go).
//   - pagetree.go, pagetree_model.go: PageTree, the folders and notes with a filter.
//   - quickswitcher.go: QuickSwitcher, and resultRow, the row of both pickers;
//     searchpanel.go: SearchPanel; pickerentry.go the query box both are driven from.
//   - keylist.go, focus.go, listorempty.go, natural.go: lists that take the reader's keys,
//     the focus targets of the panes, a message in place of an empty list, and the natural
//     order of names ("Episode 2" before "Episode 10").
//   - do.go: uiDo and SetUIDo.
package widgets
