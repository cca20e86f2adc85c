// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/SeenMessageIds.h"

#include <algorithm>
#include <cstring>

namespace orion::routing {

SeenMessageIds::SeenMessageIds(int capacity)
    : m_capacity(std::max(0, capacity)) {}

SeenMessageIds::Id SeenMessageIds::toId(QByteArrayView bytes) {
    // A short ID is zero-padded and its length folded in, so "ab" and "ab\0" differ.
    unsigned char raw[16] = {};
    const size_t n = std::min<size_t>(sizeof raw, size_t(bytes.size()));
    if (n > 0) {
        std::memcpy(raw, bytes.data(), n);
    }
    Id id;
    std::memcpy(&id.high, raw, 8);
    std::memcpy(&id.low, raw + 8, 8);
    if (bytes.size() < 16) {
        id.high ^= quint64(bytes.size() + 1) << 56;
    }
    return id;
}

bool SeenMessageIds::contains(QByteArrayView id) const {
    return m_set.contains(toId(id));
}

bool SeenMessageIds::insert(QByteArrayView bytes) {
    if (m_capacity == 0) {
        return true;
    }
    const Id id = toId(bytes);
    if (m_set.contains(id)) {
        return false;
    }
    if (m_ring.size() < size_t(m_capacity)) {
        m_ring.push_back(id);
    } else {
        m_set.remove(m_ring[m_next]);
        m_ring[m_next] = id;
        m_next = (m_next + 1) % m_ring.size();
    }
    m_set.insert(id);
    return true;
}

} // namespace orion::routing
