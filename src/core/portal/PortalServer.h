// SPDX-License-Identifier: GPL-3.0-or-later
// PortalServer: the node's local socket for applications (newline-delimited JSON, see
// docs/portal.md). Owns the listening socket, the sessions and the service registry; answers
// the core requests itself and asks the PortalBackend for node facts. Node thread.
#pragma once

#include "portal/PortalBackend.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QLocalSocket;

namespace orion::portal {

class PortalListener;
class PortalSession;

class PortalServer : public QObject {
    Q_OBJECT

public:
    explicit PortalServer(PortalBackend *backend, QObject *parent = nullptr);
    ~PortalServer() override;

    // The socket path of a profile: in the user's runtime directory, derived from the
    // profile's absolute path, so every profile has its own portal.
    static QString socketPathFor(const QString &profileDir);

    // Removes a stale socket left by a crash; refuses when a live node already serves it.
    Status listen(const QString &socketPath);
    void close();
    QString socketPath() const { return m_socketPath; }

    bool hasService(const QString &service) const { return m_services.contains(service); }
    QStringList services() const { return m_services.keys(); }
    // Pushes an event to the client that registered `service`. False when nobody has
    // registered it or the client has too much unread (the caller reports it to the sender).
    bool deliver(const QString &service, const QJsonObject &event);
    int sessionCount() const { return int(m_sessions.size()); }

    static bool isValidServiceName(const QString &name);

Q_SIGNALS:
    void serviceRegistered(const QString &service);
    void serviceUnregistered(const QString &service);

private:
    void onNewConnection(QLocalSocket *socket);
    void onRequest(PortalSession *session, const QJsonObject &request);
    void onSessionClosed(PortalSession *session, const QString &reason);
    void handleRegister(PortalSession *session, const QJsonValue &id, const QJsonObject &request);
    void handleUnregister(PortalSession *session, const QJsonValue &id, const QJsonObject &request);
    void handleSend(PortalSession *session, const QJsonValue &id, const QJsonObject &request);
    static void answer(const QPointer<PortalSession> &session, const QJsonValue &id,
                       const PortalReply &reply);

    PortalBackend *m_backend;
    PortalListener *m_server = nullptr;
    QString m_socketPath;
    quint64 m_nextSessionId = 1;
    QHash<quint64, PortalSession *> m_sessions;
    QHash<QString, PortalSession *> m_services;
};

} // namespace orion::portal
