// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Sha256.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(Sha256::kBytes == crypto_hash_sha256_BYTES);
static_assert(sizeof(crypto_hash_sha256_state) <= 128);

namespace {
crypto_hash_sha256_state *state(std::array<std::uint8_t, 128> &storage) {
    return reinterpret_cast<crypto_hash_sha256_state *>(storage.data());
}
} // namespace

Sha256::Sha256() {
    Sodium::ensureInitialized();
    crypto_hash_sha256_init(state(m_state));
}

Sha256::~Sha256() {
    sodium_memzero(m_state.data(), m_state.size());
}

Sha256 &Sha256::update(QByteArrayView data) {
    return update(reinterpret_cast<const std::uint8_t *>(data.data()), std::size_t(data.size()));
}

Sha256 &Sha256::update(const std::uint8_t *data, std::size_t size) {
    crypto_hash_sha256_update(state(m_state), data, size);
    return *this;
}

void Sha256::finish(std::uint8_t *out) {
    crypto_hash_sha256_final(state(m_state), out);
}

QByteArray Sha256::hash(QByteArrayView data) {
    QByteArray out(kBytes, Qt::Uninitialized);
    hash(reinterpret_cast<std::uint8_t *>(out.data()),
         reinterpret_cast<const std::uint8_t *>(data.data()), std::size_t(data.size()));
    return out;
}

void Sha256::hash(std::uint8_t *out, const std::uint8_t *data, std::size_t size) {
    Sodium::ensureInitialized();
    crypto_hash_sha256(out, data, size);
}

} // namespace orion::crypto
