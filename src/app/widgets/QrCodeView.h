// SPDX-License-Identifier: GPL-3.0-or-later
// QrCodeView: paints a QR code as square modules of whole pixels, dark on light whatever the
// palette (scanners need the contrast), inside the quiet zone of four modules the standard
// asks for. GUI thread.
#pragma once

#include "widgets/QrCode.h"

#include <QPoint>
#include <QWidget>

namespace orion::app::widgets {

class QrCodeView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kQuietZone = 4;             // modules of light border on each side
    static constexpr int kPreferredModulePixels = 4; // smaller modules are hard to scan

    explicit QrCodeView(QWidget *parent = nullptr);

    // Encodes `text` as UTF-8; an empty text clears the view.
    void setText(const QString &text);
    QString text() const { return m_text; }
    const QrCode &code() const { return m_code; }

    // Pixels per module at the current size (0 without a code).
    int modulePixels() const;
    // The centre of a module in widget coordinates.
    QPoint moduleCentre(int row, int column) const;

    // The size at kPreferredModulePixels; the view never gets smaller than that.
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Top left pixel of module (0, 0): the code is centred.
    QPoint origin() const;

    QString m_text;
    QrCode m_code;
};

} // namespace orion::app::widgets
