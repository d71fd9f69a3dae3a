package widgets

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for the images notes embed
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"

	md "vaultview/vault/markdown"
)

// imageExts are the attachments shown as images.
var imageExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true}

// maxImagePixels refuses images that would take too much memory to decode.
const maxImagePixels = 40_000_000

// maxImageSide is the largest side an image is kept at; bigger ones are scaled down when
// decoded, off the UI goroutine.
const maxImageSide = 2048

// loadedImage is an image of the vault, decoded once per rendered note.
type loadedImage struct {
	img  image.Image   // raster images
	svg  fyne.Resource // SVG images, drawn by Fyne
	size fyne.Size     // natural size in pixels
	err  string
}

// loadImage reads and decodes the vault image at p.
func (r *noteRenderer) loadImage(p string) *loadedImage {
	if li, ok := r.images[p]; ok {
		return li
	}
	li := &loadedImage{}
	r.images[p] = li
	if r.in.LoadImage == nil {
		li.err = "images are not loaded"
		return li
	}
	data, err := r.in.LoadImage(p)
	if err != nil {
		li.err = err.Error()
		return li
	}
	decodeImage(li, p, data)
	return li
}

// decodeImage fills li from the bytes of the file at p.
func decodeImage(li *loadedImage, p string, data []byte) {
	if strings.EqualFold(path.Ext(p), ".svg") {
		li.svg = fyne.NewStaticResource(path.Base(p), data)
		li.size = svgSize(data)
		return
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		li.err = "not an image Vaultview can show"
		return
	}
	if cfg.Width*cfg.Height > maxImagePixels {
		li.err = fmt.Sprintf("image too large (%d×%d)", cfg.Width, cfg.Height)
		return
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		li.err = "not an image Vaultview can show"
		return
	}
	li.size = fyne.NewSize(float32(cfg.Width), float32(cfg.Height))
	li.img = shrink(img, maxImageSide)
}

// shrink scales img down by a whole factor so that no side exceeds side, averaging the
// pixels it merges.
func shrink(img image.Image, side int) image.Image {
	b := img.Bounds()
	f := (max(b.Dx(), b.Dy()) + side - 1) / side
	if f <= 1 {
		return img
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx()/f, b.Dy()/f))
	for y := 0; y < out.Rect.Dy(); y++ {
		for x := 0; x < out.Rect.Dx(); x++ {
			var r, g, bl, a uint32
			for dy := 0; dy < f; dy++ {
				for dx := 0; dx < f; dx++ {
					cr, cg, cb, ca := img.At(b.Min.X+x*f+dx, b.Min.Y+y*f+dy).RGBA()
					r, g, bl, a = r+cr, g+cg, bl+cb, a+ca
				}
			}
			n := uint32(f * f)
			c := color.RGBA64{R: uint16(r / n), G: uint16(g / n), B: uint16(bl / n), A: uint16(a / n)}
			out.Set(x, y, c)
		}
	}
	return out
}

var (
	svgWidth   = regexp.MustCompile(`\bwidth="([0-9.]+)(px)?"`)
	svgHeight  = regexp.MustCompile(`\bheight="([0-9.]+)(px)?"`)
	svgViewBox = regexp.MustCompile(`\bviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"`)
)

// svgSize reads the size an SVG asks for; 320×180 when it says nothing usable.
func svgSize(data []byte) fyne.Size {
	head := data[:min(len(data), 2048)]
	num := func(re *regexp.Regexp, i int) float32 {
		m := re.FindSubmatch(head)
		if m == nil {
			return 0
		}
		v, _ := strconv.ParseFloat(string(m[i]), 32)
		return float32(v)
	}
	w, h := num(svgWidth, 1), num(svgHeight, 1)
	if w > 0 && h > 0 {
		return fyne.NewSize(w, h)
	}
	if vw, vh := num(svgViewBox, 1), num(svgViewBox, 2); vw > 0 && vh > 0 {
		return fyne.NewSize(vw, vh)
	}
	return fyne.NewSize(320, 180)
}

// imageSize reads the size of an image embed, `300` or `300x200`; zero when it says none.
func imageSize(alias string) (w, h float32) {
	a, b, _ := strings.Cut(strings.ToLower(strings.TrimSpace(alias)), "x")
	wi, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || wi <= 0 {
		return 0, 0
	}
	hi, _ := strconv.Atoi(strings.TrimSpace(b))
	return float32(wi), float32(max(hi, 0))
}

