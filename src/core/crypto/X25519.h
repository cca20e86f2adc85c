// SPDX-License-Identifier: GPL-3.0-or-later
// X25519: an ephemeral Curve25519 key pair (crypto_box_keypair) and the scalar
// multiplication that turns two halves into a shared secret. Value type; any thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::crypto {

class X25519 {
public:
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSecretKeyBytes = 32;
    static constexpr int kSharedSecretBytes = 32;

    X25519() = default;

    static X25519 generate();
    // A fixed secret scalar (known-answer tests); the public half is derived from it.
    static Result<X25519> fromSecretKey(QByteArrayView secretKey);

    bool isNull() const { return m_publicKey.isEmpty(); }
    const QByteArray &publicKey() const { return m_publicKey; }
    const SecureBuffer &secretKey() const { return m_secretKey; }
    X25519 clone() const;

    // Shared secret with a peer's public key. Fails when the result is all zero, which a
    // low-order public key forces: such a "secret" is known to everyone.
    Result<SecureBuffer> sharedSecret(QByteArrayView remotePublicKey) const;

    // Raw key generation into caller-owned memory (32 bytes each).
    static void generate(std::uint8_t *publicKey, std::uint8_t *secretKey);

    // The raw form for callers that keep their secrets in one buffer: writes 32 bytes to
    // out; false (and out wiped) when the result is all zero.
    static bool scalarMult(std::uint8_t *out, const std::uint8_t *secretKey,
                           const std::uint8_t *publicKey);

private:
    QByteArray m_publicKey;
    SecureBuffer m_secretKey;
};

} // namespace orion::crypto
