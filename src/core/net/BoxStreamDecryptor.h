// SPDX-License-Identifier: GPL-3.0-or-later
// BoxStreamDecryptor: the receiving half of Box Stream; verifies and opens frames as
// bytes arrive, in any split, and recognises the goodbye. Any one thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "net/BoxStreamNonce.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace orion::net {

class BoxStreamDecryptor {
public:
    static constexpr int kHeaderBytes = 34;
    static constexpr int kMaxBodyBytes = 4096;

    BoxStreamDecryptor() = default;
    // key: 32 bytes; nonce: 24 bytes (the handshake's decryption key and nonce).
    BoxStreamDecryptor(crypto::SecureBuffer key, QByteArrayView nonce);

    // Appends the plaintext of every complete frame to plaintext. Stops at the first bad
    // frame (its plaintext is never released) and then fails for good. Bytes after the
    // goodbye are ignored.
    Status feed(QByteArrayView bytes, QByteArray &plaintext);
    // The transport ended: fine only after the goodbye, even at a frame boundary.
    Status finish();

    bool isFinished() const { return m_finished; } // goodbye received
    bool hasFailed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    // Data frames delivered so far.
    qint64 framesDecrypted() const { return m_frames; }
    // True while a frame is partly received (for detecting stalled peers).
    bool hasPartialFrame() const { return !m_pending.isEmpty(); }

private:
    // Processes one frame at data (size >= what it needs); returns the bytes it used, 0 if
    // more are needed, -1 on error.
    qsizetype processFrame(const std::uint8_t *data, qsizetype size, QByteArray &plaintext);
    Status fail(const QString &reason);
    void recordError(const QString &reason);

    crypto::SecureBuffer m_key;
    BoxStreamNonce m_nonce;
    QByteArray m_pending;
    // Header of the frame whose body is still arriving: length and body MAC.
    bool m_haveHeader = false;
    int m_bodyLength = 0;
    std::uint8_t m_bodyMac[16] = {};
    bool m_finished = false;
    qint64 m_frames = 0;
    QString m_error;
};

} // namespace orion::net
