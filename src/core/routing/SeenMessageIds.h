// SPDX-License-Identifier: GPL-3.0-or-later
// The message IDs a router saw most recently, up to a fixed count (the oldest is forgotten
// first). An ID is kept as two 64-bit words, in a hash set and a ring: about 40 bytes each,
// where a QByteArray per ID in a set and a queue cost three allocations and over 100 bytes.
#pragma once

#include <QByteArrayView>
#include <QSet>

#include <vector>

namespace orion::routing {

class SeenMessageIds {
public:
    explicit SeenMessageIds(int capacity);

    // False when the ID was seen before; otherwise remembers it. IDs of any length work;
    // those longer than 16 bytes are compared by their first 16 bytes.
    bool insert(QByteArrayView id);
    bool contains(QByteArrayView id) const;
    int size() const { return int(m_set.size()); }
    int capacity() const { return m_capacity; }

private:
    struct Id {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Id &a, const Id &b) {
            return a.high == b.high && a.low == b.low;
        }
        friend size_t qHash(const Id &id, size_t seed = 0) noexcept {
            return qHashMulti(seed, id.high, id.low);
        }
    };
    static Id toId(QByteArrayView bytes);

    int m_capacity;
    QSet<Id> m_set;
    std::vector<Id> m_ring; // grows to m_capacity, then overwritten oldest first
    size_t m_next = 0;
};

} // namespace orion::routing
