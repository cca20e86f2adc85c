// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SeenDigests.h"

#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace orion::seal {

std::size_t SeenDigests::DigestHash::operator()(const Digest &digest) const {
    std::size_t out = 0;
    std::memcpy(&out, digest.data(), sizeof out);
    return out;
}

SeenDigests::SeenDigests(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
    , m_key(crypto::Random::bytes(32)) {
    m_set.reserve(m_capacity);
    m_ring.reserve(m_capacity);
}

SeenDigests::Digest SeenDigests::digestOf(QByteArrayView sealedPart) const {
    crypto::Sodium::ensureInitialized();
    Digest digest;
    crypto_generichash(
        digest.data(), digest.size(), reinterpret_cast<const unsigned char *>(sealedPart.data()),
        std::size_t(sealedPart.size()), reinterpret_cast<const unsigned char *>(m_key.constData()),
        std::size_t(m_key.size()));
    return digest;
}

bool SeenDigests::contains(QByteArrayView sealedPart) const {
    return m_set.count(digestOf(sealedPart)) != 0;
}

bool SeenDigests::insert(QByteArrayView sealedPart) {
    const Digest digest = digestOf(sealedPart);
    if (!m_set.insert(digest).second) {
        return false;
    }
    if (m_ring.size() < m_capacity) {
        m_ring.push_back(digest);
    } else {
        m_set.erase(m_ring[m_next]);
        m_ring[m_next] = digest;
        m_next = (m_next + 1) % m_capacity;
    }
    return true;
}

} // namespace orion::seal
