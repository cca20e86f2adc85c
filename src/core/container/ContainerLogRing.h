// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerLogRing: one container's recent user-facing log entries (script logs, errors,
// refusals) in a bounded ring with increasing ids, and its message counters. Node thread.
#pragma once

#include <QString>

#include <deque>
#include <vector>

namespace orion::container {

class ContainerLogRing {
public:
    enum class Level { Info, Warning, Error };

    struct Entry {
        quint64 id = 0;
        qint64 timeMs = 0;
        Level level = Level::Info;
        QString text;
    };

    struct Counters {
        quint64 messagesIn = 0; // accepted into the queue
        quint64 completed = 0;  // instances that ran to the end
        quint64 replies = 0;
        quint64 routes = 0;
        quint64 errors = 0; // failed instances and failed commits
        quint64 refused = 0;
        quint64 busy = 0;
    };

    // The counters with the run times derived from them, copied out for reports.
    struct Statistics {
        Counters counts;
        double meanRunMicros = 0; // over every run
        qint64 p99RunMicros = 0;  // over the last kTimingWindow runs
    };

    static constexpr size_t kDefaultCapacity = 1000;
    // Run times kept for the percentile (the most recent ones).
    static constexpr size_t kTimingWindow = 1024;

    explicit ContainerLogRing(size_t capacity = kDefaultCapacity)
        : m_capacity(capacity) {}

    quint64 append(Level level, const QString &text);
    // Puts back what an earlier run left (entries oldest first, ids increasing): the next
    // entry gets lastId + 1, so ids keep increasing across restarts.
    void restore(std::vector<Entry> entries, quint64 lastId);
    // Entries with an id greater than @p sinceId, oldest first.
    std::vector<Entry> since(quint64 sinceId) const;
    quint64 lastId() const { return m_nextId - 1; }
    // The newest entry, for writing it down; only valid right after append().
    const Entry &newest() const { return m_entries.back(); }

    Counters &counters() { return m_counters; }
    const Counters &counters() const { return m_counters; }
    void recordRun(qint64 micros);
    double meanRunMicros() const;
    qint64 p99RunMicros() const;

    Statistics statistics() const;
    static const char *levelName(Level level);

private:
    size_t m_capacity;
    std::deque<Entry> m_entries;
    quint64 m_nextId = 1;
    Counters m_counters;
    std::deque<qint64> m_recentRuns;
    long double m_totalRunMicros = 0;
    quint64 m_runs = 0;
};

} // namespace orion::container
