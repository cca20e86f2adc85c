// SPDX-License-Identifier: GPL-3.0-or-later
// Key160: a 160-bit key in the overlay's key space (node IDs, container keys, targets),
// with the XOR metric. A plain value type; any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <array>
#include <compare>
#include <cstdint>
#include <optional>

namespace orion::identity {

class Key160 {
public:
    static constexpr int kBytes = 20;
    static constexpr int kBits = 160;

    constexpr Key160() = default;
    explicit Key160(const std::array<std::uint8_t, kBytes> &bytes)
        : m_bytes(bytes) {}

    // Exactly 20 bytes, or nullopt.
    static std::optional<Key160> fromBytes(QByteArrayView bytes);
    // Exactly 40 hex digits (either case), or nullopt.
    static std::optional<Key160> fromHex(QStringView hex);
    static Key160 random();
    // The key whose first `prefixBits` bits equal `base`'s and the rest are random:
    // used for bucket refresh lookups.
    static Key160 randomWithPrefix(const Key160 &base, int prefixBits);

    QByteArray toBytes() const;
    QString toHex() const;
    QString shortHex() const { return toHex().left(8); }

    const std::array<std::uint8_t, kBytes> &bytes() const { return m_bytes; }
    bool isZero() const;
    // Bit i counted from the most significant bit (0..159).
    bool bit(int i) const { return (m_bytes[i / 8] >> (7 - i % 8)) & 1; }

    Key160 distanceTo(const Key160 &other) const;
    // Number of leading bits shared with `other` (160 when equal).
    int commonPrefixLength(const Key160 &other) const;
    // True when `a` is strictly closer to this key than `b` by XOR distance.
    bool isCloser(const Key160 &a, const Key160 &b) const;

    // Numeric (big-endian) order, which is also the order of distances.
    friend constexpr auto operator<=>(const Key160 &, const Key160 &) = default;
    friend constexpr bool operator==(const Key160 &, const Key160 &) = default;

private:
    std::array<std::uint8_t, kBytes> m_bytes{};
};

inline size_t qHash(const Key160 &key, size_t seed = 0) {
    return qHashBits(key.bytes().data(), Key160::kBytes, seed);
}

} // namespace orion::identity

template <>
struct std::hash<orion::identity::Key160> {
    size_t operator()(const orion::identity::Key160 &key) const noexcept {
        return size_t(orion::identity::qHash(key));
    }
};

Q_DECLARE_METATYPE(orion::identity::Key160)
