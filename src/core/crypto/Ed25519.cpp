// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Ed25519.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(Ed25519::kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(Ed25519::kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(Ed25519::kSeedBytes == crypto_sign_SEEDBYTES);
static_assert(Ed25519::kSignatureBytes == crypto_sign_BYTES);

Ed25519 Ed25519::generate() {
    Sodium::ensureInitialized();
    Ed25519 key;
    key.m_publicKey.resize(kPublicKeyBytes);
    key.m_secretKey = SecureBuffer(kSecretKeyBytes);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                        key.m_secretKey.data());
    return key;
}

Result<Ed25519> Ed25519::fromSeed(QByteArrayView seed) {
    if (seed.size() != kSeedBytes) {
        return Result<Ed25519>::failure(QStringLiteral("an Ed25519 seed has %1 bytes, not %2")
                                            .arg(kSeedBytes)
                                            .arg(seed.size()));
    }
    Sodium::ensureInitialized();
    Ed25519 key;
    key.m_publicKey.resize(kPublicKeyBytes);
    key.m_secretKey = SecureBuffer(kSecretKeyBytes);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                             key.m_secretKey.data(),
                             reinterpret_cast<const unsigned char *>(seed.data()));
    return key;
}

Result<Ed25519> Ed25519::fromSecretKey(QByteArrayView secretKey) {
    if (secretKey.size() != kSecretKeyBytes) {
        return Result<Ed25519>::failure(QStringLiteral("an Ed25519 secret key has %1 bytes, not %2")
                                            .arg(kSecretKeyBytes)
                                            .arg(secretKey.size()));
    }
    auto key = fromSeed(secretKey.first(kSeedBytes));
    if (!key) {
        return key;
    }
    if (sodium_memcmp(key->m_publicKey.constData(), secretKey.data() + kSeedBytes,
                      kPublicKeyBytes) != 0) {
        return Result<Ed25519>::failure(
            QStringLiteral("the secret key's public half does not match its seed"));
    }
    return key;
}

SecureBuffer Ed25519::seed() const {
    return SecureBuffer::fromBytes(m_secretKey.view().first(kSeedBytes));
}

Ed25519 Ed25519::clone() const {
    Ed25519 copy;
    copy.m_publicKey = m_publicKey;
    copy.m_secretKey = m_secretKey.clone();
    return copy;
}

QByteArray Ed25519::sign(QByteArrayView message) const {
    QByteArray signature(kSignatureBytes, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()),
                         std::size_t(message.size()), m_secretKey.data());
    return signature;
}

bool Ed25519::verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature) {
    if (publicKey.size() != kPublicKeyBytes || signature.size() != kSignatureBytes) {
        return false;
    }
    Sodium::ensureInitialized();
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.data()),
               reinterpret_cast<const unsigned char *>(message.data()), std::size_t(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.data())) == 0;
}

} // namespace orion::crypto
