# Vaultview: build, run and test. `make help` lists the targets.
#
# On a fresh machine `make run` and `make test` are the only commands you need: both first
# install what is missing (Go modules, and on Linux the C compiler and the OpenGL, X11 and
# Wayland headers that Fyne needs), then do their job. The longer steps live in scripts/.

# The go command; the scripts use the same one.
export GO ?= go
BINARY   := vaultview
ifeq ($(OS),Windows_NT)
BINARY   := vaultview.exe
endif
# make run VAULT=~/notes opens that vault; without it the built-in sample vault opens.
VAULT    ?=
# What `vaultview --version` prints in a `make build` binary: the git tag or commit.
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null)
# Where `make vault` writes the 20,000-note benchmark vault and `make vault100k` the
# 100,000-note one (git-ignored). Both are calibrated to a real vault (internal/vaultgen);
# round 1's vaults were in testdata/gen/vault20k.
GEN_VAULT ?= testdata/gen/calibrated20k
GEN_VAULT_100K ?= testdata/gen/calibrated100k
# How long `make fuzz` runs each fuzz target.
FUZZTIME ?= 20s
# The app's version, as FyneApp.toml gives it to `fyne package`; it names the files in dist/.
APP_VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
# The packages' build number (the fourth part of the Windows file version, the macOS bundle
# version): the number of commits, so it grows with every commit. Empty: Build in FyneApp.toml.
BUILD_NUMBER ?= $(shell git rev-list --count HEAD 2>/dev/null)
# The `fyne` packaging command, pinned, installed into the repository (git-ignored) on first use.
FYNE_TOOLS_VERSION := v1.7.4
FYNE     := .tools/fyne-$(FYNE_TOOLS_VERSION)/fyne
# The C cross compiler for the Windows build (Debian's gcc-mingw-w64-x86-64).
WINDOWS_CC ?= x86_64-w64-mingw32-gcc
# Where `make install` puts the Linux package: PREFIX/bin, PREFIX/share/applications, ...
PREFIX   ?= $(HOME)/.local

# Go's installer puts the toolchain in /usr/local/go/bin, which a fresh shell may not have on
# its PATH yet.
export PATH := $(PATH):/usr/local/go/bin

# Recipes use bash (for `set -o pipefail`); every supported system has it.
SHELL := /bin/bash

# Each target below is a command, not a file (there is even a vault/ folder).
.PHONY: help deps test-deps dist-deps run build test check-layers check-fmt fmt vet bench vault vault100k fuzz \
	clean dist dist-tools dist-linux dist-windows dist-macos install uninstall
# Steps run one after another in the order written, even under `make -j`.
.NOTPARALLEL:

build: deps ## build ./vaultview
	$(GO) build -ldflags '$(if $(VERSION),-X vaultview/cli.Version=$(VERSION))' -o $(BINARY) .

help: ## list the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# ---- set-up ------------------------------------------------------------------------------

deps: ## install missing system packages and download Go modules
	@bash scripts/install-deps.sh
	$(GO) mod download

test-deps: ## the same plus Xvfb and xauth, which the tests need
	@bash scripts/install-deps.sh --test
	$(GO) mod download

dist-deps: ## the same plus the MinGW-w64 cross compiler and xz, which make dist needs
	@bash scripts/install-deps.sh --dist
	$(GO) mod download

# The version in the path means changing FYNE_TOOLS_VERSION installs the new one.
$(FYNE):
	GOBIN="$(CURDIR)/$(dir $(FYNE))" $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

# ---- use ---------------------------------------------------------------------------------

run: deps ## open the app (on the sample vault, or VAULT=dir)
	$(GO) run . $(if $(VAULT),"$(VAULT)")

# ---- packages ----------------------------------------------------------------------------

