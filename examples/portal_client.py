#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A complete Orion portal client using only Python's standard library.

It connects to a running node, says hello, registers a service, sends a message and
prints what comes of it. Run without a target, it sends to its own service on its own
node and prints the message when it arrives, which shows the whole round trip on one
machine:

    python3 examples/portal_client.py --profile ~/.local/share/orion

With a target (a node ID or a container key) it waits until the target's node confirms
the delivery and prints the hops; with --wait-reply it then waits for the answer too:

    python3 examples/portal_client.py --profile DIR --target KEY --to-service chat
    python3 examples/portal_client.py --profile DIR --target CONTAINER --body '"hi"' --wait-reply

Every wait ends after --timeout seconds (default 10). Exit status: 0 when the message
arrived (and, with --wait-reply, was answered); 1 when the node reports an error or the
time ran out (the reason is on stderr); 2 for a bad command line or no node to talk to.

The protocol is described in docs/portal.md.
"""
import argparse
import hashlib
import json
import os
import socket
import struct
import sys
import time


class PortalError(Exception):
    """The node answered a request with an error, or a message could not be delivered."""


class Timeout(Exception):
    """Nothing the client waits for arrived in time."""


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
        self.buffer = b""
        self.next_id = 1
        self.events = []

    def request(self, type_, timeout, **fields):
        """Sends one request and returns its result; events that arrive meanwhile are kept."""
        request_id = self.next_id
        self.next_id += 1
        line = json.dumps({"id": request_id, "type": type_, **fields}) + "\n"
        self.sock.sendall(line.encode())
        deadline = time.monotonic() + timeout
        while True:
            message = self._read(deadline)
            if "event" in message:
                self.events.append(message)
            elif message.get("id") == request_id:
                if not message["ok"]:
                    error = message["error"]
                    raise PortalError(f"{type_}: {error['message']} ({error['code']})")
                return message["result"]

    def next_event(self, deadline):
        """The next event, or Timeout once the monotonic clock passes deadline."""
        if self.events:
            return self.events.pop(0)
        while True:
            message = self._read(deadline)
            if "event" in message:
                return message

    def _read(self, deadline):
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout()
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                raise Timeout() from None
            if not chunk:
                raise ConnectionError("the node closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)


def describe(event):
    """One line for an event: its kind, where it came from and its body."""
    if event["event"] == "error":
        return f"error {event.get('code')}: {event.get('message')}"
    fields = {k: event[k] for k in ("source", "service", "body") if k in event}
    return f"{event['event']}: " + json.dumps(fields, sort_keys=True)


def wait_for(portal, kinds, message_id, deadline):
    """The first event of one of `kinds` about our message (or an error about it)."""
    while True:
        event = portal.next_event(deadline)
        if event["event"] == "error" and event.get("in_reply_to") == message_id:
            raise PortalError(describe(event))
        if event["event"] in kinds:
            if event["event"] != "reply" or event.get("in_reply_to") == message_id:
                return event


def run(args):
    try:
        portal = Portal(args.socket or socket_path_for(args.profile))
    except OSError as e:
        print(f"cannot reach the node's portal: {e} (is the node running?)", file=sys.stderr)
        return 2
    timeout = args.timeout
    hello = portal.request("hello", timeout, version=1, client="portal_client.py")
    print(f"connected to node {hello['node_id']} ({hello['agent']})")
    portal.request("register", timeout, service=args.service)
    print(f"registered service {args.service}")

    target = args.target or hello["node_id"]
    to_service = args.to_service or args.service
    round_trip = args.target is None and to_service == args.service
    sent = portal.request("send", timeout + 5, target=target, service=to_service,
                          body=json.loads(args.body), from_service=args.service,
                          wait_delivery=not round_trip, timeout_ms=int(timeout * 1000))
    deadline = time.monotonic() + timeout
    message_id = sent["message_id"]
    if round_trip:
        print(f"sent message {message_id}")
        try:
            event = wait_for(portal, ("message",), message_id, deadline)
        except Timeout:
            raise Timeout(f"the message did not come back within {timeout:g} s") from None
        print("received: " + json.dumps({k: event[k] for k in ("source", "service", "body")},
                                         sort_keys=True))
        return 0
    print(f"delivered message {message_id} after {sent.get('hops', 0)} hops")
    if not args.wait_reply:
        return 0
    try:
        event = wait_for(portal, ("reply",), message_id, deadline)
    except Timeout:
        raise Timeout(f"no reply within {timeout:g} s") from None
    print("reply: " + json.dumps({k: event[k] for k in ("source", "body") if k in event},
                                 sort_keys=True))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket", help="portal socket path")
    where.add_argument("--profile", help="profile directory of the node")
    parser.add_argument("--service", default="py-demo", help="service to register")
    parser.add_argument("--target", help="key to send to (default: this node)")
    parser.add_argument("--to-service", help="service at the target (default: --service)")
    parser.add_argument("--body", default='{"text": "hello from python"}', help="JSON body")
    parser.add_argument("--wait-reply", action="store_true",
                        help="with --target: wait for the target's reply as well")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds to wait for each answer (default 10)")
    args = parser.parse_args()
    try:
        json.loads(args.body)
    except ValueError as e:
        parser.error(f"--body is not JSON: {e}")
    if args.timeout <= 0:
        parser.error("--timeout must be more than 0")
    try:
        return run(args)
    except (PortalError, Timeout) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except ConnectionError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
