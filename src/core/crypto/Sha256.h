// SPDX-License-Identifier: GPL-3.0-or-later
// Sha256: SHA-256 (crypto_hash_sha256), one-shot or incremental so secrets can be hashed
// in place without concatenating copies. The incremental state is wiped when it ends.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>

namespace orion::crypto {

class Sha256 {
public:
    static constexpr int kBytes = 32;

    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    Sha256 &update(QByteArrayView data);
    Sha256 &update(const std::uint8_t *data, std::size_t size);
    // Writes kBytes bytes to out; the object must not be updated afterwards.
    void finish(std::uint8_t *out);

    static QByteArray hash(QByteArrayView data);
    static void hash(std::uint8_t *out, const std::uint8_t *data, std::size_t size);

private:
    // Opaque storage for crypto_hash_sha256_state (104 bytes in libsodium), kept here so
    // the header need not include <sodium.h>.
    alignas(8) std::array<std::uint8_t, 128> m_state;
};

} // namespace orion::crypto
