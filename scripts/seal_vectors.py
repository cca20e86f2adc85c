#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/seal-vectors.json: known-answer vectors for sealed envelopes, version 1.

A second implementation of the draft in docs/protocol.md ("Sealed envelopes"), written from
the text and not from the C++ code, on the Python 'cryptography' package (X25519, Ed25519,
ChaCha20-Poly1305) and hashlib's BLAKE2b; HChaCha20 (for XChaCha20) is written out here.
tst_sealvectors checks that the C++ layer reproduces every byte.

    python3 scripts/seal_vectors.py > tests/data/seal-vectors.json
"""
import hashlib
import json
import struct
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

VERSION = 1
STATIC, INIT, RESPONSE, DATA = 1, 2, 3, 4
P = 2**255 - 19


def raw_public(key):
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


# --- primitives -------------------------------------------------------------------------

def _rotl(v, n):
    return ((v << n) & 0xFFFFFFFF) | (v >> (32 - n))


def _quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = _rotl(s[b] ^ s[c], 7)


def hchacha20(key, nonce16):
    s = list(struct.unpack("<4I", b"expand 32-byte k") + struct.unpack("<8I", key)
             + struct.unpack("<4I", nonce16))
    for _ in range(10):
        _quarter(s, 0, 4, 8, 12); _quarter(s, 1, 5, 9, 13)
        _quarter(s, 2, 6, 10, 14); _quarter(s, 3, 7, 11, 15)
        _quarter(s, 0, 5, 10, 15); _quarter(s, 1, 6, 11, 12)
        _quarter(s, 2, 7, 8, 13); _quarter(s, 3, 4, 9, 14)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


def xaead(key, nonce24, plaintext, ad):
    subkey = hchacha20(key, nonce24[:16])
    return ChaCha20Poly1305(subkey).encrypt(b"\0" * 4 + nonce24[16:], plaintext, ad)


def x25519(secret, public):
    return X25519PrivateKey.from_private_bytes(secret).exchange(
        X25519PublicKey.from_public_bytes(public))


def x25519_public(secret):
    return raw_public(X25519PrivateKey.from_private_bytes(secret).public_key())


def ed_public(seed):
    return raw_public(Ed25519PrivateKey.from_private_bytes(seed).public_key())


def ed_public_to_curve(ed):
    y = int.from_bytes(ed, "little") & ((1 << 255) - 1)
    u = (1 + y) * pow(1 - y, P - 2, P) % P
    return u.to_bytes(32, "little")


def ed_seed_to_curve_secret(seed):
    h = bytearray(hashlib.sha512(seed).digest()[:32])
    h[0] &= 248; h[31] &= 127; h[31] |= 64
    return bytes(h)


def kdf(key, label, *parts):
    data = b"orion-seal" + bytes([VERSION]) + label.encode() + b"\0" + b"".join(parts)
    return hashlib.blake2b(data, key=key, digest_size=32).digest()


def th(label, *parts):
    return kdf(b"orion-seal transcript", label, *parts)


def u32(n):
    return struct.pack(">I", n)


# --- the draft ------------------------------------------------------------------------

def first_message(kind, sender_seed, receiver_ed, header, plaintext, e, nonce):
    E = x25519_public(e)
    R = ed_public_to_curve(receiver_ed)
    prefix = bytes([VERSION, kind]) + E + nonce
    h0 = th("msg1", prefix, receiver_ed, u32(len(header)), header)
    es = x25519(e, R)
    c1 = xaead(kdf(es, "sender-key", h0), nonce, ed_public(sender_seed), h0)
    h1 = th("sender", h0, c1)
    ss = x25519(ed_seed_to_curve_secret(sender_seed), R)
    ck1 = kdf(es + ss, "chain", h1)
    c2 = xaead(kdf(ck1, "body", h1), nonce, plaintext, h1)
    state = {"ck1": ck1, "h2": th("body", h1, c2), "E": E,
             "session_id": th("session-id", E)[:8]}
    return prefix + c1 + c2, state


def response(state, initiator_seed, header, plaintext, e_r):
    prefix = bytes([VERSION, RESPONSE]) + state["session_id"] + x25519_public(e_r)
    h3 = th("response", state["h2"], prefix, u32(len(header)), header)
    ee = x25519(e_r, state["E"])
    se = x25519(e_r, ed_public_to_curve(ed_public(initiator_seed)))
    ck2 = kdf(state["ck1"], "chain2", ee, se, h3)
    c3 = xaead(kdf(ck2, "response", h3), b"\0" * 24, plaintext, h3)
    keys = {"initiator": kdf(ck2, "initiator-to-responder", h3),
            "responder": kdf(ck2, "responder-to-initiator", h3)}
    return prefix + c3, keys


def data_message(key, session_id, counter, header, plaintext):
    prefix = bytes([VERSION, DATA]) + session_id + struct.pack(">Q", counter)
    nonce = b"\0" * 16 + struct.pack(">Q", counter)
    return prefix + xaead(key, nonce, plaintext, prefix + header)


def self_check():
    # draft-irtf-cfrg-xchacha-03, 2.2.1 (HChaCha20) and A.3.1 (AEAD tag).
    assert hchacha20(bytes(range(32)), bytes.fromhex("000000090000004a0000000031415927")).hex() \
        == "82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc"
    sunscreen = (b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip"
                 b" for the future, sunscreen would be it.")
    out = xaead(bytes(range(0x80, 0xA0)), bytes(range(0x40, 0x58)), sunscreen,
                bytes.fromhex("50515253c0c1c2c3c4c5c6c7"))
    assert out[-16:].hex() == "c0875924c1c7987947deafd8780acf49"


def main():
    self_check()
    alice, bob = bytes([0xA1]) * 32, bytes([0xB0]) * 32
    header = b"message-id:00112233445566778899aabbccddeeff|destination:bob|origin:alice"
    e = bytes(range(1, 33))
    nonce = bytes(range(0x60, 0x78))
    statics = []
    for plaintext in (b"", b"Hello Bob, this is a sealed one-shot message.", bytes(range(256))):
        sealed, _ = first_message(STATIC, alice, ed_public(bob), header, plaintext, e, nonce)
        statics.append({
            "sender_seed": alice.hex(), "sender_public": ed_public(alice).hex(),
            "sender_curve_public": ed_public_to_curve(ed_public(alice)).hex(),
            "receiver_seed": bob.hex(), "receiver_public": ed_public(bob).hex(),
            "ephemeral_secret": e.hex(), "nonce": nonce.hex(), "header": header.hex(),
            "plaintext": plaintext.hex(), "sealed": sealed.hex()})

    init_header = b"id:0001|dst:bob|org:alice"
    resp_header = b"id:0002|dst:alice|org:bob"
    init_pt, resp_pt = b"session hello", b"session answer"
    e_r = bytes(range(0x21, 0x41))
    init, state = first_message(INIT, alice, ed_public(bob), init_header, init_pt, e, nonce)
    resp, keys = response(state, alice, resp_header, resp_pt, e_r)
    data, counters = [], {"initiator": 0, "responder": 0}
    for side, text in (("initiator", b"first data"), ("responder", b"reply data"),
                       ("initiator", b"second data"), ("initiator", b"x" * 256)):
        h = b"id:%04d|session" % (len(data) + 3)
        sealed = data_message(keys[side], state["session_id"], counters[side], h, text)
        data.append({"from": side, "counter": counters[side], "header": h.hex(),
                     "plaintext": text.hex(), "sealed": sealed.hex()})
        counters[side] += 1
    session = {
        "initiator_seed": alice.hex(), "initiator_public": ed_public(alice).hex(),
        "responder_seed": bob.hex(), "responder_public": ed_public(bob).hex(),
        "session_id": state["session_id"].hex(),
        "init": {"ephemeral_secret": e.hex(), "nonce": nonce.hex(), "header": init_header.hex(),
                 "plaintext": init_pt.hex(), "sealed": init.hex()},
        "response": {"ephemeral_secret": e_r.hex(), "header": resp_header.hex(),
                     "plaintext": resp_pt.hex(), "sealed": resp.hex()},
        "data": data}
    out = {"version": VERSION,
           "description": "Sealed envelopes, draft version 1 (docs/protocol.md). All byte "
                          "strings are hex; Ed25519 keys come from the given 32-byte seeds; "
                          "ephemeral secrets and nonces are fixed here and random in use.",
           "static": statics, "session": [session]}
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
