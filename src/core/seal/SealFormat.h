// SPDX-License-Identifier: GPL-3.0-or-later
// SealFormat: the byte layout of sealed envelopes, version 1 (draft, not yet on the wire).
// Constants only. docs/protocol.md, "Sealed envelopes", explains the same layouts in prose.
//
// Every sealed part starts with the version byte and a type byte. Keys are Ed25519 keys on
// the outside (the IDs of endpoints hash them) and their Curve25519 forms inside (X25519).
// AEAD is XChaCha20-Poly1305-IETF (16-byte tag); "header" is the routing header bytes the
// caller binds (message ID, destination, origin), opaque here and never sent by this layer.
//
// Type 0x01 static (one-shot) and type 0x02 session-init share one layout (Noise IK's first
// message: e, es, s, ss):
//   off  len    field
//   0    1      version = 0x01
//   1    1      type    = 0x01 | 0x02
//   2    32     E: the sender's ephemeral X25519 public key
//   34   24     N: nonce (random; both AEADs below use it under different keys)
//   58   48     c1 = AEAD(k1, N, sender's Ed25519 public key (32), ad = h0)
//   106  n+16   c2 = AEAD(k2, N, plaintext (n), ad = h1)
// with, for a receiver whose Ed25519 public key is R_ed (Curve25519 form R), sender static
// Curve25519 key pair (s, S) and ephemeral pair (e, E):
//   h0  = TH("msg1", bytes 0..57 || R_ed || u32be(len(header)) || header)
//   es  = X25519(e, R) = X25519(r, E)
//   k1  = KDF(es, "sender-key", h0)
//   h1  = TH("sender", h0 || c1)
//   ss  = X25519(s, R) = X25519(r, S)
//   ck1 = KDF(es || ss, "chain", h1)
//   k2  = KDF(ck1, "body", h1)
//   h2  = TH("body", h1 || c2)             (kept by both ends of a session-init)
//   session id (type 0x02 only) = first 8 bytes of TH("session-id", E)
//
// Type 0x03 session-response (Noise IK's second message: e, ee, se):
//   0    1      version = 0x01
//   1    1      type    = 0x03
//   2    8      session id
//   10   32     E': the responder's ephemeral X25519 public key
//   42   n+16   c3 = AEAD(k3, 24 zero bytes, plaintext, ad = h3)
//   h3  = TH("response", h2 || bytes 0..41 || u32be(len(header)) || header)
//   ee  = X25519(e', E) = X25519(e, E');  se = X25519(e', S) = X25519(s, E')
//   ck2 = KDF(ck1, "chain2", ee || se || h3)
//   k3  = KDF(ck2, "response", h3)
//   send keys: KDF(ck2, "initiator-to-responder", h3), KDF(ck2, "responder-to-initiator", h3)
//
// Type 0x04 session-data (no public-key operation):
//   0    1      version = 0x01
//   1    1      type    = 0x04
//   2    8      session id
//   10   8      counter, u64 big-endian, from 0 per direction
//   18   n+16   c = AEAD(k_dir, 16 zero bytes || counter (8, big-endian), plaintext,
//                        ad = bytes 0..17 || header)
#pragma once

#include <cstdint>

namespace orion::seal {

struct SealFormat {
    static constexpr std::uint8_t kVersion = 0x01;

    enum Type : std::uint8_t {
        Static = 0x01,
        SessionInit = 0x02,
        SessionResponse = 0x03,
        SessionData = 0x04,
    };

    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 24;
    static constexpr int kTagBytes = 16;
    static constexpr int kSessionIdBytes = 8;
    static constexpr int kCounterBytes = 8;

    // First message (static, session-init).
    static constexpr int kFirstEphemeralOffset = 2;
    static constexpr int kFirstNonceOffset = kFirstEphemeralOffset + kKeyBytes;         // 34
    static constexpr int kFirstSenderOffset = kFirstNonceOffset + kNonceBytes;          // 58
    static constexpr int kFirstBodyOffset = kFirstSenderOffset + kKeyBytes + kTagBytes; // 106
    static constexpr int kFirstOverhead = kFirstBodyOffset + kTagBytes;                 // 122

    // Session response.
    static constexpr int kResponseSessionOffset = 2;
    static constexpr int kResponseEphemeralOffset = kResponseSessionOffset + kSessionIdBytes;
    static constexpr int kResponseBodyOffset = kResponseEphemeralOffset + kKeyBytes; // 42
    static constexpr int kResponseOverhead = kResponseBodyOffset + kTagBytes;        // 58

    // Session data.
    static constexpr int kDataSessionOffset = 2;
    static constexpr int kDataCounterOffset = kDataSessionOffset + kSessionIdBytes; // 10
    static constexpr int kDataBodyOffset = kDataCounterOffset + kCounterBytes;      // 18
    static constexpr int kDataOverhead = kDataBodyOffset + kTagBytes;               // 34
};

} // namespace orion::seal
