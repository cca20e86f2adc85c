// SPDX-License-Identifier: GPL-3.0-or-later
// SecureBuffer: move-only bytes for secrets, in SecureArena memory (guarded, locked against
// swapping, canary-checked) that is wiped on destruction. Any thread; not shared.
#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace orion::crypto {

class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    ~SecureBuffer();

    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;

    // Copies bytes into a fresh secure buffer. The caller wipes its own copy.
    static SecureBuffer fromBytes(QByteArrayView bytes);

    SecureBuffer clone() const;

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    // A view for passing to functions that only read; never store it.
    QByteArrayView view() const {
        return {reinterpret_cast<const char *>(m_data), qsizetype(m_size)};
    }

    // Constant-time comparison.
    bool equals(const SecureBuffer &other) const;

private:
    void release();

    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Overwrites bytes that held a secret (for QByteArray temporaries at the edges).
void wipe(void *data, std::size_t size);

} // namespace orion::crypto
