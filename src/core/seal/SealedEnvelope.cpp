// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SealedEnvelope.h"

#include <sodium.h>

namespace orion::seal {

Result<QByteArray> SealedEnvelope::seal(const SealIdentity &sender,
                                        QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                        QByteArrayView plaintext) {
    return FirstMessage::seal(SealFormat::Static, sender, receiverEdPublicKey, header, plaintext);
}

Result<QByteArray> SealedEnvelope::seal(const crypto::SecureBuffer &senderSecretKey,
                                        QByteArrayView senderPublicKey,
                                        QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                        QByteArrayView plaintext) {
    auto identity = SealIdentity::fromEd25519(senderSecretKey, senderPublicKey);
    if (!identity) {
        return Result<QByteArray>::failure(identity.errorValue());
    }
    return seal(*identity, receiverEdPublicKey, header, plaintext);
}

Result<QByteArray> SealedEnvelope::sealFixed(const SealIdentity &sender,
                                             QByteArrayView receiverEdPublicKey,
                                             QByteArrayView header, QByteArrayView plaintext,
                                             const FirstMessage::Fixed &fixed) {
    return FirstMessage::seal(SealFormat::Static, sender, receiverEdPublicKey, header, plaintext,
                              &fixed);
}

Result<SealedEnvelope::Opened> SealedEnvelope::open(const SealIdentity &receiver,
                                                    QByteArrayView header, QByteArrayView sealed,
                                                    QByteArrayView expectedSender) {
    auto opened = FirstMessage::open(SealFormat::Static, receiver, header, sealed);
    if (opened && !expectedSender.isEmpty() &&
        (expectedSender.size() != opened->senderPublicKey.size() ||
         sodium_memcmp(expectedSender.data(), opened->senderPublicKey.constData(),
                       std::size_t(expectedSender.size())) != 0)) {
        return Result<Opened>::failure(
            ErrorCode::Refused, QStringLiteral("the message opens but comes from another sender"));
    }
    return opened;
}

Result<SealedEnvelope::Opened> SealedEnvelope::open(const crypto::SecureBuffer &receiverSecretKey,
                                                    QByteArrayView receiverPublicKey,
                                                    QByteArrayView header, QByteArrayView sealed,
                                                    QByteArrayView expectedSender) {
    auto identity = SealIdentity::fromEd25519(receiverSecretKey, receiverPublicKey);
    if (!identity) {
        return Result<Opened>::failure(identity.errorValue());
    }
    return open(*identity, header, sealed, expectedSender);
}

} // namespace orion::seal
