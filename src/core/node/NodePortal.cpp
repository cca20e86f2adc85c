// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodePortal.h"
#include "node/NodeView.h"

#include "container/ContainerPortalHandler.h"
#include "identity/MemberRecord.h"
#include "node/BootstrapList.h"
#include "node/Node.h"
#include "node/NodeStateWords.h"
#include "portal/PortalDirectory.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalServer.h"
#include "routing/Endpoint.h"
#include "util/Hex.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace orion::node {

using portal::PortalProtocol;
using portal::PortalReply;

namespace {
constexpr int kRecentMessages = 4096;
} // namespace

NodePortal::NodePortal(Node *node)
    : QObject(node)
    , m_node(node)
    , m_server(new portal::PortalServer(this, this)) {
    connect(node, &Node::messageReply, this, &NodePortal::onReply);
    connect(node, &Node::messageError, this, &NodePortal::onError);
    connect(node, &Node::messageDelivered, this, &NodePortal::onDelivered);
}

NodePortal::~NodePortal() = default;

Status NodePortal::start() {
    const QString path = portal::PortalServer::socketPathFor(m_node->profile().directory());
    if (auto ok = portal::PortalDirectory::prepare(QFileInfo(path).absolutePath()); !ok) {
        return Status::failure(ok.errorCode(),
                               QStringLiteral("cannot open the portal: %1").arg(ok.error()));
    }
    return m_server->listen(path);
}

void NodePortal::stop() {
    if (m_stopped) {
        return;
    }
    m_server->close(); // unregisters every client's services from the node
    m_stopped = true;
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (p.reply) {
            p.reply(PortalReply::failure(PortalProtocol::kUnavailable,
                                         QStringLiteral("the node is stopping")));
        }
    }
}

QString NodePortal::socketPath() const {
    return m_server->socketPath();
}

namespace {

// The router's port mapping as `status` shows it (docs/portal.md).
QJsonObject portMappingJson(const Reachability::Report &r) {
    const net::PortMapper::Report &m = r.portMapping;
    QJsonObject o{
        {QStringLiteral("enabled"), r.portMappingEnabled},
        {QStringLiteral("state"), net::PortMapper::stateName(m.state)},
        {QStringLiteral("protocol"), net::PortMapping::protocolName(m.mapping.protocol)},
        {QStringLiteral("confirmed"), r.mappingConfirmed},
        {QStringLiteral("failures"), m.failures},
        {QStringLiteral("renewals"), double(m.renewals)},
    };
    if (m.mapping.isValid()) {
        o.insert(QStringLiteral("external_address"), m.mapping.externalAddress.toString());
        o.insert(QStringLiteral("external_port"), m.mapping.externalPort);
        o.insert(QStringLiteral("internal_port"), m.mapping.internalPort);
        o.insert(QStringLiteral("lifetime_s"), double(m.mapping.lifetimeSecs));
        o.insert(QStringLiteral("gateway"), m.mapping.gateway);
    }
    if (!m.error.isEmpty()) {
        o.insert(QStringLiteral("error"), m.error);
    }
    return o;
}

} // namespace

