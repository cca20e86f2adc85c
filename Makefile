# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands: `make run` and `make test`. Both install what is missing first.
# `make test` also builds the Debian packages and checks them (packaging/check-packages),
# and runs the unit, integration and fuzz-corpus tests again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer ($(BUILD_DIR)-asan, `make sanitize`).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# ccache, when installed (scripts/setup-deps installs it), makes rebuilds cheap.
LAUNCHER := $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
SANITIZE_FLAGS := -DORION_SANITIZE=ON -DORION_BUILD_GUI=OFF -DORION_BUILD_BENCH=OFF \
	-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"

.PHONY: all deps configure build run test sanitize package bench fuzz screenshots format clean

all: build

deps:
	@scripts/setup-deps

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(LAUNCHER) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@scripts/run $(BUILD_DIR)

test: build
	@scripts/test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600
	cmake --build $(BUILD_DIR) --target package
	@packaging/check-packages $(BUILD_DIR)
	@$(MAKE) --no-print-directory sanitize

# The core, the command-line programs and the tests with ASan + UBSan; any finding fails.
# tst_overlay_network runs in the plain build only: its 870 lookups with 2 s request
# time-outs miss some under the sanitizers' slowdown on two cores (a load-sensitive test,
# not a finding).
sanitize: deps
	cmake -S . -B $(BUILD_DIR)-asan -G Ninja $(LAUNCHER) $(SANITIZE_FLAGS)
	cmake --build $(BUILD_DIR)-asan -j $(JOBS)
	cd $(BUILD_DIR)-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS) --timeout 600 -L "unit|integration|fuzz|netscript" \
		-E "^tst_overlay_network$$"

# The Debian packages orion and orion-node, written into $(BUILD_DIR).
package: build
	cmake --build $(BUILD_DIR) --target package

bench: build
	@scripts/bench $(BUILD_DIR)

# The network soak (tests/soak, docs/performance.md): 50 orion-node processes for ten
# minutes under churn, container load, honest traffic and hostile peers; prints one JSON
# object and fails on a lost message, memory growth or a silent defence. Not part of
# `make test`. SOAK_ARGS=--quick tries it in about a minute and a half.
.PHONY: soak
SOAK_ARGS ?=
soak: build
	$(BUILD_DIR)/tests/soak/soak_network $(SOAK_ARGS)

screenshots: build
	@scripts/screenshots $(BUILD_DIR)

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_DIR)-fuzz -G Ninja -DORION_FUZZ=ON -DORION_BUILD_GUI=OFF
	cmake --build $(BUILD_DIR)-fuzz -j $(JOBS)

format:
	find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-fuzz $(BUILD_DIR)-asan
