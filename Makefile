# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands: `make run` and `make test`. Both install what is missing first.
# `make test` also builds the Debian packages and checks them (packaging/check-packages),
# and runs the unit, integration and fuzz-corpus tests again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer ($(BUILD_DIR)-asan, `make sanitize`),
# and the tests that run nodes and scripts on several threads with ThreadSanitizer
# ($(BUILD_DIR)-tsan, `make tsan`).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# ccache, when installed (scripts/setup-deps installs it), makes rebuilds cheap.
LAUNCHER := $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
SANITIZE_FLAGS := -DORION_SANITIZE=ON -DORION_BUILD_GUI=OFF -DORION_BUILD_BENCH=OFF \
	-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"
TSAN_FLAGS := -DORION_TSAN=ON -DORION_BUILD_GUI=OFF -DORION_BUILD_BENCH=OFF \
	-DCMAKE_BUILD_TYPE=Debug

.PHONY: all deps configure build run test netlab sanitize tsan package bench fuzz screenshots format clean

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
	@$(MAKE) --no-print-directory tsan

# The network lab's tests alone (root: network namespaces; docs/networking.md).
netlab: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target orion-node orionctl
	cd $(BUILD_DIR) && ctest --output-on-failure -L netlab

# The core, the command-line programs and the tests with ASan + UBSan; any finding fails.
# tst_overlay_network runs in the plain build only: its 870 lookups at once on 30 node
# threads outlast their request time-outs under the sanitizers' slowdown on two cores (a
# load-sensitive test, not a finding).
sanitize: deps
	cmake -S . -B $(BUILD_DIR)-asan -G Ninja $(LAUNCHER) $(SANITIZE_FLAGS)
	cmake --build $(BUILD_DIR)-asan -j $(JOBS)
	cd $(BUILD_DIR)-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS) --timeout 600 -L "unit|integration|fuzz|netscript" \
		-E "^tst_overlay_network$$"

# The tests where project code runs on more than one thread, with ThreadSanitizer; any
# report fails the run. Only these executables are built, and orionctl, which the container
# tests run (no other programs, GUI or benchmarks).
# Nodes on their own threads (NodeRunner, Cluster): node/, routing/, portal/, container/;
# the container thread pool: unit/container; scripts on a pool: tst_netscriptsandbox;
# portal clients on worker threads: tst_portalserver. Left out: tests/integration/net and
# the other unit tests run everything on the test thread (nothing for TSan to see); the
# cli tests run nodes as processes; tst_overlay_network is load-sensitive (see sanitize).
# Qt comes without TSan: ignore_noninstrumented_modules leaves what Qt's own code does
# unchecked (its locks still count), src/core/util/ThreadHandOver.h tells TSan about the
# project's hand-overs, and tests/tsan.supp suppresses races inside Qt's inline templates
# only. Any report fails the test (exit code 66).
TSAN_TESTS := tst_containerdefinition tst_containermanager tst_netscriptsandbox \
	tst_portalserver tst_containerbridge tst_containerdurability tst_containernetwork \
	tst_containerportal tst_noderunner tst_observed_address tst_overlay_activation \
	tst_nodeportal tst_routing_network
empty :=
space := $(empty) $(empty)
tsan: deps
	cmake -S . -B $(BUILD_DIR)-tsan -G Ninja $(LAUNCHER) $(TSAN_FLAGS)
	cmake --build $(BUILD_DIR)-tsan -j $(JOBS) --target orionctl $(TSAN_TESTS)
	cd $(BUILD_DIR)-tsan && \
		TSAN_OPTIONS="halt_on_error=1:exitcode=66:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$(CURDIR)/tests/tsan.supp" \
		ctest --output-on-failure -j $(JOBS) --timeout 600 \
		-R "^($(subst $(space),|,$(strip $(TSAN_TESTS))))$$"

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
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-fuzz $(BUILD_DIR)-asan $(BUILD_DIR)-tsan
