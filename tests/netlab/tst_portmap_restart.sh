#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A router restart: miniupnpd is ended and its mappings forgotten (chains and leases
# emptied, as after a reboot) while h1's node holds a mapping with a 10 s lifetime. The
# node's renewals fail, the mapping lapses, reachability drops; once miniupnpd is back the
# node asks again by itself, the rule is back in the router's table and the public node
# dials h1 through it again.
source "$(dirname "$0")/common.sh"

rules() { "$LAB" exec r1 nft list chain inet miniupnpd prerouting_miniupnpd; }
has_mapping() { grep -q "dport 7400 dnat ip to 10.0.1.2:7400" <<<"$(rules)"; }
inbound_from_pub() { grep -c "established inbound .*198\.18\.0\.11:" "$WORK/h1.log" || true; }
dialled_again() { [ "$(inbound_from_pub)" -gt "$1" ]; }

lab_test() {
    node_init pub pub1 --new-network --address 198.18.0.11
    "$ORION_NODE" --profile "$WORK/pub" network-key >"$WORK/network.key"
    node_init h1 h1 --network-key-file "$WORK/network.key"
    node_set h1 network/portMappingLifetimeSecs 10
    node_start pub pub1
    node_start h1 h1
    ctl h1 h1 member import "$WORK/pub/member.json" >/dev/null
    wait_for 30 status_is h1 h1 "s['reachability']" mapped ||
        fail "h1 did not become mapped: $(ctl h1 h1 status)"
    has_mapping || fail "no DNAT rule for h1's mapping: $(rules)"
    local before
    before="$(inbound_from_pub)"
    pass "h1 mapped at 198.18.0.101:7400 (lifetime 10 s), dialled back $before time(s)"

    "$LAB" upnp-stop 1
    if grep -q "dport 7400" <<<"$(rules)"; then
        fail "the restarted router still has the mapping: $(rules)"
    fi
    pass "r1's miniupnpd ended and its mappings forgotten"
    # The renewals fail; once the lifetime is over the node no longer counts on the mapping.
    wait_for 30 status_is h1 h1 "s['port_mapping']['state']" failed ||
        fail "h1 still counts on a mapping the router forgot: $(ctl h1 h1 status --json)"
    wait_for 20 status_is_not h1 h1 "s['reachability']" mapped ||
        fail "h1 still says mapped: $(ctl h1 h1 status)"
    grep -q "port mapping renewal failed\|port mapping lost\|lapsed" "$WORK/h1.log" ||
        fail "h1 logged no failed renewal: $(tail -5 "$WORK/h1.log")"
    pass "h1 noticed: $(status_field h1 h1 "s['port_mapping']['error']")"

    "$LAB" upnp-start 1
    wait_for 30 has_mapping ||
        fail "h1 did not map its port again after the restart: $(rules)"
    wait_for 30 status_is h1 h1 "s['reachability']" mapped ||
        fail "h1 did not become mapped again: $(ctl h1 h1 status)"
    wait_for 10 dialled_again "$before" ||
        fail "the public node did not dial h1 again: $(tail -5 "$WORK/h1.log")"
    ctl h1 h1 status | grep "^reachable"
    pass "after the restart h1 asked again: rule back, mapped, dialled back through it"
}

netlab_main upnp "$@"
