package widgets

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A long note is shown a screenful at a time: only rows near the viewport have widgets, and
// the height of every other row is estimated from its text. The estimate only has to be close:
// a row is measured when it comes into view and the rows below it move, while the row at the
// top of the view stays put.

// estimateMetrics are the font measures an estimate needs, taken once per theme.
type estimateMetrics struct {
	textSize                 float32
	lineHeight, charWidth    map[fyne.ThemeSizeName]float32
	monoHeight, monoWidth    float32
	innerPad, lineGap, pad   float32
	separator, tableRowExtra float32
	iconSize                 float32
	// codeHeader is the height of a code block's header (codeViewRenderer.header).
	codeHeader float32
}

func newEstimateMetrics(th fyne.Theme) *estimateMetrics {
	m := &estimateMetrics{
		textSize:   th.Size(theme.SizeNameText),
		lineHeight: map[fyne.ThemeSizeName]float32{},
		charWidth:  map[fyne.ThemeSizeName]float32{},
		innerPad:   th.Size(theme.SizeNameInnerPadding),
		lineGap:    th.Size(theme.SizeNameLineSpacing),
		pad:        th.Size(theme.SizeNamePadding),
		separator:  th.Size(theme.SizeNameSeparatorThickness),
		iconSize:   th.Size(theme.SizeNameInlineIcon),
	}
	// An English-like sample: the average letter of prose, spaces included.
	const sample = "The quick brown fox jumps over the lazy dog, and then it rests for a while."
	n := float32(utf8.RuneCountInString(sample))
	for _, name := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText} {
		s := fyne.MeasureText(sample, th.Size(name), fyne.TextStyle{})
		m.lineHeight[name] = s.Height
		m.charWidth[name] = s.Width / n
	}
	mono := fyne.MeasureText("M", m.textSize, fyne.TextStyle{Monospace: true})
	m.monoHeight, m.monoWidth = mono.Height, mono.Width
	m.tableRowExtra = 2*m.pad + m.separator
	m.codeHeader = m.iconSize + m.innerPad/2
	return m
}

// block estimates the height of a block shown at width w.
func (m *estimateMetrics) block(b *noteBlock, w float32) float32 {
	switch b.kind {
	case flowBlock:
		return m.flow(b.segs, w)
	case quoteBlock:
		return m.children(b.children, w-2*m.pad)
	case calloutBlock:
		h := m.lineHeight[theme.SizeNameText] + 2*m.innerPad + 1.5*m.pad
		if !b.callout.folded {
			h += m.children(b.children, w-3*m.pad)
		}
		return h
	case embedBlock:
		h := m.lineHeight[theme.SizeNameText] + 2*m.innerPad + m.pad
		if b.embed.problem != "" {
			h += m.lineHeight[theme.SizeNameText] + 2*m.innerPad
		}
		return h + m.children(b.children, w-3*m.pad)
	}
	return 0
}

func (m *estimateMetrics) children(blocks []*noteBlock, w float32) float32 {
	h := float32(0)
	for _, c := range blocks {
		h += m.block(c, w)
	}
	return h
}

// flow estimates rich text: every paragraph is its letters laid in lines of the width.
func (m *estimateMetrics) flow(segs []widget.RichTextSegment, w float32) float32 {
	e := flowEstimate{m: m, avail: max(w-2*m.innerPad, minFitWidth)}
	e.segments(segs, 0)
	e.endParagraph()
	if e.blocks > 1 {
		e.h += float32(e.blocks-1) * m.lineGap
	}
	return e.h + 2*m.innerPad
}

// flowEstimate adds up the lines of one rich text.
type flowEstimate struct {
	m      *estimateMetrics
	avail  float32
	h      float32
	width  float32 // of the paragraph being added up
	line   float32 // its tallest line
	indent float32
	blocks int
}

func (e *flowEstimate) endParagraph() {
	if e.width == 0 && e.line == 0 {
		return
	}
	rows := float32(math.Ceil(float64(e.width / max(e.avail-e.indent, minFitWidth))))
	e.h += max(rows, 1) * max(e.line, e.m.lineHeight[theme.SizeNameText])
	e.width, e.line = 0, 0
	e.blocks++
}

func (e *flowEstimate) text(s string, size fyne.ThemeSizeName, mono bool) {
	if size == "" {
		size = theme.SizeNameText
	}
	for {
		i := strings.IndexByte(s, '\n')
		part := s
		if i >= 0 {
			part = s[:i]
		}
		n := float32(utf8.RuneCountInString(part))
		if mono {
			e.width += n * e.m.monoWidth
		} else {
			e.width += n * e.m.charWidth[size]
		}
		e.line = max(e.line, e.m.lineHeight[size])
		if i < 0 {
			return
		}
		e.endParagraph()
		e.blocks-- // a line break is not a new paragraph
		s = s[i+1:]
	}
}

func (e *flowEstimate) segments(segs []widget.RichTextSegment, depth int) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			e.text(s.Text, s.Style.SizeName, s.Style.TextStyle.Monospace)
			if !s.Inline() {
				e.endParagraph()
			}
		case *widget.HyperlinkSegment:
			e.text(s.Text, s.SizeName, false)
		case *widget.ParagraphSegment:
			e.segments(s.Texts, depth+1)
			e.endParagraph()
		case *mathSegment:
			e.endParagraph()
			e.h += 2.5*e.m.lineHeight[theme.SizeNameText] + 2*e.m.pad
			e.blocks++
		case *diagramSegment:
			e.endParagraph()
			e.h += float32(s.height())*e.m.lineHeight[theme.SizeNameText] + 2*e.m.pad + 2*e.m.innerPad
			e.blocks++
		case *codeSegment:
			e.endParagraph()
			e.h += float32(len(s.lines))*e.m.monoHeight + 1.5*e.m.innerPad
			if s.first {
				e.h += e.m.codeHeader
			}
			e.blocks++
		case *widget.TableSegment:
			e.endParagraph()
			rows := len(s.Rows)
			if s.Headers != nil {
				rows++
			}
			e.h += float32(rows) * (e.m.lineHeight[theme.SizeNameText] + 2*e.m.innerPad + e.m.tableRowExtra)
			e.blocks++
		case *widget.SeparatorSegment:
			e.endParagraph()
			e.h += e.m.separator
			e.blocks++
		case *imageSegment:
			e.endParagraph()
			e.h += s.size().Height
			e.blocks++
		case *blockSegment:
			e.endParagraph()
			e.h += e.m.block(s.block, e.avail-e.indent)
			e.blocks++
		case *overlaySegment, *matchSegment:
		default:
			e.text(s.Textual(), theme.SizeNameText, false)
			if !s.Inline() {
				e.endParagraph()
			}
		}
	}
}
