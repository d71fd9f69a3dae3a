#!/usr/bin/env bash
# bench-process.sh measures what only a whole process shows (issue #14), on one vault:
#
#   check     `vaultview check VAULT` against tools/gmparse (goldmark + GFM parsing the same
#             files on all cores), RUNS alternating rounds: wall time, the ratio per round,
#             peak RSS and its ratio to the notes' bytes;
#   window    (needs an X display: run under scripts/headless.sh) `vaultview -v VAULT` from
#             launch to: file names known, titled window, index published, searchable (the
#             text read unindexed, or the saved text index), text index in place; its peak RSS
#             and ratio; first with no cache, then reopened from the cache written by the
#             first launch.
#
#   scripts/bench-process.sh VAULT [RUNS] [check|window|all]
#
# Medians are printed with the range; the machine is shared, so compare ratios measured in
# the same run rather than absolute times.
set -euo pipefail
vault=${1:?usage: $0 VAULT [RUNS] [check|window|all]}
runs=${2:-5}
what=${3:-all}
cd "$(dirname "$0")/.."
go=${GO:-go}
bin=$(mktemp -d)
trap '[ -n "${KEEP_LOGS:-}" ] && cp "$bin"/log-* "$KEEP_LOGS"/ 2>/dev/null; rm -rf "$bin"' EXIT
"$go" build -o "$bin/vaultview" .
"$go" build -o "$bin/gmparse" ./tools/gmparse
bytes=$(find "$vault" -name '*.md' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
echo "vault $vault: $(find "$vault" -name '*.md' -type f | wc -l) notes, $bytes bytes"

# median of the numbers on stdin, with the range: "m (lo–hi)"
median() { sort -g | awk '{ a[NR] = $1 } END { printf "%s (%s–%s)", a[int((NR + 1) / 2)], a[1], a[NR] }'; }

if [ "$what" = check ] || [ "$what" = all ]; then
	: >"$bin/check" && : >"$bin/gm" && : >"$bin/gmoff" && : >"$bin/ratio" && : >"$bin/ratiooff" && : >"$bin/rss"
	for i in $(seq "$runs"); do
		/usr/bin/time -f "%e %M" -o "$bin/t1" "$bin/vaultview" check "$vault" >/dev/null || true
		/usr/bin/time -f "%e %M" -o "$bin/t2" "$bin/gmparse" "$vault" >/dev/null
		# gmparse keeps almost nothing alive, so at Go's default pace it collects all the
		# time: with the collector off it is a stricter baseline (it needs a few GB).
		GOGC=off /usr/bin/time -f "%e %M" -o "$bin/t3" "$bin/gmparse" "$vault" >/dev/null
		read -r c rss < <(tail -n 1 "$bin/t1") # check exits 1 when it finds problems: time says so first
		read -r g _ <"$bin/t2"
		read -r goff _ <"$bin/t3"
		echo "$c" >>"$bin/check"
		echo "$g" >>"$bin/gm"
		echo "$goff" >>"$bin/gmoff"
		awk -v c="$c" -v g="$g" 'BEGIN { printf "%.3f\n", c / g }' >>"$bin/ratio"
		awk -v c="$c" -v g="$goff" 'BEGIN { printf "%.3f\n", c / g }' >>"$bin/ratiooff"
		awk -v r="$rss" -v b="$bytes" 'BEGIN { printf "%.3f\n", r * 1024 / b }' >>"$bin/rss"
	done
	echo "check wall s:                  $(median <"$bin/check")"
	echo "gmparse wall s:                $(median <"$bin/gm")"
	echo "gmparse wall s, GOGC=off:      $(median <"$bin/gmoff")"
	echo "check / gmparse:               $(median <"$bin/ratio")   target <= 0.35"
	echo "check / gmparse GOGC=off:      $(median <"$bin/ratiooff")"
	echo "check peak RSS / vault:        $(median <"$bin/rss")   target <= 1.4"
fi

# ms from "opening" to the log line matching $2, in log $1
since_open() {
	awk -v pat="$2" '
		function ms(t,  a) { split(t, a, ":"); return (a[1] * 3600 + a[2] * 60 + a[3]) * 1000 }
		/ opening / && !o { o = ms($1) }
		$0 ~ pat && o && !d { d = ms($1) - o }
		END { if (d) printf "%.0f\n", d; else print "-" }' "$1"
}

if [ "$what" = window ] || [ "$what" = all ]; then
	for i in $(seq "$runs"); do
		home=$(mktemp -d)
		for launch in cold reopen; do
			log="$bin/log-$i-$launch"
			HOME=$home XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache "$bin/vaultview" -v "$vault" >/dev/null 2>"$log" &
			pid=$!
			# Measured once the text index's own store is in place (opened or built): the
			# peak RSS comes while it is built.
			for _ in $(seq 1200); do
				grep -qE "text index: [0-9]+ notes, [0-9]+ KB" "$log" && break
				sleep 0.1
			done
			# The cache is written after the index: wait for it before the next launch.
			for _ in $(seq 300); do
				grep -q "note cache: .* written\|note cache: not written" "$log" && break
				[ $launch = reopen ] && break
				sleep 0.1
			done
			hwm=$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)
			kill "$pid"
			for _ in $(seq 100); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.1
			done
			kill -9 "$pid" 2>/dev/null || true # it ends within 5 s of SIGTERM; never wait for ever
			wait "$pid" 2>/dev/null || true
			# Searchable: the saved text index searched early, the text read unindexed (a
			# first launch), or the text index itself, whichever comes first.
			echo "$(since_open "$log" 'names of .* known') $(since_open "$log" 'titled ') $(since_open "$log" 'indexed ') $(since_open "$log" 'text index: [0-9]+ notes, (searchable|[0-9]+ KB)') $(since_open "$log" 'text index: [0-9]+ notes, [0-9]+ KB') $(awk -v r="$hwm" -v b="$bytes" 'BEGIN { printf "%.3f", r * 1024 / b }')" >>"$bin/window-$launch"
		done
		rm -rf "$home"
	done
	for launch in cold reopen; do
		echo "window, $launch launch (ms from opening the vault; median (range) of $runs):"
		for col in 1 2 3 4 5; do
			name=$(echo "names titled indexed search-ready text-indexed" | cut -d' ' -f$col)
			echo "  $name: $(cut -d' ' -f$col "$bin/window-$launch" | median)"
		done
		echo "  peak RSS / vault: $(cut -d' ' -f6 "$bin/window-$launch" | median)   target <= 2.2"
	done
fi
