// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogCapture.h"

#include <QMutexLocker>

#include <atomic>

namespace orion::test {

namespace {
// Qt's handler is a plain function: it finds the capture through this pointer.
std::atomic<LogCapture *> g_current{nullptr};
} // namespace

LogCapture::LogCapture() {
    LogCapture *expected = nullptr;
    const bool first = g_current.compare_exchange_strong(expected, this);
    Q_ASSERT_X(first, "LogCapture", "only one LogCapture may live at a time");
    Q_UNUSED(first);
    m_previous = qInstallMessageHandler(&LogCapture::handle);
}

LogCapture::~LogCapture() {
    qInstallMessageHandler(m_previous);
    g_current.store(nullptr);
}

void LogCapture::handle(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    LogCapture *self = g_current.load();
    if (!self) {
        return;
    }
    {
        QMutexLocker lock(&self->m_mutex);
        self->m_lines << message;
    }
    if (type != QtDebugMsg && type != QtInfoMsg && self->m_previous) {
        self->m_previous(type, context, message);
    }
}

bool LogCapture::contains(const QString &needle) const {
    return count(needle) > 0;
}

int LogCapture::count(const QString &needle) const {
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const QString &line : m_lines) {
        n += line.contains(needle) ? 1 : 0;
    }
    return n;
}

QStringList LogCapture::lines() const {
    QMutexLocker lock(&m_mutex);
    return m_lines;
}

void LogCapture::clear() {
    QMutexLocker lock(&m_mutex);
    m_lines.clear();
}

} // namespace orion::test
