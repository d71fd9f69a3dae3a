#!/usr/bin/env bash
# time-to-title.sh measures how long Vaultview takes from launch to a window titled
# "<note> — Vaultview", against a bare Fyne window (tools/emptywindow) started in turn in the
# same run, so the ratio holds on a busy machine. It needs an X display (DISPLAY; use
# xvfb-run on a machine without one) and xdotool.
#
#   scripts/time-to-title.sh [RUNS] [VAULT[::NOTE] ...]     (no VAULT: the built-in sample)
#
# VAULT::NOTE starts at NOTE (`vaultview VAULT NOTE`), e.g. a 1 MB note; compare it with a
# small note of the same vault in the same run.
set -euo pipefail
runs=${1:-5}
shift || true
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/vaultview" .
go build -o "$bin/emptywindow" ./tools/emptywindow

# ms from exec to a window whose name ends in " — Vaultview"; prefs go to a fresh folder so
# no last vault or note is reopened. A start that could not open the X display (seen on a
# machine busy with other X clients) is tried again, up to 3 times.
title_ms() {
	local cfg start end pid try
	for try in 1 2 3; do
		cfg=$(mktemp -d)
		start=$(date +%s%N)
		XDG_CONFIG_HOME=$cfg "$@" >/dev/null 2>"$cfg/stderr" &
		pid=$!
		until xdotool search --name ". — Vaultview$" >/dev/null 2>&1; do
			if ! kill -0 "$pid" 2>/dev/null; then
				break
			fi
			# A pause between looks, so the polling does not crowd the X server.
			sleep 0.005
		done
		end=$(date +%s%N)
		if kill "$pid" 2>/dev/null; then
			wait "$pid" 2>/dev/null || true
			rm -rf "$cfg"
			echo $(((end - start) / 1000000))
			return
		fi
		wait "$pid" 2>/dev/null || true
		# (Vaultview logs nothing without -v: GLFW's panic is what says so.)
		if ! grep -qE "Failed to open display|GLFW library is not initialized" "$cfg/stderr" || [ "$try" = 3 ]; then
			echo "time-to-title: $* exited without a titled window:" >&2
			grep -v '^\s' "$cfg/stderr" | head -5 >&2
			rm -rf "$cfg"
			exit 1
		fi
		rm -rf "$cfg"
	done
}

if xdotool search --name ". — Vaultview$" >/dev/null 2>&1; then
	echo "time-to-title: a Vaultview window is already open on $DISPLAY; close it first" >&2
	exit 1
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for spec in "${@:-}"; do
	vault=${spec%%::*} note=
	if [[ $spec == *::* ]]; then
		note=${spec#*::}
	fi
	ours=() base=() ratios=()
	for _ in $(seq "$runs"); do
		b=$(title_ms "$bin/emptywindow")
		o=$(title_ms "$bin/vaultview" ${vault:+"$vault"} ${note:+"$note"})
		base+=("$b") ours+=("$o")
		ratios+=("$(awk -v o="$o" -v b="$b" 'BEGIN {printf "%.2f", o/b}')")
	done
	printf '%-30s vaultview %s ms (median of %d), bare window %s ms, ratio %s\n' \
		"${spec:-sample vault}" "$(printf '%s\n' "${ours[@]}" | median)" "$runs" \
		"$(printf '%s\n' "${base[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"
done
