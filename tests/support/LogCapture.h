// SPDX-License-Identifier: GPL-3.0-or-later
// LogCapture: records every Qt log message of the process while it lives (messages of any
// thread), and passes warnings and worse on to the previous handler. One at a time; the
// previous handler is restored on destruction.
#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace orion::test {

class LogCapture {
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // True when a message so far contains `needle`.
    bool contains(const QString &needle) const;
    int count(const QString &needle) const;
    QStringList lines() const;
    void clear();

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    mutable QMutex m_mutex;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace orion::test
