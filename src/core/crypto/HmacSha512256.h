// SPDX-License-Identifier: GPL-3.0-or-later
// HmacSha512256: libsodium's crypto_auth (HMAC-SHA-512 truncated to 32 bytes) with a
// 32-byte key, and its constant-time verification. Stateless.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::crypto {

class HmacSha512256 {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kBytes = 32;

    // The key must have kKeyBytes bytes.
    static QByteArray mac(QByteArrayView key, QByteArrayView message);
    static bool verify(QByteArrayView mac, QByteArrayView key, QByteArrayView message);

    static void mac(std::uint8_t *out, const std::uint8_t *key, const std::uint8_t *message,
                    std::size_t size);
    static bool verify(const std::uint8_t *mac, const std::uint8_t *key,
                       const std::uint8_t *message, std::size_t size);
};

} // namespace orion::crypto
