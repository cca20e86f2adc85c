// SPDX-License-Identifier: GPL-3.0-or-later
// MessageChannel: the messages concern of the node facade: send a body to a key and service,
// hear what arrives for the console's own service. GUI thread, owned by NodeController.
#pragma once

#include "facade/ConsoleMessage.h"

#include <QList>
#include <QObject>

#include <functional>

namespace orion::app::facade {

class MessageChannel : public QObject {
    Q_OBJECT

public:
    // The service name the console listens on and sends from.
    static constexpr const char *kConsoleService = "console";

    using Dispatch =
        std::function<void(quint64, const QString &, const QString &, const QByteArray &)>;
    explicit MessageChannel(Dispatch dispatch, QObject *parent = nullptr);

    // Returns the request id that the matching outgoing ConsoleMessage carries.
    quint64 send(const QString &targetHex, const QString &service, const QByteArray &body);
    void apply(const QList<ConsoleMessage> &messages);

Q_SIGNALS:
    // Outgoing results (status empty = handed to the network) and incoming messages.
    void messagesArrived(const QList<orion::app::facade::ConsoleMessage> &messages);

private:
    Dispatch m_dispatch;
    quint64 m_nextRequest = 1;
};

} // namespace orion::app::facade
