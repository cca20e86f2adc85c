#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Orion's network lab: a small internet of Linux network namespaces (root only).
#
#   lab.sh up TOPOLOGY            build a lab and leave it up; prints its prefix
#   lab.sh run TOPOLOGY -- CMD... build a lab, run CMD in it (at most $ORIONLAB_RUN_TIMEOUT
#                                 s, default 300), remove the lab whatever happens (exit,
#                                 failure, Ctrl-C, SIGTERM)
#   lab.sh exec NS CMD...         run CMD in namespace NS (pub1, r1, h1, ...)
#   lab.sh spawn NS LOG CMD...    start CMD in NS in the background, output to LOG;
#                                 prints its pid (it is ended when the lab goes down)
#   lab.sh info                   the lab's hosts and addresses
#   lab.sh upnp-stop K            a router restart, first half: end rK's miniupnpd and
#                                 forget every mapping it made (its nftables chains and
#                                 lease file emptied, as after a reboot)
#   lab.sh upnp-start K           start rK's miniupnpd again (waits until STUN told it its
#                                 external address)
#   lab.sh down [PREFIX|--stale|--all]
#                                 remove a lab (default: $ORIONLAB_PREFIX); --stale: labs
#                                 whose 'run' process is gone; --all: every orionlab- lab
#
# TOPOLOGY is a name (basic, two-homes, two-homes-hard, upnp, mixed) or a comma list of
# parts: 'pub' adds a public host (one is always there), 'nat' a home behind a
# port-preserving NAT (nftables masquerade), 'hard' a home behind a NAT with random ports
# (masquerade random), 'upnp' a home whose port-preserving router also runs miniupnpd
# (UPnP-IGD and NAT-PMP).
#
# Addresses exist only inside the lab's namespaces: the "internet" is one bridge in
# 198.18.0.0/24 (RFC 2544 benchmarking range), public host i is 198.18.0.(10+i), router k
# is 198.18.0.(100+k) on its "wan" side and 10.0.k.1 on its "lan" side, home host k is
# 10.0.k.2. No namespace has a route to anything else; the host's own network namespace
# gets no interface, route or rule. The first public host runs a STUN responder on UDP
# 3478 (miniupnpd learns its external address from it).
#
# Commands inside a lab read ORIONLAB_PREFIX (set by 'run'; after 'up', export what it
# printed); 'run' also sets ORIONLAB_STATE, the lab's directory (logs, configuration; removed
# with the lab). Every wait is bounded.
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE_ROOT="${ORIONLAB_STATE_ROOT:-/tmp/orionlab}"
STUN_PORT=3478
UPNP_HTTP_PORT=5000

die() {
    echo "lab: $*" >&2
    exit 1
}

state_dir() { echo "$STATE_ROOT/${1%-}"; }

require_prefix() {
    [ -n "${ORIONLAB_PREFIX:-}" ] || die "ORIONLAB_PREFIX is not set (run 'lab.sh up' or 'lab.sh run')"
}

# Checks that this machine can build a lab at all; says why not.
preflight() {
    [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces, veth, nftables)"
    local tool
    for tool in ip nft python3; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing (scripts/setup-deps installs it)"
    done
    local probe="orionlab-probe-$$"
    if ! ip netns add "$probe" 2>/tmp/orionlab-probe-$$.err; then
        local why
        why="$(cat /tmp/orionlab-probe-$$.err)"
        rm -f /tmp/orionlab-probe-$$.err
        die "cannot create network namespaces on this machine: $why"
    fi
    rm -f /tmp/orionlab-probe-$$.err
    ip netns del "$probe"
}

ns() { echo "${ORIONLAB_PREFIX}$1"; }
in_ns() {
    local name="$1"
    shift
    ip netns exec "$(ns "$name")" "$@"
}

# Polls CMD until it succeeds, at most SECONDS seconds.
wait_until() {
    local seconds="$1"
    shift
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

expand_topology() {
    case "$1" in
    basic) echo "nat" ;;
    two-homes) echo "nat,nat" ;;
    two-homes-hard) echo "nat,hard" ;;
    upnp) echo "upnp" ;;
    mixed) echo "nat,hard,upnp" ;;
    *) echo "$1" ;;
    esac
}

add_ns() {
    ip netns add "$(ns "$1")"
    in_ns "$1" ip link set lo up
    echo "$1" >>"$(state_dir "$ORIONLAB_PREFIX")/namespaces"
}

# Links namespace $1 (interface $2) to namespace $3 (interface $4).
link() {
    ip -n "$(ns "$1")" link add "$2" type veth peer name "$4" netns "$(ns "$3")"
    ip -n "$(ns "$1")" link set "$2" up
    ip -n "$(ns "$3")" link set "$4" up
}

