// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalClient.h"

#include "portal/PortalDirectory.h"
#include "portal/PortalProtocol.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalSocket>

namespace orion::portal {

PortalClient::PortalClient() = default;
PortalClient::~PortalClient() = default;

Status PortalClient::connectToNode(const QString &socketPath, int timeoutMs) {
    if (!QFileInfo::exists(socketPath)) {
        return Status::failure(
            QStringLiteral("no portal at %1: is the node of this profile running?")
                .arg(socketPath));
    }
    m_socket = std::make_unique<QLocalSocket>();
    m_socket->connectToServer(socketPath);
    if (!m_socket->waitForConnected(timeoutMs)) {
        const QString reason = m_socket->errorString();
        m_socket.reset();
        return Status::failure(
            QStringLiteral("cannot reach the node's portal at %1 (%2): is the node running?")
                .arg(socketPath, reason));
    }
    // Whoever could bind that path could answer: talk only to a node of this user.
    if (auto ok = PortalDirectory::checkPeer(int(m_socket->socketDescriptor()), false); !ok) {
        m_socket.reset();
        return Status::failure(ErrorCode::Refused,
                               QStringLiteral("the portal at %1 is not this user's node: %2")
                                   .arg(socketPath, ok.error()));
    }
    return Status::success();
}

bool PortalClient::isConnected() const {
    return m_socket && m_socket->state() == QLocalSocket::ConnectedState;
}

void PortalClient::close() {
    if (m_socket) {
        m_socket->disconnectFromServer();
        m_socket.reset();
    }
}

std::optional<QJsonObject> PortalClient::readObject(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                          : QDeadlineTimer(timeoutMs));
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (doc.isObject()) {
                return doc.object();
            }
            continue; // the node only writes objects; skip anything else
        }
        if (!m_socket || m_socket->state() != QLocalSocket::ConnectedState) {
            if (m_socket && m_socket->bytesAvailable() > 0) {
                m_buffer += m_socket->readAll();
                continue;
            }
            return std::nullopt;
        }
        if (m_socket->bytesAvailable() == 0 &&
            !m_socket->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), INT_MAX)))) {
            if (m_socket->bytesAvailable() == 0) {
                if (deadline.hasExpired() || m_socket->state() != QLocalSocket::ConnectedState) {
                    return std::nullopt;
                }
                continue;
            }
        }
        m_buffer += m_socket->readAll();
    }
}

Result<QJsonObject> PortalClient::request(const QString &type, QJsonObject fields, int timeoutMs) {
    m_lastErrorCode.clear();
    m_lastErrorReason.clear();
    if (!isConnected()) {
        m_lastErrorCode = PortalProtocol::kUnavailable;
        return Result<QJsonObject>::failure(QStringLiteral("not connected to a node"));
    }
    const qint64 id = m_nextId++;
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("type"), type);
    QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_socket->write(line);
    m_socket->flush();

    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        auto object = readObject(int(qMax<qint64>(0, deadline.remainingTime())));
        if (!object) {
            m_lastErrorCode = PortalProtocol::kTimeout;
            return Result<QJsonObject>::failure(
                isConnected() ? QStringLiteral("no reply from the node within %1 ms").arg(timeoutMs)
                              : QStringLiteral("the node closed the connection"));
        }
        if (object->contains(QStringLiteral("event"))) {
            m_events.enqueue(*object);
            continue;
        }
        if (object->value(QStringLiteral("id")).toInteger(-1) != id) {
            // A reply without our id: the node could not read a request at all.
            if (!object->value(QStringLiteral("ok")).toBool(true)) {
                const QJsonObject error = object->value(QStringLiteral("error")).toObject();
                m_lastErrorCode = error.value(QStringLiteral("code")).toString();
                return Result<QJsonObject>::failure(
                    error.value(QStringLiteral("message")).toString());
            }
            continue;
        }
        if (object->value(QStringLiteral("ok")).toBool()) {
            return object->value(QStringLiteral("result")).toObject();
        }
        const QJsonObject error = object->value(QStringLiteral("error")).toObject();
        m_lastErrorCode = error.value(QStringLiteral("code")).toString();
        m_lastErrorReason = error.value(QStringLiteral("reason")).toString();
        return Result<QJsonObject>::failure(error.value(QStringLiteral("message")).toString());
    }
}

std::optional<QJsonObject> PortalClient::waitForEvent(int timeoutMs) {
    if (!m_events.isEmpty()) {
        return m_events.dequeue();
    }
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                          : QDeadlineTimer(timeoutMs));
    for (;;) {
        auto object =
            readObject(timeoutMs < 0 ? -1 : int(qMax<qint64>(0, deadline.remainingTime())));
        if (!object) {
            return std::nullopt;
        }
        if (object->contains(QStringLiteral("event"))) {
            return object;
        }
    }
}

} // namespace orion::portal
