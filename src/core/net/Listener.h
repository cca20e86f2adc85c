// SPDX-License-Identifier: GPL-3.0-or-later
// Listener: the TCP server socket that accepts peers and hands each new connection, as a
// PeerSocket, to its owner (the ConnectionManager). Lives on the node thread.
#pragma once

#include "util/Result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace orion::net {

class PeerSocket;

class Listener : public QObject {
    Q_OBJECT

public:
    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    Status listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;

Q_SIGNALS:
    // The receiver takes ownership of socket (it is parented to the Listener until then).
    void incoming(orion::net::PeerSocket *socket);

private:
    void onAccepted(qintptr descriptor);

    QTcpServer *m_server = nullptr;
};

} // namespace orion::net
