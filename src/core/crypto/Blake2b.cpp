// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Blake2b.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

QByteArray Blake2b::hash(QByteArrayView data, int outputBytes, QByteArrayView key) {
    Q_ASSERT(outputBytes >= int(crypto_generichash_BYTES_MIN) &&
             outputBytes <= int(crypto_generichash_BYTES_MAX));
    Sodium::ensureInitialized();
    QByteArray out(outputBytes, Qt::Uninitialized);
    crypto_generichash(
        reinterpret_cast<unsigned char *>(out.data()), std::size_t(outputBytes),
        reinterpret_cast<const unsigned char *>(data.data()), std::size_t(data.size()),
        key.isEmpty() ? nullptr : reinterpret_cast<const unsigned char *>(key.data()),
        std::size_t(key.size()));
    return out;
}

SecureBuffer Blake2b::deriveKey(const SecureBuffer &secret, QByteArrayView label, int outputBytes) {
    Q_ASSERT(outputBytes >= int(crypto_generichash_BYTES_MIN) &&
             outputBytes <= int(crypto_generichash_BYTES_MAX));
    Q_ASSERT(secret.size() >= crypto_generichash_KEYBYTES_MIN &&
             secret.size() <= crypto_generichash_KEYBYTES_MAX);
    Sodium::ensureInitialized();
    SecureBuffer out{std::size_t(outputBytes)};
    crypto_generichash(out.data(), out.size(),
                       reinterpret_cast<const unsigned char *>(label.data()),
                       std::size_t(label.size()), secret.data(), secret.size());
    return out;
}

} // namespace orion::crypto
