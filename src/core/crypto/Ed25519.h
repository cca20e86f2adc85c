// SPDX-License-Identifier: GPL-3.0-or-later
// Ed25519: long-term signing key pairs (libsodium format: 64-byte secret = seed || public
// key) with detached signatures. Value type; the secret half lives in a SecureBuffer.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::crypto {

class Ed25519 {
public:
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSecretKeyBytes = 64;
    static constexpr int kSeedBytes = 32;
    static constexpr int kSignatureBytes = 64;

    Ed25519() = default;

    static Ed25519 generate();
    static Result<Ed25519> fromSeed(QByteArrayView seed);
    // A 64-byte libsodium secret key (seed || public key); checks that the halves match.
    static Result<Ed25519> fromSecretKey(QByteArrayView secretKey);

    bool isNull() const { return m_publicKey.isEmpty(); }
    const QByteArray &publicKey() const { return m_publicKey; }
    const SecureBuffer &secretKey() const { return m_secretKey; }
    SecureBuffer seed() const;
    Ed25519 clone() const;

    QByteArray sign(QByteArrayView message) const;
    static bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

private:
    QByteArray m_publicKey;
    SecureBuffer m_secretKey;
};

} // namespace orion::crypto
