// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/DirectTcpServer.h"

#include "net/Logging.h"

#include <QTcpSocket>

#include <unistd.h>

namespace orion::net {

DirectTcpServer::DirectTcpServer(QObject *parent)
    : QTcpServer(parent) {}

void DirectTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor, QAbstractSocket::ConnectedState,
                                     QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        qCWarning(lcNet) << "cannot take an accepted socket:" << socket->errorString();
        delete socket;
        ::close(int(socketDescriptor));
        return;
    }
    addPendingConnection(socket);
}

} // namespace orion::net
