// SPDX-License-Identifier: GPL-3.0-or-later
// The message IDs a router saw most recently, up to a fixed count, with the peer each came
// from. When full, the oldest ID of the peer that holds the most is forgotten: a peer that
// floods new IDs pushes out its own, not those that came from the others (with a single
// queue, 16,384 IDs at the per-peer rate would flush every other peer's in under a second,
// and a message could then loop or be delivered twice). An ID is kept as two 64-bit words in
// a hash set and in its peer's queue: about 40 bytes each. Used by one thread.
#pragma once

#include "identity/Key160.h"

#include <QByteArrayView>
#include <QSet>

#include <unordered_map>
#include <vector>

namespace orion::routing {

class SeenMessageIds {
public:
    explicit SeenMessageIds(int capacity);

    // False when the ID was seen before; otherwise remembers it as come from `source`.
    // IDs of any length work; those longer than 16 bytes are compared by their first 16.
    bool insert(QByteArrayView id, const identity::Key160 &source = {});
    bool contains(QByteArrayView id) const;
    int size() const { return int(m_set.size()); }
    int capacity() const { return m_capacity; }
    // IDs remembered as come from `source`.
    int countFrom(const identity::Key160 &source) const;

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
    // One source's IDs, oldest first: a vector with a moving front. A std::deque would
    // take over half a KiB for the first ID of every source (its map and a first block);
    // this takes 16 bytes per ID and at most as much again in room.
    class Queue {
    public:
        void push_back(const Id &id) { m_ids.push_back(id); }
        const Id &front() const { return m_ids[m_head]; }
        void pop_front();
        size_t size() const { return m_ids.size() - m_head; }
        bool empty() const { return size() == 0; }

    private:
        std::vector<Id> m_ids;
        size_t m_head = 0;
    };
    static Id toId(QByteArrayView bytes);
    // Forgets the oldest ID of the source that holds the most.
    void evictOne();

    int m_capacity;
    QSet<Id> m_set;
    std::unordered_map<identity::Key160, Queue> m_bySource;
    // The queue of the source seen last (node pointers of an unordered_map stay valid).
    Queue *m_last = nullptr;
    identity::Key160 m_lastSource;
};

} // namespace orion::routing
