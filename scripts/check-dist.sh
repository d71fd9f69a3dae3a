#!/usr/bin/env bash
# check-dist.sh checks what `make dist` put in dist/ (CI runs it after `make dist`):
#
#   dist/vaultview-VERSION-linux-amd64.tar.xz  holds an x86-64 ELF program bin/vaultview, a
#       .desktop entry (Type=Application, Name=Vaultview, Exec=vaultview, an Icon) and the
#       icon as a PNG; the program prints the version when run with --version;
#   dist/vaultview-VERSION-windows-amd64.exe   is a PE32+ x86-64 program for the Windows GUI
#       subsystem (no console window) with icon, version and manifest resources.
#
# VERSION is the one in FyneApp.toml. The file formats are read with od, so nothing beyond
# coreutils, tar and xz is needed. Exits non-zero on the first thing that is wrong.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
	echo "check-dist: FAIL: $*" >&2
	exit 1
}
ok() { echo "check-dist: ok: $*"; }

version="$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)"
app_id="$(sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml)"
if [ -z "$version" ] || [ -z "$app_id" ]; then fail "no Version or ID in FyneApp.toml"; fi
tarball="dist/vaultview-$version-linux-amd64.tar.xz"
exe="dist/vaultview-$version-windows-amd64.exe"

# u8/u16/u32 FILE OFFSET print the little-endian unsigned number at OFFSET.
u8() { od -An -v -tu1 -j "$2" -N1 "$1" | tr -d ' \n'; }
u16() { od -An -v -tu2 --endian=little -j "$2" -N2 "$1" | tr -d ' \n'; }
u32() { od -An -v -tu4 --endian=little -j "$2" -N4 "$1" | tr -d ' \n'; }
# bytes FILE OFFSET N print N bytes as hex, without spaces.
bytes() { od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'; }

# ---- Linux -------------------------------------------------------------------------------

[ -f "$tarball" ] || fail "$tarball is missing (run make dist)"
listing="$(tar -tJf "$tarball")" || fail "$tarball is not a readable .tar.xz"
for want in "bin/vaultview" "share/applications/$app_id.desktop" "share/pixmaps/$app_id.png"; do
	grep -q "usr/\(local/\)\?$want\$" <<<"$listing" || fail "$tarball has no usr/.../$want"
done
ok "$tarball lists bin/vaultview, $app_id.desktop and $app_id.png"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xJf "$tarball" -C "$tmp"
bin="$(find "$tmp" -type f -path '*/bin/vaultview')"
desktop="$(find "$tmp" -type f -path "*/share/applications/$app_id.desktop")"
icon="$(find "$tmp" -type f -path "*/share/pixmaps/$app_id.png")"

# ELF magic, 64-bit class (byte 4 = 2), e_machine (offset 18) = 62, x86-64.
[ "$(bytes "$bin" 0 4)" = 7f454c46 ] || fail "bin/vaultview is not an ELF file"
if [ "$(u8 "$bin" 4)" != 2 ] || [ "$(u16 "$bin" 18)" != 62 ]; then fail "bin/vaultview is not x86-64 ELF"; fi
[ -x "$bin" ] || fail "bin/vaultview is not executable"
ok "bin/vaultview is an x86-64 ELF executable"
if out="$("$bin" --version 2>&1)"; then
	ok "bin/vaultview --version: $out"
else
	fail "bin/vaultview --version failed: $out"
fi

# key NAME prints the value of NAME= in the [Desktop Entry] group.
key() { awk -F= -v k="$1" '/^\[/ { g = $0 } g == "[Desktop Entry]" && $1 == k { sub(/^[^=]*=/, ""); print; exit }' "$desktop"; }
[ "$(key Type)" = Application ] || fail ".desktop: Type is '$(key Type)', not Application"
[ "$(key Name)" = Vaultview ] || fail ".desktop: Name is '$(key Name)', not Vaultview"
exec_line="$(key Exec)"
[ "${exec_line%% *}" = vaultview ] || fail ".desktop: Exec is '$exec_line', not vaultview"
[ -n "$(key Icon)" ] || fail ".desktop: no Icon"
ok ".desktop: Name=Vaultview Exec=$exec_line Icon=$(key Icon)"

# PNG signature, then the IHDR chunk's width and height (big-endian, at 16 and 20).
[ "$(bytes "$icon" 0 8)" = 89504e470d0a1a0a ] || fail "$app_id.png is not a PNG"
width=$((16#$(bytes "$icon" 16 4)))
height=$((16#$(bytes "$icon" 20 4)))
if [ "$width" != "$height" ] || [ "$width" -lt 256 ]; then fail "$app_id.png is ${width}x$height, not square and >= 256"; fi
ok "$app_id.png is a ${width}x$height PNG"

# ---- Windows -----------------------------------------------------------------------------

[ -f "$exe" ] || fail "$exe is missing (run make dist)"
[ "$(bytes "$exe" 0 2)" = 4d5a ] || fail "$exe has no MZ header"
pe=$(u32 "$exe" 60) # e_lfanew: where the PE header starts
[ "$(bytes "$exe" "$pe" 4)" = 50450000 ] || fail "$exe has no PE signature"
[ "$(u16 "$exe" $((pe + 4)))" = 34404 ] || fail "$exe is not for x86-64 (machine 0x8664)"
nsections=$(u16 "$exe" $((pe + 6)))
optsize=$(u16 "$exe" $((pe + 20)))
opt=$((pe + 24)) # the optional header
[ "$(u16 "$exe" "$opt")" = 523 ] || fail "$exe is not PE32+ (optional header magic 0x20b)"
subsystem=$(u16 "$exe" $((opt + 68)))
[ "$subsystem" = 2 ] || fail "$exe has subsystem $subsystem, not 2 (Windows GUI): built without -H=windowsgui?"
ok "$exe is a PE32+ x86-64 Windows GUI executable (subsystem 2)"

# The resource table: data directory 2 (the directories start at 112 in a PE32+ header). Its
# RVA is mapped to a file offset through the section table; the root directory's ID entries
# name the resource types present.
rsrc_rva=$(u32 "$exe" $((opt + 112 + 2 * 8)))
[ "$rsrc_rva" != 0 ] || fail "$exe has no resources (no icon)"
sections=$((opt + optsize))
rsrc=""
for ((i = 0; i < nsections; i++)); do
	s=$((sections + i * 40))
	vsize=$(u32 "$exe" $((s + 8)))
	va=$(u32 "$exe" $((s + 12)))
	raw=$(u32 "$exe" $((s + 20)))
	if [ "$rsrc_rva" -ge "$va" ] && [ "$rsrc_rva" -lt $((va + vsize)) ]; then
		rsrc=$((raw + rsrc_rva - va))
		break
	fi
done
[ -n "$rsrc" ] || fail "$exe: the resource table is in no section"
named=$(u16 "$exe" $((rsrc + 12)))
ids=$(u16 "$exe" $((rsrc + 14)))
types=" "
for ((i = 0; i < ids; i++)); do
	types+="$(u32 "$exe" $((rsrc + 16 + (named + i) * 8))) "
done
# 3 RT_ICON, 14 RT_GROUP_ICON, 16 RT_VERSION, 24 RT_MANIFEST
for t in 3:icon 14:group-icon 16:version 24:manifest; do
	[[ "$types" == *" ${t%%:*} "* ]] || fail "$exe has no ${t#*:} resource (types:$types)"
done
ok "$exe has icon, group-icon, version and manifest resources"

echo "check-dist: all good"
