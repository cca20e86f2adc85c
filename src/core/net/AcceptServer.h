// SPDX-License-Identifier: GPL-3.0-or-later
// AcceptServer: a QTcpServer that hands out each accepted connection as its descriptor
// (the Listener wraps it in a PeerSocket) instead of building a QTcpSocket for it. Lives on
// the node thread.
#pragma once

#include <QTcpServer>

#include <functional>

namespace orion::net {

class AcceptServer : public QTcpServer {
    Q_OBJECT

public:
    // `accepted` owns every descriptor it is given.
    explicit AcceptServer(std::function<void(qintptr)> accepted, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::function<void(qintptr)> m_accepted;
};

} // namespace orion::net
