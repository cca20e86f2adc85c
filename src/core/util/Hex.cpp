// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Hex.h"

namespace orion::util {

QString Hex::encode(QByteArrayView bytes) {
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

std::optional<QByteArray> Hex::decode(QStringView hex, qsizetype expectedBytes) {
    if (hex.size() % 2 != 0 || (expectedBytes >= 0 && hex.size() != 2 * expectedBytes)) {
        return std::nullopt;
    }
    QByteArray out(hex.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < out.size(); ++i) {
        int byte = 0;
        for (int j = 0; j < 2; ++j) {
            const char16_t c = hex[2 * i + j].unicode();
            int nibble = -1;
            if (c >= u'0' && c <= u'9') {
                nibble = c - u'0';
            } else if (c >= u'a' && c <= u'f') {
                nibble = c - u'a' + 10;
            }
            if (nibble < 0) {
                return std::nullopt;
            }
            byte = byte * 16 + nibble;
        }
        out[i] = char(byte);
    }
    return out;
}

} // namespace orion::util