QJsonObject NodePortal::portalStatus() {
    const NodeStatus s = m_node->status();
    QJsonArray listen;
    if (!s.listenEndpoint.isEmpty()) {
        listen.append(s.listenEndpoint);
    }
    QJsonArray members;
    for (const MemberCheck &c : s.memberChecks) {
        QJsonObject m{{QStringLiteral("node_id"), c.nodeId},
                      {QStringLiteral("address"), c.address},
                      {QStringLiteral("result"), MemberCheck::resultName(c.result)}};
        if (!c.reason.isEmpty()) {
            m.insert(QStringLiteral("reason"), c.reason);
        }
        members.append(m);
    }
    return {
        {QStringLiteral("state"), NodeStateWords::of(s)},
        {QStringLiteral("state_code"), NodeStateWords::code(s)},
        {QStringLiteral("node_id"), s.nodeId},
        {QStringLiteral("public_key"), s.publicKey},
        {QStringLiteral("network_id"), s.networkId},
        {QStringLiteral("listen"), listen},
        {QStringLiteral("observed_address"), s.observedAddress},
        {QStringLiteral("confirmed_address"), s.confirmedAddress},
        {QStringLiteral("address_checks_failed"), double(s.addressChecksFailed)},
        {QStringLiteral("reachability"), Reachability::stateName(s.reachability.state)},
        {QStringLiteral("external_addresses"),
         QJsonArray::fromStringList(s.reachability.externalAddresses)},
        {QStringLiteral("reachability_check"), s.reachability.lastCheck},
        {QStringLiteral("port_mapping"), portMappingJson(s.reachability)},
        {QStringLiteral("uptime_s"), double(s.uptimeMs / 1000)},
        {QStringLiteral("connections"), s.activePeers},
        {QStringLiteral("relays"), s.relays},
        {QStringLiteral("contacts"), s.contacts},
        {QStringLiteral("contacts_refused_network"), double(s.contactsRefusedNetwork)},
        {QStringLiteral("buckets"), s.buckets},
        {QStringLiteral("bootstrapped"), s.bootstrapped},
        {QStringLiteral("messages_in"), double(s.messagesIn)},
        {QStringLiteral("messages_out"), double(s.messagesOut)},
        {QStringLiteral("bytes_in"), double(s.bytesIn)},
        {QStringLiteral("bytes_out"), double(s.bytesOut)},
        {QStringLiteral("handshaking"), s.handshaking},
        {QStringLiteral("inbound_refused"),
         QJsonObject{
             {QStringLiteral("accept_rate"), double(s.transport.refusedAcceptRate)},
             {QStringLiteral("handshake_address"), double(s.transport.refusedHandshakeAddress)},
             {QStringLiteral("handshake_network"), double(s.transport.refusedHandshakeSubnet)},
             {QStringLiteral("half_open_dropped"), double(s.transport.droppedHalfOpen)},
             {QStringLiteral("inbound_limit"), double(s.transport.refusedInbound)},
             {QStringLiteral("address_limit"), double(s.transport.refusedAddress)},
         }},
        {QStringLiteral("protocol_errors"), double(s.transport.protocolErrors)},
        {QStringLiteral("routing"),
         QJsonObject{
             {QStringLiteral("delivered"), double(s.routing.delivered)},
             {QStringLiteral("forwarded"), double(s.routing.forwarded)},
             {QStringLiteral("duplicates"), double(s.routing.duplicates)},
             {QStringLiteral("hop_limit"), double(s.routing.hopLimit)},
             {QStringLiteral("no_route"), double(s.routing.noRoute)},
             {QStringLiteral("busy"), double(s.routing.busy)},
             {QStringLiteral("errors_sent"), double(s.routing.errorsSent)},
         }},
        {QStringLiteral("sealing"),
         QJsonObject{
             {QStringLiteral("sealed"), double(s.sealing.sealed)},
             {QStringLiteral("opened"), double(s.sealing.opened)},
             {QStringLiteral("not_opened"), double(s.sealing.notOpened)},
             {QStringLiteral("replays"), double(s.sealing.replays)},
             {QStringLiteral("forged_answers"), double(s.sealing.forgedAnswers)},
             {QStringLiteral("bad_reports"), double(s.sealing.badReports)},
             {QStringLiteral("unsealed"), double(s.sealing.unsealed)},
             {QStringLiteral("withheld_answers"), double(s.sealing.withheldAnswers)},
         }},
        {QStringLiteral("provider_records"), s.providerRecords},
        {QStringLiteral("provider_records_refused"), double(s.providerRecordsRefused)},
        {QStringLiteral("dials"),
         QJsonObject{
             {QStringLiteral("made"), double(s.dials.dials)},
             {QStringLiteral("refused_scope"), double(s.dials.refusedScope)},
             {QStringLiteral("refused_rate"), double(s.dials.refusedRate)},
             {QStringLiteral("refused_invalid"), double(s.dials.refusedInvalid)},
         }},
        {QStringLiteral("queues"),
         QJsonObject{
             {QStringLiteral("send_bytes"), double(s.queues.send.used)},
             {QStringLiteral("send_refused"), double(s.queues.send.refused)},
             {QStringLiteral("dial_bytes"), double(s.queues.dialBytes)},
             {QStringLiteral("dial_refused"), double(s.routing.waitingBytesRefused)},
             {QStringLiteral("container_bytes"), double(s.queues.containerBytes)},
             {QStringLiteral("container_refused"), double(s.queues.containerRefused)},
         }},
        {QStringLiteral("member_checks"), members},
        {QStringLiteral("agent"), identity::MemberRecord::defaultAgent()},
    };
}

