// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/TimerQueue.h"

#include <QTimerEvent>

#include <algorithm>
#include <limits>

namespace orion::util {

TimerQueue::TimerQueue(QObject *parent)
    : QObject(parent) {
    m_clock.start();
}

void TimerQueue::schedule(qint64 delayMs, std::function<void()> fn) {
    if (!fn) {
        return;
    }
    const qint64 due = m_clock.elapsed() + std::max<qint64>(0, delayMs);
    m_queue.emplace(due, std::move(fn));
    arm();
}

void TimerQueue::timerEvent(QTimerEvent *event) {
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    runDue();
}

void TimerQueue::runDue() {
    m_timer.stop();
    m_armedFor = -1;
    const qint64 now = m_clock.elapsed();
    // Only what is due now: a callback that schedules with delay 0 runs on a later turn.
    while (!m_queue.empty() && m_queue.begin()->first <= now) {
        auto fn = std::move(m_queue.begin()->second);
        m_queue.erase(m_queue.begin());
        fn();
    }
    arm();
}

void TimerQueue::arm() {
    if (m_queue.empty()) {
        m_timer.stop();
        m_armedFor = -1;
        return;
    }
    const qint64 due = m_queue.begin()->first;
    if (m_timer.isActive() && m_armedFor <= due) {
        return;
    }
    const qint64 wait =
        std::clamp<qint64>(due - m_clock.elapsed(), 0, std::numeric_limits<int>::max());
    m_armedFor = due;
    // Precise: a request time-out of 3 s should not fire 150 ms late.
    m_timer.start(int(wait), Qt::PreciseTimer, this);
}

} // namespace orion::util
