package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ThemeChoice is the user's light/dark preference.
type ThemeChoice string

// The theme choices: follow the system, or always light or dark.
const (
	ThemeSystem ThemeChoice = "system"
	ThemeLight  ThemeChoice = "light"
	ThemeDark   ThemeChoice = "dark"
)

// Zoom limits and step for the text size.
const (
	minZoom  = 0.6
	maxZoom  = 2.0
	zoomStep = 0.1
)

// readingTheme is Fyne's default theme with the user's text zoom and, when chosen, a fixed
// light or dark variant. Everything else (colours of the widgets, icons) stays Fyne's, so
// the app keeps looking native.
type readingTheme struct {
	choice ThemeChoice
	zoom   float32
}

func (t readingTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.choice {
	case ThemeLight:
		v = theme.VariantLight
	case ThemeDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t readingTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t readingTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size scales the text sizes only: zooming makes notes easier to read without making the
// panes' paddings and scroll bars grow with them.
func (t readingTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.zoom
	}
	return s
}

// clampZoom keeps a zoom in range, rounded to the step so repeated zooming lands on the
// same sizes.
func clampZoom(z float32) float32 {
	z = float32(int(z/zoomStep+0.5)) * zoomStep
	if z < minZoom {
		return minZoom
	}
	if z > maxZoom {
		return maxZoom
	}
	return z
}
