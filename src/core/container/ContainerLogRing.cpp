// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerLogRing.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace orion::container {

quint64 ContainerLogRing::append(Level level, const QString &text) {
    Entry e{m_nextId++, QDateTime::currentMSecsSinceEpoch(), level, text};
    m_entries.push_back(std::move(e));
    while (m_entries.size() > m_capacity) {
        m_entries.pop_front();
    }
    return m_nextId - 1;
}

std::vector<ContainerLogRing::Entry> ContainerLogRing::since(quint64 sinceId) const {
    // Ids are consecutive, so the first wanted entry is found by arithmetic.
    std::vector<Entry> out;
    if (m_entries.empty() || sinceId >= m_entries.back().id) {
        return out;
    }
    const quint64 first = m_entries.front().id;
    const size_t start = sinceId < first ? 0 : size_t(sinceId - first + 1);
    out.assign(m_entries.begin() + qsizetype(start), m_entries.end());
    return out;
}

void ContainerLogRing::recordRun(qint64 micros) {
    m_recentRuns.push_back(micros);
    if (m_recentRuns.size() > kTimingWindow) {
        m_recentRuns.pop_front();
    }
    m_totalRunMicros += micros;
    ++m_runs;
}

double ContainerLogRing::meanRunMicros() const {
    return m_runs ? double(m_totalRunMicros / m_runs) : 0.0;
}

qint64 ContainerLogRing::p99RunMicros() const {
    if (m_recentRuns.empty()) {
        return 0;
    }
    std::vector<qint64> sorted(m_recentRuns.begin(), m_recentRuns.end());
    const size_t index =
        std::min(sorted.size() - 1, size_t(std::ceil(0.99 * double(sorted.size()))) - 1);
    std::nth_element(sorted.begin(), sorted.begin() + qsizetype(index), sorted.end());
    return sorted[index];
}

ContainerLogRing::Statistics ContainerLogRing::statistics() const {
    return {m_counters, meanRunMicros(), p99RunMicros()};
}

const char *ContainerLogRing::levelName(Level level) {
    switch (level) {
    case Level::Info:
        return "info";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    return "?";
}

} // namespace orion::container
