// SPDX-License-Identifier: GPL-3.0-or-later
// SealAead: XChaCha20-Poly1305-IETF on raw buffers for the sealing layer, appending to or
// writing into caller-owned bytes so a sealed message is built without intermediate copies.
// Stateless; any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::seal {

class SealAead {
public:
    // Appends ciphertext || tag (plaintext size + 16 bytes) to out.
    static void sealAppend(QByteArray &out, const std::uint8_t *key, const std::uint8_t *nonce,
                           QByteArrayView plaintext, QByteArrayView associatedData);
    // Decrypts ciphertext || tag into out (resized); false when anything was altered.
    static bool open(QByteArray &out, const std::uint8_t *key, const std::uint8_t *nonce,
                     QByteArrayView ciphertext, QByteArrayView associatedData);
    // The same into a fixed buffer of ciphertext.size() - 16 bytes.
    static bool openInto(std::uint8_t *out, const std::uint8_t *key, const std::uint8_t *nonce,
                         QByteArrayView ciphertext, QByteArrayView associatedData);
};

} // namespace orion::seal
