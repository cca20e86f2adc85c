// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/X25519.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(X25519::kPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(X25519::kSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(X25519::kSharedSecretBytes == crypto_scalarmult_BYTES);

X25519 X25519::generate() {
    Sodium::ensureInitialized();
    X25519 key;
    key.m_publicKey.resize(kPublicKeyBytes);
    key.m_secretKey = SecureBuffer(kSecretKeyBytes);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                       key.m_secretKey.data());
    return key;
}

Result<X25519> X25519::fromSecretKey(QByteArrayView secretKey) {
    if (secretKey.size() != kSecretKeyBytes) {
        return Result<X25519>::failure(QStringLiteral("an X25519 secret key has %1 bytes, not %2")
                                           .arg(kSecretKeyBytes)
                                           .arg(secretKey.size()));
    }
    Sodium::ensureInitialized();
    X25519 key;
    key.m_secretKey = SecureBuffer::fromBytes(secretKey);
    key.m_publicKey.resize(kPublicKeyBytes);
    if (crypto_scalarmult_base(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                               key.m_secretKey.data()) != 0) {
        return Result<X25519>::failure(QStringLiteral("the X25519 secret key is degenerate"));
    }
    return key;
}

X25519 X25519::clone() const {
    X25519 copy;
    copy.m_publicKey = m_publicKey;
    copy.m_secretKey = m_secretKey.clone();
    return copy;
}

Result<SecureBuffer> X25519::sharedSecret(QByteArrayView remotePublicKey) const {
    if (remotePublicKey.size() != kPublicKeyBytes || isNull()) {
        return Result<SecureBuffer>::failure(QStringLiteral("an X25519 public key has 32 bytes"));
    }
    SecureBuffer out(kSharedSecretBytes);
    if (!scalarMult(out.data(), m_secretKey.data(),
                    reinterpret_cast<const std::uint8_t *>(remotePublicKey.data()))) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("X25519 produced the all-zero secret (low-order public key)"));
    }
    return out;
}

void X25519::generate(std::uint8_t *publicKey, std::uint8_t *secretKey) {
    Sodium::ensureInitialized();
    crypto_box_keypair(publicKey, secretKey);
}

bool X25519::scalarMult(std::uint8_t *out, const std::uint8_t *secretKey,
                        const std::uint8_t *publicKey) {
    Sodium::ensureInitialized();
    if (crypto_scalarmult(out, secretKey, publicKey) != 0) {
        sodium_memzero(out, kSharedSecretBytes);
        return false;
    }
    return true;
}

} // namespace orion::crypto
