// SPDX-License-Identifier: GPL-3.0-or-later
// SeenDigests: replay protection for static-key (one-shot) sealed parts, which have no
// session counter: a bounded set of the digests of recently opened sealed parts. Each digest
// is 16 bytes of BLAKE2b keyed with a per-instance random key (so no one can aim for hash
// collisions in the table); the oldest is forgotten when the set is full, so memory is
// bounded by the capacity (about 64 bytes per entry). No clock takes part: a replay is
// refused while its original is among the last `capacity` sealed parts seen. One thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace orion::seal {

class SeenDigests {
public:
    static constexpr std::size_t kDefaultCapacity = 8192;
    static constexpr int kDigestBytes = 16;

    explicit SeenDigests(std::size_t capacity = kDefaultCapacity);

    // True when the sealed part is new (and records it); false for a repeat.
    bool insert(QByteArrayView sealedPart);
    bool contains(QByteArrayView sealedPart) const;

    std::size_t size() const { return m_set.size(); }
    std::size_t capacity() const { return m_capacity; }

private:
    using Digest = std::array<std::uint8_t, kDigestBytes>;
    struct DigestHash {
        std::size_t operator()(const Digest &digest) const;
    };
    Digest digestOf(QByteArrayView sealedPart) const;

    std::size_t m_capacity;
    QByteArray m_key;
    std::unordered_set<Digest, DigestHash> m_set;
    std::vector<Digest> m_ring; // insertion order, oldest at m_next once full
    std::size_t m_next = 0;
};

} // namespace orion::seal
