#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opens many TCP connections to a node on loopback and holds them silently: an outsider
without the network key trying to use up the node's connection slots or descriptors.

Usage: inbound_flood.py PORT --networks N --per-network M --per-address K --hold SECONDS

Connections come from 127.0.<net>.<host> (all loopback on Linux): N networks (/24s) with M
connections each, spread over addresses holding K connections each. Prints
"connected <count> refused <count>" once every connect returned, then holds the sockets
until SECONDS passed or stdin closes. Bounded in count and time; sends no byte.
"""
import argparse
import select
import socket
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("port", type=int)
    p.add_argument("--networks", type=int, default=1)
    p.add_argument("--per-network", type=int, default=8)
    p.add_argument("--per-address", type=int, default=8)
    p.add_argument("--hold", type=float, default=10.0)
    a = p.parse_args()
    if a.networks * a.per_network > 5000 or a.networks > 250 or a.hold > 120:
        sys.exit("refusing a flood that large")
    sockets, refused = [], 0
    for net in range(1, a.networks + 1):
        for i in range(a.per_network):
            host = 1 + i // a.per_address
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            try:
                s.bind(("127.0.%d.%d" % (net, host), 0))
                s.connect_ex(("127.0.0.1", a.port))
                sockets.append(s)
            except OSError:
                refused += 1
                s.close()
    # Wait until every connect has an outcome (accepted into the backlog, or refused).
    deadline = time.monotonic() + 10
    pending = list(sockets)
    while pending and time.monotonic() < deadline:
        _, writable, _ = select.select([], pending, [], 0.5)
        for s in writable:
            pending.remove(s)
            if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                refused += 1
    print("connected %d refused %d" % (len(sockets) - refused, refused), flush=True)
    end = time.monotonic() + a.hold
    while time.monotonic() < end:
        r, _, _ = select.select([sys.stdin], [], [], min(0.5, max(0.0, end - time.monotonic())))
        if r and not sys.stdin.read(1):
            break
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main()
