// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Hex.h"

namespace orion::util {

namespace {

int nibble(char16_t c, Hex::Letters letters) {
    if (c >= u'0' && c <= u'9') {
        return c - u'0';
    }
    if (c >= u'a' && c <= u'f') {
        return c - u'a' + 10;
    }
    if (letters == Hex::Letters::AnyCase && c >= u'A' && c <= u'F') {
        return c - u'A' + 10;
    }
    return -1;
}

} // namespace

QString Hex::encode(QByteArrayView bytes) {
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

bool Hex::decodeInto(QStringView hex, std::span<std::uint8_t> out, Letters letters) {
    if (hex.size() != 2 * qsizetype(out.size())) {
        return false;
    }
    for (size_t i = 0; i < out.size(); ++i) {
        const int high = nibble(hex[qsizetype(2 * i)].unicode(), letters);
        const int low = nibble(hex[qsizetype(2 * i + 1)].unicode(), letters);
        if (high < 0 || low < 0) {
            return false;
        }
        out[i] = std::uint8_t(high * 16 + low);
    }
    return true;
}

std::optional<QByteArray> Hex::decode(QStringView hex, qsizetype expectedBytes, Letters letters) {
    if (hex.size() % 2 != 0 || (expectedBytes >= 0 && hex.size() != 2 * expectedBytes)) {
        return std::nullopt;
    }
    QByteArray out(hex.size() / 2, Qt::Uninitialized);
    if (!decodeInto(hex, {reinterpret_cast<std::uint8_t *>(out.data()), size_t(out.size())},
                    letters)) {
        return std::nullopt;
    }
    return out;
}

} // namespace orion::util
