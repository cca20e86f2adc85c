// SPDX-License-Identifier: GPL-3.0-or-later
// TrafficGraph: a small live graph of the last minute's messages and bytes per second, fed
// with the node's running totals from the status snapshots; one point per second, drawn in
// palette colours. GUI thread.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

namespace orion::app::widgets {

class TrafficGraph : public QWidget {
    Q_OBJECT

public:
    struct Point {
        double messagesPerSecond = 0;
        double bytesPerSecond = 0;
    };
    static constexpr int kPoints = 60;
    static constexpr int kIntervalMs = 1000;

    explicit TrafficGraph(QWidget *parent = nullptr);

    // The node's totals since start (in and out together); a smaller total than before means
    // the node restarted, and counting starts again from it.
    void setTotals(quint64 messages, quint64 bytes);
    // Closes the current point after `elapsedMs`; the widget's timer calls it every second
    // while ticking (on from the start; tests turn it off and tick themselves).
    void tick(qint64 elapsedMs);
    void setTicking(bool on);
    const QList<Point> &points() const { return m_points; }
    // "3 messages/s, 1.2 KB/s", the newest point, as the graph's caption says it.
    QString caption() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Point> m_points;
    quint64 m_messages = 0;
    quint64 m_bytes = 0;
    quint64 m_messagesAtTick = 0;
    quint64 m_bytesAtTick = 0;
    bool m_haveTotals = false;
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
};

} // namespace orion::app::widgets
