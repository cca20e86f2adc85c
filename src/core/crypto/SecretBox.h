// SPDX-License-Identifier: GPL-3.0-or-later
// SecretBox: XSalsa20-Poly1305 authenticated encryption (crypto_secretbox), combined
// (mac || cipher) and detached forms. Stateless; the caller owns keys and nonces.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::crypto {

class SecretBox {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 24;
    static constexpr int kMacBytes = 16;

    // mac || cipher of the plaintext; nonce 24 bytes, key 32 bytes.
    static QByteArray seal(QByteArrayView plaintext, QByteArrayView nonce, QByteArrayView key);
    static Result<QByteArray> open(QByteArrayView box, QByteArrayView nonce, QByteArrayView key);

    // Raw forms for hot paths. sealEasy writes size + kMacBytes bytes; openEasy reads
    // boxSize >= kMacBytes bytes and writes boxSize - kMacBytes. The buffers may overlap
    // exactly (in place).
    static void sealEasy(std::uint8_t *out, const std::uint8_t *plaintext, std::size_t size,
                         const std::uint8_t *nonce, const std::uint8_t *key);
    static bool openEasy(std::uint8_t *out, const std::uint8_t *box, std::size_t boxSize,
                         const std::uint8_t *nonce, const std::uint8_t *key);
    static void sealDetached(std::uint8_t *cipher, std::uint8_t *mac, const std::uint8_t *plaintext,
                             std::size_t size, const std::uint8_t *nonce, const std::uint8_t *key);
    static bool openDetached(std::uint8_t *out, const std::uint8_t *cipher, const std::uint8_t *mac,
                             std::size_t size, const std::uint8_t *nonce, const std::uint8_t *key);
};

} // namespace orion::crypto
