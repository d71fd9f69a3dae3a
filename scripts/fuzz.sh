#!/usr/bin/env bash
# fuzz.sh runs every fuzz target (func FuzzXxx(f *testing.F) in a _test.go file) for the
# given time each, default 20s. `go test -fuzz` takes one target at a time, hence the loop.
# An input that breaks a target is saved under the package's testdata/fuzz/FuzzXxx/: commit
# it, and it runs as a regression case in every `go test` from then on.
set -euo pipefail

fuzztime=${1:-20s}
go=${GO:-go}
# How long the fuzzer may shrink an input it keeps (Go's default is a minute, its search is
# quadratic in the input's length): FuzzOpen's inputs are whole text indexes of a few KB, and
# with the default every new one it found stopped it for the rest of a short run.
minimize=${FUZZ_MINIMIZE:-2s}

# Differential targets whose failures are reported but do not fail the run (a space-separated
# list of names; FUZZ_REPORT_ONLY= makes every target count). FuzzStripMatchesGoldmark
# compares search's line-at-a-time Strip with goldmark on arbitrary Markdown: it keeps finding
# new corner forms where the two disagree (about one a minute; four were fixed and three filed
# as known differences in issue #14's session), each a place where a search snippet or match
# differs from the note view, not a crash or a regression. As a gate it would fail a 10 s CI
# run by chance; its committed corpus still runs in every `go test`, and what it finds is
# printed here for the next person to fix or file.
report_only=${FUZZ_REPORT_ONLY-FuzzStripMatchesGoldmark}

# "dir name" for every fuzz target, found by a plain text search of the test files.
targets=$(grep -rE --include='*_test.go' --exclude-dir=.git --exclude-dir=testdata \
	'^func Fuzz[A-Za-z0-9_]*\([A-Za-z_][A-Za-z0-9_]* \*testing\.F\)' . |
	sed -E 's|^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*$|\1 \2|' | sort -u || true)

if [ -z "$targets" ]; then
	echo "fuzz: no fuzz targets found"
	exit 0
fi

failed=()
reported=()
while read -r dir name; do
	echo "== $name in $dir for $fuzztime"
	log=$(mktemp)
	if ! "$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" "$dir" 2>&1 | tee "$log"; then
		# Go's fuzzing coordinator sometimes stops with "context deadline exceeded" as
		# the time runs out, without any failing input: that is the tool, not the code.
		# Run such a target once more; a real failure always writes an input.
		if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
			echo "== $name: the fuzzing engine timed out without a failing input; running it again"
			"$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" "$dir" || failed+=("$name ($dir)")
		elif [[ " $report_only " == *" $name "* ]]; then
			echo "-- $name ($dir) found a difference (above); reported, not failing the run (FUZZ_REPORT_ONLY)"
			reported+=("$name ($dir)")
			# Go wrote the input under testdata/, where every later `go test` would run it and
			# fail: show it and take it away again (commit it once it is fixed or filed).
			input=$(sed -n 's/.*Failing input written to \(testdata\/fuzz\/[^ ]*\).*/\1/p' "$log" | tail -n 1)
			if [ -n "$input" ] && [ -f "$dir/$input" ]; then
				echo "-- the input, $dir/$input (removed):"
				cat "$dir/$input"
				rm -f "$dir/$input"
			fi
		else
			failed+=("$name ($dir)")
		fi
	fi
	rm -f "$log"
done <<<"$targets"

if [ ${#reported[@]} -gt 0 ]; then
	echo "fuzz: differences found by report-only targets (see above):"
	printf '  %s\n' "${reported[@]}"
fi
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: failing targets:"
	printf '  %s\n' "${failed[@]}"
	exit 1
fi
echo "fuzz: all targets ran for $fuzztime without failure"
