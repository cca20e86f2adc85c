// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Listener.h"

#include "net/AcceptServer.h"
#include "net/Logging.h"
#include "net/PeerSocket.h"

#include <QTimer>

#include <chrono>

namespace orion::net {

namespace {
// Bursts of connection attempts wait in the kernel's queue instead of being refused.
constexpr int kListenBacklog = 1024;
// After a failed accept (out of descriptors, say) the server stops accepting; it tries
// again after this long, while the connections it could not take wait in the queue.
constexpr std::chrono::milliseconds kAcceptRetry{500};
} // namespace

Listener::Listener(QObject *parent)
    : QObject(parent)
    , m_server(new AcceptServer([this](qintptr descriptor) { onAccepted(descriptor); }, this)) {
    m_server->setListenBacklogSize(kListenBacklog);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        qCWarning(lcNet).noquote() << "accept failed:" << m_server->errorString()
                                   << "- trying again in" << kAcceptRetry.count() << "ms";
        QTimer::singleShot(kAcceptRetry, this, [this] {
            if (m_server->isListening()) {
                m_server->resumeAccepting();
            }
        });
    });
}

Listener::~Listener() = default;

Status Listener::listen(const QHostAddress &address, quint16 port) {
    if (m_server->isListening()) {
        m_server->close();
    }
    if (!m_server->listen(address, port)) {
        return Status::failure(QStringLiteral("cannot listen on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_server->errorString()));
    }
    // Not logged here: the node reports where it listens itself (orion-node prints one
    // "listening on HOST:PORT" line, the desktop app shows it in its status), and a second
    // line saying the same made every start look doubled.
    return Status::success();
}

void Listener::close() {
    m_server->close();
}

bool Listener::isListening() const {
    return m_server->isListening();
}

quint16 Listener::port() const {
    return m_server->isListening() ? m_server->serverPort() : 0;
}

QHostAddress Listener::address() const {
    return m_server->serverAddress();
}

void Listener::onAccepted(qintptr descriptor) {
    if (PeerSocket *socket = PeerSocket::adopt(descriptor, this)) {
        Q_EMIT incoming(socket);
    }
}

} // namespace orion::net
