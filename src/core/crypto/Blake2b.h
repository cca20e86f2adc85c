// SPDX-License-Identifier: GPL-3.0-or-later
// Blake2b: the generic hash (crypto_generichash) with 20-byte output for node IDs and
// container keys and 32-byte output for checksums and network IDs, and keyed derivation of
// subkeys into secure memory. Stateless.
#pragma once

#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::crypto {

class Blake2b {
public:
    static QByteArray hash(QByteArrayView data, int outputBytes, QByteArrayView key = {});
    static QByteArray hash160(QByteArrayView data) { return hash(data, 20); }
    static QByteArray hash256(QByteArrayView data) { return hash(data, 32); }
    // BLAKE2b keyed with @p secret (16-64 bytes) over @p label, written straight into secure
    // memory: a subkey for one purpose, named by the label, that reveals nothing of the secret.
    static SecureBuffer deriveKey(const SecureBuffer &secret, QByteArrayView label,
                                  int outputBytes);
};

} // namespace orion::crypto
