#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A home router running miniupnpd: it learns its external address from the lab's STUN
# responder, answers UPnP-IGD (upnpc) and NAT-PMP requests from the home host, writes each
# mapping into its nftables chains and removes it again; through a mapping the public
# segment reaches the home host, and a public Orion node dials an Orion node behind the
# router at the address its member file names.
source "$(dirname "$0")/common.sh"

IGD="http://10.0.1.1:5000/rootDesc.xml"
NATPMP="$NETLAB_DIR/natpmp_probe.py"

upnpc_() { timeout 15 "$LAB" exec h1 upnpc -u "$IGD" "$@"; }
# (Read whole before grep: with pipefail, `nft ... | grep -q` fails when grep stops early.)
dnat_rules() { "$LAB" exec r1 nft list chain inet miniupnpd prerouting_miniupnpd; }

lab_test() {
    local miniupnpd_log
    miniupnpd_log="/tmp/orionlab/${ORIONLAB_PREFIX%-}/miniupnpd-r1.log"
    grep -q "Port forwarding is now enabled" "$miniupnpd_log" ||
        fail "miniupnpd did not enable port forwarding: $(tail -5 "$miniupnpd_log")"
    pass "miniupnpd: $(grep -m1 'STUN: ext interface' "$miniupnpd_log" | sed 's/^miniupnpd\[[0-9]*\]: //')"

    upnpc_ -s >"$WORK/upnpc-status.out" 2>&1 || fail "upnpc -s: $(cat "$WORK/upnpc-status.out")"
    grep -qx "ExternalIPAddress = 198.18.0.101" "$WORK/upnpc-status.out" ||
        fail "the IGD names another external address: $(cat "$WORK/upnpc-status.out")"
    pass "UPnP-IGD answers: ExternalIPAddress = 198.18.0.101"
    local address
    address="$("$LAB" exec h1 python3 "$NATPMP" 10.0.1.1 address)" || fail "NAT-PMP: $address"
    [ "$address" = 198.18.0.101 ] || fail "NAT-PMP names the external address '$address'"
    pass "NAT-PMP answers: external address $address"

    "$LAB" spawn h1 "$WORK/listener.log" python3 "$PROBE" --timeout 30 listen 9000 --count 2 \
        --ready-file "$WORK/listener.ready" >/dev/null
    wait_for 10 test -s "$WORK/listener.ready" || fail "the TCP listener on h1 did not start"
    # Before any mapping the public segment cannot connect to the external port.
    if "$LAB" exec pub1 python3 "$PROBE" --timeout 3 connect 198.18.0.101 19000 2>/dev/null; then
        fail "198.18.0.101:19000 was reachable before it was mapped"
    fi

    upnpc_ -e netlab -a 10.0.1.2 9000 19000 TCP 600 >"$WORK/upnpc-add.out" 2>&1 ||
        fail "upnpc -a: $(cat "$WORK/upnpc-add.out")"
    grep -q "external 198.18.0.101:19000 TCP is redirected to internal 10.0.1.2:9000" \
        "$WORK/upnpc-add.out" || fail "upnpc -a: $(cat "$WORK/upnpc-add.out")"
    upnpc_ -l >"$WORK/upnpc-list.out" 2>&1 || true
    grep -q "TCP 19000->10.0.1.2:9000 *'netlab'" "$WORK/upnpc-list.out" ||
        fail "upnpc -l does not list the mapping: $(cat "$WORK/upnpc-list.out")"
    grep -q "dport 19000 dnat ip to 10.0.1.2:9000" <<<"$(dnat_rules)" ||
        fail "no DNAT rule for the mapping in r1's nftables: $(dnat_rules)"
    pass "UPnP mapping 19000 -> 10.0.1.2:9000 listed and in nftables"
    "$LAB" exec pub1 python3 "$PROBE" connect 198.18.0.101 19000 --send through-upnp ||
        fail "the public host cannot connect through the UPnP mapping"
    wait_for 10 grep -q "through-upnp" "$WORK/listener.log" || fail "h1 saw no connection through the mapping"
    pass "pub1 reached h1 through the UPnP mapping: $(grep through-upnp "$WORK/listener.log")"
    upnpc_ -d 19000 TCP >"$WORK/upnpc-del.out" 2>&1 || fail "upnpc -d: $(cat "$WORK/upnpc-del.out")"
    if grep -q "dport 19000" <<<"$(dnat_rules)"; then
        fail "the deleted mapping is still in r1's nftables: $(dnat_rules)"
    fi
    pass "UPnP mapping deleted, gone from nftables"

    local granted
    granted="$("$LAB" exec h1 python3 "$NATPMP" 10.0.1.1 map tcp 9000 19001 600)" ||
        fail "NAT-PMP map: $granted"
    [ "${granted%% *}" = 19001 ] || fail "NAT-PMP mapped another port: $granted"
    grep -q "dport 19001 dnat ip to 10.0.1.2:9000" <<<"$(dnat_rules)" ||
        fail "no DNAT rule for the NAT-PMP mapping: $(dnat_rules)"
    "$LAB" exec pub1 python3 "$PROBE" connect 198.18.0.101 19001 --send through-natpmp ||
        fail "the public host cannot connect through the NAT-PMP mapping"
    wait_for 10 grep -q "through-natpmp" "$WORK/listener.log" || fail "h1 saw no connection through the NAT-PMP mapping"
    "$LAB" exec h1 python3 "$NATPMP" 10.0.1.1 map tcp 9000 0 0 >/dev/null || fail "NAT-PMP delete failed"
    if grep -q "dport 19001" <<<"$(dnat_rules)"; then
        fail "the NAT-PMP mapping is still in r1's nftables after its deletion"
    fi
    pass "NAT-PMP mapping 19001 -> 10.0.1.2:9000 added, used and deleted"

    # An Orion node behind the router, its port mapped by hand and its member file naming
    # the router's public address: the public node dials it through the mapping.
    node_init pub pub1 --new-network --address 198.18.0.11
    "$ORION_NODE" --profile "$WORK/pub" network-key >"$WORK/network.key"
    node_init h1 h1 --network-key-file "$WORK/network.key" --address 198.18.0.101 --port 7400
    node_run pub pub1
    node_run h1 h1
    upnpc_ -e orion -a 10.0.1.2 7400 7400 TCP 600 >"$WORK/upnpc-orion.out" 2>&1 ||
        fail "upnpc -a for the node: $(cat "$WORK/upnpc-orion.out")"
    ctl pub pub1 member import "$WORK/h1/member.json"
    wait_for 20 test "$(status_field pub pub1 "s['member_checks'][0]['result']")" = reached ||
        fail "the public node did not reach h1 through the mapping: $(ctl pub pub1 status)"
    grep -q "established inbound .*198\.18\.0\.11:" "$WORK/h1.log" ||
        fail "h1 accepted no connection from the public node: $(tail -5 "$WORK/h1.log")"
    pass "the public node dialled the node behind the router at 198.18.0.101:7400"
}

netlab_main upnp "$@"
