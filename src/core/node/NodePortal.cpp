// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodePortal.h"

#include "container/ContainerPortalHandler.h"
#include "identity/MemberRecord.h"
#include "node/BootstrapList.h"
#include "node/Node.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalServer.h"
#include "routing/Endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace orion::node {

using portal::PortalProtocol;
using portal::PortalReply;

NodePortal::NodePortal(Node *node)
    : QObject(node)
    , m_node(node)
    , m_server(new portal::PortalServer(this, this)) {}

NodePortal::~NodePortal() = default;

Status NodePortal::start() {
    return m_server->listen(portal::PortalServer::socketPathFor(m_node->profile().directory()));
}

void NodePortal::stop() {
    m_server->close();
}

QString NodePortal::socketPath() const {
    return m_server->socketPath();
}

QJsonObject NodePortal::portalStatus() {
    const NodeStatus s = m_node->status();
    QJsonArray listen;
    if (!s.listenEndpoint.isEmpty()) {
        listen.append(s.listenEndpoint);
    }
    return {
        {QStringLiteral("node_id"), s.nodeId},
        {QStringLiteral("public_key"), s.publicKey},
        {QStringLiteral("network_id"), s.networkId},
        {QStringLiteral("listen"), listen},
        {QStringLiteral("observed_address"), s.observedAddress},
        {QStringLiteral("uptime_s"), double(s.uptimeMs / 1000)},
        {QStringLiteral("connections"), s.activePeers},
        {QStringLiteral("contacts"), s.contacts},
        {QStringLiteral("buckets"), s.buckets},
        {QStringLiteral("bootstrapped"), s.bootstrapped},
        {QStringLiteral("messages_in"), double(s.messagesIn)},
        {QStringLiteral("messages_out"), double(s.messagesOut)},
        {QStringLiteral("bytes_in"), double(s.bytesIn)},
        {QStringLiteral("bytes_out"), double(s.bytesOut)},
        {QStringLiteral("agent"), identity::MemberRecord::defaultAgent()},
    };
}

QJsonArray NodePortal::portalPeers() {
    const qint64 now = m_node->clockMs();
    const identity::Key160 self = m_node->nodeId();
    QJsonArray peers;
    for (const routing::Contact &c : m_node->contacts()) {
        const bool connected = m_node->isActivePeer(c.info.id);
        peers.append(QJsonObject{
            {QStringLiteral("node_id"), c.info.id.toHex()},
            {QStringLiteral("address"), c.info.endpoint.toString()},
            {QStringLiteral("distance_bits"), self.commonPrefixLength(c.info.id)},
            {QStringLiteral("score"), c.score(now)},
            {QStringLiteral("rtt_ms"), c.rttMs ? double(c.rttMs) : -1.0},
            {QStringLiteral("last_seen_ms_ago"), double(now - c.lastSeenMs)},
            {QStringLiteral("first_seen_ms_ago"), double(now - c.firstSeenMs)},
            {QStringLiteral("failures"), int(c.failures)},
            {QStringLiteral("state"), connected        ? QStringLiteral("connected")
                                      : c.failures > 0 ? QStringLiteral("failing")
                                                       : QStringLiteral("known")},
        });
    }
    return peers;
}

PortalReply NodePortal::portalExportMember(const QJsonObject &request) {
    identity::MemberRecord record = m_node->memberRecord();
    bool changed = false;
    if (request.contains(QStringLiteral("address"))) {
        const QString address = request.value(QStringLiteral("address")).toString();
        if (!routing::Endpoint::parse(QStringLiteral("%1:1").arg(address))) {
            return PortalReply::failure(
                PortalProtocol::kBadRequest,
                QStringLiteral("\"address\" is not an IP address: %1").arg(address));
        }
        record.addresses = {address};
        changed = true;
    }
    if (request.contains(QStringLiteral("port"))) {
        const int port = request.value(QStringLiteral("port")).toInt(-1);
        if (port < 1 || port > 65535) {
            return PortalReply::failure(PortalProtocol::kBadRequest,
                                        QStringLiteral("\"port\" must be between 1 and 65535"));
        }
        record.port = quint16(port);
        changed = true;
    }
    if (changed) {
        m_node->signRecord(record);
    }
    return PortalReply::success({{QStringLiteral("member"), record.toJsonObject()}});
}

PortalReply NodePortal::portalImportMember(const QJsonObject &member) {
    auto record = identity::MemberRecord::fromJsonObject(member);
    if (!record) {
        return PortalReply::failure(PortalProtocol::kBadRequest, record.error());
    }
    if (record->nodeId == m_node->nodeId()) {
        return PortalReply::failure(PortalProtocol::kBadRequest,
                                    QStringLiteral("this is the node's own member file"));
    }
    const auto added = BootstrapList::add(m_node->profile(), *record, m_node->networkId());
    if (!added) {
        return PortalReply::failure(PortalProtocol::kRefused, added.error());
    }
    QMetaObject::invokeMethod(m_node, &Node::bootstrapNow, Qt::QueuedConnection);
    return PortalReply::success({{QStringLiteral("node_id"), record->nodeId.toHex()}});
}

void NodePortal::portalSend(const portal::PortalSendRequest &request, portal::PortalReplyFn reply) {
    Q_UNUSED(request);
    reply(PortalReply::failure(PortalProtocol::kUnavailable,
                               QStringLiteral("message routing is not available on this node")));
}

bool NodePortal::portalExtension(const QString &type, const QJsonObject &request,
                                 portal::PortalReplyFn reply) {
    if (!type.startsWith(QStringLiteral("container."))) {
        return false;
    }
    if (!m_node->containers()) {
        reply(PortalReply::failure(PortalProtocol::kUnavailable,
                                   QStringLiteral("this node does not host containers")));
        return true;
    }
    return container::ContainerPortalHandler(m_node->containers()).handle(type, request, reply);
}

} // namespace orion::node
