#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A tiny STUN responder for the network lab (RFC 5389, Binding method only).

Answers every Binding request with a Binding success response that carries the
request's source as XOR-MAPPED-ADDRESS (and as MAPPED-ADDRESS, for RFC 3489
clients), from the socket the request arrived on. CHANGE-REQUEST is ignored: the
lab's routers need only to learn the address the public segment sees them at.

    stun_responder.py [--address 0.0.0.0] [--port 3478] [--ready-file FILE]
"""
import argparse
import socket
import struct

MAGIC_COOKIE = 0x2112A442
BINDING_REQUEST = 0x0001
BINDING_SUCCESS = 0x0101
ATTR_MAPPED_ADDRESS = 0x0001
ATTR_XOR_MAPPED_ADDRESS = 0x0020


def binding_response(request: bytes, source: tuple) -> bytes | None:
    if len(request) < 20:
        return None
    kind, length, cookie = struct.unpack("!HHI", request[:8])
    if kind != BINDING_REQUEST or length + 20 > len(request):
        return None
    transaction = request[8:20]
    address = socket.inet_aton(source[0])
    port = source[1]
    mapped = struct.pack("!BBH4s", 0, 1, port, address)
    xored_port = port ^ (MAGIC_COOKIE >> 16)
    xored_address = struct.unpack("!I", address)[0] ^ MAGIC_COOKIE
    xor_mapped = struct.pack("!BBHI", 0, 1, xored_port, xored_address)
    attributes = (struct.pack("!HH", ATTR_XOR_MAPPED_ADDRESS, len(xor_mapped)) + xor_mapped +
                  struct.pack("!HH", ATTR_MAPPED_ADDRESS, len(mapped)) + mapped)
    # An RFC 3489 request has no magic cookie: echo its 16-byte transaction ID as it came.
    header = struct.pack("!HHI", BINDING_SUCCESS, len(attributes), cookie)
    return header + transaction + attributes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=3478)
    parser.add_argument("--ready-file", help="written once the socket is bound")
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((args.address, args.port))
    if args.ready_file:
        with open(args.ready_file, "w", encoding="ascii") as ready:
            ready.write("%s:%d\n" % sock.getsockname())
    while True:
        request, source = sock.recvfrom(2048)
        response = binding_response(request, source)
        if response:
            sock.sendto(response, source)


if __name__ == "__main__":
    main()
