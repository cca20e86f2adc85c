// SPDX-License-Identifier: GPL-3.0-or-later
// XChaCha20Poly1305: authenticated encryption with associated data for secrets at rest
// (crypto_aead_xchacha20poly1305_ietf) with random 24-byte nonces. Stateless, any thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::crypto {

class XChaCha20Poly1305 {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 24;
    static constexpr int kTagBytes = 16;
    static constexpr const char *kAlgorithmName = "xchacha20poly1305-ietf";

    struct Sealed {
        QByteArray nonce;      // kNonceBytes, random
        QByteArray ciphertext; // plaintext size + kTagBytes
    };

    // Encrypts under a fresh random nonce. The key must have kKeyBytes.
    static Sealed seal(const SecureBuffer &key, QByteArrayView plaintext,
                       QByteArrayView associatedData = {});
    static Sealed sealWithNonce(const SecureBuffer &key, QByteArrayView nonce,
                                QByteArrayView plaintext, QByteArrayView associatedData = {});

    // Decrypts into secure memory; fails when the key, nonce, ciphertext or associated
    // data differ from those used to seal.
    static Result<SecureBuffer> open(const SecureBuffer &key, QByteArrayView nonce,
                                     QByteArrayView ciphertext, QByteArrayView associatedData = {});
};

} // namespace orion::crypto
