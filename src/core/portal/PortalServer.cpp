// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalServer.h"

#include "portal/PortalDirectory.h"
#include "portal/PortalListener.h"
#include "portal/PortalLog.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalSession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QRegularExpression>

namespace orion::portal {

PortalServer::PortalServer(PortalBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend) {}

PortalServer::~PortalServer() {
    close();
}

QString PortalServer::socketPathFor(const QString &profileDir) {
    // The same rule every client follows (docs/portal.md), so no client depends on Qt's
    // fallbacks.
    const QString canonical = QDir(profileDir).absolutePath();
    const QByteArray digest =
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return PortalDirectory::path() + QStringLiteral("/portal-") + QString::fromLatin1(digest) +
           QStringLiteral(".sock");
}

Status PortalServer::listen(const QString &socketPath) {
    close();
    if (QFileInfo::exists(socketPath)) {
        QLocalSocket probe;
        probe.connectToServer(socketPath);
        if (probe.waitForConnected(1000)) {
            probe.disconnectFromServer();
            return Status::failure(
                QStringLiteral("another node is already serving this profile (portal %1 is in use)")
                    .arg(socketPath));
        }
        qCInfo(lcPortal).noquote() << "removing stale portal socket" << socketPath;
        QFile::remove(socketPath);
    }
    QDir().mkpath(QFileInfo(socketPath).absolutePath());

    m_server = new PortalListener(this);
    if (auto ok = m_server->listen(socketPath); !ok) {
        delete m_server;
        m_server = nullptr;
        return Status::failure(
            QStringLiteral("cannot listen on portal socket %1: %2").arg(socketPath, ok.error()));
    }
    m_socketPath = socketPath;
    connect(m_server, &PortalListener::incoming, this, &PortalServer::onNewConnection);
    qCInfo(lcPortal).noquote() << "portal listening on" << socketPath;
    return Status::success();
}

void PortalServer::close() {
    const auto sessions = m_sessions;
    for (PortalSession *session : sessions) {
        session->close(QStringLiteral("portal shutting down"));
    }
    m_sessions.clear();
    m_services.clear();
    if (m_server) {
        m_server->close(); // removes the socket file
        delete m_server;
        m_server = nullptr;
    }
}

bool PortalServer::isValidServiceName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

bool PortalServer::deliver(const QString &service, const QJsonObject &event) {
    PortalSession *session = m_services.value(service);
    if (!session) {
        return false;
    }
    if (!session->sendEvent(event)) {
        qCWarning(lcPortal).noquote()
            << "client" << session->id() << "is not reading; event for" << service << "refused";
        return false;
    }
    return true;
}

void PortalServer::onNewConnection(QLocalSocket *socket) {
    auto *session = new PortalSession(socket, m_nextSessionId++, this);
    m_sessions.insert(session->id(), session);
    connect(session, &PortalSession::requestReceived, this, &PortalServer::onRequest);
    connect(session, &PortalSession::closed, this, &PortalServer::onSessionClosed);
}

void PortalServer::onSessionClosed(PortalSession *session, const QString &reason) {
    qCDebug(lcPortal).noquote() << "portal client" << session->id() << "closed:" << reason;
    const auto services = session->services();
    for (const QString &service : services) {
        if (m_services.value(service) == session) {
            m_services.remove(service);
            m_backend->portalServiceUnregistered(service);
            Q_EMIT serviceUnregistered(service);
        }
    }
    m_sessions.remove(session->id());
    session->deleteLater();
}

void PortalServer::answer(const QPointer<PortalSession> &session, const QJsonValue &id,
                          const PortalReply &reply) {
    if (!session) {
        return; // the client went away while the request was in flight
    }
    if (reply.ok) {
        session->sendReply(id, reply.result);
    } else {
        session->sendError(id, reply.errorCode, reply.errorMessage, reply.errorReason);
    }
}

void PortalServer::onRequest(PortalSession *session, const QJsonObject &request) {
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QJsonValue typeValue = request.value(QStringLiteral("type"));
    if (!typeValue.isString()) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("a request needs a string field \"type\""));
        return;
    }
    const QString type = typeValue.toString();
    const QPointer<PortalSession> guard(session);

    if (type == u"hello") {
        const int version =
            request.value(QStringLiteral("version")).toInt(PortalProtocol::kVersion);
        if (version != PortalProtocol::kVersion) {
            session->sendError(id, PortalProtocol::kUnsupportedVersion,
                               QStringLiteral("this node speaks portal protocol version %1, not %2")
                                   .arg(PortalProtocol::kVersion)
                                   .arg(version));
            return;
        }
        session->setClientName(request.value(QStringLiteral("client")).toString());
        const QJsonObject status = m_backend->portalStatus();
        session->sendReply(
            id, QJsonObject{{QStringLiteral("version"), PortalProtocol::kVersion},
                            {QStringLiteral("agent"), status.value(QStringLiteral("agent"))},
                            {QStringLiteral("node_id"), status.value(QStringLiteral("node_id"))}});
    } else if (type == u"register") {
        handleRegister(session, id, request);
    } else if (type == u"unregister") {
        handleUnregister(session, id, request);
    } else if (type == u"send") {
        handleSend(session, id, request);
    } else if (type == u"status") {
        session->sendReply(id, m_backend->portalStatus());
    } else if (type == u"peers") {
        session->sendReply(id, QJsonObject{{QStringLiteral("peers"), m_backend->portalPeers()}});
    } else if (type == u"member.export") {
        answer(guard, id, m_backend->portalExportMember(request));
    } else if (type == u"member.import") {
        const QJsonValue member = request.value(QStringLiteral("member"));
        if (!member.isObject()) {
            session->sendError(id, PortalProtocol::kBadRequest,
                               QStringLiteral("member.import needs an object field \"member\""));
            return;
        }
        answer(guard, id, m_backend->portalImportMember(member.toObject()));
    } else if (!m_backend->portalExtension(type, request, [guard, id](const PortalReply &reply) {
                   answer(guard, id, reply);
               })) {
        session->sendError(id, PortalProtocol::kUnknownType,
                           QStringLiteral("unknown request type \"%1\"").arg(type));
    }
}

