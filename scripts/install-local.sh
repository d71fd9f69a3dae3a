#!/usr/bin/env bash
# install-local.sh installs the Linux package that `make dist-linux` builds for one user, or
# removes it again. `make install` and `make uninstall` run it.
#
#   scripts/install-local.sh install   dist/vaultview-VERSION-linux-amd64.tar.xz [PREFIX]
#   scripts/install-local.sh uninstall [PREFIX]
#
# PREFIX is ~/.local unless given. Installed are:
#
#   PREFIX/bin/vaultview                      the program
#   PREFIX/share/applications/APPID.desktop   the menu entry, with Exec and Icon as full paths,
#                                             so it works when PREFIX/bin is not on PATH
#   PREFIX/share/icons/APPID.png              the icon
#
# APPID is the ID in FyneApp.toml (app.vaultview.viewer). Nothing needs root.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "install-local: $*"; }
usage() {
	echo "usage: $0 install PACKAGE.tar.xz [PREFIX] | $0 uninstall [PREFIX]" >&2
	exit 2
}

app_id="$(sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml)"
if [ -z "$app_id" ]; then
	say "no ID in FyneApp.toml"
	exit 1
fi
exe=vaultview

# desktop_quote quotes a path for an Exec line when it has a character that needs it.
desktop_quote() {
	case "$1" in
		*[[:space:]\"\'\\\`\$]*)
			local q="${1//\\/\\\\\\\\}"
			q="${q//\"/\\\\\"}"
			q="${q//\`/\\\\\`}"
			q="${q//\$/\\\\\$}"
			printf '"%s"' "$q"
			;;
		*) printf '%s' "$1" ;;
	esac
}

do_install() {
	local tarball="$1" prefix="$2"
	if [ ! -f "$tarball" ]; then
		say "$tarball not found: run make dist-linux first"
		exit 1
	fi

	tmp="$(mktemp -d)" # global: the EXIT trap runs after this function has returned
	trap 'rm -rf "$tmp"' EXIT
	tar -xJf "$tarball" -C "$tmp"

	# fyne puts the files under usr/local/ or usr/, depending on the machine it ran on.
	local bin desktop icon
	bin="$(find "$tmp" -type f -path "*/bin/$exe" | head -n 1)"
	desktop="$(find "$tmp" -type f -path "*/share/applications/$app_id.desktop" | head -n 1)"
	icon="$(find "$tmp" -type f -path "*/share/pixmaps/$app_id.png" | head -n 1)"
	if [ -z "$bin" ] || [ -z "$desktop" ] || [ -z "$icon" ]; then
		say "$tarball lacks bin/$exe, share/applications/$app_id.desktop or share/pixmaps/$app_id.png"
		exit 1
	fi

	local bin_to="$prefix/bin/$exe"
	local desktop_to="$prefix/share/applications/$app_id.desktop"
	local icon_to="$prefix/share/icons/$app_id.png"

	install -Dm0755 "$bin" "$bin_to"
	install -Dm0644 "$icon" "$icon_to"

	# The packaged entry says Exec=vaultview and Icon=APPID (names looked up on PATH and in
	# the icon theme); point them at the installed files instead. Exec keeps its arguments.
	local exec_path
	exec_path="$(desktop_quote "$bin_to")"
	mkdir -p "$(dirname "$desktop_to")"
	awk -v exec_path="$exec_path" -v icon="$icon_to" -v exe="$exe" '
		/^Exec=/ {
			rest = substr($0, 6)
			if (index(rest, exe) == 1) rest = substr(rest, length(exe) + 1)
			print "Exec=" exec_path rest
			next
		}
		/^Icon=/ { print "Icon=" icon; next }
		{ print }
	' "$desktop" >"$desktop_to.tmp"
	chmod 0644 "$desktop_to.tmp"
	mv "$desktop_to.tmp" "$desktop_to"

	# Let the desktop's menu see the new entry now (where the tool exists; harmless without).
	if command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
	fi

	say "installed $bin_to"
	say "installed $desktop_to"
	say "installed $icon_to"
	case ":$PATH:" in
		*":$prefix/bin:"*) ;;
		*) say "note: $prefix/bin is not on PATH; the menu entry works, a shell needs the full path" ;;
	esac
}

do_uninstall() {
	local prefix="$1" f removed=0
	for f in "$prefix/bin/$exe" \
		"$prefix/share/applications/$app_id.desktop" \
		"$prefix/share/icons/$app_id.png"; do
		if [ -e "$f" ]; then
			rm -f "$f"
			say "removed $f"
			removed=$((removed + 1))
		fi
	done
	if [ "$removed" -eq 0 ]; then
		say "nothing of Vaultview's was installed in $prefix"
	elif command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
	fi
}

case "${1:-}" in
	install)
		if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
		do_install "$2" "${3:-$HOME/.local}"
		;;
	uninstall)
		[ $# -le 2 ] || usage
		do_uninstall "${2:-$HOME/.local}"
		;;
	*) usage ;;
esac
