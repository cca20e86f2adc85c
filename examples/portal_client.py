#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A complete Orion portal client using only Python's standard library.

It connects to a running node, says hello, registers a service, sends a message and
prints what arrives. Run without a target, it sends to its own service on its own node,
which shows the whole round trip on one machine:

    python3 examples/portal_client.py --profile ~/.local/share/orion
    python3 examples/portal_client.py --profile DIR --target KEY --to-service chat

The protocol is described in docs/portal.md.
"""
import argparse
import hashlib
import json
import os
import socket
import struct
import sys


def socket_path_for(profile):
    """The portal socket of a profile, derived as docs/portal.md says."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        directory = os.path.join(runtime, "orion")
    else:
        directory = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"orion-{os.geteuid()}")
    digest = hashlib.sha256(os.path.abspath(profile).encode()).hexdigest()[:16]
    return os.path.join(directory, f"portal-{digest}.sock")


class Portal:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        # Talk only to a node of this user: whoever could bind the path could answer.
        creds = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        _pid, uid, _gid = struct.unpack("3i", creds)
        if uid != os.geteuid():
            raise ConnectionError(f"the portal at {path} is served by user {uid}, not by you")
        self.reader = self.sock.makefile("r", encoding="utf-8")
        self.next_id = 1
        self.events = []

    def request(self, type_, **fields):
        request_id = self.next_id
        self.next_id += 1
        line = json.dumps({"id": request_id, "type": type_, **fields}) + "\n"
        self.sock.sendall(line.encode())
        while True:
            message = self._read()
            if "event" in message:
                self.events.append(message)
            elif message.get("id") == request_id:
                if not message["ok"]:
                    error = message["error"]
                    raise RuntimeError(f"{type_}: {error['message']} ({error['code']})")
                return message["result"]

    def next_event(self):
        if self.events:
            return self.events.pop(0)
        while True:
            message = self._read()
            if "event" in message:
                return message

    def _read(self):
        line = self.reader.readline()
        if not line:
            raise ConnectionError("the node closed the connection")
        return json.loads(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket", help="portal socket path")
    where.add_argument("--profile", help="profile directory of the node")
    parser.add_argument("--service", default="py-demo", help="service to register")
    parser.add_argument("--target", help="key to send to (default: this node)")
    parser.add_argument("--to-service", help="service at the target (default: --service)")
    parser.add_argument("--body", default='{"text": "hello from python"}', help="JSON body")
    args = parser.parse_args()

    portal = Portal(args.socket or socket_path_for(args.profile))
    hello = portal.request("hello", version=1, client="portal_client.py")
    print(f"connected to node {hello['node_id']} ({hello['agent']})")
    portal.request("register", service=args.service)
    print(f"registered service {args.service}")

    target = args.target or hello["node_id"]
    sent = portal.request("send", target=target, service=args.to_service or args.service,
                          body=json.loads(args.body), from_service=args.service)
    print(f"sent message {sent['message_id']}")

    event = portal.next_event()
    print("received: " + json.dumps({k: event[k] for k in ("source", "service", "body")},
                                     sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
