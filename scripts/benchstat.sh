#!/usr/bin/env bash
# benchstat.sh summarises bench.txt with benchstat (mean and spread of the 6 runs of each
# benchmark), comparing it with bench.old.txt, the previous `make bench`, when that exists.
# benchstat is installed with `go install` the first time; without it the raw numbers in
# bench.txt are all there is, which is fine.
set -euo pipefail

go=${GO:-go}
gobin=$("$go" env GOBIN)
[ -n "$gobin" ] || gobin="$("$go" env GOPATH | cut -d: -f1)/bin"
export PATH="$PATH:$gobin"

if ! command -v benchstat >/dev/null 2>&1; then
	echo "benchstat: installing golang.org/x/perf/cmd/benchstat"
	if ! "$go" install golang.org/x/perf/cmd/benchstat@latest; then
		echo "benchstat: could not install it; the raw results are in bench.txt"
		exit 0
	fi
fi

echo
if [ -f bench.old.txt ]; then
	echo "benchstat bench.old.txt bench.txt   (previous run -> this run)"
	benchstat bench.old.txt bench.txt
else
	echo "benchstat bench.txt"
	benchstat bench.txt
fi
