// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/LogFeed.h"

#include <QAtomicPointer>
#include <QMutexLocker>

namespace orion::app::facade {

namespace {
// qInstallMessageHandler takes a plain function, so the active feed must be reachable
// from it; this holds only the log sink, never node state.
QAtomicPointer<LogFeed> s_active;

LogLevel levelOf(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return LogLevel::Debug;
    case QtInfoMsg:
        return LogLevel::Info;
    case QtWarningMsg:
        return LogLevel::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return LogLevel::Error;
    }
    return LogLevel::Info;
}
} // namespace

LogFeed::LogFeed(QObject *parent)
    : QObject(parent) {
    m_timer.setInterval(kBatchIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LogFeed::flush);
    m_timer.start();
    if (s_active.testAndSetOrdered(nullptr, this)) {
        m_previous = qInstallMessageHandler(&LogFeed::handler);
    }
}

LogFeed::~LogFeed() {
    if (s_active.testAndSetOrdered(this, nullptr)) {
        qInstallMessageHandler(m_previous);
    }
}

void LogFeed::append(LogLevel level, const QString &category, const QString &message) {
    QMutexLocker lock(&m_mutex);
    if (m_pending.size() >= kMaxPending) {
        ++m_dropped;
        return;
    }
    m_pending.append({m_nextId++, QDateTime::currentDateTime(), level, category, message});
}

void LogFeed::flush() {
    QList<LogEntry> batch;
    {
        QMutexLocker lock(&m_mutex);
        if (m_dropped > 0) {
            m_pending.append({m_nextId++, QDateTime::currentDateTime(), LogLevel::Warning,
                              QStringLiteral("orion.gui"),
                              tr("%n log entries were dropped", nullptr, int(m_dropped))});
            m_dropped = 0;
        }
        batch.swap(m_pending);
    }
    if (!batch.isEmpty()) {
        Q_EMIT entriesAppended(batch);
    }
}

void LogFeed::handler(QtMsgType type, const QMessageLogContext &context, const QString &text) {
    LogFeed *feed = s_active.loadAcquire();
    const QString category = QString::fromUtf8(context.category ? context.category : "default");
    if (feed && category.startsWith(QLatin1String("orion"))) {
        feed->append(levelOf(type), category, text);
    }
    if (feed && feed->m_previous) {
        feed->m_previous(type, context, text);
    } else {
        // Keep the developer's terminal output when no earlier handler existed.
        const QString line = qFormatLogMessage(type, context, text);
        fprintf(stderr, "%s\n", qPrintable(line));
    }
}

} // namespace orion::app::facade
