package widgets

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"vaultview/vault/jsoncanvas"
)

// A board zoomed out until its text cannot be read is drawn as one picture: the cards,
// groups and edges painted into an image by the code below, one texture for the window to
// draw. As objects, 10,000 cards and their edges are 20,000 rectangles and lines a frame,
// which the window paints at 10 frames a second (scripts/bench-canvas.sh); the picture is
// painted in a few milliseconds whatever the board's size, and nothing of it is lost at
// that size: there is no text to show.

// overviewColors are the colours the overview paints with, from the theme.
type overviewColors struct {
	card, stroke, edge color.NRGBA
}

// paintOverview paints the view of the board into a w×h picture (pixels: the window's
// scale is w over the view's width). It reuses the last picture's memory when it can, and
// paints an RGBA picture, which is what the window's painter takes without converting it.
func (r *canvasViewRenderer) paintOverview(w, h int) image.Image {
	v := r.v
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	img := r.overviewImg
	if img == nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		r.overviewImg = img
	} else {
		clear(img.Pix)
	}
	if v.board == nil || v.Size().Width <= 0 {
		return img
	}
	px := float64(w) / float64(v.Size().Width) // pixels per unit of the view
	at := func(x, y float64) (int, int) {
		p := v.ToScreen(x, y)
		return int(math.Round(float64(p.X) * px)), int(math.Round(float64(p.Y) * px))
	}
	c := r.overviewColors
	box := func(n *jsoncanvas.Node, fill, stroke color.NRGBA) {
		x0, y0 := at(n.X, n.Y)
		x1, y1 := at(n.X+n.Width, n.Y+n.Height)
		x1, y1 = max(x1, x0+1), max(y1, y0+1)
		fillRect(img, image.Rect(x0, y0, x1, y1), fill)
		if x1-x0 >= 3 && y1-y0 >= 3 {
			strokeRect(img, image.Rect(x0, y0, x1, y1), stroke)
		}
	}
	for i := range v.board.Nodes {
		n := &v.board.Nodes[i]
		if n.Type != "group" {
			continue
		}
		fill, stroke := color.NRGBA{}, c.stroke
		if tint, ok := jsoncanvas.Color(n.Color); ok {
			fill, stroke = color.NRGBA{tint.R, tint.G, tint.B, 0x18}, tint
		}
		box(n, fill, stroke)
	}
	for _, e := range v.board.Edges {
		from, to := v.byID[e.FromNode], v.byID[e.ToNode]
		if from == nil || to == nil {
			continue
		}
		a, b := v.sidePoint(from, e.FromSide, to), v.sidePoint(to, e.ToSide, from)
		col := c.edge
		if t, ok := jsoncanvas.Color(e.Color); ok {
			col = t
		}
		line(img, int(float64(a.X)*px), int(float64(a.Y)*px), int(float64(b.X)*px), int(float64(b.Y)*px), col)
	}
	for i := range v.board.Nodes {
		n := &v.board.Nodes[i]
		if n.Type == "group" {
			continue
		}
		fill, stroke := c.card, c.stroke
		if tint, ok := jsoncanvas.Color(n.Color); ok {
			fill, stroke = toNRGBA(blend(c.card, tint, 0.12)), tint
		}
		box(n, fill, stroke)
	}
	return img
}

// fillRect paints r over img in c (blended by its alpha), clipped to the picture.
func fillRect(img *image.RGBA, r image.Rectangle, c color.NRGBA) {
	r = r.Intersect(img.Bounds())
	if r.Empty() || c.A == 0 {
		return
	}
	if c.A == 0xff {
		draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
		return
	}
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
}

// strokeRect paints the one-pixel outline of r.
func strokeRect(img *image.RGBA, r image.Rectangle, c color.NRGBA) {
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), c)
	fillRect(img, image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y), c)
	fillRect(img, image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y), c)
	fillRect(img, image.Rect(r.Max.X-1, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// line paints a one-pixel line from (x0, y0) to (x1, y1) (Bresenham's), cut to the
// picture first, so that a frame never walks pixels outside the view.
func line(img *image.RGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	b := img.Bounds()
	fx0, fy0, fx1, fy1, ok := clipLine(float64(x0), float64(y0), float64(x1), float64(y1), b)
	if !ok {
		return
	}
	x0, y0, x1, y1 = int(math.Round(fx0)), int(math.Round(fy0)), int(math.Round(fx1)), int(math.Round(fy1))
	pc := color.RGBAModel.Convert(c).(color.RGBA)
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	err := dx + dy
	for {
		if image.Pt(x0, y0).In(b) {
			img.SetRGBA(x0, y0, pc)
		}
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

// clipLine cuts the segment from (x0, y0) to (x1, y1) to the rectangle b (Liang and
// Barsky's method); ok is false when none of it is inside.
func clipLine(x0, y0, x1, y1 float64, b image.Rectangle) (cx0, cy0, cx1, cy1 float64, ok bool) {
	dx, dy := x1-x0, y1-y0
	t0, t1 := 0.0, 1.0
	for _, pq := range [4][2]float64{
		{-dx, x0 - float64(b.Min.X)}, {dx, float64(b.Max.X-1) - x0},
		{-dy, y0 - float64(b.Min.Y)}, {dy, float64(b.Max.Y-1) - y0},
	} {
		p, q := pq[0], pq[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return 0, 0, 0, 0, false
		}
	}
	return x0 + t0*dx, y0 + t0*dy, x0 + t1*dx, y0 + t1*dy, true
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
