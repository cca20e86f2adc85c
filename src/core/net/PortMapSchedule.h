// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapSchedule: when a port mapping is asked for, renewed and retried, as a value with
// no clock or thread of its own: a granted mapping is renewed at half its lifetime (a
// router that lost it — restarted, say — grants it again then), a refused request is
// retried after a wait that doubles up to a cap (at most the renewal interval), and a mapping whose
// renewals keep failing counts as lost once its lifetime is over. The owner (PortMapper) feeds it
// times in ms.
#pragma once

#include <QtGlobal>

namespace orion::net {

class PortMapSchedule {
public:
    struct Timing {
        qint64 lifetimeSecs = 3600; // asked for; also how a permanent lease is renewed
        qint64 firstRetryMs = 5000;
        qint64 maxRetryMs = qint64{10} * 60 * 1000;
    };
    enum class Phase {
        Idle,       // not started, or stopped
        Waiting,    // a request is due at nextRequestAtMs()
        Requesting, // a request is on its way; nothing is due
    };

    explicit PortMapSchedule(Timing timing);

    // The first request is due now.
    void start(qint64 nowMs);
    void stop();
    bool isDue(qint64 nowMs) const { return m_phase == Phase::Waiting && nowMs >= m_nextAtMs; }
    // The owner sent the request that was due.
    void requestSent();
    // The router granted a mapping for `grantedSecs` (0: until deleted).
    void granted(qint64 nowMs, qint64 grantedSecs);
    // The request failed. True when a mapping held until now is to be taken as lost: it was
    // a lease the router keeps until deleted, or its lifetime is over.
    bool refused(qint64 nowMs);
    // A mapping held since the last grant is past its lifetime (checked when a retry is due).
    bool expired(qint64 nowMs) const;
    // The mapping was dropped (lost or expired): the next grant is a new one.
    void dropMapping() { m_hasMapping = false; }

    Phase phase() const { return m_phase; }
    // When the next request is due (valid while Waiting).
    qint64 nextRequestAtMs() const { return m_nextAtMs; }
    bool hasMapping() const { return m_hasMapping; }
    // Requests refused in a row (0 after a grant).
    int failures() const { return m_failures; }
    // Grants of a mapping that was already held.
    qint64 renewals() const { return m_renewals; }
    // The wait after `failures` refusals in a row.
    qint64 retryDelayMs(int failures) const;

private:
    Timing m_timing;
    Phase m_phase = Phase::Idle;
    qint64 m_nextAtMs = 0;
    bool m_hasMapping = false;
    qint64 m_expiresAtMs = 0; // -1: a lease the router keeps until deleted
    int m_failures = 0;
    qint64 m_renewals = 0;
};

} // namespace orion::net
