#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GUI test program on a virtual X server (Xvfb) with a light window manager
# (matchbox-window-manager), as a desktop has one; scripts/setup-deps installs both. Without
# them the test is skipped (exit 77) with the reason.
# Usage: with_window_manager.sh TEST_PROGRAM [ARGS...]
set -u
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (scripts/setup-deps installs xvfb)"
    exit 77
fi
if ! command -v matchbox-window-manager >/dev/null 2>&1; then
    echo "SKIP: matchbox-window-manager is not installed (scripts/setup-deps installs it)"
    exit 77
fi
if ! command -v xprop >/dev/null 2>&1; then
    echo "SKIP: xprop is not installed (scripts/setup-deps installs x11-utils)"
    exit 77
fi
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
exec xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
    wmlog=$(mktemp)
    matchbox-window-manager -use_titlebar no >"$wmlog" 2>&1 &
    wm=$!
    # Wait (at most 30 s: a loaded machine starts it slowly) until the window manager has
    # announced itself on the root window. It exits when the display is not ready yet:
    # then it is started again.
    i=0
    while [ $i -lt 300 ] && ! xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; do
        if ! kill -0 $wm 2>/dev/null; then
            matchbox-window-manager -use_titlebar no >>"$wmlog" 2>&1 &
            wm=$!
        fi
        sleep 0.1
        i=$((i + 1))
    done
    if [ $i -ge 300 ]; then
        echo "FAIL: the window manager did not start:" >&2
        cat "$wmlog" >&2
        rm -f "$wmlog"
        kill $wm 2>/dev/null
        exit 1
    fi
    rm -f "$wmlog"
    QT_QPA_PLATFORM=xcb "$@"
    rc=$?
    kill $wm 2>/dev/null
    exit $rc
' sh "$@"
