// SPDX-License-Identifier: GPL-3.0-or-later
// NodePortal: the node's side of the portal. Owns the PortalServer of a running node and
// answers its requests from the node's state; bridges registered services to the node's
// local endpoints. Created by Node::start() on the node thread and lives there.
#pragma once

#include "portal/PortalBackend.h"
#include "routing/Delivery.h"
#include "routing/RoutedMessage.h"
#include "util/Result.h"

#include <QHash>
#include <QObject>
#include <QQueue>

namespace orion::portal {
class PortalServer;
}

namespace orion::node {

class Node;

class NodePortal : public QObject, public portal::PortalBackend {
    Q_OBJECT

public:
    explicit NodePortal(Node *node);
    ~NodePortal() override;

    // Listens on the profile's portal socket; fails when another node serves the profile.
    Status start();
    void stop();
    QString socketPath() const;
    portal::PortalServer *server() const { return m_server; }

    // PortalBackend
    QJsonObject portalStatus() override;
    QJsonArray portalPeers() override;
    void portalSend(const portal::PortalSendRequest &request, portal::PortalReplyFn reply) override;
    portal::PortalReply portalExportMember(const QJsonObject &request) override;
    portal::PortalReply portalImportMember(const QJsonObject &member) override;
    bool portalExtension(const QString &type, const QJsonObject &request,
                         portal::PortalReplyFn reply) override;
    portal::PortalReply portalServiceRegistered(const QString &service) override;
    void portalServiceUnregistered(const QString &service) override;

    // The event a client receives for a routed message (docs/portal.md).
    static QJsonObject messageEvent(const routing::RoutedMessage &message);

private:
    // A message sent through the portal whose answer someone waits for.
    struct Pending {
        QString fromService;         // push replies and errors to this service, if set
        portal::PortalReplyFn reply; // the waiting send request, if wait_reply/wait_delivery
        QString messageIdHex;
        bool untilDelivered = false; // reply answers on the receipt, not on a reply
    };

    routing::Delivery deliverToService(const QString &service,
                                       const routing::RoutedMessage &message);
    void onReply(const QByteArray &inReplyTo, const routing::RoutedMessage &reply);
    void onError(const QByteArray &inReplyTo, int code, const QString &text);
    void onDelivered(const QByteArray &messageId, int hops);
    void answerReply(const QJsonObject &request, portal::PortalReplyFn reply);
    void remember(const routing::RoutedMessage &message);

    Node *m_node;
    portal::PortalServer *m_server;
    bool m_stopped = false;
    QHash<QByteArray, Pending> m_pending;
    // Recently delivered data messages, so a client can answer them with "reply".
    QHash<QByteArray, routing::RoutedMessage> m_recent;
    QQueue<QByteArray> m_recentOrder;
};

} // namespace orion::node