QJsonArray NodePortal::portalPeers() {
    QJsonArray peers;
    for (const NodeView::ContactEntry &c : NodeView::contacts(*m_node)) {
        peers.append(QJsonObject{
            {QStringLiteral("node_id"), c.id.toHex()},
            {QStringLiteral("address"), c.address},
            {QStringLiteral("distance_bits"), c.prefixBits},
            {QStringLiteral("score"), c.score},
            {QStringLiteral("rtt_ms"), double(c.rttMs)},
            {QStringLiteral("last_seen_ms_ago"), double(c.lastSeenMsAgo)},
            {QStringLiteral("first_seen_ms_ago"), double(c.firstSeenMsAgo)},
            {QStringLiteral("failures"), c.failures},
            {QStringLiteral("state"), NodeView::contactStateName(c.state)},
        });
    }
    return peers;
}

PortalReply NodePortal::portalExportMember(const QJsonObject &request) {
    std::optional<QString> address;
    std::optional<int> port;
    if (request.contains(QStringLiteral("address"))) {
        address = request.value(QStringLiteral("address")).toString();
    }
    if (request.contains(QStringLiteral("port"))) {
        port = request.value(QStringLiteral("port")).toInt(-1);
    }
    identity::MemberRecord record;
    if (const auto error = NodeView::exportMember(*m_node, address, port, &record)) {
        return PortalReply::failure(PortalProtocol::kBadRequest, error->reason);
    }
    return PortalReply::success({{QStringLiteral("member"), record.toJsonObject()}});
}

PortalReply NodePortal::portalImportMember(const QJsonObject &member) {
    auto record = identity::MemberRecord::fromJsonObject(member);
    if (!record) {
        return PortalReply::failure(PortalProtocol::kBadRequest, record.error());
    }
    const NodeView::MemberImport result = NodeView::importMember(*m_node, *record);
    switch (result.verdict) {
    case NodeView::MemberImport::Verdict::Imported:
        break;
    case NodeView::MemberImport::Verdict::Malformed:
    case NodeView::MemberImport::Verdict::OwnRecord:
        return PortalReply::failure(PortalProtocol::kBadRequest, result.reason);
    case NodeView::MemberImport::Verdict::Refused:
        return PortalReply::failure(PortalProtocol::kRefused, result.reason);
    }
    return PortalReply::success({{QStringLiteral("node_id"), result.nodeId.toHex()}});
}

QJsonObject NodePortal::messageEvent(const routing::RoutedMessage &message) {
    return {
        {QStringLiteral("event"), QStringLiteral("message")},
        {QStringLiteral("service"), message.service},
        {QStringLiteral("source"), message.source.toHex()},
        {QStringLiteral("origin"), message.origin.toHex()},
        {QStringLiteral("target"), message.target.toHex()},
        {QStringLiteral("message_id"), QString::fromLatin1(message.messageId.toHex())},
        {QStringLiteral("hops"), message.hops},
        {QStringLiteral("body"), message.body.toJsonValue()},
    };
}

PortalReply NodePortal::portalServiceRegistered(const QString &service) {
    if (m_stopped) {
        return PortalReply::failure(PortalProtocol::kUnavailable,
                                    QStringLiteral("the node is stopping"));
    }
    const bool ok =
        m_node->registerService(service, [this, service](const routing::RoutedMessage &m) {
            return deliverToService(service, m);
        });
    if (!ok) {
        return PortalReply::failure(
            PortalProtocol::kConflict,
            QStringLiteral("the node reserves the service name \"%1\"").arg(service));
    }
    return PortalReply::success();
}

