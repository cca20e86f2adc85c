// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/MessageChannel.h"

namespace orion::app::facade {

MessageChannel::MessageChannel(Dispatch dispatch, QObject *parent)
    : QObject(parent)
    , m_dispatch(std::move(dispatch)) {}

quint64 MessageChannel::send(const QString &targetHex, const QString &service,
                             const QByteArray &body) {
    const quint64 id = m_nextRequest++;
    m_dispatch(id, targetHex.trimmed().toLower(), service, body);
    return id;
}

void MessageChannel::apply(const QList<ConsoleMessage> &messages) {
    Q_EMIT messagesArrived(messages);
}

} // namespace orion::app::facade
