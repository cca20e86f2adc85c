// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Random.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

QByteArray Random::bytes(std::size_t count) {
    QByteArray out(qsizetype(count), Qt::Uninitialized);
    fill(out.data(), count);
    return out;
}

void Random::fill(void *data, std::size_t count) {
    Sodium::ensureInitialized();
    randombytes_buf(data, count);
}

std::uint32_t Random::uniform(std::uint32_t upperBound) {
    if (upperBound == 0) {
        return 0;
    }
    Sodium::ensureInitialized();
    return randombytes_uniform(upperBound);
}

std::uint64_t Random::u64() {
    std::uint64_t value = 0;
    fill(&value, sizeof value);
    return value;
}

} // namespace orion::crypto
