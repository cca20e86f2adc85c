// SPDX-License-Identifier: GPL-3.0-or-later
// SealedEnvelope: a one-shot message sealed with static keys (type 0x01 in SealFormat.h):
// only the receiver can open it, and opening it proves which Ed25519 key sent it. The
// sender's key travels inside the ciphertext, so relays do not learn it; the routing header
// the caller passes is bound as associated data and must arrive unchanged. No forward secrecy
// (a later leak of the receiver's key opens it): conversations use SessionHandshake.
// Stateless; the SealIdentity's peer cache makes it one thread per identity.
#pragma once

#include "seal/FirstMessage.h"

namespace orion::seal {

class SealedEnvelope {
public:
    using Opened = FirstMessage::Opened;

    static Result<QByteArray> seal(const SealIdentity &sender, QByteArrayView receiverEdPublicKey,
                                   QByteArrayView header, QByteArrayView plaintext);
    // Without a long-lived identity: converts the keys for this one message. Refused when
    // senderPublicKey does not belong to senderSecretKey.
    static Result<QByteArray> seal(const crypto::SecureBuffer &senderSecretKey,
                                   QByteArrayView senderPublicKey,
                                   QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                   QByteArrayView plaintext);
    // Known-answer tests only (fixed ephemeral key and nonce).
    static Result<QByteArray> sealFixed(const SealIdentity &sender,
                                        QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                        QByteArrayView plaintext, const FirstMessage::Fixed &fixed);

    // Opens what seal() made for this receiver under the same header. With expectedSender
    // set, a message from any other key fails with Refused. Other errors: FirstMessage::open.
    static Result<Opened> open(const SealIdentity &receiver, QByteArrayView header,
                               QByteArrayView sealed, QByteArrayView expectedSender = {});
    static Result<Opened> open(const crypto::SecureBuffer &receiverSecretKey,
                               QByteArrayView receiverPublicKey, QByteArrayView header,
                               QByteArrayView sealed, QByteArrayView expectedSender = {});
};

} // namespace orion::seal
