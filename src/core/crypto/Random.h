// SPDX-License-Identifier: GPL-3.0-or-later
// Random: cryptographically secure random bytes and numbers (libsodium's randombytes).
// Thread-safe, stateless.
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace orion::crypto {

class Random {
public:
    static QByteArray bytes(std::size_t count);
    static void fill(void *data, std::size_t count);
    // Uniform in [0, upperBound); 0 when upperBound is 0.
    static std::uint32_t uniform(std::uint32_t upperBound);
    static std::uint64_t u64();
};

} // namespace orion::crypto
