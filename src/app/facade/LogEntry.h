// SPDX-License-Identifier: GPL-3.0-or-later
// LogEntry: one user-facing log line (level, category, increasing id). Any thread.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

struct LogEntry {
    quint64 id = 0;
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString category;
    QString message;

    friend bool operator==(const LogEntry &, const LogEntry &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::LogEntry)
