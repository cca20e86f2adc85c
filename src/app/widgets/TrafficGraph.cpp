// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TrafficGraph.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace orion::app::widgets {

TrafficGraph::TrafficGraph(QWidget *parent)
    : QWidget(parent) {
    setAccessibleName(tr("Traffic in the last minute"));
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this,
            [this]() { tick(m_sinceTick.isValid() ? m_sinceTick.restart() : kIntervalMs); });
    m_sinceTick.start();
    m_timer.start();
}

void TrafficGraph::setTotals(quint64 messages, quint64 bytes) {
    if (!m_haveTotals || messages < m_messagesAtTick || bytes < m_bytesAtTick) {
        // The first totals (or a restarted node's) are where counting starts, not traffic.
        m_messagesAtTick = messages;
        m_bytesAtTick = bytes;
        m_haveTotals = true;
    }
    m_messages = messages;
    m_bytes = bytes;
}

void TrafficGraph::setTicking(bool on) {
    if (on) {
        m_sinceTick.restart();
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

void TrafficGraph::tick(qint64 elapsedMs) {
    const double seconds = double(std::max<qint64>(elapsedMs, 1)) / 1000.0;
    Point p;
    p.messagesPerSecond = double(m_messages - m_messagesAtTick) / seconds;
    p.bytesPerSecond = double(m_bytes - m_bytesAtTick) / seconds;
    m_messagesAtTick = m_messages;
    m_bytesAtTick = m_bytes;
    m_points.append(p);
    while (m_points.size() > kPoints) {
        m_points.removeFirst();
    }
    setToolTip(caption());
    update();
}

QString TrafficGraph::caption() const {
    const Point last = m_points.isEmpty() ? Point{} : m_points.constLast();
    const QLocale locale;
    return tr("%1 messages/s, %2/s")
        .arg(locale.toString(last.messagesPerSecond, 'f', last.messagesPerSecond < 10 ? 1 : 0),
             locale.formattedDataSize(qint64(last.bytesPerSecond), 1,
                                      QLocale::DataSizeTraditionalFormat));
}

QSize TrafficGraph::sizeHint() const {
    const int em = fontMetrics().height();
    return {24 * em, 5 * em};
}

QSize TrafficGraph::minimumSizeHint() const {
    const int em = fontMetrics().height();
    return {10 * em, 3 * em};
}

void TrafficGraph::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(pal.color(QPalette::Mid));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRect(frame);

    const int line = fontMetrics().height();
    const QRectF plot = frame.adjusted(4, line + 4, -4, -4);
    // Each series on its own scale: bytes and messages differ by orders of magnitude.
    const auto draw = [&](auto value, const QColor &colour) {
        double top = 0;
        for (const Point &p : m_points) {
            top = std::max(top, value(p));
        }
        if (top <= 0 || m_points.size() < 2) {
            return;
        }
        QPainterPath path;
        const double step = plot.width() / double(kPoints - 1);
        const double x0 = plot.right() - step * double(m_points.size() - 1);
        for (int i = 0; i < m_points.size(); ++i) {
            const QPointF at(x0 + step * i,
                             plot.bottom() - plot.height() * value(m_points[i]) / top);
            if (i == 0) {
                path.moveTo(at);
            } else {
                path.lineTo(at);
            }
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colour, 1.5));
        painter.drawPath(path);
    };
    const QColor messagesColour = pal.color(QPalette::Highlight);
    const QColor bytesColour = pal.color(QPalette::Link);
    draw([](const Point &p) { return p.bytesPerSecond; }, bytesColour);
    draw([](const Point &p) { return p.messagesPerSecond; }, messagesColour);

    const Point last = m_points.isEmpty() ? Point{} : m_points.constLast();
    const QLocale locale;
    const QString messages =
        tr("%1 messages/s")
            .arg(locale.toString(last.messagesPerSecond, 'f', last.messagesPerSecond < 10 ? 1 : 0));
    const QString bytes = tr("%1/s").arg(locale.formattedDataSize(
        qint64(last.bytesPerSecond), 1, QLocale::DataSizeTraditionalFormat));
    const QRectF text = frame.adjusted(6, 2, -6, 0);
    painter.setPen(messagesColour);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, messages);
    painter.setPen(bytesColour);
    painter.drawText(text, Qt::AlignRight | Qt::AlignTop, bytes);
}

} // namespace orion::app::widgets
