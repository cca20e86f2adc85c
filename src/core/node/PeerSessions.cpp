// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/PeerSessions.h"

#include "net/ConnectionManager.h"
#include "net/PeerConnection.h"
#include "node/ConnectionPolicy.h"
#include "node/DialBack.h"
#include "node/NodeLog.h"
#include "overlay/MessageCodec.h"
#include "overlay/OverlayEngine.h"
#include "overlay/ProviderDirectory.h"
#include "routing/Router.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace orion::node {

using identity::Key160;
using overlay::MessageCodec;
using overlay::MessageType;
using routing::Endpoint;
using routing::NodeInfo;
using routing::RoutedMessage;
using SendResult = routing::RouterHost::SendResult;

PeerSessions::PeerSessions(const Key160 &self, QByteArray networkId, const NodeConfig &config,
                           net::ConnectionManager *connections, RecordSource memberRecord,
                           Clock clock, QObject *parent)
    : QObject(parent)
    , m_self(self)
    , m_networkId(std::move(networkId))
    , m_config(config)
    , m_connections(connections)
    , m_memberRecord(std::move(memberRecord))
    , m_clock(std::move(clock))
    , m_dialPolicy(config.dial, m_clock()) {}

void PeerSessions::attach(Parts parts) {
    m_parts = parts;
    connect(m_connections, &net::ConnectionManager::connectionEstablished, this,
            &PeerSessions::onEstablished);
    connect(m_connections, &net::ConnectionManager::connectionClosed, this,
            &PeerSessions::onClosed);
    connect(m_connections, &net::ConnectionManager::messageReceived, this,
            &PeerSessions::onMessage);
}

void PeerSessions::stop() {
    m_stopping = true;
}

void PeerSessions::pause() {
    m_paused = true;
    m_connections->stopListening();
    m_connections->closeAll(QStringLiteral("node paused"));
    m_outbox.clear();
}

Status PeerSessions::resume(const std::optional<routing::Endpoint> &listen) {
    if (listen) {
        if (auto ok = m_connections->listen(listen->address(), listen->port()); !ok) {
            return ok;
        }
    }
    m_paused = false;
    return Status::success();
}

void PeerSessions::closeAll(const QString &reason, std::function<void()> done) {
    m_connections->closeAll(reason);
    // Give the goodbyes a moment to leave.
    auto *poll = new QTimer(this);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(poll, &QTimer::timeout, this, [this, poll, waited, done = std::move(done)] {
        if (m_connections->connections().isEmpty() || waited->elapsed() > kGoodbyeMs) {
            poll->stop();
            poll->deleteLater();
            done();
        }
    });
    poll->start(10);
}

bool PeerSessions::usable(const Session &session) {
    return session.active && session.connection && session.connection->isEstablished();
}

bool PeerSessions::isActivePeer(const Key160 &id) const {
    for (const auto &[connection, session] : m_sessions) {
        if (session.peer.id == id && usable(session)) {
            return true;
        }
    }
    return false;
}

int PeerSessions::activeCount() const {
    int n = 0;
    for (const auto &[connection, session] : m_sessions) {
        n += session.active ? 1 : 0;
    }
    return n;
}

std::vector<net::PeerConnection *> PeerSessions::activeConnections() const {
    std::vector<net::PeerConnection *> out;
    for (const auto &[connection, session] : m_sessions) {
        if (usable(session)) {
            out.push_back(connection);
        }
    }
    std::stable_partition(out.begin(), out.end(),
                          [](const net::PeerConnection *c) { return !c->isInbound(); });
    return out;
}

PeerSessions::Traffic PeerSessions::traffic() const {
    Traffic t = m_closed;
    for (const auto *c : m_connections->connections()) {
        t.bytesIn += c->bytesReceived();
        t.bytesOut += c->bytesSent();
        t.messagesIn += c->messagesReceived();
        t.messagesOut += c->messagesSent();
    }
    return t;
}

