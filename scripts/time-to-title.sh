#!/usr/bin/env bash
# time-to-title.sh measures how long Vaultview takes from launch to a window titled
# "<note> — Vaultview", against a bare Fyne window (tools/emptywindow) started in turn in the
# same run, so the ratio holds on a busy machine. It needs an X display (DISPLAY; use
# xvfb-run on a machine without one) and xdotool.
#
#   scripts/time-to-title.sh [RUNS] [VAULT ...]     (no VAULT: the built-in sample)
set -euo pipefail
runs=${1:-5}
shift || true
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/vaultview" .
go build -o "$bin/emptywindow" ./tools/emptywindow

# ms from exec to a window whose name ends in " — Vaultview"; prefs go to a fresh folder so
# no last vault or note is reopened.
title_ms() {
	local cfg start end pid
	cfg=$(mktemp -d)
	start=$(date +%s%N)
	XDG_CONFIG_HOME=$cfg "$@" >/dev/null 2>&1 &
	pid=$!
	until xdotool search --name ". — Vaultview$" >/dev/null 2>&1; do :; done
	end=$(date +%s%N)
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$cfg"
	echo $(((end - start) / 1000000))
}

if xdotool search --name ". — Vaultview$" >/dev/null 2>&1; then
	echo "time-to-title: a Vaultview window is already open on $DISPLAY; close it first" >&2
	exit 1
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for vault in "${@:-}"; do
	ours=() base=() ratios=()
	for _ in $(seq "$runs"); do
		b=$(title_ms "$bin/emptywindow")
		o=$(title_ms "$bin/vaultview" ${vault:+"$vault"})
		base+=("$b") ours+=("$o")
		ratios+=("$(awk -v o="$o" -v b="$b" 'BEGIN {printf "%.2f", o/b}')")
	done
	printf '%-30s vaultview %s ms (median of %d), bare window %s ms, ratio %s\n' \
		"${vault:-sample vault}" "$(printf '%s\n' "${ours[@]}" | median)" "$runs" \
		"$(printf '%s\n' "${base[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"
done
