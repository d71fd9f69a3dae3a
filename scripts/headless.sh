#!/usr/bin/env bash
# headless.sh runs a command the way the tests expect to run:
#
#   - in English: LANG is en_US.UTF-8 when this machine has that locale, else C.UTF-8 (Fyne
#     reads its language from these variables; LANGUAGE, LC_ALL and LC_MESSAGES would take
#     precedence over LANG, so they are cleared);
#   - on Linux, on a private virtual X display (xvfb-run -a), so the end-to-end test can open
#     real windows on a machine without a screen, and never on your desktop. GLFW is pointed
#     at X11 so it does not look for a Wayland compositor first.
#
# On macOS and Windows the command runs on the normal desktop.
#
#   scripts/headless.sh go test -race ./...
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 COMMAND [ARG...]" >&2
	exit 2
fi

lang=C.UTF-8
# Read the list first: with pipefail, `locale -a | grep -q` can fail when grep quits early.
locales=$(locale -a 2>/dev/null || true)
if grep -qiE '^en_US\.utf-?8$' <<<"$locales"; then
	lang=en_US.UTF-8
fi
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG="$lang"

if [ "$(uname -s)" = Linux ]; then
	if command -v xvfb-run >/dev/null 2>&1; then
		unset WAYLAND_DISPLAY
		export XDG_SESSION_TYPE=x11
		echo "headless: LANG=$LANG, on a virtual X display (xvfb-run)"
		# A desktop-sized true-colour screen (xvfb-run's default is 640x480 at 8 bits).
		exec xvfb-run -a -s '-screen 0 1280x1024x24' "$@"
	fi
	echo "headless: xvfb-run not found (run scripts/install-deps.sh --test);" \
		"using DISPLAY=${DISPLAY:-<none>}"
fi
echo "headless: LANG=$LANG"
exec "$@"
