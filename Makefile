# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands: `make run` and `make test`. Both install what is missing first.
# `make test` also builds the Debian packages and checks them (packaging/check-packages).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build run test package bench fuzz screenshots format clean

all: build

deps:
	@scripts/setup-deps

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

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

# The Debian packages orion and orion-node, written into $(BUILD_DIR).
package: build
	cmake --build $(BUILD_DIR) --target package

bench: build
	@scripts/bench $(BUILD_DIR)

screenshots: build
	@scripts/screenshots $(BUILD_DIR)

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_DIR)-fuzz -G Ninja -DORION_FUZZ=ON -DORION_BUILD_GUI=OFF
	cmake --build $(BUILD_DIR)-fuzz -j $(JOBS)

format:
	find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-fuzz