// --- Activation ----------------------------------------------------------------------

QCborValue PeerSessions::activationMessage(bool confirmation,
                                           net::PeerConnection *connection) const {
    overlay::ActivationMessage m;
    m.confirmation = confirmation;
    m.record = m_memberRecord().toCborMap();
    m.observed = Endpoint(connection->remoteAddress(), connection->remotePort());
    return MessageCodec::encodeActivation(m);
}

void PeerSessions::onEstablished(net::PeerConnection *connection) {
    if (m_stopping || m_paused) {
        connection->close(QStringLiteral("node stopping"));
        return;
    }
    m_sessions.emplace(connection, Session{connection, {}, false, 0, {}});
    if (!connection->isInbound()) {
        connection->send(activationMessage(false, connection));
    }
}

void PeerSessions::reject(net::PeerConnection *connection, const QString &reason) {
    qCWarning(lcNode).noquote() << "closing" << connection->describe() << ":" << reason;
    connection->close(reason);
}

void PeerSessions::handleActivation(Session &session, const QCborValue &message) {
    net::PeerConnection *connection = session.connection;
    auto activation = MessageCodec::decodeActivation(message);
    if (!activation) {
        reject(connection, activation.error());
        return;
    }
    auto record = identity::MemberRecord::fromCborMap(activation->record);
    if (!record) {
        reject(connection, QStringLiteral("activation record malformed: %1").arg(record.error()));
        return;
    }
    if (auto ok = record->verifyForNetwork(m_networkId); !ok) {
        reject(connection, QStringLiteral("activation record rejected: %1").arg(ok.error()));
        return;
    }
    if (record->publicKey != connection->remotePublicKey()) {
        reject(connection, QStringLiteral("activation record key differs from the handshake key"));
        return;
    }
    if (!activation->observed.isNull() && !connection->isInbound()) {
        m_parts.engine->recordObservedAddress(
            record->nodeId, activation->observed,
            Endpoint(connection->remoteAddress(), connection->remotePort()));
    }
    const auto peer = NodeInfo::fromPublicKey(
        record->publicKey, Endpoint::dialable(*record, connection->remoteAddress()));
    if (!activation->confirmation) {
        connection->send(activationMessage(true, connection));
    }
    activate(session, *peer);
}

void PeerSessions::activate(Session &session, const NodeInfo &peer) {
    session.active = true;
    session.peer = peer;
    net::PeerConnection *connection = session.connection;
    qCDebug(lcNode).noquote() << m_self.shortHex() << "activated" << peer.id.shortHex()
                              << peer.endpoint.toString();
    const qint64 now = m_clock();
    session.lastUsedMs = now;
    session.routedBudget =
        util::TokenBucket(m_config.routedPerSecondPerPeer, m_config.routedBurstPerPeer, now);
    m_parts.engine->handlePeerActivated(
        peer, Endpoint(connection->remoteAddress(), connection->remotePort()));
    flushOutbox(peer, connection);
    if (!m_live.contains(peer.id) && mayRelay(peer, *connection)) {
        m_liveIds.push_back(peer.id);
    }
    m_live.insert_or_assign(peer.id, connection);
    m_parts.router->peerUp(peer.id);
    Q_EMIT peerActivated(peer.id.toHex());
}

// --- What peers send -----------------------------------------------------------------

