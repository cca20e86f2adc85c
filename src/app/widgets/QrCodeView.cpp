// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/QrCodeView.h"

#include <QPainter>

namespace orion::app::widgets {

QrCodeView::QrCodeView(QWidget *parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("QR code"));
}

void QrCodeView::setText(const QString &text) {
    m_text = text;
    m_code = QrCode::encode(text.toUtf8());
    // A minimum, not only a hint: a layout must not squeeze the modules below scanning size.
    setMinimumSize(m_code.isNull() ? QSize() : sizeHint());
    updateGeometry();
    update();
}

int QrCodeView::modulePixels() const {
    if (m_code.isNull()) {
        return 0;
    }
    const int modules = m_code.size() + 2 * kQuietZone;
    return std::max(1, std::min(width(), height()) / modules);
}

QPoint QrCodeView::origin() const {
    const int pixels = modulePixels();
    const int side = (m_code.size() + 2 * kQuietZone) * pixels;
    return {(width() - side) / 2 + kQuietZone * pixels,
            (height() - side) / 2 + kQuietZone * pixels};
}

QPoint QrCodeView::moduleCentre(int row, int column) const {
    const int pixels = modulePixels();
    return origin() + QPoint(column * pixels + pixels / 2, row * pixels + pixels / 2);
}

QSize QrCodeView::sizeHint() const {
    const int modules = (m_code.isNull() ? 0 : m_code.size()) + 2 * kQuietZone;
    return {modules * kPreferredModulePixels, modules * kPreferredModulePixels};
}

void QrCodeView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    if (m_code.isNull()) {
        return;
    }
    const int pixels = modulePixels();
    const int side = (m_code.size() + 2 * kQuietZone) * pixels;
    const QPoint corner((width() - side) / 2, (height() - side) / 2);
    painter.fillRect(QRect(corner, QSize(side, side)), Qt::white);
    const QPoint start = origin();
    for (int row = 0; row < m_code.size(); ++row) {
        for (int column = 0; column < m_code.size(); ++column) {
            if (m_code.isDark(row, column)) {
                painter.fillRect(start.x() + column * pixels, start.y() + row * pixels, pixels,
                                 pixels, Qt::black);
            }
        }
    }
}

} // namespace orion::app::widgets