# `fyne package` builds the program itself (release mode: -trimpath, -s -w, the `release` tag,
# and the app metadata from FyneApp.toml built in), so `vaultview --version` gets the git
# version through GOFLAGS, which fyne passes on to `go build -ldflags`.
FYNE_GOFLAGS = $(strip $(GOFLAGS) $(if $(VERSION),-ldflags=-X=vaultview/cli.Version=$(VERSION)))
# fyne package, run through scripts/fyne-package.sh, which undoes fyne's edit of FyneApp.toml.
FYNE_PACKAGE = GOFLAGS='$(FYNE_GOFLAGS)' bash scripts/fyne-package.sh $(FYNE) package --release \
	$(if $(BUILD_NUMBER),--app-build $(BUILD_NUMBER))
# What fyne writes here during a build and deletes after it; an interrupted build can leave
# them behind, and a stale fyne.syso (a Windows resource object) breaks every other build.
FYNE_LEFTOVERS = fyne.syso fyne_metadata_init.go FyneApp.ico vaultview.exe.manifest
LINUX_TAR    = dist/vaultview-$(APP_VERSION)-linux-amd64.tar.xz
WINDOWS_EXE  = dist/vaultview-$(APP_VERSION)-windows-amd64.exe

dist: dist-tools dist-linux dist-windows ## Linux .tar.xz and Windows .exe into dist/
	@ls -l dist/*.tar.xz dist/*.exe

# What the dist targets need, installed without building anything (.ci/run first installs
# it, then runs dist-linux and dist-windows side by side in two copies of the tree).
dist-tools: dist-deps $(FYNE)

# fyne writes Vaultview.tar.xz in the working folder: usr/local/bin/vaultview, the .desktop
# entry, the icon and a Makefile that installs them. With --exe it builds there, not into
# ./vaultview (which it would delete as stale), and removes the build afterwards.
dist-linux: deps $(FYNE) ## the Linux package: dist/vaultview-VERSION-linux-amd64.tar.xz
	@mkdir -p dist/.build
	rm -f Vaultview.tar.xz dist/.build/vaultview $(FYNE_LEFTOVERS)
	$(FYNE_PACKAGE) -os linux --exe dist/.build/vaultview
	mv Vaultview.tar.xz $(LINUX_TAR)
	@echo "dist-linux: $(LINUX_TAR)"

# Cross-built with cgo and MinGW-w64. fyne builds ./vaultview.exe, then writes the icon,
# version and manifest into a fyne.syso resource, builds again with -H=windowsgui and renames
# the result to Vaultview.exe.
dist-windows: dist-deps $(FYNE) ## the Windows program: dist/vaultview-VERSION-windows-amd64.exe
	@mkdir -p dist
	rm -f vaultview.exe Vaultview.exe $(FYNE_LEFTOVERS)
	CC='$(WINDOWS_CC)' GOARCH=amd64 $(FYNE_PACKAGE) -os windows
	mv Vaultview.exe $(WINDOWS_EXE)
	@echo "dist-windows: $(WINDOWS_EXE)"

# Only on a Mac (with the Xcode command-line tools): fyne needs Apple's compiler and tools.
dist-macos: deps $(FYNE) ## on a Mac: the app bundle dist/Vaultview.app
	@if [ "$$(uname -s)" != Darwin ]; then echo "dist-macos: run this on a Mac"; exit 1; fi
	@mkdir -p dist/.build
	rm -rf Vaultview.app dist/Vaultview.app dist/.build/vaultview $(FYNE_LEFTOVERS)
	$(FYNE_PACKAGE) -os darwin --exe dist/.build/vaultview
	mv Vaultview.app dist/Vaultview.app
	@echo "dist-macos: dist/Vaultview.app"

install: dist-linux ## install the Linux package into PREFIX (default ~/.local)
	bash scripts/install-local.sh install $(LINUX_TAR) "$(PREFIX)"

uninstall: ## remove what make install installed from PREFIX
	bash scripts/install-local.sh uninstall "$(PREFIX)"

# ---- checks and tests --------------------------------------------------------------------

test: test-deps check-layers check-fmt vet ## every check, then all tests with -race
	bash scripts/headless.sh $(GO) test -race -timeout 25m ./...

# The model must not depend on the toolkit (main -> app -> widgets -> vault).
check-layers: ## fail if vault/... imports fyne.io
	@bash scripts/check-layers.sh

# Every Go file of the project (files under testdata/ are inputs, not code).
FIND_GO_FILES = find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*'

check-fmt: ## fail if a Go file is not gofmt-formatted
	@files=$$($(FIND_GO_FILES) -exec gofmt -l {} +); \
	if [ -n "$$files" ]; then \
		echo "These files are not gofmt-formatted (run 'make fmt'):"; \
		echo "$$files"; \
		exit 1; \
	fi

fmt: ## gofmt every Go file in place
	$(FIND_GO_FILES) -exec gofmt -w {} +

# With -race, as `make test` builds: vet compiles every dependency (Fyne's OpenGL cgo
# included) to check against, and so it compiles them once for both, not twice.
vet: ## go vet ./...
	$(GO) vet -race ./...

# The previous bench.txt is kept as bench.old.txt, so benchstat shows what changed. The Go
# benchmarks read the calibrated vaults of `make vault` and `make vault100k` (generated first
# when missing; VAULTVIEW_BENCH_VAULT, an absolute path, picks another). Then
# scripts/bench-process.sh measures what only whole processes show: `check` against
# goldmark, and the window's launch, search readiness and memory, cold and reopened from its
# cache, on a virtual display. BENCHMARKS.md says which figure comes from which step.
bench: deps test-deps vault vault100k ## every benchmark: bench.txt, bench100k.txt, then whole processes
	@if [ -f bench.txt ]; then mv bench.txt bench.old.txt; fi
	set -o pipefail; \
	export VAULTVIEW_BENCH_VAULT="$${VAULTVIEW_BENCH_VAULT:-$(abspath $(GEN_VAULT))}"; \
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./vault/... ./internal/vaultstats | tee bench.txt
	@bash scripts/benchstat.sh
	set -o pipefail; \
	VAULTVIEW_BENCH_VAULT="$(abspath $(GEN_VAULT_100K))" \
		$(GO) test -run '^$$' -bench 'Load_VsGoldmark|Open|Build|Search|ReadText|Keystroke_(Incremental|Cold)' -benchtime 1x -count 3 \
		./vault ./vault/notecache ./vault/search ./vault/switcher | tee bench100k.txt
	bash scripts/headless.sh $(GO) test -run '^$$' -bench 'PageTree_Filter' -benchtime 20x ./widgets | tee -a bench100k.txt
	bash scripts/bench-process.sh $(GEN_VAULT) 5 check
	bash scripts/headless.sh bash scripts/bench-process.sh $(GEN_VAULT) 3 window
	bash scripts/headless.sh bash scripts/bench-process.sh $(GEN_VAULT_100K) 3 window
	bash scripts/headless.sh bash scripts/bench-canvas.sh 3

fuzz: deps ## run every Fuzz target for FUZZTIME (default 20s) each
	@bash scripts/fuzz.sh $(FUZZTIME)

# ---- generated data ----------------------------------------------------------------------

vault: ## generate the 20,000-note benchmark vault in GEN_VAULT (~157 MB)
	@bash scripts/genvault.sh $(GEN_VAULT)

vault100k: ## generate the 100,000-note benchmark vault in GEN_VAULT_100K (~786 MB)
	@bash scripts/genvault.sh $(GEN_VAULT_100K) -notes 100000

clean: ## remove the binary, packages, benchmark results and generated vaults
	rm -f vaultview vaultview.exe Vaultview.exe Vaultview.tar.xz bench.txt bench.old.txt bench100k.txt
	rm -f $(FYNE_LEFTOVERS)
	rm -rf dist testdata/gen
	find . -path '*/testdata/failed' -type d -prune -exec rm -rf {} +
