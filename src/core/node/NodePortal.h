// SPDX-License-Identifier: GPL-3.0-or-later
// NodePortal: the node's side of the portal. Owns the PortalServer of a running node and
// answers its requests from the node's state; bridges registered services to the node's
// local endpoints. Created by Node::start() on the node thread and lives there.
#pragma once

#include "portal/PortalBackend.h"
#include "util/Result.h"

#include <QObject>

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

private:
    Node *m_node;
    portal::PortalServer *m_server;
};

} // namespace orion::node
