// SPDX-License-Identifier: GPL-3.0-or-later
// BoxStreamKeys: the outcome of a secret handshake, the key and starting nonce for each
// direction of the box stream. Move-only value; the keys live in SecureBuffers.
#pragma once

#include "crypto/SecureBuffer.h"

#include <QByteArray>

namespace orion::net {

struct BoxStreamKeys {
    crypto::SecureBuffer encryptionKey; // 32 bytes, for what this side sends
    QByteArray encryptionNonce;         // 24 bytes
    crypto::SecureBuffer decryptionKey; // 32 bytes, for what this side receives
    QByteArray decryptionNonce;         // 24 bytes
};

} // namespace orion::net
