#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `orion --help` and `orion --version` only print text, so they must work where no display
# exists (a server, ssh, the man page generated at build time): exit 0 and print, with no
# DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM in the environment.
# Usage: orion_without_display.sh PATH_TO_ORION VERSION
set -u
orion="$1"
version="$2"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
run() {
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$orion" "$@" 2>&1
}
out="$(run --help)" || fail "orion --help exited with $? without a display: $out"
case "$out" in
*--profile*) ;;
*) fail "orion --help did not describe --profile: $out" ;;
esac
out="$(run --version)" || fail "orion --version exited with $? without a display: $out"
case "$out" in
*"$version"*) ;;
*) fail "orion --version did not print $version: $out" ;;
esac
out="$(run -h)" || fail "orion -h exited with $? without a display: $out"
echo "orion --help, -h and --version work without a display"