void PortalServer::handleRegister(PortalSession *session, const QJsonValue &id,
                                  const QJsonObject &request) {
    const QString service = request.value(QStringLiteral("service")).toString();
    if (!isValidServiceName(service)) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("invalid service name \"%1\": 1-64 characters of "
                                          "A-Z a-z 0-9 . _ -, starting with a letter or digit")
                               .arg(service));
        return;
    }
    PortalSession *owner = m_services.value(service);
    if (owner && owner != session) {
        session->sendError(
            id, PortalProtocol::kConflict,
            QStringLiteral("service \"%1\" is registered by another client").arg(service));
        return;
    }
    if (!owner) {
        const PortalReply accepted = m_backend->portalServiceRegistered(service);
        if (!accepted.ok) {
            session->sendError(id, accepted.errorCode, accepted.errorMessage);
            return;
        }
    }
    m_services.insert(service, session);
    session->addService(service);
    if (!owner) {
        Q_EMIT serviceRegistered(service);
    }
    const QJsonObject status = m_backend->portalStatus();
    session->sendReply(
        id, QJsonObject{{QStringLiteral("service"), service},
                        {QStringLiteral("node_id"), status.value(QStringLiteral("node_id"))}});
}

void PortalServer::handleUnregister(PortalSession *session, const QJsonValue &id,
                                    const QJsonObject &request) {
    const QString service = request.value(QStringLiteral("service")).toString();
    if (m_services.value(service) != session) {
        session->sendError(
            id, PortalProtocol::kNotFound,
            QStringLiteral("service \"%1\" is not registered by this client").arg(service));
        return;
    }
    m_services.remove(service);
    session->removeService(service);
    m_backend->portalServiceUnregistered(service);
    Q_EMIT serviceUnregistered(service);
    session->sendReply(id, QJsonObject{{QStringLiteral("service"), service}});
}

void PortalServer::handleSend(PortalSession *session, const QJsonValue &id,
                              const QJsonObject &request) {
    PortalSendRequest send;
    send.target = request.value(QStringLiteral("target")).toString();
    send.service = request.value(QStringLiteral("service")).toString();
    send.body = request.value(QStringLiteral("body"));
    send.sourceService = request.value(QStringLiteral("from_service")).toString();
    send.wantReply = request.value(QStringLiteral("wait_reply")).toBool(false);
    send.wantDelivery = request.value(QStringLiteral("wait_delivery")).toBool(false);
    send.timeoutMs = request.value(QStringLiteral("timeout_ms")).toInt(10000);
    static const QRegularExpression hex40(QStringLiteral("^[0-9a-fA-F]{40}$"));
    if (!hex40.match(send.target).hasMatch()) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("\"target\" must be a key of 40 hex digits"));
        return;
    }
    if (!send.service.isEmpty() && !isValidServiceName(send.service)) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("invalid service name \"%1\"").arg(send.service));
        return;
    }
    if (!send.sourceService.isEmpty() && m_services.value(send.sourceService) != session) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("\"from_service\" %1 is not registered by this client")
                               .arg(send.sourceService));
        return;
    }
    if (request.contains(QStringLiteral("body")) == false) {
        session->sendError(id, PortalProtocol::kBadRequest, QStringLiteral("\"body\" is missing"));
        return;
    }
    if (send.timeoutMs <= 0 || send.timeoutMs > 600000) {
        session->sendError(id, PortalProtocol::kBadRequest,
                           QStringLiteral("\"timeout_ms\" must be between 1 and 600000"));
        return;
    }
    const QPointer<PortalSession> guard(session);
    m_backend->portalSend(send,
                          [guard, id](const PortalReply &reply) { answer(guard, id, reply); });
}

} // namespace orion::portal
