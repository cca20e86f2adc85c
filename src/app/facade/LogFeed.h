// SPDX-License-Identifier: GPL-3.0-or-later
// LogFeed: the logs concern of the facade. Captures the process's "orion.*" log categories
// (from any thread, into a locked queue) and hands them to the GUI thread in batches.
// Lives on the GUI thread; at most one is installed as message handler at a time.
#pragma once

#include "facade/LogEntry.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

namespace orion::app::facade {

class LogFeed : public QObject {
    Q_OBJECT

public:
    static constexpr int kBatchIntervalMs = 250;
    // Entries beyond this between two batches are dropped (and counted): a log flood must
    // not grow memory without bound.
    static constexpr int kMaxPending = 5000;

    explicit LogFeed(QObject *parent = nullptr);
    ~LogFeed() override;

    // Adds an entry from any thread.
    void append(LogLevel level, const QString &category, const QString &message);
    // Delivers what is queued now (the timer does this every kBatchIntervalMs).
    void flush();

Q_SIGNALS:
    void entriesAppended(const QList<orion::app::facade::LogEntry> &entries);

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text);

    QMutex m_mutex;
    QList<LogEntry> m_pending;
    quint64 m_nextId = 1;
    quint64 m_dropped = 0;
    QTimer m_timer;
    QtMessageHandler m_previous = nullptr;
};

} // namespace orion::app::facade
