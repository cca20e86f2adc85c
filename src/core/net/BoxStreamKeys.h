// SPDX-License-Identifier: GPL-3.0-or-later
// BoxStreamKeys: the outcome of a secret handshake, the key and starting nonce for each
// direction of the box stream. Move-only value; both keys live in one SecureBuffer.
#pragma once

#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::net {

struct BoxStreamKeys {
    static constexpr qsizetype kKeyBytes = 32;

    // Guarded memory holding both keys at the offsets below. The handshake hands over its
    // own (wiped) secrets buffer: guarded allocations are costly, so it makes no new one.
    crypto::SecureBuffer material;
    qsizetype encryptionOffset = 0;
    qsizetype decryptionOffset = kKeyBytes;
    QByteArray encryptionNonce; // 24 bytes, for what this side sends
    QByteArray decryptionNonce; // 24 bytes, for what this side receives

    bool isValid() const {
        return qsizetype(material.size()) >=
               std::max(encryptionOffset, decryptionOffset) + kKeyBytes;
    }
    // Views into material: valid while this object lives.
    QByteArrayView encryptionKey() const {
        return isValid() ? material.view().sliced(encryptionOffset, kKeyBytes) : QByteArrayView();
    }
    QByteArrayView decryptionKey() const {
        return isValid() ? material.view().sliced(decryptionOffset, kKeyBytes) : QByteArrayView();
    }
};

} // namespace orion::net
