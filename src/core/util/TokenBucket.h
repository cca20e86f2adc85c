// SPDX-License-Identifier: GPL-3.0-or-later
// TokenBucket: a rate limit (tokens per second, refilled continuously, up to a burst).
// Plain value; used by one thread.
#pragma once

#include <QtGlobal>

#include <algorithm>

namespace orion::util {

class TokenBucket {
public:
    TokenBucket() = default;
    TokenBucket(double perSecond, double burst, qint64 nowMs)
        : m_rate(perSecond / 1000.0)
        , m_burst(burst)
        , m_tokens(burst)
        , m_lastMs(nowMs) {}

    // Takes one token if there is one.
    bool take(qint64 nowMs) {
        if (nowMs > m_lastMs) {
            m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate);
            m_lastMs = nowMs;
        }
        if (m_tokens < 1.0) {
            return false;
        }
        m_tokens -= 1.0;
        return true;
    }

    // True when the bucket has refilled to its burst: forgetting it loses nothing.
    bool isFull(qint64 nowMs) const {
        return m_tokens + double(std::max<qint64>(0, nowMs - m_lastMs)) * m_rate >= m_burst;
    }

private:
    double m_rate = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace orion::util
