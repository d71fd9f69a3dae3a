#!/usr/bin/env bash
# bench-canvas.sh measures a board of 10,000 cards in the real window (issue #16: opens in
# ≤ 1 s, pans at 30+ fps). Run it under scripts/headless.sh (it needs an X display and
# xdotool). It writes a board of SIDE×SIDE cards (tools/genvault --board) into a vault of its
# own, opens it with `vaultview -v`, and for each zoom (the board fitted to the window, then
# zoomed in until the cards are read as rendered notes) drags it with the mouse for about two
# seconds, RUNS times. The frame rate is the frames the window painted while the board
# moved (CanvasView.OnPanned counts them at the painter) over the drag's time. Each run
# measures a board of 3×3 cards the same way first: what the window paints at most on this
# machine (under Xvfb, the processor paints), the baseline the big board is compared with.
#
#   scripts/headless.sh scripts/bench-canvas.sh [RUNS] [SIDE]
set -euo pipefail
runs=${1:-3}
side=${2:-100}
cd "$(dirname "$0")/.."
go=${GO:-go}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$go" build -o "$work/vaultview" .
mkdir -p "$work/vault"
printf '# Start\n\nThe board is [[Big board.canvas]].\n' >"$work/vault/Start.md"
"$go" run ./tools/genvault --board "$side" "$work/vault/Big board.canvas"
"$go" run ./tools/genvault --board 3 "$work/vault/Small board.canvas"
echo "board: $((side * side)) cards, $(stat -c %s "$work/vault/Big board.canvas") bytes"

# drag moves the pointer with the button down, 4 px every 10 ms, for about two seconds.
drag() {
	xdotool mousemove --window "$win" 600 400 mousedown 1
	for _ in $(seq 100); do
		xdotool mousemove_relative -- 3 2
		sleep 0.01
		xdotool mousemove_relative -- -3 -2
		sleep 0.01
	done
	xdotool mouseup 1
}
# lastpan waits for the log line of the drag just ended and prints its frames a second.
lastpan() {
	local n=$1
	for _ in $(seq 100); do
		if [ "$(grep -c 'canvas: panned' "$work/log")" -ge "$n" ]; then
			grep 'canvas: panned' "$work/log" | sed -n "${n}p" | sed 's/.*(\([0-9.]*\) a second).*/\1/'
			return
		fi
		sleep 0.1
	done
	echo "no frame count in the log" >&2
	exit 1
}

# measure BOARD prints "opened fitted zoomed" for the board called BOARD.
measure() {
	: >"$work/log"
	"$work/vaultview" -v "$work/vault" "$1.canvas" 2>"$work/log" &
	pid=$!
	win=$(xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
	xdotool windowsize --sync "$win" 1200 800
	for _ in $(seq 200); do
		grep -q "canvas $1.canvas" "$work/log" && break
		sleep 0.05
	done
	local opened fitted zoomed
	opened=$(grep -o "canvas $1.canvas: .*read in [0-9.]*[mµ]*s" "$work/log" | sed 's/.*read in //')
	xdotool windowfocus --sync "$win"
	drag
	fitted=$(lastpan 1)
	xdotool key --delay 60 plus plus plus plus plus plus plus plus plus plus plus plus plus plus plus plus # 1.25^16: cards read
	drag
	zoomed=$(lastpan 2)
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=
	echo "$opened $fitted $zoomed"
}

for run in $(seq "$runs"); do
	read -r _ sfit szoom < <(measure "Small board")
	read -r opened fit zoom < <(measure "Big board")
	awk -v r="$run" -v o="$opened" -v f="$fit" -v z="$zoom" -v sf="$sfit" -v sz="$szoom" 'BEGIN {
		printf "run %d: big board read and parsed in %s; panning fitted %.1f fps (%.2f of the 3x3 board'"'"'s %.1f), zoomed in with cards rendered %.1f fps (%.2f of %.1f)\n", r, o, f, f / sf, sf, z, z / sz, sz }'
done