// vaultImage appends the vault image at p, or its alternative text when it cannot be shown.
func (r *noteRenderer) vaultImage(n ast.Node, p, alt string, w, h float32, st inlineStyle, f *noteFlow) {
	li := r.loadImage(p)
	if li.err != "" {
		r.problem(n, "image %s: %s", p, li.err)
		dim := st
		dim.color = theme.ColorNamePlaceHolder
		dim.style.Italic = true
		f.text("[image: "+alt+" — "+li.err+"]", dim.text())
		return
	}
	f.add(&imageSegment{img: li, width: w, height: h, alt: alt, act: r.act})
}

// image renders a Markdown image: a vault image is shown, a remote one is not fetched (its
// alternative text links to it instead).
func (r *noteRenderer) image(n *ast.Image, st inlineStyle, f *noteFlow) {
	alt := strings.TrimSpace(plainText(n, r.src))
	dest := strings.TrimSpace(string(n.Destination))
	if alt == "" {
		alt = path.Base(dest)
	}
	if u, ok := parseExternal(dest); ok {
		if allowedURL(u) && u.Scheme != "mailto" {
			f.add(r.externalLink("[image: "+alt+"]", u, st))
		} else {
			f.text("[image: "+alt+"]", st.text())
		}
		return
	}
	target := dest
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	p := r.resolve(target)
	if p == "" || !imageExts[strings.ToLower(path.Ext(p))] {
		dim := st
		dim.color = theme.ColorNamePlaceHolder
		f.text("[image: "+alt+"]", dim.text())
		return
	}
	r.vaultImage(n, p, alt, 0, 0, st, f)
}

// imageEmbed renders `![[image.png]]` and `![[image.png|300]]`.
func (r *noteRenderer) imageEmbed(w *md.Wikilink, p string, st inlineStyle, f *noteFlow) {
	width, height := imageSize(w.Alias)
	alt := path.Base(p)
	if width == 0 && w.Alias != "" {
		alt = w.Alias
	}
	r.vaultImage(w, p, alt, width, height, st, f)
}

// imageSegment is an image in rich text, on a line of its own.
type imageSegment struct {
	unselectable
	img           *loadedImage
	width, height float32 // asked for; 0 keeps the natural size
	alt           string
	act           *noteActions
}

// Inline implements widget.RichTextSegment: an image is a block.
func (s *imageSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment.
func (s *imageSegment) Textual() string { return "[image: " + s.alt + "]" }

// Visual implements widget.RichTextSegment.
func (s *imageSegment) Visual() fyne.CanvasObject {
	var img *canvas.Image
	if s.img.svg != nil {
		img = canvas.NewImageFromResource(s.img.svg)
	} else {
		img = canvas.NewImageFromImage(s.img.img)
	}
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	b := &imageBox{seg: s, img: img}
	b.ExtendBaseWidget(b)
	return b
}

// Update implements widget.RichTextSegment.
func (s *imageSegment) Update(o fyne.CanvasObject) {
	o.(*imageBox).seg = s
}

// size is the size the image is shown at: as asked, else natural, never wider than the
// note's column.
func (s *imageSegment) size() fyne.Size {
	w, h := s.img.size.Width, s.img.size.Height
	switch {
	case s.width > 0 && s.height > 0:
		w, h = s.width, s.height
	case s.width > 0 && w > 0:
		w, h = s.width, h*s.width/w
	}
	if limit := s.act.imageWidth(); w > limit && w > 0 {
		w, h = limit, h*limit/w
	}
	return fyne.NewSize(w, h)
}

// imageBox shows an image at the size its segment asks for, at the start of its line.
type imageBox struct {
	widget.BaseWidget
	seg *imageSegment
	img *canvas.Image
}

// CreateRenderer implements fyne.Widget.
func (b *imageBox) CreateRenderer() fyne.WidgetRenderer {
	return &imageBoxRenderer{b: b}
}

type imageBoxRenderer struct{ b *imageBox }

func (r *imageBoxRenderer) Destroy() {}

func (r *imageBoxRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.img} }

func (r *imageBoxRenderer) Layout(fyne.Size) {
	r.b.img.Move(fyne.NewPos(0, 0))
	r.b.img.Resize(r.b.seg.size())
}

func (r *imageBoxRenderer) MinSize() fyne.Size { return r.b.seg.size() }

func (r *imageBoxRenderer) Refresh() {
	r.Layout(r.b.Size())
	r.b.img.Refresh()
}
