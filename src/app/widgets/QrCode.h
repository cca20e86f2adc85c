// SPDX-License-Identifier: GPL-3.0-or-later
// QrCode: the module matrix of a QR code for some bytes, encoded by libqrencode in byte mode
// with error correction level M and the smallest version that holds them. Value type; any
// thread.
#pragma once

#include <QByteArray>
#include <QList>

namespace orion::app::widgets {

class QrCode {
public:
    // An empty code (no modules) when `data` is empty or too long for version 40.
    static QrCode encode(const QByteArray &data);

    bool isNull() const { return m_size == 0; }
    // Version 1 to 40; the matrix has 17 + 4 × version modules a side.
    int version() const { return m_version; }
    int size() const { return m_size; }
    // True for a dark module; row and column count from the top left, 0-based.
    bool isDark(int row, int column) const;

private:
    int m_version = 0;
    int m_size = 0;
    QList<bool> m_dark;
};

} // namespace orion::app::widgets
