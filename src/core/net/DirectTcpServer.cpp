// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/DirectTcpServer.h"

#include "net/Logging.h"

#include <QNetworkProxy>
#include <QTcpSocket>

#include <unistd.h>

namespace orion::net {

DirectTcpServer::DirectTcpServer(QObject *parent)
    : QTcpServer(parent) {}

void DirectTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto *socket = new QTcpSocket(this);
    // Qt has no way to ask for an unbuffered accepted socket: the mode is a property of the
    // QTcpSocket that connectToHost() sets and setSocketDescriptor() keeps. A connect the
    // kernel refuses at once (to the broadcast address, without SO_BROADCAST: nothing is
    // sent) sets it. Should a Qt version not keep it, the socket is simply buffered;
    // PeerConnection works either way (tst_directtcpserver tells which it is).
    socket->setProxy(QNetworkProxy::NoProxy);
    socket->connectToHost(QHostAddress(QHostAddress::Broadcast), 9,
                          QIODevice::ReadWrite | QIODevice::Unbuffered);
    socket->abort();
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
