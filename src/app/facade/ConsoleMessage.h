// SPDX-License-Identifier: GPL-3.0-or-later
// ConsoleMessage: one message the console sent or received, as a value. Any thread.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

struct ConsoleMessage {
    quint64 requestId = 0; // the send request it answers; 0 for incoming messages
    bool incoming = false;
    QDateTime time;
    QString peer; // origin (incoming) or target (outgoing) key, hex
    QString service;
    QByteArray body;
    QString status; // "" when delivered/received, otherwise why it failed

    friend bool operator==(const ConsoleMessage &, const ConsoleMessage &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::ConsoleMessage)