void NodePortal::portalServiceUnregistered(const QString &service) {
    if (!m_stopped) {
        m_node->unregisterService(service);
    }
}

routing::Delivery NodePortal::deliverToService(const QString &service,
                                               const routing::RoutedMessage &message) {
    if (!m_server->hasService(service)) {
        return routing::Delivery::NoEndpoint;
    }
    if (!m_server->deliver(service, messageEvent(message))) {
        return routing::Delivery::Busy; // the client is not reading: the sender learns of it
    }
    remember(message);
    return routing::Delivery::Accepted;
}

void NodePortal::remember(const routing::RoutedMessage &message) {
    if (m_recent.contains(message.messageId)) {
        return;
    }
    // Kept to answer the message later (reply): that needs its addresses, not its body. A
    // body of up to 1 MiB each would make 4,096 of them a place to park 4 GiB.
    routing::RoutedMessage kept = message;
    kept.body = QCborValue();
    m_recent.insert(message.messageId, std::move(kept));
    m_recentOrder.enqueue(message.messageId);
    while (m_recentOrder.size() > kRecentMessages) {
        m_recent.remove(m_recentOrder.dequeue());
    }
}

void NodePortal::portalSend(const portal::PortalSendRequest &request, portal::PortalReplyFn reply) {
    if (m_stopped) {
        reply(PortalReply::failure(PortalProtocol::kUnavailable,
                                   QStringLiteral("the node is stopping")));
        return;
    }
    const auto target = identity::Key160::fromHex(request.target);
    if (!target) {
        reply(PortalReply::failure(PortalProtocol::kBadRequest,
                                   QStringLiteral("\"target\" is not a key")));
        return;
    }
    SendOptions options;
    // The node reports a route error within its route time-out; a waiting client also
    // gets a time-out when the target takes the message but never answers.
    const bool waits = request.wantReply || request.wantDelivery;
    if (waits) {
        options.timeoutMs = request.timeoutMs;
    }
    const QByteArray id = m_node->sendMessage(*target, request.service,
                                              QCborValue::fromJsonValue(request.body), options);
    const QString idHex = QString::fromLatin1(id.toHex());
    if (!waits && request.sourceService.isEmpty()) {
        reply(PortalReply::success({{QStringLiteral("message_id"), idHex}}));
        return;
    }
    Pending pending;
    pending.fromService = request.sourceService;
    pending.messageIdHex = idHex;
    if (waits) {
        pending.reply = std::move(reply);
        pending.untilDelivered = !request.wantReply;
        const QString what = request.wantReply ? QStringLiteral("no reply within the time-out")
                                               : QStringLiteral("no receipt within the time-out");
        QTimer::singleShot(request.timeoutMs, this, [this, id, what] {
            const auto it = m_pending.find(id);
            if (it != m_pending.end() && it->reply) {
                it->reply(PortalReply::failure(PortalProtocol::kTimeout, what));
                m_pending.erase(it);
            }
        });
    } else {
        reply(PortalReply::success({{QStringLiteral("message_id"), idHex}}));
        // Answers to a non-waiting send go to the sending service as events; forget the
        // message after a while so an unanswered one does not stay forever.
        QTimer::singleShot(10 * 60 * 1000, this, [this, id] { m_pending.remove(id); });
    }
    m_pending.insert(id, std::move(pending));
}

void NodePortal::onDelivered(const QByteArray &messageId, int hops) {
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end() || !it->untilDelivered || !it->reply) {
        return;
    }
    const portal::PortalReplyFn reply = std::move(it->reply);
    it->reply = nullptr;
    it->untilDelivered = false;
    const QString idHex = it->messageIdHex;
    if (it->fromService.isEmpty()) {
        m_pending.erase(it); // nothing more to pass on
    }
    QJsonObject answer{{QStringLiteral("message_id"), idHex}, {QStringLiteral("delivered"), true}};
    if (hops >= 0) {
        answer.insert(QStringLiteral("hops"), hops);
    }
    reply(PortalReply::success(answer));
}

