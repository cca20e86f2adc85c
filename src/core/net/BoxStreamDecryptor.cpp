// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/BoxStreamDecryptor.h"

#include "crypto/SecretBox.h"

#include <array>
#include <cstring>

namespace orion::net {

using crypto::SecretBox;

BoxStreamDecryptor::BoxStreamDecryptor(crypto::SecureBuffer key, QByteArrayView nonce)
    : m_key(std::move(key))
    , m_nonce(nonce) {
    Q_ASSERT(m_key.size() == std::size_t(SecretBox::kKeyBytes));
    Q_ASSERT(nonce.size() == BoxStreamNonce::kBytes);
}

void BoxStreamDecryptor::recordError(const QString &reason) {
    if (m_error.isEmpty()) {
        m_error = reason;
    }
}

Status BoxStreamDecryptor::fail(const QString &reason) {
    recordError(reason);
    m_pending.clear();
    return Status::failure(m_error);
}

Status BoxStreamDecryptor::feed(QByteArrayView bytes, QByteArray &plaintext) {
    if (hasFailed()) {
        return Status::failure(m_error);
    }
    if (m_key.isEmpty()) {
        return fail(QStringLiteral("box stream has no key"));
    }
    const auto *in = reinterpret_cast<const std::uint8_t *>(bytes.data());
    qsizetype pos = 0;
    while (!m_finished) {
        const qsizetype need = m_haveHeader ? m_bodyLength : kHeaderBytes;
        const qsizetype available = bytes.size() - pos;
        qsizetype used = 0;
        if (!m_pending.isEmpty()) {
            const qsizetype take = std::min(need - m_pending.size(), available);
            m_pending.append(bytes.sliced(pos, take));
            pos += take;
            if (m_pending.size() < need) {
                return Status::success();
            }
            used = processFrame(reinterpret_cast<const std::uint8_t *>(m_pending.constData()), need,
                                plaintext);
            // A whole body is kept only while a frame is incomplete.
            if (m_pending.capacity() > kHeaderBytes) {
                m_pending.clear();
            } else {
                m_pending.resize(0);
            }
        } else if (available >= need) {
            used = processFrame(in + pos, need, plaintext);
            pos += need;
        } else {
            if (available > 0) {
                m_pending.append(bytes.sliced(pos, available));
            }
            return Status::success();
        }
        if (used < 0) {
            return Status::failure(m_error);
        }
    }
    return Status::success();
}

qsizetype BoxStreamDecryptor::processFrame(const std::uint8_t *data, qsizetype size,
                                           QByteArray &plaintext) {
    if (!m_haveHeader) {
        std::array<std::uint8_t, 2 + SecretBox::kMacBytes> header;
        if (!SecretBox::openEasy(header.data(), data, kHeaderBytes, m_nonce.data(), m_key.data())) {
            recordError(QStringLiteral("box stream header failed to authenticate"));
            return -1;
        }
        bool zero = true;
        for (std::uint8_t b : header) {
            zero = zero && b == 0;
        }
        if (zero) {
            m_finished = true;
            return size;
        }
        const int length = (int(header[0]) << 8) | int(header[1]);
        if (length == 0 || length > kMaxBodyBytes) {
            recordError(QStringLiteral("box stream header announces %1 bytes").arg(length));
            return -1;
        }
        m_bodyLength = length;
        std::memcpy(m_bodyMac, header.data() + 2, sizeof m_bodyMac);
        m_haveHeader = true;
        m_nonce.increment();
        return size;
    }
    const qsizetype at = plaintext.size();
    plaintext.resize(at + m_bodyLength);
    if (!SecretBox::openDetached(reinterpret_cast<std::uint8_t *>(plaintext.data()) + at, data,
                                 m_bodyMac, std::size_t(m_bodyLength), m_nonce.data(),
                                 m_key.data())) {
        plaintext.resize(at);
        recordError(QStringLiteral("box stream body failed to authenticate"));
        return -1;
    }
    m_nonce.increment();
    m_haveHeader = false;
    ++m_frames;
    return size;
}

Status BoxStreamDecryptor::finish() {
    if (hasFailed()) {
        return Status::failure(m_error);
    }
    if (!m_finished) {
        return fail(QStringLiteral("box stream ended without a goodbye"));
    }
    return Status::success();
}

} // namespace orion::net
