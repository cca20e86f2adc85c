// SPDX-License-Identifier: GPL-3.0-or-later
// MessageInput: the message one instance handles (body, keys, service). An immutable value
// copied into the instance, so it can be built on the node thread and read on a worker.
#pragma once

#include <QJsonValue>
#include <QString>

namespace orion::script {

struct MessageInput {
    QJsonValue body;  // a JSON string is the message text; any other JSON value is encoded
    QString sender;   // hex key of the source
    QString receiver; // hex key the message was addressed to
    QString service;
    QString self; // hex key of the container

    static MessageInput fromText(const QString &text) {
        MessageInput m;
        m.body = QJsonValue(text);
        return m;
    }
};

} // namespace orion::script
