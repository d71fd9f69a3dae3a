#!/usr/bin/env bash
# fyne-package.sh runs a `fyne package` command line (its arguments) and then puts
# FyneApp.toml back as it was.
#
# After every successful package, fyne v1.7.4 adds one to Build in FyneApp.toml and writes the
# file anew, without its comments. `make dist` must not change files that git tracks, so this
# keeps a copy and restores it, whether fyne succeeded or not. The build number that goes into
# a package comes from the Makefile (--app-build, the number of commits) instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

saved="$(mktemp)"
cp FyneApp.toml "$saved"
restore() {
	if ! cmp -s "$saved" FyneApp.toml; then
		cat "$saved" >FyneApp.toml
	fi
	rm -f "$saved"
}
trap restore EXIT

"$@"
