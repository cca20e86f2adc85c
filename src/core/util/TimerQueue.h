// SPDX-License-Identifier: GPL-3.0-or-later
// TimerQueue: callbacks to run once after a delay, on the owner's thread, all served by one
// QBasicTimer set to the earliest deadline. A QTimer::singleShot per call costs a timer
// object and an event-loop registration that live until it fires; an overlay node sets a
// time-out for every request it sends, and most of them are answered long before.
// Callbacks still pending when the queue is destroyed never run.
#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <map>

namespace orion::util {

class TimerQueue : public QObject {
    Q_OBJECT

public:
    explicit TimerQueue(QObject *parent = nullptr);

    // Runs fn once, after delayMs (at the earliest on the next turn of the event loop);
    // callbacks due at the same time run in the order they were added.
    void schedule(qint64 delayMs, std::function<void()> fn);
    int pending() const { return int(m_queue.size()); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void runDue();
    void arm();

    QElapsedTimer m_clock;
    std::multimap<qint64, std::function<void()>> m_queue; // by due time on m_clock
    QBasicTimer m_timer;
    qint64 m_armedFor = -1;
};

} // namespace orion::util
