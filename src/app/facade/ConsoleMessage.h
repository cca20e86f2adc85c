// SPDX-License-Identifier: GPL-3.0-or-later
// ConsoleMessage: one console event as a value: a message sent, what became of it
// (delivered, a reply, an error) or a message that arrived for the console. Any thread.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

enum class ConsoleEvent {
    Sent,      // the console handed a message to the node (status: why it was refused)
    Delivered, // the destination confirmed the message `requestId` (hops: how far it went)
    Reply,     // an answer to `requestId`; peer is the answering endpoint
    Failed,    // `requestId` could not be delivered or processed; status says why
    Received,  // a message for the console's service; peer is the sending endpoint
};

struct ConsoleMessage {
    quint64 requestId = 0; // the send request it belongs to; 0 for received messages
    ConsoleEvent event = ConsoleEvent::Sent;
    QDateTime time;
    QString peer; // target (sent), answering or sending endpoint, hex
    QString service;
    QByteArray body; // UTF-8: JSON for structured bodies, the text itself for strings
    QString status;  // Sent: empty when accepted; Failed: the reason
    int hops = -1;   // Delivered: hops taken, -1 when unknown

    friend bool operator==(const ConsoleMessage &, const ConsoleMessage &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::ConsoleMessage)
