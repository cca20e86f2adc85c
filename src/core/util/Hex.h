// SPDX-License-Identifier: GPL-3.0-or-later
// Hex: strict lowercase hexadecimal, the one text form of keys, IDs and signatures in
// Orion's files. Stateless.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace orion::util {

class Hex {
public:
    static QString encode(QByteArrayView bytes);
    // Lowercase hex digits only; with expectedBytes >= 0 the decoded size must match.
    static std::optional<QByteArray> decode(QStringView hex, qsizetype expectedBytes = -1);
};

} // namespace orion::util