add_public_host() {
    local i="$1"
    add_ns "pub$i"
    link inet "p$i" "pub$i" eth0
    ip -n "$(ns inet)" link set "p$i" master br0
    ip -n "$(ns "pub$i")" addr add "198.18.0.$((10 + i))/24" dev eth0
    echo "pub$i public 198.18.0.$((10 + i))" >>"$(state_dir "$ORIONLAB_PREFIX")/hosts"
}

# The home router's rules: NAT out of "wan", and no connection from "wan" into the home
# unless it answers one the home opened (or, on a UPnP router, a mapping allows it).
router_rules() {
    local kind="$1" masq="masquerade"
    [ "$kind" = hard ] && masq="masquerade random"
    if [ "$kind" = upnp ]; then
        # The table and chains miniupnpd fills (names as in the lab's miniupnpd.conf).
        cat <<EOF
table inet miniupnpd {
    chain forward {
        type filter hook forward priority 0; policy drop;
        ct state established,related accept
        iifname "lan" oifname "wan" accept
        jump miniupnpd
    }
    chain miniupnpd {
    }
    chain prerouting {
        type nat hook prerouting priority -100; policy accept;
        jump prerouting_miniupnpd
    }
    chain postrouting {
        type nat hook postrouting priority 100; policy accept;
        jump postrouting_miniupnpd
        oifname "wan" $masq
    }
    chain prerouting_miniupnpd {
    }
    chain postrouting_miniupnpd {
    }
}
EOF
    else
        cat <<EOF
table inet orionlab {
    chain forward {
        type filter hook forward priority 0; policy drop;
        ct state established,related accept
        iifname "lan" oifname "wan" accept
    }
    chain postrouting {
        type nat hook postrouting priority 100; policy accept;
        oifname "wan" $masq
    }
}
EOF
    fi
}

start_miniupnpd() {
    local k="$1" dir
    dir="$(state_dir "$ORIONLAB_PREFIX")"
    cat >"$dir/miniupnpd-r$k.conf" <<EOF
ext_ifname=wan
listening_ip=lan
http_port=$UPNP_HTTP_PORT
enable_natpmp=yes
enable_upnp=yes
ext_perform_stun=yes
ext_stun_host=198.18.0.11
ext_stun_port=$STUN_PORT
secure_mode=yes
system_uptime=no
notify_interval=60
clean_ruleset_interval=600
uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
lease_file=$dir/miniupnpd-r$k.leases
upnp_table_name=miniupnpd
upnp_nat_table_name=miniupnpd
upnp_forward_chain=miniupnpd
upnp_nat_chain=prerouting_miniupnpd
upnp_nat_postrouting_chain=postrouting_miniupnpd
allow 1024-65535 10.0.$k.0/24 1024-65535
deny 0-65535 0.0.0.0/0 0-65535
EOF
    spawn "r$k" "$dir/miniupnpd-r$k.log" miniupnpd -f "$dir/miniupnpd-r$k.conf" -d \
        -P "$dir/miniupnpd-r$k.pid" >/dev/null
    wait_until 10 in_ns "r$k" bash -c "exec 3<>/dev/tcp/10.0.$k.1/$UPNP_HTTP_PORT" ||
        die "miniupnpd on r$k did not listen within 10 s: $(tail -5 "$dir/miniupnpd-r$k.log")"
    wait_until 10 grep -q "STUN: ext interface" "$dir/miniupnpd-r$k.log" ||
        die "miniupnpd on r$k learnt no external address by STUN within 10 s: $(tail -5 "$dir/miniupnpd-r$k.log")"
}

add_home() {
    local k="$1" kind="$2"
    add_ns "r$k"
    add_ns "h$k"
    link inet "r$k" "r$k" wan
    ip -n "$(ns inet)" link set "r$k" master br0
    ip -n "$(ns "r$k")" addr add "198.18.0.$((100 + k))/24" dev wan
    link "r$k" lan "h$k" eth0
    ip -n "$(ns "r$k")" addr add "10.0.$k.1/24" dev lan
    ip -n "$(ns "h$k")" addr add "10.0.$k.2/24" dev eth0
    ip -n "$(ns "h$k")" route add default via "10.0.$k.1"
    in_ns "r$k" sysctl -qw net.ipv4.ip_forward=1
    router_rules "$kind" | in_ns "r$k" nft -f -
    echo "r$k router-$kind 198.18.0.$((100 + k)) 10.0.$k.1" >>"$(state_dir "$ORIONLAB_PREFIX")/hosts"
    echo "h$k home-$kind 10.0.$k.2" >>"$(state_dir "$ORIONLAB_PREFIX")/hosts"
}

