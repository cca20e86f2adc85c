// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/AcceptServer.h"

#include <unistd.h>

namespace orion::net {

AcceptServer::AcceptServer(std::function<void(qintptr)> accepted, QObject *parent)
    : QTcpServer(parent)
    , m_accepted(std::move(accepted)) {}

void AcceptServer::incomingConnection(qintptr socketDescriptor) {
    if (m_accepted) {
        m_accepted(socketDescriptor);
    } else {
        ::close(int(socketDescriptor));
    }
}

} // namespace orion::net
