package widgets

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"vaultview/internal/mathtex"
	md "vaultview/vault/markdown"
)

// Display math (issue #15, item 4; docs/FORMAT.md §5.6) is typeset by internal/mathtex while
// the note renders, off the UI goroutine, which keeps the formula's outline; the image is
// drawn from it in the theme's text colour and size when the block gets its widget, so a
// theme change or a zoom draws it again without setting it again. A formula that cannot be
// set shows as its source in a code block, with why.

// maxFormulas bounds the formulas typeset in one rendering of a note: setting one new
// formula costs milliseconds, and the note shows only once its rendering is done.
const maxFormulas = 100

// mathBlock is the segment of a display math block.
func (r *noteRenderer) mathBlock(n *md.MathBlock) widget.RichTextSegment {
	tex := n.TeX(r.src)
	if tex == "" {
		return nil
	}
	if r.formulas == nil {
		r.formulas = new(int)
	}
	if *r.formulas >= maxFormulas {
		seg := newCodeSegment("math", tex)
		seg.note = fmt.Sprintf("not typeset: only the first %d formulas of a note are", maxFormulas)
		return seg
	}
	*r.formulas++
	if err := mathtex.Check(tex); err != nil {
		seg := newCodeSegment("math", tex)
		seg.note = "not typeset: " + err.Error()
		return seg
	}
	return &mathSegment{tex: tex}
}

// mathScale is how much larger than the text a formula's 10 pt is set: TeX's Latin Modern is
// smaller and finer than the interface's font at the same size (MathJax scales it too).
const mathScale = 1.3

// mathSegment is a typeset formula, centred on its own line.
type mathSegment struct {
	unselectable
	tex string
}

// Inline implements widget.RichTextSegment.
func (s *mathSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment: the formula as the note writes it.
func (s *mathSegment) Textual() string { return "$$" + s.tex + "$$" }

// Visual implements widget.RichTextSegment.
func (s *mathSegment) Visual() fyne.CanvasObject {
	v := &mathView{seg: s}
	v.ExtendBaseWidget(v)
	return v
}

// Update implements widget.RichTextSegment.
func (s *mathSegment) Update(o fyne.CanvasObject) {
	if v, ok := o.(*mathView); ok && v.seg != s {
		v.seg = s
		v.Refresh()
	}
}

// mathView draws a formula's image.
type mathView struct {
	widget.BaseWidget
	seg *mathSegment
}

func (v *mathView) CreateRenderer() fyne.WidgetRenderer {
	r := &mathRenderer{v: v, formulaImage: newFormulaImage()}
	r.Refresh()
	return r
}

type mathRenderer struct {
	v *mathView
	formulaImage
}

// mathKey is what an image was drawn for.
type mathKey struct {
	tex    string
	col    color.NRGBA
	px     float32
	scale  float32
	inline bool
}

func (r *mathRenderer) Destroy()                     {}
func (r *mathRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img} }

func (r *mathRenderer) MinSize() fyne.Size {
	pad := theme.SizeForWidget(theme.SizeNamePadding, r.v)
	return fyne.NewSize(r.size.Width, r.size.Height+2*pad)
}

func (r *mathRenderer) Layout(size fyne.Size) {
	pad := theme.SizeForWidget(theme.SizeNamePadding, r.v)
	r.img.Resize(r.size)
	r.img.Move(fyne.NewPos(max((size.Width-r.size.Width)/2, 0), pad))
}

// Refresh draws the formula again when the colour, text size or screen scale changed.
func (r *mathRenderer) Refresh() {
	r.update(r.v, r.v.seg.tex, r.v.Theme().Size(theme.SizeNameText), false)
	r.Layout(r.v.Size())
}

// formulaImage is a typeset formula drawn for a widget, drawn again only when its colour,
// text size or the screen's scale changed; both kinds of math share the cache.
type formulaImage struct {
	img      *canvas.Image
	size     fyne.Size // the image's, in the canvas's units
	baseline float32   // how far down the image the formula's baseline is
	key      mathKey
}

func newFormulaImage() formulaImage {
	return formulaImage{img: &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}}
}

// drawnFormula is an image of a formula and how far down it its baseline is, in pixels.
type drawnFormula struct {
	img      image.Image
	baseline int
}

var mathImages = &lruCache[mathKey, drawnFormula]{max: 128}

// update draws tex for owner with its text at px (in the canvas's units), in TeX's text
// style when inline.
func (f *formulaImage) update(owner fyne.Widget, tex string, px float32, inline bool) {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(owner); c != nil {
		scale = c.Scale()
	}
	th := owner.(interface{ Theme() fyne.Theme }).Theme()
	col := color.NRGBAModel.Convert(th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())).(color.NRGBA)
	key := mathKey{tex: tex, col: col, px: px, scale: scale, inline: inline}
	if key == f.key {
		return
	}
	f.key = key
	d, ok := mathImages.get(key)
	if !ok {
		draw := mathtex.Image
		if inline {
			draw = mathtex.InlineImage
		}
		img, base, err := draw(key.tex, col, float64(key.px*scale*mathScale))
		if err != nil {
			img = image.NewNRGBA(image.Rect(0, 0, 1, 1)) // it set when rendered: cannot fail now
		}
		d = drawnFormula{img, base}
		mathImages.put(key, d)
	}
	f.img.Image = d.img
	b := d.img.Bounds()
	f.size = fyne.NewSize(float32(b.Dx())/scale, float32(b.Dy())/scale)
	f.baseline = float32(d.baseline) / scale
	f.img.Refresh()
}

