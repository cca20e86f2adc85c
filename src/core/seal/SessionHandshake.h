// SPDX-License-Identifier: GPL-3.0-or-later
// SessionHandshake: Noise IK between two endpoints over two sealed messages. The initiator
// knows the responder's Ed25519 key; its first message (session-init, type 0x02) carries an
// ephemeral key and a body under es + ss, like a SealedEnvelope; the responder's answer
// (session-response, type 0x03) carries its own ephemeral key and a body under ee + se. Both
// ends then hold SessionKeys. The init's body has the static path's protection only (no
// forward secrecy against a leak of the responder's key); the response and everything after
// it has forward secrecy. SealFormat.h has the bytes and the key schedule.
//
// Replays: a replayed init opens again, so callers put every init (and static) sealed part
// through SeenDigests before delivering it; a response is accepted once, because finish()
// consumes the Pending state. Stateless; any thread (one per SealIdentity).
#pragma once

#include "seal/FirstMessage.h"
#include "seal/SessionKeys.h"

namespace orion::seal {

class SessionHandshake {
public:
    // The initiator's side while it waits for the response.
    struct Pending {
        QByteArray sessionId;
        FirstMessage::State state;
    };
    struct Started {
        QByteArray sealed; // the session-init
        Pending pending;
    };
    // fixed: known-answer tests only.
    static Result<Started> initiate(const SealIdentity &initiator,
                                    QByteArrayView responderEdPublicKey, QByteArrayView header,
                                    QByteArrayView plaintext,
                                    const FirstMessage::Fixed *fixed = nullptr);

    // The responder's side after it opened an init.
    struct Accepted {
        QByteArray senderPublicKey; // the initiator, authenticated
        QByteArray plaintext;
        QByteArray sessionId;
        FirstMessage::State state;
    };
    static Result<Accepted> accept(const SealIdentity &responder, QByteArrayView header,
                                   QByteArrayView sealed);

    struct Responded {
        QByteArray sealed; // the session-response
        SessionKeys session;
    };
    // fixedEphemeralSecret: known-answer tests only (32 bytes).
    static Result<Responded> respond(Accepted accepted, QByteArrayView header,
                                     QByteArrayView plaintext, qint64 nowMs,
                                     QByteArrayView fixedEphemeralSecret = {});

    struct Finished {
        QByteArray plaintext;
        SessionKeys session;
    };
    // Errors: InvalidArgument (short, wrong type or session), Unsupported (version), Corrupt.
    static Result<Finished> finish(const SealIdentity &initiator, Pending pending,
                                   QByteArrayView header, QByteArrayView sealed, qint64 nowMs);

    // The session id a response or data message names (empty for other bytes), so a caller
    // can find its Pending or SessionKeys.
    static QByteArray sessionIdOf(QByteArrayView sealed);
};

} // namespace orion::seal
