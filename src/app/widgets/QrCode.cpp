// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/QrCode.h"

#include <qrencode.h>

#include <memory>

namespace orion::app::widgets {

QrCode QrCode::encode(const QByteArray &data) {
    QrCode code;
    if (data.isEmpty()) {
        return code;
    }
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
        QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char *>(data.data()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!encoded) {
        return code;
    }
    code.m_version = encoded->version;
    code.m_size = encoded->width;
    code.m_dark.resize(qsizetype(code.m_size) * code.m_size);
    for (qsizetype i = 0; i < code.m_dark.size(); ++i) {
        // Bit 0 of each byte is the module's colour; the others say what it is part of.
        code.m_dark[i] = (encoded->data[i] & 1) != 0;
    }
    return code;
}

bool QrCode::isDark(int row, int column) const {
    if (row < 0 || column < 0 || row >= m_size || column >= m_size) {
        return false;
    }
    return m_dark.at(qsizetype(row) * m_size + column);
}

} // namespace orion::app::widgets
