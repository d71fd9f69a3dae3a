// Command vaultview is a desktop viewer for vaults of Obsidian-style Markdown notes.
//
//	vaultview [VAULT [NOTE]]        open the window
//	vaultview check VAULT           report problems in a vault
//	vaultview index --json VAULT    print the whole index as JSON
package main

import (
	"os"

	"vaultview/app"
	"vaultview/cli"
)

func main() {
	// The command-line subcommands never touch the display, so they run before any window
	// machinery is started.
	if code, handled := cli.Run(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	os.Exit(app.Run(os.Args[1:]))
}
