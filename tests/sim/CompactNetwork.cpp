// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompactNetwork.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace orion::sim {

using identity::Key160;

namespace {

constexpr quint32 kEmpty = 0xffffffff;

using Sorted = std::vector<std::pair<Key160, quint32>>;

// The members of `sorted` whose first `prefixBits` bits equal those of `key`.
std::pair<Sorted::const_iterator, Sorted::const_iterator>
rangeOf(const Sorted &sorted, const Key160 &key, int prefixBits) {
    auto lo = key.bytes();
    auto hi = key.bytes();
    for (int bit = prefixBits; bit < Key160::kBits; ++bit) {
        const quint8 mask = quint8(0x80 >> (bit % 8));
        lo[size_t(bit / 8)] &= quint8(~mask);
        hi[size_t(bit / 8)] |= mask;
    }
    auto first = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(Key160(lo), 0u));
    auto last = std::upper_bound(sorted.begin(), sorted.end(), std::make_pair(Key160(hi), kEmpty));
    return {first, last};
}

} // namespace

CompactNetwork::CompactNetwork(const Config &config)
    : m_config(config)
    , m_rng(config.seed) {
    m_config.k = std::clamp(m_config.k, 1, 255);
}

void CompactNetwork::reserve(int nodes) {
    // Tables end where a node is alone with its prefix: about log2(N) buckets, a few more
    // for the unlucky; the slots grow past this if need be.
    const auto buckets = size_t(std::ceil(std::log2(std::max(2, nodes)))) + 4;
    m_slots.reserve(size_t(nodes) * buckets * size_t(m_config.k));
    m_fill.reserve(size_t(nodes) * buckets);
    m_ids.reserve(size_t(nodes));
    m_places.reserve(size_t(nodes));
    m_alive.reserve(size_t(nodes));
    m_bucketCount.reserve(size_t(nodes));
    m_tableStart.reserve(size_t(nodes));
}

int CompactNetwork::addNode() {
    std::array<quint8, Key160::kBytes> bytes{};
    for (size_t i = 0; i < bytes.size(); i += 8) {
        const quint64 r = m_rng();
        std::memcpy(bytes.data() + i, &r, std::min<size_t>(8, bytes.size() - i));
    }
    m_ids.emplace_back(bytes);
    m_places.push_back(LatencyModel::place(m_rng));
    m_alive.push_back(1);
    m_bucketCount.push_back(0);
    m_tableStart.push_back(0);
    return int(m_ids.size()) - 1;
}

void CompactNetwork::kill(int node) {
    m_alive[size_t(node)] = 0;
}

std::vector<int> CompactNetwork::aliveNodes() const {
    std::vector<int> out;
    out.reserve(m_ids.size());
    for (int i = 0; i < nodeCount(); ++i) {
        if (m_alive[size_t(i)]) {
            out.push_back(i);
        }
    }
    return out;
}

void CompactNetwork::fillTables() {
    Sorted sorted;
    std::vector<int> fresh;
    for (quint32 i = 0; i < m_ids.size(); ++i) {
        if (m_alive[i]) {
            sorted.emplace_back(m_ids[i], i);
            if (!hasTable(int(i))) {
                fresh.push_back(int(i));
            }
        }
    }
    std::sort(sorted.begin(), sorted.end());
    const auto k = size_t(m_config.k);
    std::vector<size_t> picks;
    std::vector<std::vector<quint32>> buckets;
    for (int node : fresh) {
        const Key160 self = m_ids[size_t(node)];
        buckets.clear();
        for (int depth = 0; depth < Key160::kBits; ++depth) {
            // Our prefix of length depth+1 with its last bit flipped: bucket `depth`.
            auto flipped = self.bytes();
            flipped[size_t(depth / 8)] ^= quint8(0x80 >> (depth % 8));
            const auto [first, last] = rangeOf(sorted, Key160(flipped), depth + 1);
            const auto count = size_t(last - first);
            picks.clear();
            if (count <= k) {
                for (size_t i = 0; i < count; ++i) {
                    picks.push_back(i);
                }
            } else {
                while (picks.size() < k) {
                    const size_t p = size_t(m_rng() % count);
                    if (std::find(picks.begin(), picks.end(), p) == picks.end()) {
                        picks.push_back(p);
                    }
                }
            }
            auto &b = buckets.emplace_back();
            for (size_t p : picks) {
                b.push_back((first + qsizetype(p))->second);
            }
            // Nobody else shares our prefix this deep: the table has no deeper bucket.
            const auto [ownFirst, ownLast] = rangeOf(sorted, self, depth + 1);
            if (ownLast - ownFirst <= 1) {
                break;
            }
        }
        m_tableStart[size_t(node)] = m_slots.size();
        m_bucketCount[size_t(node)] = quint8(buckets.size());
        for (const auto &b : buckets) {
            m_fill.push_back(quint8(b.size()));
            m_slots.insert(m_slots.end(), b.begin(), b.end());
            m_slots.insert(m_slots.end(), k - b.size(), kEmpty);
        }
    }
    // Newcomers become known where their bootstrap's own-ID lookup asks: their k closest.
    if (fresh.size() == sorted.size()) {
        return;
    }
    std::vector<bool> isFresh(m_ids.size(), false);
    for (int node : fresh) {
        isFresh[size_t(node)] = true;
    }
    std::vector<int> near;
    for (int node : fresh) {
        const Key160 &self = m_ids[size_t(node)];
        int prefix = 40;
        auto range = rangeOf(sorted, self, prefix);
        while (prefix > 0 && size_t(range.second - range.first) <= k) {
            range = rangeOf(sorted, self, --prefix);
        }
        near.clear();
        for (auto it = range.first; it != range.second; ++it) {
            if (int(it->second) != node && !isFresh[it->second]) {
                near.push_back(int(it->second));
            }
        }
        const auto n = std::min(near.size(), k);
        std::partial_sort(near.begin(), near.begin() + qsizetype(n), near.end(), [&](int a, int b) {
            return self.isCloser(m_ids[size_t(a)], m_ids[size_t(b)]);
        });
        for (size_t i = 0; i < n; ++i) {
            insert(near[i], node);
        }
    }
}

