// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/XChaCha20Poly1305.h"

#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(XChaCha20Poly1305::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(XChaCha20Poly1305::kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(XChaCha20Poly1305::kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);

namespace {
const unsigned char *bytes(QByteArrayView view) {
    return reinterpret_cast<const unsigned char *>(view.data());
}
} // namespace

XChaCha20Poly1305::Sealed XChaCha20Poly1305::seal(const SecureBuffer &key, QByteArrayView plaintext,
                                                  QByteArrayView associatedData) {
    return sealWithNonce(key, Random::bytes(kNonceBytes), plaintext, associatedData);
}

XChaCha20Poly1305::Sealed XChaCha20Poly1305::sealWithNonce(const SecureBuffer &key,
                                                           QByteArrayView nonce,
                                                           QByteArrayView plaintext,
                                                           QByteArrayView associatedData) {
    Q_ASSERT(key.size() == kKeyBytes);
    Q_ASSERT(nonce.size() == kNonceBytes);
    Sodium::ensureInitialized();
    Sealed sealed;
    sealed.nonce = nonce.toByteArray();
    sealed.ciphertext.resize(plaintext.size() + kTagBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(sealed.ciphertext.data()), &written, bytes(plaintext),
        std::size_t(plaintext.size()), bytes(associatedData), std::size_t(associatedData.size()),
        nullptr, bytes(sealed.nonce), key.data());
    sealed.ciphertext.resize(qsizetype(written));
    return sealed;
}

Result<SecureBuffer> XChaCha20Poly1305::open(const SecureBuffer &key, QByteArrayView nonce,
                                             QByteArrayView ciphertext,
                                             QByteArrayView associatedData) {
    if (key.size() != kKeyBytes) {
        return Result<SecureBuffer>::failure(QStringLiteral("the sealing key has the wrong size"));
    }
    if (nonce.size() != kNonceBytes) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the nonce has %1 bytes, not %2").arg(nonce.size()).arg(kNonceBytes));
    }
    if (ciphertext.size() < kTagBytes) {
        return Result<SecureBuffer>::failure(QStringLiteral("the ciphertext is too short"));
    }
    Sodium::ensureInitialized();
    SecureBuffer plain(std::size_t(ciphertext.size() - kTagBytes));
    unsigned long long written = 0;
    // SecureBuffer of size 0 has no storage; give libsodium a valid pointer anyway.
    unsigned char scratch = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.isEmpty() ? &scratch : plain.data(), &written, nullptr, bytes(ciphertext),
            std::size_t(ciphertext.size()), bytes(associatedData),
            std::size_t(associatedData.size()), bytes(nonce), key.data()) != 0) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("decryption failed: wrong key or altered data"));
    }
    return plain;
}

} // namespace orion::crypto
