// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/BoxStreamEncryptor.h"

#include "crypto/SecretBox.h"

#include <array>

namespace orion::net {

using crypto::SecretBox;

BoxStreamEncryptor::BoxStreamEncryptor(crypto::SecureBuffer key, QByteArrayView nonce)
    : m_key(std::move(key))
    , m_nonce(nonce) {
    Q_ASSERT(m_key.size() == std::size_t(SecretBox::kKeyBytes));
    Q_ASSERT(nonce.size() == BoxStreamNonce::kBytes);
}

qsizetype BoxStreamEncryptor::encryptedSize(qsizetype plaintextSize) {
    const qsizetype frames = (plaintextSize + kMaxBodyBytes - 1) / kMaxBodyBytes;
    return plaintextSize + frames * kHeaderBytes;
}

bool BoxStreamEncryptor::encrypt(QByteArrayView plaintext, QByteArray &out) {
    if (m_finished || !isValid()) {
        return false;
    }
    if (plaintext.isEmpty()) {
        return true;
    }
    // One resize for all frames, then seal in place: no per-frame allocation.
    qsizetype at = out.size();
    out.resize(at + encryptedSize(plaintext.size()));
    auto *dst = reinterpret_cast<std::uint8_t *>(out.data());
    const auto *src = reinterpret_cast<const std::uint8_t *>(plaintext.data());
    qsizetype remaining = plaintext.size();
    while (remaining > 0) {
        const auto chunk = std::size_t(std::min<qsizetype>(remaining, kMaxBodyBytes));
        sealFrame(src, chunk, dst + at);
        src += chunk;
        remaining -= qsizetype(chunk);
        at += kHeaderBytes + qsizetype(chunk);
    }
    return true;
}

void BoxStreamEncryptor::sealFrame(const std::uint8_t *plain, std::size_t size, std::uint8_t *out) {
    // header = box(u16be(len) || body_mac, nonce); body = cipher under nonce + 1
    std::array<std::uint8_t, 2 + SecretBox::kMacBytes> header;
    header[0] = std::uint8_t(size >> 8);
    header[1] = std::uint8_t(size);
    const BoxStreamNonce bodyNonce = m_nonce.next();
    SecretBox::sealDetached(out + kHeaderBytes, header.data() + 2, plain, size, bodyNonce.data(),
                            m_key.data());
    SecretBox::sealEasy(out, header.data(), header.size(), m_nonce.data(), m_key.data());
    m_nonce = bodyNonce;
    m_nonce.increment();
}

bool BoxStreamEncryptor::goodbye(QByteArray &out) {
    if (m_finished || !isValid()) {
        return false;
    }
    const std::array<std::uint8_t, 2 + SecretBox::kMacBytes> zeros{};
    const qsizetype at = out.size();
    out.resize(at + kHeaderBytes);
    SecretBox::sealEasy(reinterpret_cast<std::uint8_t *>(out.data()) + at, zeros.data(),
                        zeros.size(), m_nonce.data(), m_key.data());
    m_finished = true;
    return true;
}

} // namespace orion::net