# The EXIT trap: removes the lab; a second Ctrl-C or SIGTERM does not cut it short.
teardown() {
    local status=$?
    trap '' INT TERM
    cmd_down "$ORIONLAB_PREFIX"
    exit "$status"
}

cmd_up() {
    local topology
    topology="$(expand_topology "${1:?usage: lab.sh up TOPOLOGY}")"
    preflight
    export ORIONLAB_PREFIX="${ORIONLAB_PREFIX:-orionlab-$$-}"
    local dir
    dir="$(state_dir "$ORIONLAB_PREFIX")"
    [ ! -e "$dir" ] || die "a lab with the prefix $ORIONLAB_PREFIX exists already ($dir)"
    mkdir -p "$dir"
    : >"$dir/namespaces"
    : >"$dir/hosts"
    : >"$dir/pids"
    echo "$topology" >"$dir/topology"
    [ -z "${ORIONLAB_OWNER:-}" ] || echo "$ORIONLAB_OWNER" >"$dir/owner"
    # A half-built lab is removed again.
    trap teardown EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    add_ns inet
    ip -n "$(ns inet)" link add br0 type bridge
    ip -n "$(ns inet)" link set br0 up
    local publics=1 part homes=()
    IFS=, read -r -a parts <<<"$topology"
    for part in "${parts[@]}"; do
        case "$part" in
        pub) publics=$((publics + 1)) ;;
        nat | hard | upnp) homes+=("$part") ;;
        *) die "unknown part '$part' in topology '$topology' (pub, nat, hard, upnp)" ;;
        esac
    done
    # 'pub' parts after the first add hosts; the first public host always exists.
    [ "$publics" -eq 1 ] || publics=$((publics - 1))
    local i
    for ((i = 1; i <= publics; i++)); do
        add_public_host "$i"
    done
    spawn pub1 "$dir/stun.log" python3 "$LAB_DIR/stun_responder.py" --address 198.18.0.11 \
        --port "$STUN_PORT" --ready-file "$dir/stun.ready" >/dev/null
    wait_until 10 test -s "$dir/stun.ready" || die "the STUN responder did not start within 10 s"
    local k=0
    for part in "${homes[@]}"; do
        k=$((k + 1))
        add_home "$k" "$part"
    done
    k=0
    for part in "${homes[@]}"; do
        k=$((k + 1))
        [ "$part" != upnp ] || start_miniupnpd "$k"
    done
    trap - EXIT INT TERM
    echo "$ORIONLAB_PREFIX"
}

cmd_run() {
    local topology="${1:?usage: lab.sh run TOPOLOGY -- CMD...}"
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || die "usage: lab.sh run TOPOLOGY -- CMD..."
    cmd_down --stale
    export ORIONLAB_PREFIX="orionlab-$$-"
    export ORIONLAB="$LAB_DIR/lab.sh"
    ORIONLAB_STATE="$(state_dir "$ORIONLAB_PREFIX")"
    export ORIONLAB_STATE
    local status=0
    trap teardown EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    [ -z "${ORIONLAB_PREFIX_FILE:-}" ] || echo "$ORIONLAB_PREFIX" >"$ORIONLAB_PREFIX_FILE"
    (ORIONLAB_OWNER=$$ cmd_up "$topology") >/dev/null || exit 1
    # CMD runs in the background so that a signal to this script is handled at once, and
    # for at most ORIONLAB_RUN_TIMEOUT seconds (default 300).
    local limit="${ORIONLAB_RUN_TIMEOUT:-300}"
    timeout "$limit" "$@" &
    local child=$!
    echo "$child" >>"$(state_dir "$ORIONLAB_PREFIX")/pids"
    wait "$child" || status=$?
    [ "$status" -ne 124 ] || echo "lab: '$*' ran longer than $limit s and was ended" >&2
    exit "$status"
}

spawn() {
    require_prefix
    local name="$1" log="$2"
    shift 2
    ip netns exec "$(ns "$name")" setsid "$@" >"$log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >>"$(state_dir "$ORIONLAB_PREFIX")/pids"
    echo "$pid"
}

