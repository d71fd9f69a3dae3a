#!/usr/bin/env bash
# fuzz.sh runs every fuzz target (func FuzzXxx(f *testing.F) in a _test.go file) for the
# given time each, default 20s. `go test -fuzz` takes one target at a time, hence the loop.
# An input that breaks a target is saved under the package's testdata/fuzz/FuzzXxx/: commit
# it, and it runs as a regression case in every `go test` from then on.
set -euo pipefail

fuzztime=${1:-20s}
go=${GO:-go}

# "dir name" for every fuzz target, found by a plain text search of the test files.
targets=$(grep -rE --include='*_test.go' --exclude-dir=.git --exclude-dir=testdata \
	'^func Fuzz[A-Za-z0-9_]*\([A-Za-z_][A-Za-z0-9_]* \*testing\.F\)' . |
	sed -E 's|^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*$|\1 \2|' | sort -u || true)

if [ -z "$targets" ]; then
	echo "fuzz: no fuzz targets found"
	exit 0
fi

failed=()
while read -r dir name; do
	echo "== $name in $dir for $fuzztime"
	log=$(mktemp)
	if ! "$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$dir" 2>&1 | tee "$log"; then
		# Go's fuzzing coordinator sometimes stops with "context deadline exceeded" as
		# the time runs out, without any failing input: that is the tool, not the code.
		# Run such a target once more; a real failure always writes an input.
		if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
			echo "== $name: the fuzzing engine timed out without a failing input; running it again"
			"$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$dir" || failed+=("$name ($dir)")
		else
			failed+=("$name ($dir)")
		fi
	fi
	rm -f "$log"
done <<<"$targets"

if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: failing targets:"
	printf '  %s\n' "${failed[@]}"
	exit 1
fi
echo "fuzz: all targets ran for $fuzztime without failure"
