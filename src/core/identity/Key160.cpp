// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/Key160.h"

#include "crypto/Random.h"
#include "util/Hex.h"

#include <bit>
#include <cstring>

namespace orion::identity {

std::optional<Key160> Key160::fromBytes(QByteArrayView bytes) {
    if (bytes.size() != kBytes) {
        return std::nullopt;
    }
    Key160 key;
    std::memcpy(key.m_bytes.data(), bytes.data(), kBytes);
    return key;
}

std::optional<Key160> Key160::fromHex(QStringView hex) {
    // Keys arrive typed or pasted by people, so either case is a key.
    Key160 key;
    if (!util::Hex::decodeInto(hex, key.m_bytes, util::Hex::Letters::AnyCase)) {
        return std::nullopt;
    }
    return key;
}

Key160 Key160::random() {
    Key160 key;
    crypto::Random::fill(key.m_bytes.data(), kBytes);
    return key;
}

Key160 Key160::randomWithPrefix(const Key160 &base, int prefixBits) {
    Key160 key = random();
    for (int i = 0; i < prefixBits && i < kBits; ++i) {
        const std::uint8_t mask = std::uint8_t(0x80 >> (i % 8));
        key.m_bytes[i / 8] =
            std::uint8_t((key.m_bytes[i / 8] & ~mask) | (base.m_bytes[i / 8] & mask));
    }
    return key;
}

QByteArray Key160::toBytes() const {
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), kBytes);
}

QString Key160::toHex() const {
    return QString::fromLatin1(toBytes().toHex());
}

bool Key160::isZero() const {
    for (auto b : m_bytes) {
        if (b) {
            return false;
        }
    }
    return true;
}

Key160 Key160::distanceTo(const Key160 &other) const {
    Key160 d;
    for (int i = 0; i < kBytes; ++i) {
        d.m_bytes[i] = m_bytes[i] ^ other.m_bytes[i];
    }
    return d;
}

int Key160::commonPrefixLength(const Key160 &other) const {
    for (int i = 0; i < kBytes; ++i) {
        const std::uint8_t x = m_bytes[i] ^ other.m_bytes[i];
        if (x) {
            return i * 8 + std::countl_zero(x);
        }
    }
    return kBits;
}

bool Key160::isCloser(const Key160 &a, const Key160 &b) const {
    for (int i = 0; i < kBytes; ++i) {
        const std::uint8_t da = m_bytes[i] ^ a.m_bytes[i];
        const std::uint8_t db = m_bytes[i] ^ b.m_bytes[i];
        if (da != db) {
            return da < db;
        }
    }
    return false;
}

} // namespace orion::identity