void NodePortal::onReply(const QByteArray &inReplyTo, const routing::RoutedMessage &message) {
    auto it = m_pending.find(inReplyTo);
    if (it == m_pending.end()) {
        return;
    }
    if (it->untilDelivered) {
        // A reply can overtake the receipt; it proves delivery all the same.
        onDelivered(inReplyTo, -1);
        it = m_pending.find(inReplyTo);
        if (it == m_pending.end()) {
            return;
        }
    }
    const Pending pending = *it;
    m_pending.erase(it);
    const QJsonObject replyObject{
        {QStringLiteral("source"), message.source.toHex()},
        {QStringLiteral("origin"), message.origin.toHex()},
        {QStringLiteral("message_id"), QString::fromLatin1(message.messageId.toHex())},
        {QStringLiteral("hops"), message.hops},
        {QStringLiteral("body"), message.body.toJsonValue()}};
    if (pending.reply) {
        pending.reply(PortalReply::success({{QStringLiteral("message_id"), pending.messageIdHex},
                                            {QStringLiteral("reply"), replyObject}}));
    } else if (!pending.fromService.isEmpty()) {
        QJsonObject event = replyObject;
        event.insert(QStringLiteral("event"), QStringLiteral("reply"));
        event.insert(QStringLiteral("service"), pending.fromService);
        event.insert(QStringLiteral("in_reply_to"), pending.messageIdHex);
        m_server->deliver(pending.fromService, event);
    }
}

void NodePortal::onError(const QByteArray &inReplyTo, int code, const QString &text) {
    const auto it = m_pending.find(inReplyTo);
    if (it == m_pending.end()) {
        return;
    }
    const Pending pending = *it;
    m_pending.erase(it);
    const auto errorCode = routing::RoutedMessage::ErrorCode(code);
    const QString name = routing::RoutedMessage::errorCodeName(errorCode);
    const QString message = text.isEmpty() ? name : QStringLiteral("%1: %2").arg(name, text);
    if (pending.reply) {
        const QString portalCode =
            errorCode == routing::RoutedMessage::ErrorCode::Timeout      ? PortalProtocol::kTimeout
            : errorCode == routing::RoutedMessage::ErrorCode::NoEndpoint ? PortalProtocol::kNotFound
                                                                         : PortalProtocol::kRefused;
        pending.reply(PortalReply::failure(portalCode, message, name));
    } else if (!pending.fromService.isEmpty()) {
        m_server->deliver(pending.fromService,
                          {{QStringLiteral("event"), QStringLiteral("error")},
                           {QStringLiteral("service"), pending.fromService},
                           {QStringLiteral("in_reply_to"), pending.messageIdHex},
                           {QStringLiteral("code"), name},
                           {QStringLiteral("message"), message}});
    }
}

void NodePortal::answerReply(const QJsonObject &request, portal::PortalReplyFn reply) {
    const QByteArray id = util::Hex::decode(request.value(QStringLiteral("message_id")).toString(),
                                            -1, util::Hex::Letters::AnyCase)
                              .value_or(QByteArray());
    const auto it = m_recent.constFind(id);
    if (it == m_recent.constEnd()) {
        reply(PortalReply::failure(PortalProtocol::kNotFound,
                                   QStringLiteral("no recently received message has that ID")));
        return;
    }
    if (!request.contains(QStringLiteral("body"))) {
        reply(PortalReply::failure(PortalProtocol::kBadRequest,
                                   QStringLiteral("\"body\" is missing")));
        return;
    }
    m_node->sendReply(*it, QCborValue::fromJsonValue(request.value(QStringLiteral("body"))));
    m_recent.remove(id); // one answer per message
    reply(PortalReply::success({{QStringLiteral("in_reply_to"), QString::fromLatin1(id.toHex())}}));
}

bool NodePortal::portalExtension(const QString &type, const QJsonObject &request,
                                 portal::PortalReplyFn reply) {
    if (type == u"reply") {
        answerReply(request, reply);
        return true;
    }
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
