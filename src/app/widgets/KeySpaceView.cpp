// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/KeySpaceView.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>
#include <numbers>

namespace orion::app::widgets {

using facade::ContactInfo;
using facade::ContactState;

KeySpaceView::KeySpaceView(QWidget *parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void KeySpaceView::setSnapshot(const facade::RoutingSnapshot &snapshot) {
    if (snapshot == m_snapshot) {
        return;
    }
    m_snapshot = snapshot;
    update();
}

double KeySpaceView::turnOf(const identity::Key160 &key) {
    const auto &b = key.bytes();
    const quint32 lead =
        (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
    return double(lead) / 4294967296.0;
}

QSize KeySpaceView::sizeHint() const {
    const int em = fontMetrics().height();
    return {22 * em, 22 * em};
}

QSize KeySpaceView::minimumSizeHint() const {
    const int em = fontMetrics().height();
    return {12 * em, 12 * em};
}

double KeySpaceView::ringRadius() const {
    const int em = fontMetrics().height();
    return std::max(1.0, std::min(width(), height()) / 2.0 - 3.2 * em);
}

QPointF KeySpaceView::pointOnRing(double turn, double radius) const {
    const double angle = 2 * std::numbers::pi * turn - std::numbers::pi / 2;
    return QPointF(width() / 2.0 + radius * std::cos(angle),
                   height() / 2.0 + radius * std::sin(angle));
}

void KeySpaceView::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int em = fontMetrics().height();
    const double r = ringRadius();
    const QPointF centre(width() / 2.0, height() / 2.0);

    // The ring and its quarter marks (leading hex digit 0, 4, 8, c).
    p.setPen(QPen(pal.color(QPalette::Mid), std::max(1.0, em / 8.0)));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(centre, r, r);
    p.setPen(pal.color(QPalette::PlaceholderText));
    const char *marks[] = {"0x0…", "0x4…", "0x8…", "0xc…"};
    for (int i = 0; i < 4; ++i) {
        const QPointF inner = pointOnRing(i / 4.0, r - em / 3.0);
        const QPointF outer = pointOnRing(i / 4.0, r + em / 3.0);
        p.drawLine(inner, outer);
        const QPointF label = pointOnRing(i / 4.0, r + 1.4 * em);
        const QString text = QString::fromUtf8(marks[i]);
        const QRectF box(label.x() - 2 * em, label.y() - em / 2.0, 4 * em, em);
        p.drawText(box, Qt::AlignCenter, text);
    }

    if (m_snapshot.self.isZero() && m_snapshot.contacts.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No routing table yet"));
        return;
    }

    const QPointF self = pointOnRing(turnOf(m_snapshot.self), r);
    // Live connections as chords from this node.
    QColor link = pal.color(QPalette::Highlight);
    link.setAlphaF(0.45);
    p.setPen(QPen(link, std::max(1.0, em / 10.0)));
    for (const ContactInfo &c : m_snapshot.contacts) {
        if (c.state == ContactState::Connected) {
            p.drawLine(self, pointOnRing(turnOf(c.id), r));
        }
    }

    const double dot = std::max(3.0, em / 3.0);
    for (const ContactInfo &c : m_snapshot.contacts) {
        const QPointF at = pointOnRing(turnOf(c.id), r);
        QColor fill;
        switch (c.state) {
        case ContactState::Connected:
            fill = pal.color(QPalette::Highlight);
            break;
        case ContactState::Known:
            fill = pal.color(QPalette::WindowText);
            break;
        case ContactState::Failing:
        case ContactState::Replacement:
            fill = pal.color(QPalette::Mid);
            break;
        }
        p.setPen(QPen(pal.color(QPalette::Base), 1));
        p.setBrush(fill);
        p.drawEllipse(at, dot, dot);
    }

    // This node last, largest, ringed so it reads as "you are here".
    p.setPen(QPen(pal.color(QPalette::Highlight), std::max(1.5, em / 6.0)));
    p.setBrush(pal.color(QPalette::Base));
    p.drawEllipse(self, 1.8 * dot, 1.8 * dot);
    p.setBrush(pal.color(QPalette::Highlight));
    p.drawEllipse(self, 0.9 * dot, 0.9 * dot);

    p.setPen(pal.color(QPalette::WindowText));
    const QString caption =
        tr("This node: %1\n%n contact(s)", nullptr, int(m_snapshot.contacts.size()))
            .arg(m_snapshot.self.shortHex());
    p.drawText(QRectF(centre.x() - r, centre.y() - 1.5 * em, 2 * r, 3 * em), Qt::AlignCenter,
               caption);
}

bool KeySpaceView::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const double r = ringRadius();
        const double reach = std::max(6.0, fontMetrics().height() / 2.0);
        QStringList lines;
        const auto near = [&](const identity::Key160 &key) {
            const QPointF d = pointOnRing(turnOf(key), r) - QPointF(help->pos());
            return std::hypot(d.x(), d.y()) <= reach;
        };
        if (!m_snapshot.self.isZero() && near(m_snapshot.self)) {
            lines << tr("This node %1").arg(m_snapshot.self.toHex());
        }
        for (const ContactInfo &c : m_snapshot.contacts) {
            if (near(c.id)) {
                lines << tr("%1 (%2, %n common bit(s))", nullptr, c.prefixBits)
                             .arg(c.id.toHex(), c.address);
            }
        }
        if (lines.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace orion::app::widgets
