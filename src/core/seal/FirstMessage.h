// SPDX-License-Identifier: GPL-3.0-or-later
// FirstMessage: the static-key message (Noise IK's first message: e, es, s, ss) behind both
// a one-shot SealedEnvelope (type 0x01) and a session-init (type 0x02). SealFormat.h has the
// byte layout and the key schedule. Stateless; any thread (the SealIdentity's cache is not).
#pragma once

#include "crypto/SecureBuffer.h"
#include "seal/SealFormat.h"
#include "seal/SealIdentity.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::seal {

class FirstMessage {
public:
    // Known-answer tests only: a fixed ephemeral secret (32 bytes) and nonce (24 bytes)
    // instead of fresh random ones. Sealing twice with the same values is insecure.
    struct Fixed {
        QByteArray ephemeralSecret;
        QByteArray nonce;
    };

    // What a session-init leaves both ends for the response (SealFormat: ck1, h2, E, ...).
    struct State {
        crypto::SecureBuffer chainKey;        // ck1
        QByteArray transcript;                // h2
        QByteArray ephemeralPublic;           // E, the initiator's
        crypto::SecureBuffer ephemeralSecret; // e, on the initiator's side only
        QByteArray peerEdPublic;              // the other end's Ed25519 key
        QByteArray peerCurvePublic;           // its Curve25519 form
    };

    struct Opened {
        QByteArray senderPublicKey; // Ed25519, authenticated by ss
        QByteArray plaintext;
    };

    // Errors: InvalidArgument (bad receiver key, bad fixed values).
    static Result<QByteArray> seal(SealFormat::Type type, const SealIdentity &sender,
                                   QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                   QByteArrayView plaintext, const Fixed *fixed = nullptr,
                                   State *keep = nullptr);
    // Errors: InvalidArgument (too short, wrong type), Unsupported (version), Corrupt (does
    // not open: altered bytes or header, another receiver, small-order or invalid keys).
    static Result<Opened> open(SealFormat::Type type, const SealIdentity &receiver,
                               QByteArrayView header, QByteArrayView sealed, State *keep = nullptr);

    // First 8 bytes of TH("session-id", E).
    static QByteArray sessionIdFor(QByteArrayView ephemeralPublic);
};

} // namespace orion::seal
