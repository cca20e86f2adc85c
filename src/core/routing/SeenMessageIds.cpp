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

void SeenMessageIds::Queue::pop_front() {
    ++m_head;
    if (m_head == m_ids.size()) {
        m_ids.clear();
        m_head = 0;
    } else if (m_head >= 32 && m_head * 2 >= m_ids.size()) {
        // Half of it is gone: move the rest to the front, so the room stays bounded.
        m_ids.erase(m_ids.begin(), m_ids.begin() + qsizetype(m_head));
        m_head = 0;
    }
}

bool SeenMessageIds::contains(QByteArrayView id) const {
    return m_set.contains(toId(id));
}

int SeenMessageIds::countFrom(const identity::Key160 &source) const {
    const auto it = m_bySource.find(source);
    return it == m_bySource.end() ? 0 : int(it->second.size());
}

void SeenMessageIds::evictOne() {
    auto heaviest = m_bySource.end();
    for (auto it = m_bySource.begin(); it != m_bySource.end(); ++it) {
        if (heaviest == m_bySource.end() || it->second.size() > heaviest->second.size()) {
            heaviest = it;
        }
    }
    if (heaviest == m_bySource.end()) {
        return;
    }
    m_set.remove(heaviest->second.front());
    heaviest->second.pop_front();
    if (heaviest->second.empty()) {
        if (m_last == &heaviest->second) {
            m_last = nullptr;
        }
        m_bySource.erase(heaviest);
    }
}

bool SeenMessageIds::insert(QByteArrayView bytes, const identity::Key160 &source) {
    if (m_capacity == 0) {
        return true;
    }
    const Id id = toId(bytes);
    if (m_set.contains(id)) {
        return false;
    }
    if (int(m_set.size()) >= m_capacity) {
        evictOne();
    }
    // Consecutive messages mostly come from the same peer: its queue is kept at hand.
    if (!m_last || m_lastSource != source) {
        m_last = &m_bySource[source];
        m_lastSource = source;
    }
    m_last->push_back(id);
    m_set.insert(id);
    return true;
}

} // namespace orion::routing
