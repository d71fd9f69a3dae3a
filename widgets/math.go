package widgets

import (
	"fmt"
	"image"
	"image/color"

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
	r := &mathRenderer{v: v, img: &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}}
	r.Refresh()
	return r
}

type mathRenderer struct {
	v    *mathView
	img  *canvas.Image
	size fyne.Size // the image's, in the canvas's units
	key  mathKey
}

// mathKey is what an image was drawn for.
type mathKey struct {
	tex   string
	col   color.NRGBA
	px    float32
	scale float32
}

var mathImages = &lruCache[mathKey, image.Image]{max: 128}

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
	v := r.v
	th := v.Theme()
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	col := color.NRGBAModel.Convert(th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())).(color.NRGBA)
	key := mathKey{tex: v.seg.tex, col: col, px: th.Size(theme.SizeNameText), scale: scale}
	if key != r.key {
		r.key = key
		img, ok := mathImages.get(key)
		if !ok {
			var err error
			if img, _, err = mathtex.Image(key.tex, col, float64(key.px*scale*mathScale)); err != nil {
				img = image.NewNRGBA(image.Rect(0, 0, 1, 1)) // it set when rendered: cannot fail now
			}
			mathImages.put(key, img)
		}
		r.img.Image = img
		b := img.Bounds()
		r.size = fyne.NewSize(float32(b.Dx())/scale, float32(b.Dy())/scale)
		r.img.Refresh()
	}
	r.Layout(v.Size())
}
