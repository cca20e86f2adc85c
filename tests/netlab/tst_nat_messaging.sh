#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A public node and two nodes behind two different port-preserving home routers: both home
# nodes join through the public node, learn the address the public segment sees them at,
# and a message from each home node reaches the other (through the public node).
#
# NETLAB_ARRANGEMENT chooses where the IDs fall in the key space:
#   relay-between (default, what this test asserts): the public node is closer to each home
#     node than the home nodes are to each other, so routing's next hop is the public node;
#   homes-closest: the home nodes are closer to each other than to the public node. Routing
#     then picks the other home node, whose announced address nobody can dial, and today
#     the message does not arrive (issue 19; docs/networking.md). Run by hand to see it;
#   one-sided: the public node is closer to h2 than h1 is, but h2 is closer to h1 than the
#     public node is: h1's message reaches h2, h2's receipt (and message) to h1 does not.
# NETLAB_TOPOLOGY (default two-homes) may name another lab whose h1 and h2 are homes, e.g.
# two-homes-hard (h2 behind the NAT with random ports).
source "$(dirname "$0")/common.sh"

ARRANGEMENT="${NETLAB_ARRANGEMENT:-relay-between}"

# arrangement_holds PUB H1 H2: do the three IDs fall as ARRANGEMENT asks?
arrangement_holds() {
    python3 - "$ARRANGEMENT" "$1" "$2" "$3" <<'PY'
import sys
kind, pub, h1, h2 = sys.argv[1], *(int(x, 16) for x in sys.argv[2:])
homes = h1 ^ h2
if kind == "relay-between":
    holds = (pub ^ h1) < homes and (pub ^ h2) < homes
elif kind == "homes-closest":
    holds = (pub ^ h1) > homes and (pub ^ h2) > homes
elif kind == "one-sided":
    holds = (pub ^ h2) < homes < (pub ^ h1)
else:
    sys.exit("unknown arrangement " + kind)
sys.exit(0 if holds else 1)
PY
}

# deliver FROM FROM_NS TO TO_NS BODY: a message from FROM arrives at TO's service "lab".
deliver() {
    local from="$1" from_ns="$2" to="$3" to_ns="$4" body="$5" target
    target="$(node_id "$to")"
    "$LAB" spawn "$to_ns" "$WORK/listen-$to.log" timeout 25 "$ORIONCTL" --profile "$WORK/$to" \
        listen lab --count 1 >/dev/null
    wait_for 10 grep -q "^listening for 'lab'" "$WORK/listen-$to.log" ||
        fail "orionctl listen on $to did not start: $(cat "$WORK/listen-$to.log")"
    echo "\$ orionctl --profile $from send $target '$body' --service lab --timeout 10   (in $from_ns)"
    if ! ctl "$from" "$from_ns" send "$target" "$body" --service lab --timeout 10 --verbose \
        >"$WORK/send-$from.out" 2>&1; then
        cat "$WORK/send-$from.out"
        sleep 1
        if grep -q "\"body\":\"$body\"" "$WORK/listen-$to.log"; then
            fail "$from got no delivery receipt from $to, although $to printed the message: $(grep '"body"' "$WORK/listen-$to.log")"
        fi
        fail "the message from $from to $to was not delivered"
    fi
    cat "$WORK/send-$from.out"
    wait_for 10 grep -q "\"body\":\"$body\"" "$WORK/listen-$to.log" ||
        fail "$to did not print the message: $(cat "$WORK/listen-$to.log")"
    grep "\"body\"" "$WORK/listen-$to.log"
    python3 - "$WORK/listen-$to.log" "$(node_id "$from")" "$body" <<'PY' || fail "the message at $to is not the one sent"
import json, sys
path, origin, body = sys.argv[1:]
message = json.loads(next(l for l in open(path) if l.startswith("{")))
assert message["body"] == body and message["origin"] == origin, message
PY
    pass "$from -> $to delivered"
}

lab_test() {
    node_init pub pub1 --new-network --address 198.18.0.11
    "$ORION_NODE" --profile "$WORK/pub" network-key >"$WORK/network.key"
    node_init h1 h1 --network-key-file "$WORK/network.key"
    local attempt
    for attempt in $(seq 40); do
        rm -rf "$WORK/h2"
        node_init h2 h2 --network-key-file "$WORK/network.key"
        ! arrangement_holds "$(node_id pub)" "$(node_id h1)" "$(node_id h2)" || break
        [ "$attempt" -lt 40 ] || fail "no identity for h2 in 40 tries gives the arrangement $ARRANGEMENT"
    done
    echo "IDs ($ARRANGEMENT): pub $(node_id pub), h1 $(node_id h1), h2 $(node_id h2)"

    node_run pub pub1
    node_run h1 h1
    node_run h2 h2
    ctl h1 h1 member import "$WORK/pub/member.json"
    ctl h2 h2 member import "$WORK/pub/member.json"

    local home
    for home in h1 h2; do
        wait_for 20 test "$(status_field "$home" "$home" "s['member_checks'][0]['result']")" = reached ||
            fail "$home did not reach the public node: $(ctl "$home" "$home" status)"
        wait_for 20 test "$(status_field "$home" "$home" "s['connections']")" -ge 1 ||
            fail "$home has no connection: $(ctl "$home" "$home" status)"
    done
    wait_for 20 test "$(status_field pub pub1 "s['connections']")" -ge 2 ||
        fail "the public node does not hold both home nodes: $(ctl pub pub1 status)"
    ctl pub pub1 peers
    pass "both home nodes joined through the public node"
    local observed
    observed="$(status_field h1 h1 "s['observed_address']")"
    [ "$observed" = 198.18.0.101 ] || fail "h1 observed address is '$observed', not r1's 198.18.0.101"
    observed="$(status_field h2 h2 "s['observed_address']")"
    [ "$observed" = 198.18.0.102 ] || fail "h2 observed address is '$observed', not r2's 198.18.0.102"
    pass "each home node learnt its router's public address"

    deliver h1 h1 h2 h2 "hello from h1"
    deliver h2 h2 h1 h1 "hello from h2"
}

netlab_main "${NETLAB_TOPOLOGY:-two-homes}" "$@"
