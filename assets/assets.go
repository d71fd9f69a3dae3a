// Package assets holds what Vaultview ships inside its binary: the sample vault that opens
// when no vault is named, and the icon.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed all:sample
var sample embed.FS

// Icon is the app icon, a 1024 px PNG drawn from icon.svg.
//
//go:embed icon.png
var Icon []byte

// SampleVault is the built-in sample vault: a short guided tour of Vaultview in notes.
func SampleVault() fs.FS {
	sub, err := fs.Sub(sample, "sample")
	if err != nil {
		panic(err) // the folder is embedded at build time; its absence is a build error
	}
	return sub
}
