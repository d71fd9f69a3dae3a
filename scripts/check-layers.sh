#!/usr/bin/env bash
# check-layers.sh enforces the direction of dependencies: main -> app -> widgets -> vault.
# The model in vault/... must build and be tested without the GUI toolkit, so no package
# under vault/ may import fyne.io/..., directly or through another package.
set -euo pipefail

go=${GO:-go}

# Everything vault/... and its tests depend on, directly or not. -e keeps going past packages
# that do not compile (go vet reports those) and still lists what they import.
deps=$("$go" list -e -deps -test ./vault/...)
if ! grep -q '^fyne\.io/' <<<"$deps"; then
	echo "check-layers: vault/... does not depend on fyne.io"
	exit 0
fi

echo "check-layers: vault/... must not depend on fyne.io (the GUI toolkit), but these do:"
"$go" list -e -test -f '{{.ImportPath}} {{join .Deps " "}}' ./vault/... |
	awk '/ fyne\.io\// { print "  " $1 }'
echo "where the imports come in:"
# The import edges where the dependency graph of vault/... enters fyne.io. ($p is a variable
# of go list's template, not of the shell.)
# shellcheck disable=SC2016
"$go" list -e -deps -test \
	-f '{{$p := .ImportPath}}{{range .Imports}}{{$p}} imports {{.}}{{"\n"}}{{end}}' ./vault/... |
	grep ' imports fyne\.io/' | grep -v '^fyne\.io/' | sort -u | sed 's/^/  /'
echo "Move the code that needs Fyne to widgets/ or app/."
exit 1
