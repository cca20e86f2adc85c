// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/HmacSha512256.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(HmacSha512256::kKeyBytes == crypto_auth_KEYBYTES);
static_assert(HmacSha512256::kBytes == crypto_auth_BYTES);

QByteArray HmacSha512256::mac(QByteArrayView key, QByteArrayView message) {
    Q_ASSERT(key.size() == kKeyBytes);
    QByteArray out(kBytes, Qt::Uninitialized);
    mac(reinterpret_cast<std::uint8_t *>(out.data()),
        reinterpret_cast<const std::uint8_t *>(key.data()),
        reinterpret_cast<const std::uint8_t *>(message.data()), std::size_t(message.size()));
    return out;
}

bool HmacSha512256::verify(QByteArrayView mac, QByteArrayView key, QByteArrayView message) {
    if (mac.size() != kBytes || key.size() != kKeyBytes) {
        return false;
    }
    return verify(reinterpret_cast<const std::uint8_t *>(mac.data()),
                  reinterpret_cast<const std::uint8_t *>(key.data()),
                  reinterpret_cast<const std::uint8_t *>(message.data()),
                  std::size_t(message.size()));
}

void HmacSha512256::mac(std::uint8_t *out, const std::uint8_t *key, const std::uint8_t *message,
                        std::size_t size) {
    Sodium::ensureInitialized();
    crypto_auth(out, message, size, key);
}

bool HmacSha512256::verify(const std::uint8_t *mac, const std::uint8_t *key,
                           const std::uint8_t *message, std::size_t size) {
    Sodium::ensureInitialized();
    return crypto_auth_verify(mac, message, size, key) == 0;
}

} // namespace orion::crypto
