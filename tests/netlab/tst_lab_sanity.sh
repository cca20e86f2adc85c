#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The lab itself: its namespaces come up, a home host reaches the public host through its
# router's NAT (the public host sees the router's public address, with the source port
# kept by the port-preserving NAT and replaced by the hard one), the public host cannot
# reach a home's private address, even with a route to it through the router, and the lab
# is gone afterwards (checked by netlab_main).
source "$(dirname "$0")/common.sh"

lab_test() {
    local name
    for name in inet pub1 r1 h1 r2 h2; do
        grep -qx -- "$ORIONLAB_PREFIX$name" <<<"$(ip netns list | awk '{print $1}')" ||
            fail "namespace $ORIONLAB_PREFIX$name is missing"
    done
    pass "namespaces up: $(ip netns list | grep -c -F -- "$ORIONLAB_PREFIX") of $ORIONLAB_PREFIX"

    "$LAB" spawn pub1 "$WORK/listener.log" python3 "$PROBE" --timeout 20 listen 8000 --count 3 \
        --ready-file "$WORK/listener.ready" >/dev/null
    wait_for 10 test -s "$WORK/listener.ready" || fail "the TCP listener on pub1 did not start"
    "$LAB" exec h1 python3 "$PROBE" connect 198.18.0.11 8000 --bind-port 40001 --send from-h1 ||
        fail "h1 cannot reach the public host through its NAT"
    "$LAB" exec h2 python3 "$PROBE" connect 198.18.0.11 8000 --bind-port 40002 --send from-h2 ||
        fail "h2 cannot reach the public host through its NAT"
    # The positive control of the reachability check below: the public host reaches itself.
    "$LAB" exec pub1 python3 "$PROBE" connect 198.18.0.11 8000 --send from-pub1 ||
        fail "the public host cannot reach its own listener"
    wait_for 10 test "$(wc -l <"$WORK/listener.log")" -ge 3 || fail "the listener saw $(cat "$WORK/listener.log")"
    local seen
    seen="$(cat "$WORK/listener.log")"
    echo "$seen"
    grep -qx "198.18.0.101:40001 from-h1" <<<"$seen" ||
        fail "h1's connection did not arrive from r1's public address with its port kept: $seen"
    local h2_source
    h2_source="$(grep " from-h2$" <<<"$seen" | cut -d' ' -f1)"
    [ "${h2_source%:*}" = 198.18.0.102 ] || fail "h2's connection did not come from r2's public address: $seen"
    [ "${h2_source#*:}" != 40002 ] || fail "the hard NAT kept h2's source port 40002: $seen"
    pass "the public host sees 198.18.0.101:40001 (port kept) and $h2_source (port replaced)"

    "$LAB" spawn h1 "$WORK/home-listener.log" python3 "$PROBE" --timeout 20 listen 7400 --count 2 \
        --ready-file "$WORK/home-listener.ready" >/dev/null
    wait_for 10 test -s "$WORK/home-listener.ready" || fail "the TCP listener on h1 did not start"
    # Positive control: the home listener is reachable from inside the home.
    "$LAB" exec r1 python3 "$PROBE" --timeout 5 connect 10.0.1.2 7400 --send from-r1 ||
        fail "the router cannot reach its home host"
    if "$LAB" exec pub1 python3 "$PROBE" --timeout 3 connect 10.0.1.2 7400 2>"$WORK/noroute.err"; then
        fail "the public host reached the home host's private address"
    fi
    pass "no route from pub1 to 10.0.1.2: $(cat "$WORK/noroute.err")"
    # A neighbour on the public segment that routes the private range through the router
    # still gets no new connection into the home.
    "$LAB" exec pub1 ip route add 10.0.1.0/24 via 198.18.0.101
    if "$LAB" exec pub1 python3 "$PROBE" --timeout 3 connect 10.0.1.2 7400 2>"$WORK/filtered.err"; then
        fail "the router forwarded a new connection from the public segment into the home"
    fi
    pass "r1 drops new connections from outside: $(cat "$WORK/filtered.err")"
    "$LAB" exec pub1 ip route del 10.0.1.0/24 via 198.18.0.101
}

netlab_main two-homes-hard "$@"
