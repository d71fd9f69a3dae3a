#!/usr/bin/env bash
# install-deps.sh makes sure this machine can build Vaultview.
#
#   scripts/install-deps.sh          C compiler + OpenGL/X11/Wayland headers (for `make run`)
#   scripts/install-deps.sh --test   the same, plus Xvfb, xauth, xdotool, xclip, ImageMagick,
#                                    tesseract, mpv and ffmpeg (the end-to-end suite and the
#                                    controlled player's tests, for `make test`)
#   scripts/install-deps.sh --dist   the same as the first, plus the MinGW-w64 cross compiler for the
#                                    Windows build and xz for the Linux tarball (for `make dist`)
#
# Fyne's desktop driver is C code (GLFW) compiled through cgo, so a C compiler and the
# windowing headers must be on the machine. On Debian/Ubuntu, Fedora and Arch this script
# asks the package manager which of the packages below are missing and installs only those
# (with sudo when not root). When nothing is missing it installs nothing and takes well under
# a second, so it is safe to run before every build. On macOS, Windows and other systems it
# prints what to install and carries on.
set -euo pipefail

with_test=false
with_dist=false
case "${1:-}" in
	"") ;;
	--test) with_test=true ;;
	--dist) with_dist=true ;;
	*)
		echo "usage: $0 [--test | --dist]" >&2
		exit 2
		;;
esac

# Package names per distribution family. Fyne 2.8's GLFW builds both an X11 and a Wayland
# back end on Linux, so the Wayland and xkbcommon headers are needed as well as the X11 ones.
debian_build=(gcc libc6-dev libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
debian_test=(xvfb xauth xdotool xclip imagemagick tesseract-ocr tesseract-ocr-eng mpv ffmpeg)
fedora_build=(gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel
	libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel)
fedora_test=(xorg-x11-server-Xvfb xorg-x11-xauth xdotool xclip ImageMagick tesseract tesseract-langpack-eng mpv ffmpeg-free)
arch_build=(gcc libxcursor libxrandr libxinerama libxi mesa libxxf86vm wayland libxkbcommon)
arch_test=(xorg-server-xvfb xorg-xauth xdotool xclip imagemagick tesseract tesseract-data-eng mpv ffmpeg)
# `make dist` cross-builds the Windows .exe with cgo, so it needs a MinGW-w64 gcc for x86-64
# (with its Windows headers and libraries), and `fyne package` packs the Linux build with tar -J.
debian_dist=(gcc-mingw-w64-x86-64 xz-utils)
fedora_dist=(mingw64-gcc xz)
arch_dist=(mingw-w64-gcc xz)

say() { echo "install-deps: $*"; }

# Go itself is not installed by this script: every distribution packages a different version.
check_go() {
	if ! command -v go >/dev/null 2>&1; then
		say "Go is not on PATH. Install Go 1.26 or newer from https://go.dev/dl/"
		say "(the default install puts it in /usr/local/go/bin) and run this again."
		exit 1
	fi
}

# distro_family prints debian, fedora, arch or unknown.
distro_family() {
	local ids=""
	if [ -r /etc/os-release ]; then
		ids="$(. /etc/os-release && echo " ${ID:-} ${ID_LIKE:-} ")"
	fi
	case "$ids" in
		*" debian "* | *" ubuntu "*) echo debian ;;
		*" fedora "* | *" rhel "* | *" centos "*) echo fedora ;;
		*" arch "*) echo arch ;;
		*)
			# No or unusual os-release: go by the package manager that is there.
			if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
				echo debian
			elif command -v dnf >/dev/null 2>&1 && command -v rpm >/dev/null 2>&1; then
				echo fedora
			elif command -v pacman >/dev/null 2>&1; then
				echo arch
			else
				echo unknown
			fi
			;;
	esac
}

# is_installed FAMILY PACKAGE succeeds when the package manager reports PACKAGE installed.
is_installed() {
	case "$1" in
		debian) [ "$(dpkg-query -W -f='${db:Status-Status}' "$2" 2>/dev/null)" = installed ] ;;
		fedora) rpm -q "$2" >/dev/null 2>&1 ;;
		arch) pacman -Q "$2" >/dev/null 2>&1 ;;
	esac
}

# as_root runs a command as root: directly when we are root, else through sudo.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

install_linux() {
	local family="$1"
	local -a wanted=() missing=()
	case "$family" in
		debian) wanted=("${debian_build[@]}") ;;
		fedora) wanted=("${fedora_build[@]}") ;;
		arch) wanted=("${arch_build[@]}") ;;
	esac
	if $with_test; then
		case "$family" in
			debian) wanted+=("${debian_test[@]}") ;;
			fedora) wanted+=("${fedora_test[@]}") ;;
			arch) wanted+=("${arch_test[@]}") ;;
		esac
	fi
	if $with_dist; then
		case "$family" in
			debian) wanted+=("${debian_dist[@]}") ;;
			fedora) wanted+=("${fedora_dist[@]}") ;;
			arch) wanted+=("${arch_dist[@]}") ;;
		esac
	fi

	local pkg
	for pkg in "${wanted[@]}"; do
		is_installed "$family" "$pkg" || missing+=("$pkg")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		say "all ${#wanted[@]} system packages present ($family)"
		return
	fi

	say "installing missing $family packages: ${missing[*]}"
	if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
		say "that needs root, and sudo is not installed: install them as root, then run"
		say "this again."
		exit 1
	fi
	case "$family" in
		debian)
			as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
			as_root env DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
			;;
		fedora)
			local dnf=dnf
			command -v dnf >/dev/null 2>&1 || dnf=yum
			as_root "$dnf" install -y "${missing[@]}" </dev/null
			;;
		arch)
			if ! as_root pacman -S --needed --noconfirm "${missing[@]}" </dev/null; then
				say "pacman failed; if it could not find a package, update first with"
				say "  sudo pacman -Syu"
				exit 1
			fi
			;;
	esac

	# Trust but verify: a package manager can exit 0 without installing everything.
	for pkg in "${missing[@]}"; do
		if ! is_installed "$family" "$pkg"; then
			say "$pkg is still not installed"
			exit 1
		fi
	done
}

check_go

case "$(uname -s)" in
	Linux)
		family="$(distro_family)"
		if [ "$family" = unknown ]; then
			say "unknown Linux distribution: install these yourself if the build fails:"
			say "  a C compiler (gcc), OpenGL (libGL) headers, X11 headers (libX11, Xcursor,"
			say "  Xrandr, Xinerama, Xi, Xxf86vm), Wayland client and xkbcommon headers"
			$with_test && say "  and, for tests, Xvfb, xauth, xdotool, xclip, ImageMagick and tesseract (the end-to-end suite)"
			$with_dist && say "  and, for make dist, a MinGW-w64 gcc for x86-64 (x86_64-w64-mingw32-gcc) and xz"
		else
			install_linux "$family"
		fi
		;;
	Darwin)
		if xcode-select -p >/dev/null 2>&1; then
			say "Xcode command-line tools present"
		else
			say "the Xcode command-line tools are missing: run  xcode-select --install"
		fi
		;;
	MINGW* | MSYS* | CYGWIN*)
		if command -v gcc >/dev/null 2>&1; then
			say "gcc present: $(command -v gcc)"
		else
			say "no gcc on PATH. Install MSYS2 (https://www.msys2.org), then in its UCRT64 shell:"
			say "  pacman -S mingw-w64-ucrt-x86_64-gcc"
			say "and add C:\\msys64\\ucrt64\\bin to PATH."
		fi
		;;
	*)
		say "unknown system $(uname -s): a C compiler and OpenGL headers are needed"
		;;
esac
