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

} // namespace orion::crypto
