#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TCP probes for the network lab; every wait is bounded by --timeout.

    tcp_probe.py listen PORT [--count N] [--ready-file FILE]
        accept N connections; print each one's source as "ADDRESS:PORT" and what it sent
    tcp_probe.py connect HOST PORT [--bind-port P] [--send TEXT]
        connect (from local port P if given), send TEXT, print the local address used;
        exit 1 when the connection fails
"""
import argparse
import socket
import sys


def listen(args: argparse.Namespace) -> int:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("0.0.0.0", args.port))
    server.listen(8)
    server.settimeout(args.timeout)
    if args.ready_file:
        with open(args.ready_file, "w", encoding="ascii") as ready:
            ready.write("ready\n")
    for _ in range(args.count):
        try:
            connection, source = server.accept()
        except socket.timeout:
            print("timeout: no connection within %.0f s" % args.timeout, file=sys.stderr)
            return 1
        connection.settimeout(args.timeout)
        try:
            data = connection.recv(256).decode("utf-8", "replace").strip()
        except socket.timeout:
            data = ""
        print("%s:%d %s" % (source[0], source[1], data), flush=True)
        connection.close()
    return 0


def connect(args: argparse.Namespace) -> int:
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.settimeout(args.timeout)
    if args.bind_port:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        client.bind(("0.0.0.0", args.bind_port))
    try:
        client.connect((args.host, args.port))
        client.sendall(args.send.encode())
    except OSError as error:
        print("connect %s:%d: %s" % (args.host, args.port, error), file=sys.stderr)
        return 1
    print("%s:%d" % client.getsockname())
    client.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=10.0)
    commands = parser.add_subparsers(dest="command", required=True)
    listener = commands.add_parser("listen")
    listener.add_argument("port", type=int)
    listener.add_argument("--count", type=int, default=1)
    listener.add_argument("--ready-file")
    listener.set_defaults(run=listen)
    client = commands.add_parser("connect")
    client.add_argument("host")
    client.add_argument("port", type=int)
    client.add_argument("--bind-port", type=int, default=0)
    client.add_argument("--send", default="probe")
    client.set_defaults(run=connect)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
