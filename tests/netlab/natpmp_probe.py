#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A NAT-PMP client for the network lab (RFC 6886), every wait bounded.

    natpmp_probe.py GATEWAY address
        print the gateway's external IPv4 address
    natpmp_probe.py GATEWAY map tcp|udp INTERNAL_PORT EXTERNAL_PORT LIFETIME
        request a mapping (LIFETIME 0 deletes it); print "EXTERNAL_PORT LIFETIME"
Exits 1 when the gateway does not answer or answers with an error.
"""
import socket
import struct
import sys

PORT = 5351
RESULTS = {1: "unsupported version", 2: "not authorized/refused", 3: "network failure",
           4: "out of resources", 5: "unsupported opcode"}


def ask(gateway: str, request: bytes, expected_opcode: int, size: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    timeout = 0.25
    # RFC 6886 3.1: resend with a doubling wait; nine tries at most (here: about 8 s).
    for _ in range(6):
        sock.settimeout(timeout)
        sock.sendto(request, (gateway, PORT))
        try:
            response, _ = sock.recvfrom(64)
        except socket.timeout:
            timeout *= 2
            continue
        if len(response) >= size and response[0] == 0 and response[1] == expected_opcode:
            result = struct.unpack("!H", response[2:4])[0]
            if result:
                sys.exit("NAT-PMP error %d: %s" % (result, RESULTS.get(result, "unknown")))
            return response
    sys.exit("no NAT-PMP answer from %s:%d" % (gateway, PORT))


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gateway, command = sys.argv[1], sys.argv[2]
    if command == "address":
        response = ask(gateway, struct.pack("!BB", 0, 0), 128, 12)
        print(socket.inet_ntoa(response[8:12]))
    elif command == "map" and len(sys.argv) == 7:
        opcode = {"udp": 1, "tcp": 2}[sys.argv[3]]
        internal, external, lifetime = (int(x) for x in sys.argv[4:7])
        request = struct.pack("!BBHHHI", 0, opcode, 0, internal, external, lifetime)
        response = ask(gateway, request, 128 + opcode, 16)
        _, mapped, granted = struct.unpack("!HHI", response[8:16])
        print(mapped, granted)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
