#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A node behind a UPnP router maps its listen port itself: the router's table lists the
# mapping, a public node dials the node back through it (reachability "mapped", UPnP), the
# node's member card names the mapped address, and a second public node that knows nothing
# but that card dials it. Positive control: a node behind a router without UPnP or NAT-PMP
# ends "behind NAT", and the same kind of card for it cannot be dialled. When the node
# stops, the mapping is gone from the router's table.
source "$(dirname "$0")/common.sh"

IGD="http://10.0.1.1:5000/rootDesc.xml"
upnp_list() { timeout 15 "$LAB" exec h1 upnpc -u "$IGD" -l 2>&1 || true; }
dnat_rules() { "$LAB" exec r1 nft list chain inet miniupnpd prerouting_miniupnpd; }

lab_test() {
    node_init pub pub1 --new-network --address 198.18.0.11
    "$ORION_NODE" --profile "$WORK/pub" network-key >"$WORK/network.key"
    node_init h1 h1 --network-key-file "$WORK/network.key"
    node_init h2 h2 --network-key-file "$WORK/network.key"
    node_init far pub2 --network-key-file "$WORK/network.key" --address 198.18.0.12

    # Before any node runs, the router maps nothing.
    if grep -q "dport 7400" <<<"$(dnat_rules)"; then
        fail "r1 maps port 7400 before the node asked: $(dnat_rules)"
    fi
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
assert s["reachability"] == "mapped", s["reachability"]
assert s["external_addresses"] == ["198.18.0.101:7400"], s["external_addresses"]
assert m["enabled"] and m["state"] == "mapped" and m["protocol"] == "upnp", m
assert m["confirmed"] and m["external_address"] == "198.18.0.101", m
assert m["external_port"] == 7400 and m["internal_port"] == 7400, m
assert m["gateway"].startswith("http://10.0.1.1:5000/"), m
PY
    ctl h1 h1 status | grep "^reachable"
    pass "h1 is mapped (UPnP) at 198.18.0.101:7400"
    grep -q "established inbound .*198\.18\.0\.11:" "$WORK/h1.log" ||
        fail "h1 accepted no connection from the public node: $(tail -5 "$WORK/h1.log")"
    pass "the public node dialled h1 back through the mapping (h1 only dialled out itself)"
    grep -q "TCP  *7400->10.0.1.2:7400 *'Orion'" <<<"$(upnp_list)" ||
        fail "upnpc -l does not list the node's mapping: $(upnp_list)"
    grep -q "dport 7400 dnat ip to 10.0.1.2:7400" <<<"$(dnat_rules)" ||
        fail "no DNAT rule for the node's mapping in r1's nftables: $(dnat_rules)"
    pass "r1 lists the mapping TCP 7400 -> 10.0.1.2:7400 'Orion' and has its DNAT rule"

    # The control: behind a router without UPnP or NAT-PMP.
    wait_for 40 status_is h2 h2 "s['reachability']" behind_nat ||
        fail "h2 is not behind_nat: $(ctl h2 h2 status)"
    [ "$(status_field h2 h2 "s['port_mapping']['state']")" = failed ] ||
        fail "h2's port mapping is not 'failed': $(ctl h2 h2 status --json)"
    [ "$(status_field h2 h2 "len(s['external_addresses'])")" = 0 ] ||
        fail "h2 names external addresses: $(ctl h2 h2 status --json)"
    ctl h2 h2 status | grep "^reachable"
    pass "h2 (no UPnP, no NAT-PMP) is behind_nat: $(status_field h2 h2 "s['port_mapping']['error']")"

    # The member card: the mapped address and port, which a node that knows nothing else
    # of h1 dials.
    ctl h1 h1 member export "$WORK/h1-card.json" >/dev/null
    [ "$(card_field "$WORK/h1-card.json" "m['addresses'][0]")" = 198.18.0.101 ] ||
        fail "h1's card does not name the mapped address first: $(cat "$WORK/h1-card.json")"
    [ "$(card_field "$WORK/h1-card.json" "m['port']")" = 7400 ] ||
        fail "h1's card does not name the mapped port: $(cat "$WORK/h1-card.json")"
    ctl h2 h2 member export --address 198.18.0.102 --port 7400 "$WORK/h2-card.json" >/dev/null
    node_start far pub2
    ctl far pub2 member import "$WORK/h1-card.json" >/dev/null
    wait_for 20 status_is far pub2 "s['member_checks'][0]['result']" reached ||
        fail "pub2 did not reach h1 with its card: $(ctl far pub2 status)"
    grep -q "established inbound .*198\.18\.0\.12:" "$WORK/h1.log" ||
        fail "h1 accepted no connection from pub2: $(tail -5 "$WORK/h1.log")"
    pass "pub2 dialled h1 at 198.18.0.101:7400, the address of its card"
    ctl far pub2 member import "$WORK/h2-card.json" >/dev/null
    wait_for 30 status_is far pub2 "s['member_checks'][1]['result']" failed ||
        fail "pub2's check of h2's card did not fail: $(ctl far pub2 status)"
    pass "control: pub2 cannot dial h2 at 198.18.0.102:7400 ($(status_field far pub2 "s['member_checks'][1]['reason']"))"

    # (e) The node stops: the mapping goes.
    node_stop h1
    grep -q "port mapping deleted" "$WORK/h1.log" ||
        fail "h1 did not log the deletion: $(tail -5 "$WORK/h1.log")"
    if grep -q "7400->10.0.1.2:7400" <<<"$(upnp_list)"; then
        fail "upnpc -l still lists the mapping after h1 stopped: $(upnp_list)"
    fi
    if grep -q "dport 7400" <<<"$(dnat_rules)"; then
        fail "r1 still forwards port 7400 after h1 stopped: $(dnat_rules)"
    fi
    pass "h1 stopped: the mapping is gone from upnpc -l and r1's nftables"
}

netlab_main pub,pub,upnp,nat "$@"
