// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PortMapSchedule.h"

#include <algorithm>

namespace orion::net {

PortMapSchedule::PortMapSchedule(Timing timing)
    : m_timing(timing) {}

void PortMapSchedule::start(qint64 nowMs) {
    m_phase = Phase::Waiting;
    m_nextAtMs = nowMs;
    m_failures = 0;
}

void PortMapSchedule::stop() {
    m_phase = Phase::Idle;
    m_hasMapping = false;
}

void PortMapSchedule::requestSent() {
    if (m_phase == Phase::Waiting) {
        m_phase = Phase::Requesting;
    }
}

void PortMapSchedule::granted(qint64 nowMs, qint64 grantedSecs) {
    if (m_phase == Phase::Idle) {
        return;
    }
    if (m_hasMapping) {
        ++m_renewals;
    }
    m_hasMapping = true;
    m_failures = 0;
    // Renewed at half the lifetime, so that a lost renewal still leaves time for retries
    // before the router lets the mapping lapse. A lease without end is asked for again as
    // often as the configured lifetime would be: that is how a router that lost it (a
    // restart) gets it back.
    const qint64 lifetimeMs = (grantedSecs > 0 ? grantedSecs : m_timing.lifetimeSecs) * 1000;
    m_expiresAtMs = grantedSecs > 0 ? nowMs + lifetimeMs : -1;
    m_nextAtMs = nowMs + std::max<qint64>(1000, lifetimeMs / 2);
    m_phase = Phase::Waiting;
}

qint64 PortMapSchedule::retryDelayMs(int failures) const {
    // Never longer than a renewal takes: a router that is back is asked no later than a
    // granted mapping would have been renewed.
    const qint64 cap = std::max(m_timing.firstRetryMs,
                                std::min(m_timing.maxRetryMs, m_timing.lifetimeSecs * 1000 / 2));
    qint64 delay = m_timing.firstRetryMs;
    for (int i = 1; i < failures && delay < cap; ++i) {
        delay *= 2;
    }
    return std::min(delay, cap);
}

bool PortMapSchedule::expired(qint64 nowMs) const {
    return m_hasMapping && m_expiresAtMs >= 0 && nowMs >= m_expiresAtMs;
}

bool PortMapSchedule::refused(qint64 nowMs) {
    if (m_phase == Phase::Idle) {
        return false;
    }
    ++m_failures;
    m_phase = Phase::Waiting;
    qint64 next = nowMs + retryDelayMs(m_failures);
    bool lost = false;
    if (m_hasMapping) {
        if (m_expiresAtMs < 0 || nowMs >= m_expiresAtMs) {
            lost = true;
        } else {
            // Still granted for a while: retry no later than its end, to notice it lapse.
            next = std::min(next, m_expiresAtMs);
        }
    }
    if (lost) {
        m_hasMapping = false;
    }
    m_nextAtMs = next;
    return lost;
}

} // namespace orion::net