// Math inside a line ($…$) is typeset in TeX's text style and drawn over a placeholder, as a
// chip is (chip_overlay.go): RichText wraps and aligns only its own text, so a transparent
// run of monospace digits as wide as the formula takes its place in the line, and a
// zero-width overlay draws the formula over it with its baseline on the text's. The
// placeholder is measured in units of the text size, so a zoom scales both alike.

// inlineMathLines is the most a formula inside a line may rise and sink, in lines: a taller
// one is drawn smaller rather than over the lines around it.
const inlineMathLines = 1.6

// inlineMath appends a formula inside a line, typeset, or as its TeX in the code style when
// it cannot be (or the note has too many).
func (r *noteRenderer) inlineMath(tex string, st inlineStyle, f *noteFlow) {
	asCode := func() {
		code := widget.RichTextStyleCodeInline
		code.SizeName = st.sizeName()
		f.text(tex, code)
		// The marker: small, in the warning colour, saying what this is.
		f.text(" (not typeset)", widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNameWarning})
	}
	if r.formulas == nil {
		r.formulas = new(int)
	}
	if *r.formulas >= maxFormulas {
		asCode()
		return
	}
	*r.formulas++
	w, asc, desc, err := mathtex.Metrics(tex)
	if err != nil {
		asCode()
		return
	}
	mono := fyne.TextStyle{Monospace: true}
	digit := monoDigitSize()
	line := digit.Height / 100
	shrink := min(1, inlineMathLines*float64(line)/((asc+desc)*mathScale))
	n := int(math.Ceil((w*mathScale*shrink + 0.2) / float64(digit.Width/100)))
	ph := &widget.TextSegment{
		Style: widget.RichTextStyle{Inline: true, SizeName: st.sizeName(), ColorName: chipPlaceholderColor, TextStyle: mono},
		Text:  strings.Repeat("0", max(n, 1)),
	}
	f.add(ph)
	f.add(&overlaySegment{kind: overlayMath, text: ph.Text, style: mono, size: st.sizeName(), placeholder: ph,
		tex: tex, shrink: float32(shrink)})
	f.trail(widget.RichTextStyle{Inline: true, SizeName: st.sizeName(), ColorName: theme.ColorNameForeground})
}

// inlineMathView draws a formula inside a line over its placeholder.
type inlineMathView struct {
	widget.BaseWidget
	seg *overlaySegment
}

func newInlineMathView(s *overlaySegment) *inlineMathView {
	v := &inlineMathView{seg: s}
	v.ExtendBaseWidget(v)
	return v
}

func (v *inlineMathView) CreateRenderer() fyne.WidgetRenderer {
	r := &inlineMathRenderer{v: v, formulaImage: newFormulaImage()}
	r.Refresh()
	return r
}

type inlineMathRenderer struct {
	v *inlineMathView
	formulaImage
}

func (r *inlineMathRenderer) Destroy()                     {}
func (r *inlineMathRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img} }
func (r *inlineMathRenderer) MinSize() fyne.Size           { return fyne.Size{} }

// Layout centres the formula across the placeholder, its baseline on the text's.
func (r *inlineMathRenderer) Layout(size fyne.Size) {
	s := r.v.seg
	_, textBase := fyne.CurrentApp().Driver().RenderedTextSize(s.text, theme.SizeForWidget(s.size, r.v), s.style, nil)
	r.img.Resize(r.size)
	r.img.Move(fyne.NewPos((size.Width-r.size.Width)/2, textBase-r.baseline))
}

// Refresh draws the formula again when the colour, text size or screen scale changed.
func (r *inlineMathRenderer) Refresh() {
	v := r.v
	r.update(v, v.seg.tex, theme.SizeForWidget(v.seg.size, v)*v.seg.shrink, true)
	r.Layout(v.Size())
}

// monoDigit is the size of "0" in the monospaced font at text size 100, measured on the UI
// goroutine (measureMonoDigit) for RenderNote, which runs on any goroutine. The toolkit's
// text measuring shares its font caches with the painter, and in a build with FyneApp.toml's
// fyne.Do migration (the packaged app: `fyne package` sets the migrated_fynedo tag) those
// caches have no locks: measuring from the note's render goroutine while the window drew
// text crashed the packaged app on a note with inline math (the e2e math test, against the
// Linux package).
var monoDigit atomic.Pointer[fyne.Size]

// defaultMonoDigit is monoDigit in the toolkit's default theme, for a render before any
// NoteView measured it (tests); TestMonoDigitFallback keeps it true.
var defaultMonoDigit = fyne.Size{Width: 60.203125, Height: 116.40625}

// measureMonoDigit sets monoDigit; it must run on the UI goroutine.
func measureMonoDigit() {
	s := fyne.MeasureText("0", 100, fyne.TextStyle{Monospace: true})
	monoDigit.Store(&s)
}

func monoDigitSize() fyne.Size {
	if s := monoDigit.Load(); s != nil {
		return *s
	}
	return defaultMonoDigit
}