# Ends PIDS: SIGTERM, then SIGKILL after at most 5 s.
end_processes() {
    local pid alive
    [ $# -gt 0 ] || return 0
    kill -TERM "$@" 2>/dev/null || true
    for _ in $(seq 50); do
        alive=0
        for pid in "$@"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        [ "$alive" -eq 1 ] || return 0
        sleep 0.1
    done
    kill -KILL "$@" 2>/dev/null || true
}

remove_lab() {
    local prefix="$1" dir name pids=()
    dir="$(state_dir "$prefix")"
    # Processes the lab started, and any other process still inside its namespaces.
    if [ -f "$dir/pids" ]; then
        while read -r pid; do
            [ -n "$pid" ] && [ "$pid" != "$$" ] && pids+=("$pid")
        done <"$dir/pids"
    fi
    for name in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -F -- "$prefix" || true); do
        [ "${name#"$prefix"}" != "$name" ] || continue
        while read -r pid; do
            [ -n "$pid" ] && pids+=("$pid")
        done < <(ip netns pids "$name" 2>/dev/null)
    done
    end_processes "${pids[@]}"
    for name in $(ip netns list 2>/dev/null | awk '{print $1}'); do
        [ "${name#"$prefix"}" != "$name" ] || continue
        # Deleting a namespace deletes its veth ends and its bridge with it.
        ip netns del "$name" 2>/dev/null || true
    done
    if [ "${ORIONLAB_KEEP_STATE:-0}" = 1 ]; then
        echo "lab: kept $dir" >&2
    else
        rm -rf "$dir"
    fi
}

cmd_down() {
    local what="${1:-${ORIONLAB_PREFIX:-}}"
    case "$what" in
    "") die "usage: lab.sh down PREFIX|--stale|--all (or set ORIONLAB_PREFIX)" ;;
    --all)
        local prefixes
        prefixes="$( (ip netns list 2>/dev/null | awk '{print $1}' | grep -o '^orionlab-[0-9a-z]*-' || true
            find "$STATE_ROOT" -mindepth 1 -maxdepth 1 -name 'orionlab-*' -printf '%f-\n' 2>/dev/null) | sort -u)"
        for p in $prefixes; do remove_lab "$p"; done
        ;;
    --stale)
        local d owner
        for d in "$STATE_ROOT"/orionlab-*; do
            [ -f "$d/owner" ] || continue
            owner="$(cat "$d/owner")"
            kill -0 "$owner" 2>/dev/null || remove_lab "$(basename "$d")-"
        done
        ;;
    *)
        case "$what" in orionlab-*) ;; *) die "not a lab prefix: $what" ;; esac
        [ "${what%-}" != "$what" ] || what="$what-"
        remove_lab "$what"
        ;;
    esac
}

cmd_exec() {
    require_prefix
    local name="${1:?usage: lab.sh exec NS CMD...}"
    shift
    exec ip netns exec "$(ns "$name")" "$@"
}

# The router forgets: miniupnpd ended (SIGTERM, then SIGKILL), its chains and leases gone.
cmd_upnp_stop() {
    require_prefix
    local k="${1:?usage: lab.sh upnp-stop K}" dir pid
    dir="$(state_dir "$ORIONLAB_PREFIX")"
    [ -f "$dir/miniupnpd-r$k.conf" ] || die "r$k runs no miniupnpd"
    pid="$(cat "$dir/miniupnpd-r$k.pid" 2>/dev/null || true)"
    [ -n "$pid" ] || die "no pid file of r$k's miniupnpd"
    end_processes "$pid"
    local chain
    for chain in miniupnpd prerouting_miniupnpd postrouting_miniupnpd; do
        in_ns "r$k" nft flush chain inet miniupnpd "$chain"
    done
    rm -f "$dir/miniupnpd-r$k.leases" "$dir/miniupnpd-r$k.pid"
    # A new log, so that the next start's STUN line is the new one.
    [ ! -f "$dir/miniupnpd-r$k.log" ] || mv "$dir/miniupnpd-r$k.log" "$dir/miniupnpd-r$k.log.old"
}

cmd_upnp_start() {
    require_prefix
    local k="${1:?usage: lab.sh upnp-start K}"
    [ -f "$(state_dir "$ORIONLAB_PREFIX")/miniupnpd-r$k.conf" ] || die "r$k runs no miniupnpd"
    start_miniupnpd "$k"
}

cmd_info() {
    require_prefix
    cat "$(state_dir "$ORIONLAB_PREFIX")/hosts"
}

main() {
    local command="${1:-}"
    [ $# -eq 0 ] || shift
    case "$command" in
    up) cmd_up "$@" ;;
    run) cmd_run "$@" ;;
    down) cmd_down "$@" ;;
    exec) cmd_exec "$@" ;;
    spawn) spawn "$@" ;;
    info) cmd_info ;;
    upnp-stop) cmd_upnp_stop "$@" ;;
    upnp-start) cmd_upnp_start "$@" ;;
    preflight) preflight ;;
    *)
        awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
        [ -n "$command" ] && [ "$command" != help ] && [ "$command" != --help ] && exit 2
        exit 0
        ;;
    esac
}

main "$@"
