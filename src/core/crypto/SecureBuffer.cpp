// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/SecureBuffer.h"

#include "crypto/SecureArena.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace orion::crypto {

SecureBuffer::SecureBuffer(std::size_t size)
    : m_size(size) {
    if (size == 0) {
        return;
    }
    m_data = SecureArena::allocate(size);
    if (!m_data) {
        throw std::bad_alloc();
    }
}

SecureBuffer::~SecureBuffer() {
    release();
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0)) {}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept {
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBuffer SecureBuffer::fromBytes(QByteArrayView bytes) {
    SecureBuffer buffer(std::size_t(bytes.size()));
    if (!bytes.isEmpty()) {
        std::memcpy(buffer.m_data, bytes.data(), std::size_t(bytes.size()));
    }
    return buffer;
}

SecureBuffer SecureBuffer::clone() const {
    return fromBytes(view());
}

bool SecureBuffer::equals(const SecureBuffer &other) const {
    if (m_size != other.m_size) {
        return false;
    }
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void SecureBuffer::release() {
    if (m_data) {
        SecureArena::release(m_data, m_size); // wipes before reuse
        m_data = nullptr;
        m_size = 0;
    }
}

void wipe(void *data, std::size_t size) {
    if (data && size) {
        sodium_memzero(data, size);
    }
}

} // namespace orion::crypto
