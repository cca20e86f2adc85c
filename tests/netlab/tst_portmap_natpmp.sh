#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The same through NAT-PMP: h1 (UPnP switched off in its settings) maps its port with
# NAT-PMP on a miniupnpd router, is dialled back through the mapping (reachability
# "mapped", NAT-PMP), its card names the mapping and a second public node dials it there.
# Positive control: h2 behind the same kind of router with port mapping switched off is
# "behind NAT", and its card cannot be dialled. When h1 stops, the router's rule is gone.
source "$(dirname "$0")/common.sh"

rules() { "$LAB" exec "$1" nft list chain inet miniupnpd prerouting_miniupnpd; }

lab_test() {
    node_init pub pub1 --new-network --address 198.18.0.11
    "$ORION_NODE" --profile "$WORK/pub" network-key >"$WORK/network.key"
    node_init h1 h1 --network-key-file "$WORK/network.key" --port 7411
    node_init h2 h2 --network-key-file "$WORK/network.key"
    node_init far pub2 --network-key-file "$WORK/network.key" --address 198.18.0.12
    node_set h1 network/portMappingUpnp false
    node_set h2 network/portMapping false

    node_start pub pub1
    node_start h1 h1
    node_start h2 h2
    ctl h1 h1 member import "$WORK/pub/member.json" >/dev/null
    ctl h2 h2 member import "$WORK/pub/member.json" >/dev/null

    wait_for 40 status_is h1 h1 "s['reachability']" mapped ||
        fail "h1 did not become mapped: $(ctl h1 h1 status)"
    status_json h1 h1
    python3 - "$WORK/h1-status.json" <<'PY' || fail "h1's status: $(cat "$WORK/h1-status.json")"
import json, sys
s = json.load(open(sys.argv[1]))
m = s["port_mapping"]
assert s["external_addresses"] == ["198.18.0.101:7411"], s["external_addresses"]
assert m["state"] == "mapped" and m["protocol"] == "natpmp" and m["confirmed"], m
assert m["gateway"] == "10.0.1.1" and m["external_port"] == 7411, m
assert m["lifetime_s"] == 3600, m
PY
    ctl h1 h1 status | grep "^reachable"
    grep -q "dport 7411 dnat ip to 10.0.1.2:7411" <<<"$(rules r1)" ||
        fail "no DNAT rule for the NAT-PMP mapping in r1's nftables: $(rules r1)"
    grep -q "established inbound .*198\.18\.0\.11:" "$WORK/h1.log" ||
        fail "h1 accepted no connection from the public node: $(tail -5 "$WORK/h1.log")"
    pass "h1 is mapped (NAT-PMP) at 198.18.0.101:7411 and was dialled back through it"

    wait_for 40 status_is h2 h2 "s['reachability']" behind_nat ||
        fail "h2 is not behind_nat: $(ctl h2 h2 status)"
    [ "$(status_field h2 h2 "s['port_mapping']['enabled']")" = False ] ||
        fail "h2's port mapping is not off: $(ctl h2 h2 status --json)"
    if grep -q "dport 7400" <<<"$(rules r2)"; then
        fail "r2 maps a port although h2's port mapping is off: $(rules r2)"
    fi
    ctl h2 h2 status | grep "^reachable"
    pass "control: h2 with port mapping off is behind_nat, r2 maps nothing"

    ctl h1 h1 member export "$WORK/h1-card.json" >/dev/null
    [ "$(card_field "$WORK/h1-card.json" "m['addresses'][0], m['port']")" = "198.18.0.101 7411" ] ||
        fail "h1's card does not name the mapping: $(cat "$WORK/h1-card.json")"
    ctl h2 h2 member export --address 198.18.0.102 --port 7400 "$WORK/h2-card.json" >/dev/null
    node_start far pub2
    ctl far pub2 member import "$WORK/h1-card.json" >/dev/null
    wait_for 20 status_is far pub2 "s['member_checks'][0]['result']" reached ||
        fail "pub2 did not reach h1 with its card: $(ctl far pub2 status)"
    ctl far pub2 member import "$WORK/h2-card.json" >/dev/null
    wait_for 30 status_is far pub2 "s['member_checks'][1]['result']" failed ||
        fail "pub2's check of h2's card did not fail: $(ctl far pub2 status)"
    pass "pub2 reached h1 at 198.18.0.101:7411 from its card; h2 at 198.18.0.102:7400 not (control)"

    node_stop h1
    grep -q "port mapping deleted" "$WORK/h1.log" ||
        fail "h1 did not log the deletion: $(tail -5 "$WORK/h1.log")"
    if grep -q "dport 7411" <<<"$(rules r1)"; then
        fail "r1 still forwards port 7411 after h1 stopped: $(rules r1)"
    fi
    pass "h1 stopped: the NAT-PMP mapping is gone from r1's nftables"
}

netlab_main pub,pub,upnp,upnp "$@"