void PeerSessions::onMessage(net::PeerConnection *connection, const QCborValue &message) {
    auto it = m_sessions.find(connection);
    if (it == m_sessions.end() || m_stopping) {
        return;
    }
    Session &session = it->second;
    session.lastUsedMs = m_clock();
    const int type = MessageCodec::typeOf(message);
    if (type < 0) {
        reject(connection, QStringLiteral("message is not a map with a type"));
        return;
    }
    if (!session.active) {
        const bool inbound = connection->isInbound();
        if ((inbound && type == int(MessageType::Activation)) ||
            (!inbound && type == int(MessageType::Confirmation))) {
            handleActivation(session, message);
        } else {
            reject(connection, QStringLiteral("message of type %1 before activation").arg(type));
        }
        return;
    }
    if (!connection->isEstablished() &&
        (type == int(MessageType::Ping) || type == int(MessageType::FindNode))) {
        // A request that crossed our goodbye: answering would dial the peer again, and the
        // peer asks once more anyway when it sees the goodbye. Routed messages and replies
        // on a closing connection are handled as usual.
        return;
    }
    switch (MessageType(type)) {
    case MessageType::Activation:
    case MessageType::Confirmation:
        reject(connection, QStringLiteral("repeated activation"));
        return;
    case MessageType::Routed:
        handleRouted(session, message.toMap());
        return;
    case MessageType::DialBack:
    case MessageType::DialBackResult:
        if (m_parts.dialBack) {
            m_parts.dialBack->handleMessage(connection, message.toMap());
            return;
        }
        break;
    case MessageType::Ping:
    case MessageType::Pong:
    case MessageType::FindNode:
    case MessageType::Nodes:
    case MessageType::Error:
    case MessageType::AddProvider:
    case MessageType::GetProviders:
    case MessageType::Providers:
        break;
    default:
        qCInfo(lcNode).noquote() << "unknown message type" << type << "from"
                                 << session.peer.id.shortHex();
        connection->send(MessageCodec::encode(
            MessageCodec::errorFor(overlay::ErrorCode::UnknownType, type,
                                   QStringLiteral("unknown message type %1").arg(type))));
        return;
    }
    int dropped = 0;
    auto decoded = MessageCodec::decode(message, &dropped);
    if (!decoded) {
        reject(connection, QStringLiteral("malformed message: %1").arg(decoded.error()));
        return;
    }
    if (dropped > 0) {
        qCWarning(lcNode).noquote() << "dropped" << dropped << "unusable entries of a type" << type
                                    << "message from" << session.peer.id.shortHex();
    }
    if (!m_parts.providers->handleMessage(session.peer, *decoded)) {
        m_parts.engine->handleMessage(
            session.peer, *decoded,
            Endpoint(connection->remoteAddress(), connection->remotePort()));
    }
}

std::optional<QByteArray> PeerSessions::liveKey(const Key160 &peer) const {
    const auto it = m_live.find(peer);
    if (it == m_live.end() || !it->second) {
        return std::nullopt;
    }
    return it->second->remotePublicKey();
}

std::vector<NodeInfo> PeerSessions::liveRelays() const {
    std::vector<NodeInfo> relays;
    for (const auto &[connection, session] : m_sessions) {
        if (session.active &&
            std::find(m_liveIds.begin(), m_liveIds.end(), session.peer.id) != m_liveIds.end()) {
            relays.push_back(session.peer);
        }
    }
    return relays;
}

void PeerSessions::handleRouted(Session &session, const QCborMap &map) {
    auto message = RoutedMessage::fromCbor(map);
    if (!message) {
        reject(session.connection, QStringLiteral("malformed message: %1").arg(message.error()));
        return;
    }
    if (message->kind != RoutedMessage::Kind::Sealed &&
        message->kind != RoutedMessage::Kind::Error) {
        // Data, replies and receipts travel sealed end to end; only a node's own reports of
        // a failure travel open.
        reject(session.connection,
               QStringLiteral("malformed message: a routed message of kind %1 must be sealed")
                   .arg(int(message->kind)));
        return;
    }
    if (!session.routedBudget.take(m_clock())) {
        // Over its rate: the origin hears Busy; the other peers' messages are unaffected.
        m_parts.router->reject(*message, RoutedMessage::ErrorCode::Busy,
                               QStringLiteral("%1 is over its message rate at %2")
                                   .arg(session.peer.id.toHex(), m_self.toHex()));
        return;
    }
    m_parts.router->route(std::move(*message), session.peer.id);
}

