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

void ContainerLogRing::restore(std::vector<Entry> entries, quint64 lastId) {
    m_entries.assign(std::make_move_iterator(entries.begin()),
                     std::make_move_iterator(entries.end()));
    while (m_entries.size() > m_capacity) {
        m_entries.pop_front();
    }
    m_nextId = std::max(lastId, m_entries.empty() ? 0 : m_entries.back().id) + 1;
}

std::vector<ContainerLogRing::Entry> ContainerLogRing::since(quint64 sinceId) const {
    // Ids increase, so the first wanted entry is found by bisection (entries read back
    // from the database may have gaps where a write failed).
    const auto first = std::upper_bound(m_entries.begin(), m_entries.end(), sinceId,
                                        [](quint64 id, const Entry &e) { return id < e.id; });
    return std::vector<Entry>(first, m_entries.end());
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
