// SPDX-License-Identifier: GPL-3.0-or-later
// BoxStreamNonce: the box stream's 24-byte nonce, a big-endian 192-bit counter that wraps
// modulo 2^192 (unlike sodium_increment, which is little-endian). Plain value; any thread.
#pragma once

#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <cstring>

namespace orion::net {

class BoxStreamNonce {
public:
    static constexpr int kBytes = 24;

    BoxStreamNonce() { m_bytes.fill(0); }
    explicit BoxStreamNonce(QByteArrayView bytes) {
        m_bytes.fill(0);
        if (bytes.size() == kBytes) {
            std::memcpy(m_bytes.data(), bytes.data(), kBytes);
        }
    }

    void increment() {
        for (int i = kBytes - 1; i >= 0; --i) {
            if (++m_bytes[std::size_t(i)] != 0) {
                return;
            }
        }
    }
    // The nonce one above this one, for the body that follows a header.
    BoxStreamNonce next() const {
        BoxStreamNonce copy = *this;
        copy.increment();
        return copy;
    }

    const std::uint8_t *data() const { return m_bytes.data(); }
    QByteArrayView view() const { return {reinterpret_cast<const char *>(m_bytes.data()), kBytes}; }
    bool operator==(const BoxStreamNonce &) const = default;

private:
    std::array<std::uint8_t, kBytes> m_bytes;
};

} // namespace orion::net