// --- Sending -------------------------------------------------------------------------

void PeerSessions::flushOutbox(const NodeInfo &peer, net::PeerConnection *connection) {
    const QByteArray key = peer.publicKeyBytes();
    auto it = m_outbox.find(key);
    if (it == m_outbox.end()) {
        return;
    }
    // Only into the connection the manager keeps, while it is open: a duplicate on its way
    // out still completes its activation, but what is sent on it after its goodbye is
    // refused, and the messages would be lost. They wait for the kept connection instead.
    if (!connection->isEstablished() || m_connections->connectionFor(key) != connection) {
        return;
    }
    auto queued = std::move(it->second);
    m_outbox.erase(it);
    for (size_t i = 0; i < queued.size(); ++i) {
        if (!connection->send(queued[i])) {
            // Its send queue is full: the rest waits for the next activation or close.
            m_outbox[key].assign(std::make_move_iterator(queued.begin() + qsizetype(i)),
                                 std::make_move_iterator(queued.end()));
            return;
        }
    }
}

void PeerSessions::send(const NodeInfo &to, const QCborValue &encoded) {
    if (m_stopping || m_paused || to.id == m_self) {
        return;
    }
    const QByteArray key = to.publicKeyBytes();
    if (net::PeerConnection *connection = m_connections->connectionFor(key)) {
        auto it = m_sessions.find(connection);
        if (it != m_sessions.end() && usable(it->second)) {
            it->second.lastUsedMs = m_clock();
            if (!connection->send(encoded)) {
                qCDebug(lcNode).noquote()
                    << "send queue of" << to.id.shortHex() << "full; message dropped";
            }
            return;
        }
    }
    auto &queue = m_outbox[key];
    if (int(queue.size()) < m_config.maxQueuedPerPeer) {
        queue.push_back(encoded);
    }
    if (m_connections->connectionFor(key)) {
        return; // activation in progress
    }
    if (const QString refused = m_dialPolicy.refusal(to.endpoint, m_clock()); !refused.isEmpty()) {
        qCDebug(lcNode).noquote() << m_self.shortHex() << "not dialling" << to.id.shortHex() << ":"
                                  << qPrintable(refused);
        m_outbox.erase(key);
        const auto id = to.id;
        Q_EMIT dialFailed(id.toHex(), QStringLiteral("not dialled: %1").arg(refused));
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (!m_stopping && !m_paused) {
                    m_parts.engine->handleUnreachable(id);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    m_connections->connectTo(to.endpoint.address().toString(), to.endpoint.port(), key);
}

SendResult PeerSessions::sendRouted(const Key160 &peer, const RoutedMessage &message) {
    net::PeerConnection *connection = liveConnection(peer);
    if (!connection || !connection->isEstablished()) {
        return SendResult::Gone;
    }
    if (!connection->send(message.toCbor(), net::PeerConnection::Traffic::Bulk)) {
        return connection->isEstablished() ? SendResult::Busy : SendResult::Gone;
    }
    if (auto it = m_sessions.find(connection); it != m_sessions.end()) {
        it->second.lastUsedMs = m_clock();
    }
    return SendResult::Sent;
}

void PeerSessions::dialContact(const Key160 &peer) {
    const routing::Contact *contact = m_parts.engine->table().find(peer);
    if (m_stopping || m_paused || !contact || !contact->info.endpoint.isValid()) {
        QMetaObject::invokeMethod(
            this, [this, peer] { m_parts.router->connectFailed(peer); }, Qt::QueuedConnection);
        return;
    }
    const QByteArray key = contact->info.publicKeyBytes();
    if (net::PeerConnection *c = m_connections->connectionFor(key); c && m_live.contains(peer)) {
        QMetaObject::invokeMethod(
            this, [this, peer] { m_parts.router->peerUp(peer); }, Qt::QueuedConnection);
        return;
    }
    if (const QString refused = m_connections->connectionFor(key)
                                    ? QString()
                                    : m_dialPolicy.refusal(contact->info.endpoint, m_clock());
        !refused.isEmpty()) {
        qCDebug(lcNode).noquote() << m_self.shortHex() << "not dialling" << peer.shortHex() << ":"
                                  << qPrintable(refused);
        QMetaObject::invokeMethod(
            this, [this, peer] { m_parts.router->connectFailed(peer); }, Qt::QueuedConnection);
        return;
    }
    // Activation (activate) or the close (onClosed) reports back.
    m_connections->connectTo(contact->info.endpoint.address().toString(),
                             contact->info.endpoint.port(), key);
}

// --- Closing -------------------------------------------------------------------------

net::PeerConnection *PeerSessions::liveConnection(const Key160 &peer) const {
    const auto it = m_live.find(peer);
    return it == m_live.end() ? nullptr : it->second;
}

void PeerSessions::forgetLive(const Key160 &peer, const net::PeerConnection *connection) {
    if (liveConnection(peer) != connection) {
        return;
    }
    // Two connections to one peer can both be active for a moment (both ends dialled):
    // the peer stays live through the other one.
    for (const auto &[c, s] : m_sessions) {
        if (c != connection && s.peer.id == peer && usable(s)) {
            m_live.insert_or_assign(peer, c);
            return;
        }
    }
    m_live.erase(peer);
    if (auto it = std::find(m_liveIds.begin(), m_liveIds.end(), peer); it != m_liveIds.end()) {
        m_liveIds.erase(it);
    }
}

void PeerSessions::retire(Session &session, const QString &reason) {
    net::PeerConnection *connection = session.connection;
    if (!connection) {
        return;
    }
    if (session.active) {
        forgetLive(session.peer.id, connection);
    }
    m_connections->retire(connection, reason);
}

void PeerSessions::onClosed(net::PeerConnection *connection, const QString &reason) {
    m_closed.bytesIn += connection->bytesReceived();
    m_closed.bytesOut += connection->bytesSent();
    m_closed.messagesIn += connection->messagesReceived();
    m_closed.messagesOut += connection->messagesSent();
    Session session;
    if (auto it = m_sessions.find(connection); it != m_sessions.end()) {
        session = std::move(it->second);
        m_sessions.erase(it);
    }
    const QByteArray key = connection->remotePublicKey();
    if (session.active) {
        forgetLive(session.peer.id, connection);
        Q_EMIT peerClosed(session.peer.id.toHex(), reason);
    }
    if (m_stopping || m_paused || key.isEmpty()) {
        return;
    }
    // Decided once the connection manager is done: when two nodes dial each other, one
    // connection closes as a duplicate just before the other one is registered.
    // Only a dial that never got through marks the peer unreachable; a connection that was
    // established and then closed (as a duplicate, or by the peer) says nothing about that.
    const bool dialFailed = !connection->wasEstablished();
    if (dialFailed) {
        Q_EMIT this->dialFailed(NodeInfo::idForPublicKey(key).toHex(), reason);
    }
    QMetaObject::invokeMethod(
        this, [this, key, dialFailed] { afterClose(key, dialFailed); }, Qt::QueuedConnection);
}

void PeerSessions::afterClose(const QByteArray &key, bool dialFailed) {
    if (m_stopping || m_paused) {
        return;
    }
    const auto id = NodeInfo::idForPublicKey(key);
    if (net::PeerConnection *kept = m_connections->connectionFor(key)) {
        // What waited for the closed one goes on the kept connection, if it is active
        // already (else its activation sends it).
        if (auto it = m_sessions.find(kept); it != m_sessions.end() && usable(it->second)) {
            flushOutbox(it->second.peer, kept);
        }
        m_parts.engine->resendPending(id);
        return;
    }
    for (auto *c : m_connections->connections()) {
        if (c->remotePublicKey() == key) {
            return; // being dialled again; the outbox waits for it
        }
    }
    m_outbox.erase(key);
    if (dialFailed) {
        // Requests waiting for this peer will not be answered: fail them now.
        m_parts.engine->handleUnreachable(id);
    } else {
        // Closed after it worked: what crossed the goodbye is asked again once.
        m_parts.engine->handleConnectionLost(id);
    }
    if (m_parts.router->isWaitingFor(id)) {
        m_parts.router->connectFailed(id, dialFailed);
    }
}

// --- Connection policy ---------------------------------------------------------------

bool PeerSessions::mayRelay(const NodeInfo &peer, const net::PeerConnection &connection) const {
    // A peer that dialled us relays only while the routing table holds it: the table's
    // address limits (per /24 and /64 of the address it connects from) then also bound how
    // many of the next hops around any key one network can provide. Peers this node dialled
    // came from its table, a seed or a lookup.
    return peer.endpoint.isValid() &&
           (!connection.isInbound() || m_parts.engine->table().contains(peer.id));
}

bool PeerSessions::strayInbound(const Session &session) const {
    // Only a peer the table's address limits turn away: one whose bucket is merely full is
    // still its dialler's to keep (it chose this node as a neighbour and would dial again
    // at once, a handshake each time the connection went idle).
    const net::PeerConnection &c = *session.connection;
    const auto &table = m_parts.engine->table();
    return c.isInbound() && session.peer.endpoint.isValid() && !table.contains(session.peer.id) &&
           table.refusesNetworkOf(session.peer.id, Endpoint(c.remoteAddress(), c.remotePort()));
}

void PeerSessions::applyConnectionPolicy() {
    if (m_stopping || m_paused) {
        return;
    }
    const qint64 now = m_clock();
    const auto &table = m_parts.engine->table();
    // Contacts the table took or dropped since they connected relay, or stop relaying, now.
    m_liveIds.clear();
    for (const auto &[id, connection] : m_live) {
        if (auto it = m_sessions.find(connection);
            it != m_sessions.end() && mayRelay(it->second.peer, *connection)) {
            m_liveIds.push_back(id);
        }
    }
    // Without a listener nobody can dial us: our k closest neighbours are how we are reached.
    const int neighbours =
        m_config.listen ? m_config.neighbourConnections : m_config.overlay.routing.k;
    m_chosenPeers = ConnectionPolicy::chosen(table, neighbours, m_config.connectionsPerBucket, now,
                                             QSet<Key160>(m_liveIds.begin(), m_liveIds.end()));
    for (const NodeInfo &peer : m_chosenPeers) {
        if (!m_live.contains(peer.id) && !m_connections->connectionFor(peer.publicKeyBytes()) &&
            m_dialPolicy.refusal(peer.endpoint, now).isEmpty()) {
            m_connections->connectTo(peer.endpoint.address().toString(), peer.endpoint.port(),
                                     peer.publicKeyBytes());
        }
    }
    std::vector<ConnectionPolicy::Connection> open;
    for (const auto &[connection, session] : m_sessions) {
        if (usable(session)) {
            const Key160 &peer = session.peer.id;
            open.push_back(
                {peer, !session.connection->isInbound(), session.lastUsedMs,
                 m_parts.router->isWaitingFor(peer) || m_parts.engine->isAwaitingReplyFrom(peer),
                 strayInbound(session)});
        }
    }
    for (const Key160 &peer :
         ConnectionPolicy::surplus(std::move(open), m_chosenPeers, m_config.maxConnections, now,
                                   m_config.connectionIdleMs)) {
        net::PeerConnection *c = liveConnection(peer);
        if (auto it = m_sessions.find(c); c && it != m_sessions.end()) {
            qCDebug(lcNode).noquote()
                << m_self.shortHex() << "closing surplus connection to" << peer.shortHex();
            retire(it->second, QStringLiteral("surplus connection"));
        }
    }
}

} // namespace orion::node
