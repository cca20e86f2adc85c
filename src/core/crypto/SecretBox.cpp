// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/SecretBox.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(SecretBox::kKeyBytes == crypto_secretbox_KEYBYTES);
static_assert(SecretBox::kNonceBytes == crypto_secretbox_NONCEBYTES);
static_assert(SecretBox::kMacBytes == crypto_secretbox_MACBYTES);

namespace {
const std::uint8_t *bytes(QByteArrayView view) {
    return reinterpret_cast<const std::uint8_t *>(view.data());
}
} // namespace

QByteArray SecretBox::seal(QByteArrayView plaintext, QByteArrayView nonce, QByteArrayView key) {
    Q_ASSERT(nonce.size() == kNonceBytes && key.size() == kKeyBytes);
    QByteArray out(plaintext.size() + kMacBytes, Qt::Uninitialized);
    sealEasy(reinterpret_cast<std::uint8_t *>(out.data()), bytes(plaintext),
             std::size_t(plaintext.size()), bytes(nonce), bytes(key));
    return out;
}

Result<QByteArray> SecretBox::open(QByteArrayView box, QByteArrayView nonce, QByteArrayView key) {
    if (box.size() < kMacBytes || nonce.size() != kNonceBytes || key.size() != kKeyBytes) {
        return Result<QByteArray>::failure(QStringLiteral("malformed secret box"));
    }
    QByteArray out(box.size() - kMacBytes, Qt::Uninitialized);
    if (!openEasy(reinterpret_cast<std::uint8_t *>(out.data()), bytes(box), std::size_t(box.size()),
                  bytes(nonce), bytes(key))) {
        return Result<QByteArray>::failure(QStringLiteral("secret box failed to authenticate"));
    }
    return out;
}

void SecretBox::sealEasy(std::uint8_t *out, const std::uint8_t *plaintext, std::size_t size,
                         const std::uint8_t *nonce, const std::uint8_t *key) {
    Sodium::ensureInitialized();
    crypto_secretbox_easy(out, plaintext, size, nonce, key);
}

bool SecretBox::openEasy(std::uint8_t *out, const std::uint8_t *box, std::size_t boxSize,
                         const std::uint8_t *nonce, const std::uint8_t *key) {
    Sodium::ensureInitialized();
    return crypto_secretbox_open_easy(out, box, boxSize, nonce, key) == 0;
}

void SecretBox::sealDetached(std::uint8_t *cipher, std::uint8_t *mac, const std::uint8_t *plaintext,
                             std::size_t size, const std::uint8_t *nonce, const std::uint8_t *key) {
    Sodium::ensureInitialized();
    crypto_secretbox_detached(cipher, mac, plaintext, size, nonce, key);
}

bool SecretBox::openDetached(std::uint8_t *out, const std::uint8_t *cipher, const std::uint8_t *mac,
                             std::size_t size, const std::uint8_t *nonce, const std::uint8_t *key) {
    Sodium::ensureInitialized();
    return crypto_secretbox_open_detached(out, cipher, mac, size, nonce, key) == 0;
}

} // namespace orion::crypto
