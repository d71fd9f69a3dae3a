#!/usr/bin/env bash
# genvault.sh DIR [genvault flags...] writes a generated vault into DIR unless DIR exists. It
# writes into DIR.tmp first and renames it, so an interrupted run leaves no half vault behind.
# Delete DIR (or `make clean`) to generate it again.
set -euo pipefail
dir=$1
shift
go=${GO:-go}
if [ -d "$dir" ]; then
	echo "$dir already exists"
	exit 0
fi
rm -rf "$dir.tmp"
mkdir -p "$(dirname "$dir")"
echo "$go run ./tools/genvault $* $dir"
"$go" run ./tools/genvault "$@" "$dir.tmp"
mv "$dir.tmp" "$dir"
