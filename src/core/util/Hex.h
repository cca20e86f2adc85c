// SPDX-License-Identifier: GPL-3.0-or-later
// Hex: the one hexadecimal codec. Orion writes lowercase; its files are read strictly
// lowercase, keys a person types or pastes in either case. Stateless.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>

namespace orion::util {

class Hex {
public:
    // Which letters decode accepts. Signed and checksummed files use Lower: a file is
    // canonical, and an upper-case digit there means someone other than Orion wrote it.
    enum class Letters { Lower, AnyCase };

    static QString encode(QByteArrayView bytes);
    // Hex digits only, two per byte; with expectedBytes >= 0 the decoded size must match.
    static std::optional<QByteArray> decode(QStringView hex, qsizetype expectedBytes = -1,
                                            Letters letters = Letters::Lower);
    // Exactly 2 * out.size() digits into @p out; false (and @p out unspecified) otherwise.
    static bool decodeInto(QStringView hex, std::span<std::uint8_t> out, Letters letters);
};

} // namespace orion::util
