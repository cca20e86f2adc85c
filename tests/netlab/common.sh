# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared parts of the network lab's tests (sourced, not run).
#
# A test script calls `netlab_main TOPOLOGY "$@"` after defining `lab_test`: outside the
# lab it checks that a lab can be built here (and fails with the reason when not), runs
# itself inside a fresh lab through `lab.sh run`, then checks that the lab is gone.
# ORION_NODE and ORIONCTL name the programs under test (ctest sets them).
set -euo pipefail

NETLAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAB="$NETLAB_DIR/lab.sh"
export PROBE="$NETLAB_DIR/tcp_probe.py"
export ORION_PASSPHRASE="${ORION_PASSPHRASE:-netlab passphrase}"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() { echo "ok: $*"; }

# Polls CMD until it succeeds, at most SECONDS seconds.
wait_for() {
    local seconds="$1"
    shift
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

netlab_main() {
    local topology="$1"
    shift
    if [ "${1:-}" = --inside ]; then
        shift
        # In the lab's own directory: removed with the lab, even after a SIGKILL (the next
        # 'lab.sh run' removes labs whose run has gone).
        WORK="$ORIONLAB_STATE/work"
        mkdir -p "$WORK"
        trap 'dump_logs_on_failure $?' EXIT
        lab_test "$@"
        return
    fi
    [ -x "${ORION_NODE:-}" ] || fail "ORION_NODE does not name the orion-node program"
    [ -x "${ORIONCTL:-}" ] || fail "ORIONCTL does not name the orionctl program"
    "$LAB" preflight || fail "the network lab cannot run on this machine (see above)"
    # The lab ends the test itself before ctest's time-out (90 s) would cut it short.
    export ORIONLAB_RUN_TIMEOUT="${ORIONLAB_RUN_TIMEOUT:-75}"
    local marker status=0
    marker="$(mktemp "${TMPDIR:-/tmp}/orionlab-prefix.XXXXXX")"
    ORIONLAB_PREFIX_FILE="$marker" "$LAB" run "$topology" -- "$0" --inside "$@" || status=$?
    local prefix
    prefix="$(cat "$marker")"
    rm -f "$marker"
    [ -n "$prefix" ] || fail "the lab did not start (status $status)"
    # Whatever the test did, nothing of its lab may be left.
    if grep -q -F -- "$prefix" <<<"$(ip netns list)"; then
        fail "namespaces of $prefix are left after the test: $(ip netns list | grep -F -- "$prefix" | tr '\n' ' ')"
    fi
    [ ! -e "/tmp/orionlab/${prefix%-}" ] || fail "the state of $prefix is left in /tmp/orionlab"
    echo "ok: lab $prefix removed"
    return "$status"
}

dump_logs_on_failure() {
    [ "$1" -ne 0 ] || return 0
    local log
    for log in "$WORK"/*.log; do
        [ -f "$log" ] || continue
        echo "--- $log (last 30 lines)" >&2
        tail -n 30 "$log" >&2
    done
}


# node_init NAME NS ARGS... creates the profile $WORK/NAME in namespace NS.
node_init() {
    local name="$1" where="$2"
    shift 2
    timeout 60 "$LAB" exec "$where" "$ORION_NODE" --profile "$WORK/$name" init --kdf interactive "$@" \
        >"$WORK/$name-init.log" 2>&1 || fail "init of $name: $(cat "$WORK/$name-init.log")"
}

node_id() { "$ORION_NODE" --profile "$WORK/$1" id; }

# node_run NAME NS starts the node and waits (at most 15 s) until it listens.
node_run() {
    local name="$1" where="$2"
    "$LAB" spawn "$where" "$WORK/$name.log" "$ORION_NODE" --profile "$WORK/$name" run >/dev/null
    wait_for 15 grep -q "^listening on" "$WORK/$name.log" ||
        fail "$name did not listen within 15 s: $(tail -5 "$WORK/$name.log")"
}

# ctl NAME NS ARGS... runs orionctl for the node NAME (inside its namespace), bounded.
ctl() {
    local name="$1" where="$2"
    shift 2
    timeout 30 "$LAB" exec "$where" "$ORIONCTL" --profile "$WORK/$name" "$@"
}

# status_field NAME NS EXPR prints a value of `orionctl status --json` (EXPR in Python,
# applied to the object s).
status_field() {
    ctl "$1" "$2" status --json | python3 -c "import json,sys; s=json.load(sys.stdin); print($3)"
}

# node_set NAME KEY VALUE sets a key ("group/name") of the profile's settings.ini.
node_set() {
    python3 - "$WORK/$1/settings.ini" "$2" "$3" <<'PY'
import configparser, sys
path, key, value = sys.argv[1:]
group, name = key.split("/", 1)
ini = configparser.ConfigParser(interpolation=None)
ini.optionxform = str  # QSettings keys are case-sensitive
ini.read(path)
if not ini.has_section(group):
    ini.add_section(group)
ini.set(group, name, value)
with open(path, "w") as f:
    ini.write(f, space_around_delimiters=False)
PY
}

# node_start NAME NS: node_run, keeping the node's pid in $WORK/NAME.pid for node_stop.
node_start() {
    local name="$1" where="$2"
    "$LAB" spawn "$where" "$WORK/$name.log" "$ORION_NODE" --profile "$WORK/$name" run \
        >"$WORK/$name.pid"
    wait_for 15 grep -q "^listening on" "$WORK/$name.log" ||
        fail "$name did not listen within 15 s: $(tail -5 "$WORK/$name.log")"
}

# node_stop NAME: SIGTERM, and waits (at most 15 s) until the node has exited.
node_stop() {
    local pid
    pid="$(cat "$WORK/$1.pid")"
    kill -TERM "$pid"
    # Gone, or a zombie nobody has reaped yet.
    wait_for 15 bash -c "! kill -0 $pid 2>/dev/null || grep -q '^[0-9]* (.*) Z' /proc/$pid/stat" ||
        fail "$1 did not exit within 15 s of SIGTERM"
}

# status_json NAME NS writes `orionctl status --json` to $WORK/NAME-status.json.
status_json() {
    ctl "$1" "$2" status --json >"$WORK/$1-status.json"
}

# card_field FILE EXPR prints a value of a member file (EXPR in Python, on the object m).
card_field() {
    python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print($2)" "$1"
}

# status_is NAME NS EXPR VALUE: the status value is VALUE now (for wait_for, which runs it
# again each time; a "$(...)" in wait_for's arguments would be read only once).
status_is() { [ "$(status_field "$1" "$2" "$3" 2>/dev/null)" = "$4" ]; }
status_is_not() { ! status_is "$@"; }