void CompactNetwork::insert(int node, int contact) {
    const int last = bucketCount(node) - 1;
    const int b = std::min(m_ids[size_t(node)].commonPrefixLength(m_ids[size_t(contact)]), last);
    quint8 &fill = m_fill[group(node, b)];
    if (fill < m_config.k && positionIn(node, contact) < 0) {
        m_slots[slot(node, b) + fill] = quint32(contact);
        ++fill;
    }
}

std::vector<int> CompactNetwork::bucket(int node, int bucket) const {
    std::vector<int> out;
    const size_t first = slot(node, bucket);
    for (size_t i = 0; i < m_fill[group(node, bucket)]; ++i) {
        out.push_back(int(m_slots[first + i]));
    }
    return out;
}

std::size_t CompactNetwork::contactCount(int node) const {
    std::size_t n = 0;
    for (int b = 0; b < bucketCount(node); ++b) {
        n += m_fill[group(node, b)];
    }
    return n;
}

int CompactNetwork::positionIn(int node, int contact) const {
    const int last = bucketCount(node) - 1;
    if (last < 0 || node == contact) {
        return -1;
    }
    const int b = std::min(m_ids[size_t(node)].commonPrefixLength(m_ids[size_t(contact)]), last);
    const size_t first = slot(node, b);
    for (size_t i = 0; i < m_fill[group(node, b)]; ++i) {
        if (m_slots[first + i] == quint32(contact)) {
            return int(i);
        }
    }
    return -1;
}

bool CompactNetwork::connected(int a, int b) const {
    const int c = m_config.connectedPerBucket;
    const int ab = positionIn(a, b);
    if (ab >= 0 && ab < c) {
        return true;
    }
    const int ba = positionIn(b, a);
    return ba >= 0 && ba < c;
}

void CompactNetwork::closestContacts(int node, const Key160 &target, int count,
                                     std::vector<int> &out) const {
    // RoutingTable::closest over index buckets: the target's own bucket and the deeper ones
    // (all at the same top distance bit), sorted; then each shallower one, each farther away.
    out.clear();
    const int buckets = bucketCount(node);
    if (count <= 0 || buckets == 0) {
        return;
    }
    auto byDistance = [&](int a, int b) {
        return target.isCloser(m_ids[size_t(a)], m_ids[size_t(b)]);
    };
    auto append = [&](int b) {
        const size_t first = slot(node, b);
        for (size_t i = 0; i < m_fill[group(node, b)]; ++i) {
            out.push_back(int(m_slots[first + i]));
        }
    };
    const int last = buckets - 1;
    const int home = std::min(m_ids[size_t(node)].commonPrefixLength(target), last);
    for (int i = home; i <= last; ++i) {
        append(i);
    }
    std::sort(out.begin(), out.end(), byDistance);
    for (int i = home - 1; i >= 0 && int(out.size()) < count; --i) {
        const auto begin = out.size();
        append(i);
        std::sort(out.begin() + qsizetype(begin), out.end(), byDistance);
    }
    if (int(out.size()) > count) {
        out.resize(size_t(count));
    }
}

std::size_t CompactNetwork::bytes() const {
    return m_ids.capacity() * sizeof(Key160) + m_places.capacity() * sizeof(LatencyModel::Place) +
           m_alive.capacity() + m_bucketCount.capacity() +
           m_tableStart.capacity() * sizeof(quint64) + m_fill.capacity() +
           m_slots.capacity() * sizeof(quint32);
}

} // namespace orion::sim
