// SPDX-License-Identifier: GPL-3.0-or-later
// Listener: the TCP server socket that accepts peers and hands each new socket to its
// owner (the ConnectionManager). Lives on the node thread.
#pragma once

#include "util/Result.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace orion::net {

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
    void incoming(QTcpSocket *socket);

private:
    void onNewConnection();

    QTcpServer *m_server = nullptr;
};

} // namespace orion::net
