// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/SingleInstance.h"

#include "crypto/Blake2b.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace orion::app::desktop {

namespace {
const QByteArray kActivate = QByteArrayLiteral("activate\n");
}

SingleInstance::SingleInstance(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_name(serverName(profileDir)) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &profileDir) {
    QFileInfo info(profileDir);
    const QString path = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const QByteArray digest = crypto::Blake2b::hash160(QDir::cleanPath(path).toUtf8());
    return QStringLiteral("orion-gui-") + QString::fromLatin1(digest.toHex().left(24));
}

bool SingleInstance::notifyRunningInstance(int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        return false;
    }
    socket.write(kActivate);
    socket.waitForBytesWritten(timeoutMs);
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleConnection);
    if (m_server->listen(m_name)) {
        return true;
    }
    // Nobody answered notifyRunningInstance, so a socket file left by a crash is stale.
    QLocalServer::removeServer(m_name);
    return m_server->listen(m_name);
}

void SingleInstance::handleConnection() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() {
            if (socket->canReadLine() && socket->readLine() == kActivate) {
                Q_EMIT activationRequested();
            }
        });
    }
}

} // namespace orion::app::desktop
