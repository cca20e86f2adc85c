// SPDX-License-Identifier: GPL-3.0-or-later
// BoxStreamEncryptor: the sending half of Box Stream, turning plaintext into secretbox
// frames (encrypted 34-byte header, body of at most 4096 bytes) and the goodbye. Any one thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "net/BoxStreamNonce.h"

#include <QByteArray>
#include <QByteArrayView>

namespace orion::net {

class BoxStreamEncryptor {
public:
    static constexpr int kHeaderBytes = 34;
    static constexpr int kMaxBodyBytes = 4096;

    BoxStreamEncryptor() = default;
    // key: 32 bytes; nonce: 24 bytes (the handshake's encryption key and nonce).
    BoxStreamEncryptor(crypto::SecureBuffer key, QByteArrayView nonce);

    // Appends the frames for plaintext to out, splitting at kMaxBodyBytes. Empty plaintext
    // produces no frame (an empty body would be indistinguishable from nothing). Returns
    // false once the goodbye has been written.
    bool encrypt(QByteArrayView plaintext, QByteArray &out);
    // Appends the goodbye frame; the stream is finished afterwards.
    bool goodbye(QByteArray &out);

    // Wire bytes encrypt() will append for plaintextSize bytes.
    static qsizetype encryptedSize(qsizetype plaintextSize);

    bool isFinished() const { return m_finished; }
    bool isValid() const { return !m_key.isEmpty(); }

private:
    void sealFrame(const std::uint8_t *plain, std::size_t size, std::uint8_t *out);

    crypto::SecureBuffer m_key;
    BoxStreamNonce m_nonce;
    bool m_finished = false;
};

} // namespace orion::net
