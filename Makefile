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
# Where `make vault` writes the synthetic 20,000-note benchmark vault (git-ignored).
GEN_VAULT ?= testdata/gen/vault20k
# How long `make fuzz` runs each fuzz target.
FUZZTIME ?= 20s

# Go's installer puts the toolchain in /usr/local/go/bin, which a fresh shell may not have on
# its PATH yet.
export PATH := $(PATH):/usr/local/go/bin

# Recipes use bash (for `set -o pipefail`); every supported system has it.
SHELL := /bin/bash

# Each target below is a command, not a file (there is even a vault/ folder).
.PHONY: help deps test-deps run build test check-layers check-fmt fmt vet bench vault fuzz clean
# Steps run one after another in the order written, even under `make -j`.
.NOTPARALLEL:

build: deps ## build ./vaultview
	$(GO) build -ldflags '$(if $(VERSION),-X vaultview/cli.Version=$(VERSION))' -o $(BINARY) .

help: ## list the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# ---- set-up ------------------------------------------------------------------------------

deps: ## install missing system packages and download Go modules
	@bash scripts/install-deps.sh
	$(GO) mod download

test-deps: ## the same plus Xvfb and xauth, which the tests need
	@bash scripts/install-deps.sh --test
	$(GO) mod download

# ---- use ---------------------------------------------------------------------------------

run: deps ## open the app (on the sample vault, or VAULT=dir)
	$(GO) run . $(if $(VAULT),"$(VAULT)")

# ---- checks and tests --------------------------------------------------------------------

test: test-deps check-layers check-fmt vet ## every check, then all tests with -race
	bash scripts/headless.sh $(GO) test -race ./...

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

vet: ## go vet ./...
	$(GO) vet ./...

# The previous bench.txt is kept as bench.old.txt, so benchstat shows what changed. The
# benchmarks read the vault from `make vault` when it exists (VAULTVIEW_BENCH_VAULT, an
# absolute path); without it they generate one in a temporary folder first.
bench: ## benchmarks of vault/... into bench.txt, summarised by benchstat
	@if [ -f bench.txt ]; then mv bench.txt bench.old.txt; fi
	set -o pipefail; \
	if [ -d $(GEN_VAULT) ]; then \
		export VAULTVIEW_BENCH_VAULT="$${VAULTVIEW_BENCH_VAULT:-$(abspath $(GEN_VAULT))}"; \
	fi; \
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./vault/... | tee bench.txt
	@bash scripts/benchstat.sh

fuzz: deps ## run every Fuzz target for FUZZTIME (default 20s) each
	@bash scripts/fuzz.sh $(FUZZTIME)

# ---- generated data ----------------------------------------------------------------------

# Written to a temporary folder first, so an interrupted run leaves no half vault behind.
# Delete the folder (or `make clean`) to generate it again.
vault: ## generate the 20,000-note benchmark vault in GEN_VAULT
	@if [ -d $(GEN_VAULT) ]; then \
		echo "$(GEN_VAULT) already exists"; \
	else \
		set -e; \
		rm -rf $(GEN_VAULT).tmp; \
		mkdir -p $(dir $(GEN_VAULT)); \
		echo "$(GO) run ./tools/genvault $(GEN_VAULT)"; \
		$(GO) run ./tools/genvault $(GEN_VAULT).tmp; \
		mv $(GEN_VAULT).tmp $(GEN_VAULT); \
	fi

clean: ## remove the binary, benchmark results and generated vaults
	rm -f vaultview vaultview.exe bench.txt bench.old.txt
	rm -rf dist testdata/gen
	find . -path '*/testdata/failed' -type d -prune -exec rm -rf {} +
