// SPDX-License-Identifier: GPL-3.0-or-later
// PortalSession: one connected local client of the portal. Owns its QLocalSocket, splits
// the byte stream into JSON lines and writes replies and events. Lives on the node thread.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QString>

class QLocalSocket;

namespace orion::portal {

class PortalSession : public QObject {
    Q_OBJECT

public:
    PortalSession(QLocalSocket *socket, quint64 id, QObject *parent = nullptr);
    ~PortalSession() override;

    quint64 id() const { return m_id; }
    QString clientName() const { return m_clientName; }
    void setClientName(const QString &name) { m_clientName = name; }
    QSet<QString> services() const { return m_services; }
    void addService(const QString &name) { m_services.insert(name); }
    void removeService(const QString &name) { m_services.remove(name); }

    void sendReply(const QJsonValue &requestId, const QJsonObject &result);
    void sendError(const QJsonValue &requestId, const QString &code, const QString &message,
                   const QString &reason = {});
    // Pushes an event unless the client has left too much unread; returns false then.
    bool sendEvent(const QJsonObject &event);
    // Flushes what is queued and closes.
    void close(const QString &reason);

    bool isOpen() const;
    qint64 queuedBytes() const;

Q_SIGNALS:
    void requestReceived(orion::portal::PortalSession *session, const QJsonObject &request);
    void closed(orion::portal::PortalSession *session, const QString &reason);

private:
    void onReadyRead();
    void processLine(QByteArrayView line);
    void writeObject(const QJsonObject &object);

    QLocalSocket *m_socket;
    quint64 m_id;
    QByteArray m_buffer;
    QString m_clientName;
    QSet<QString> m_services;
    bool m_closing = false;
};

} // namespace orion::portal
