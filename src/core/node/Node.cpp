// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Node.h"

#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "net/ConnectionManager.h"
#include "net/PeerConnection.h"
#include "node/Bootstrapper.h"
#include "node/ConnectionPolicy.h"
#include "node/ContactStore.h"
#include "node/ContainerBridge.h"
#include "node/NodeLog.h"
#include "node/NodePortal.h"
#include "node/ProviderDirectory.h"
#include "overlay/MessageCodec.h"
#include "routing/RoutingLog.h"
#include "util/TimerQueue.h"

#include <QCborMap>
#include <QDateTime>
#include <QThread>
#include <QTimer>

namespace orion::node {

using identity::Key160;
using overlay::MessageCodec;
using overlay::MessageType;
using routing::Delivery;
using routing::Endpoint;
using routing::NodeInfo;
using routing::RoutedMessage;
using ErrorCode = routing::RoutedMessage::ErrorCode;

namespace {

constexpr qint64 kVersionKey = 1;
constexpr qint64 kRecordKey = 2;
constexpr qint64 kObservedAddressKey = 3;
constexpr qint64 kObservedPortKey = 4;

const QString kEchoService = QStringLiteral("echo");
const QString kPingService = QStringLiteral("ping");

ErrorCode errorFor(Delivery d) {
    switch (d) {
    case Delivery::Busy:
        return ErrorCode::Busy;
    case Delivery::Refused:
        return ErrorCode::Refused;
    case Delivery::NoEndpoint:
    case Delivery::Accepted:
        break;
    }
    return ErrorCode::NoEndpoint;
}

bool isSpecific(const QHostAddress &a) {
    return !a.isNull() && a != QHostAddress(QHostAddress::Any) &&
           a != QHostAddress(QHostAddress::AnyIPv4) && a != QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

Node::Node(const Profile &profile, identity::NodeIdentity identity, identity::NetworkKey networkKey,
           NodeConfig config, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_identity(std::move(identity))
    , m_networkKey(std::move(networkKey))
    , m_networkId(m_networkKey.networkId())
    , m_config(std::move(config))
    , m_timers(new util::TimerQueue(this)) {
    qRegisterMetaType<identity::Key160>();
    qRegisterMetaType<routing::RoutedMessage>();
    m_clock.start();
}

Node::~Node() {
    // The portal's clients go first: closing them unregisters their services here.
    if (m_portal) {
        m_portal->stop();
    }
    if (m_engine) {
        m_engine->stop();
    }
}

qint64 Node::nowMs() const {
    return m_clock.elapsed();
}

quint64 Node::randomU64() {
    return crypto::Random::u64();
}

void Node::schedule(qint64 delayMs, std::function<void()> fn) {
    m_timers->schedule(delayMs, std::move(fn));
}

NodeInfo Node::selfInfo() const {
    const auto record = memberRecord();
    auto info = *NodeInfo::fromPublicKey(m_identity.publicKey(),
                                         Endpoint::dialable(record, m_listenEndpoint.address()));
    return info;
}

identity::MemberRecord Node::memberRecord() const {
    QStringList addresses = m_config.advertisedAddresses;
    if (addresses.isEmpty() && m_config.listen && isSpecific(m_config.listenAddress)) {
        addresses << m_config.listenAddress.toString();
    }
    if (addresses.isEmpty() && m_engine) {
        // Self-knowledge: what peers report seeing us at.
        if (const auto observed = m_engine->observedAddress()) {
            addresses << observed->address().toString();
        }
    }
    auto record = identity::MemberRecord::create(m_identity, m_networkId, addresses,
                                                 m_config.listen ? m_listenEndpoint.port() : 0);
    record.sign(m_identity);
    return record;
}

void Node::start() {
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_connections) {
        return;
    }
    m_connections = new net::ConnectionManager(m_identity.keyPair(), m_networkKey.bytes().view(),
                                               m_config.transport, this);
    connect(m_connections, &net::ConnectionManager::connectionEstablished, this,
            &Node::onEstablished);
    connect(m_connections, &net::ConnectionManager::connectionClosed, this, &Node::onClosed);
    connect(m_connections, &net::ConnectionManager::messageReceived, this, &Node::onMessage);

    if (m_config.listen) {
        if (auto ok = m_connections->listen(m_config.listenAddress, m_config.listenPort); !ok) {
            qCWarning(lcNode) << "cannot listen:" << ok.error();
            Q_EMIT startFailed(ok.error());
            return;
        }
        m_listenEndpoint = Endpoint(m_config.listenAddress, m_connections->listenPort());
    }
    if (auto ok = m_profile.create(); !ok) {
        Q_EMIT startFailed(ok.error());
        return;
    }
    if (m_config.portal) {
        m_portal = new NodePortal(this);
        if (auto ok = m_portal->start(); !ok) {
            qCWarning(lcNode) << "cannot open the portal:" << ok.error();
            m_connections->stopListening();
            Q_EMIT startFailed(ok.error());
            return;
        }
    }
    if (m_config.containers) {
        container::ContainerManager::Options options;
        options.containersDirectory = m_profile.containersDirectory();
        options.databasePath = m_profile.databasePath();
        m_containerManager = new container::ContainerManager(options, this);
        // Connected before open(), which announces every container it loads.
        m_containerBridge = new ContainerBridge(this, m_containerManager);
        setContainerEndpoint(m_containerBridge);
        if (auto ok = m_containerManager->open(); !ok) {
            qCWarning(lcNode) << "cannot open the containers:" << ok.error();
            m_connections->stopListening();
            if (m_portal) {
                m_portal->stop();
            }
            Q_EMIT startFailed(ok.error());
            return;
        }
    }
    m_engine = std::make_unique<overlay::OverlayEngine>(selfInfo(), m_config.overlay,
                                                        static_cast<overlay::OverlayHost &>(*this));
    m_engine->start();
    routing::RouterConfig routerConfig = m_config.router;
    routerConfig.relay = m_config.listen;
    m_router = std::make_unique<routing::Router>(
        nodeId(), static_cast<routing::RouterHost &>(*this), routerConfig);
    ProviderDirectory::Hooks hooks;
    hooks.send = [this](const NodeInfo &to, const QCborValue &m) { sendEncoded(to, m); };
    hooks.lookup = [this](const Key160 &key,
                          std::function<void(const std::vector<NodeInfo> &)> done) {
        if (!m_engine || m_stopping) {
            done({});
            return;
        }
        m_engine->lookup(
            key, [done = std::move(done)](const overlay::LookupResult &r) { done(r.closest); });
    };
    ProviderDirectory::Config providerConfig;
    providerConfig.ttlSecs = m_config.providerTtlSecs;
    providerConfig.cacheMs = m_config.providerCacheMs;
    providerConfig.requestTimeoutMs = m_config.overlay.requestTimeoutMs;
    m_providers =
        new ProviderDirectory(m_identity.keyPair(), std::move(hooks), providerConfig, this);
    connect(m_providers, &ProviderDirectory::published, this, &Node::containerPublished);
    // Runs only while messages await an answer, and fires at the earliest deadline: an
    // idle node does not wake up for it.
    m_routeTimer = new QTimer(this);
    m_routeTimer->setSingleShot(true);
    m_routeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_routeTimer, &QTimer::timeout, this, &Node::checkRouteTimeouts);
    armRouteTimer();
    m_policyTimer = new QTimer(this);
    connect(m_policyTimer, &QTimer::timeout, this, &Node::connectionPolicyTick);
    m_policyTimer->start(std::chrono::milliseconds(m_config.connectionPolicyIntervalMs));

    m_bootstrapper = new Bootstrapper(
        m_profile, m_networkId, nodeId(),
        [this](const std::vector<NodeInfo> &seeds, std::function<void(bool)> done) {
            m_engine->bootstrap(seeds, std::move(done));
        },
        [this] { return int(m_engine->table().size()); }, this);
    connect(m_bootstrapper, &Bootstrapper::finished, this, &Node::onBootstrapFinished);
    m_saveTimer = new QTimer(this);
    connect(m_saveTimer, &QTimer::timeout, this, &Node::saveContacts);
    m_saveTimer->start(std::chrono::milliseconds(m_config.saveIntervalMs));

    if (m_config.listen) {
        Q_EMIT listening(m_listenEndpoint.toString());
    }
    m_bootstrapper->start(m_config.bootstrapIntervalMs);
    if (m_containerBridge) {
        m_containerBridge->publishAll();
    }
}

void Node::bootstrapNow() {
    if (m_bootstrapper && !m_stopping) {
        m_bootstrapper->bootstrapNow();
    }
}

void Node::onBootstrapFinished(bool ok) {
    qCInfo(lcNode) << nodeId().shortHex() << "bootstrap" << (ok ? "done," : "failed,")
                   << m_engine->table().size() << "contacts";
    connectionPolicyTick();
    if (ok && m_containerBridge) {
        // Records published before the node knew anyone reached nobody (after a restart,
        // say): store them at the nodes closest to each key now.
        m_containerBridge->publishAll();
    }
    Q_EMIT bootstrapped(ok, int(m_engine->table().size()));
}

void Node::saveContacts() {
    if (!m_engine || m_engine->table().size() == 0) {
        return; // never replace a useful file with an empty one
    }
    if (auto ok = ContactStore::save(m_profile.contactsPath(), m_engine->table().contacts(),
                                     nowMs(), m_config.maxSavedContacts);
        !ok) {
        qCWarning(lcNode) << ok.error();
    }
}

void Node::requestStop() {
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    if (m_portal) {
        m_portal->stop();
    }
    saveContacts();
    if (m_engine) {
        m_engine->stop();
    }
    if (m_saveTimer) {
        m_bootstrapper->stop();
        m_saveTimer->stop();
        m_routeTimer->stop();
        m_policyTimer->stop();
    }
    if (!m_connections) {
        Q_EMIT stopped();
        return;
    }
    m_connections->closeAll(QStringLiteral("node stopping"));
    // Give the goodbyes a moment to leave before the thread ends.
    auto *poll = new QTimer(this);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(poll, &QTimer::timeout, this, [this, poll, waited] {
        if (m_connections->connections().isEmpty() || waited->elapsed() > 2000) {
            poll->stop();
            Q_EMIT stopped();
        }
    });
    poll->start(10);
}

void Node::lookup(const identity::Key160 &target) {
    if (!m_engine || m_stopping) {
        Q_EMIT lookupFinished(target, false, 0, {});
        return;
    }
    m_engine->lookup(target, [this](const overlay::LookupResult &r) {
        QStringList closest;
        for (const auto &n : r.closest) {
            closest << n.id.toHex();
        }
        Q_EMIT lookupFinished(r.target, r.found, r.hops, closest);
    });
}

NodeStatus Node::status() const {
    NodeStatus s;
    s.nodeId = nodeId().toHex();
    s.listenEndpoint = m_config.listen ? m_listenEndpoint.toString() : QString();
    if (m_engine) {
        if (const auto observed = m_engine->observedAddress()) {
            s.observedAddress = observed->address().toString();
        }
        s.contacts = int(m_engine->table().size());
        s.buckets = m_engine->table().bucketCount();
    }
    s.connections = m_connections ? int(m_connections->connections().size()) : 0;
    for (const auto &[connection, session] : m_sessions) {
        s.activePeers += session.active ? 1 : 0;
    }
    s.bootstrapped = m_bootstrapper && m_bootstrapper->isBootstrapped();
    s.publicKey = QString::fromLatin1(m_identity.publicKey().toHex());
    s.networkId = QString::fromLatin1(m_networkId.toHex());
    s.uptimeMs = m_clock.elapsed();
    s.portalSocket = m_portal ? m_portal->socketPath() : QString();
    s.bytesIn = m_closedBytesIn;
    s.bytesOut = m_closedBytesOut;
    s.messagesIn = m_closedMessagesIn;
    s.messagesOut = m_closedMessagesOut;
    if (m_connections) {
        for (const auto *c : m_connections->connections()) {
            s.bytesIn += c->bytesReceived();
            s.bytesOut += c->bytesSent();
            s.messagesIn += c->messagesReceived();
            s.messagesOut += c->messagesSent();
        }
    }
    if (m_router) {
        s.routing = m_router->stats();
    }
    s.providerRecords = m_providers ? m_providers->store().size() : 0;
    return s;
}

bool Node::isActivePeer(const identity::Key160 &id) const {
    for (const auto &[connection, session] : m_sessions) {
        if (session.peer.id == id && usable(session)) {
            return true;
        }
    }
    return false;
}

std::vector<routing::Contact> Node::contacts() const {
    return m_engine ? m_engine->table().contacts() : std::vector<routing::Contact>{};
}

int Node::bucketIndexFor(const Key160 &id) const {
    return m_engine ? m_engine->table().bucketIndexFor(id) : -1;
}

QCborValue Node::activationMessage(MessageType type, net::PeerConnection *connection) const {
    QCborMap map;
    map.insert(qint64(0), int(type));
    map.insert(kVersionKey, overlay::kProtocolVersion);
    map.insert(kRecordKey, memberRecord().toCborMap());
    // "Your address as I see it": how the peer learns its external address.
    const Endpoint seen(connection->remoteAddress(), connection->remotePort());
    if (!seen.isNull()) {
        map.insert(kObservedAddressKey, seen.rawAddress());
        map.insert(kObservedPortKey, seen.port());
    }
    return map;
}

void Node::onEstablished(net::PeerConnection *connection) {
    if (m_stopping) {
        connection->close(QStringLiteral("node stopping"));
        return;
    }
    m_sessions.emplace(connection, Session{connection, {}, false, 0, {}});
    if (!connection->isInbound()) {
        connection->send(activationMessage(MessageType::Activation, connection));
    }
}

void Node::reject(net::PeerConnection *connection, const QString &reason) {
    qCWarning(lcNode) << "closing" << connection->describe() << ":" << reason;
    connection->close(reason);
}

void Node::sendError(net::PeerConnection *connection, overlay::ErrorCode code, int refType,
                     const QString &text) {
    connection->send(MessageCodec::encode(MessageCodec::errorFor(code, refType, text)));
}

void Node::onMessage(net::PeerConnection *connection, const QCborValue &message) {
    auto it = m_sessions.find(connection);
    if (it == m_sessions.end() || m_stopping) {
        return;
    }
    Session &session = it->second;
    session.lastUsedMs = nowMs();
    const int type = MessageCodec::typeOf(message);
    if (type < 0) {
        reject(connection, QStringLiteral("message is not a map with a type"));
        return;
    }
    if (!session.active) {
        const bool inbound = connection->isInbound();
        if (inbound && type == int(MessageType::Activation)) {
            handleActivation(session, message.toMap(), false);
        } else if (!inbound && type == int(MessageType::Confirmation)) {
            handleActivation(session, message.toMap(), true);
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
    case MessageType::AddProvider:
    case MessageType::GetProviders:
    case MessageType::Providers:
        if (auto ok = m_providers->handle(session.peer, type, message.toMap()); !ok) {
            reject(connection, QStringLiteral("malformed message: %1").arg(ok.error()));
        }
        return;
    case MessageType::Ping:
    case MessageType::Pong:
    case MessageType::FindNode:
    case MessageType::Nodes:
    case MessageType::Error:
        break;
    default:
        qCInfo(lcNode) << "unknown message type" << type << "from" << session.peer.id.shortHex();
        sendError(connection, overlay::ErrorCode::UnknownType, type,
                  QStringLiteral("unknown message type %1").arg(type));
        return;
    }
    int dropped = 0;
    auto decoded = MessageCodec::decode(message, &dropped);
    if (!decoded) {
        reject(connection, QStringLiteral("malformed message: %1").arg(decoded.error()));
        return;
    }
    if (dropped > 0) {
        qCWarning(lcNode) << "dropped" << dropped << "unusable entries (bad key, address or port)"
                          << "from" << session.peer.id.shortHex();
    }
    m_engine->handleMessage(session.peer, *decoded,
                            Endpoint(connection->remoteAddress(), connection->remotePort()));
}

void Node::handleActivation(Session &session, const QCborMap &map, bool confirmation) {
    net::PeerConnection *connection = session.connection;
    const QCborValue version = map.value(kVersionKey);
    if (!version.isInteger() || version.toInteger() < 1) {
        reject(connection, QStringLiteral("activation without a protocol version"));
        return;
    }
    if (!map.value(kRecordKey).isMap()) {
        reject(connection, QStringLiteral("activation without a member record"));
        return;
    }
    auto record = identity::MemberRecord::fromCborMap(map.value(kRecordKey).toMap());
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
    if (map.contains(kObservedAddressKey)) {
        if (auto observed = Endpoint::fromRaw(map.value(kObservedAddressKey).toByteArray(),
                                              map.value(kObservedPortKey).toInteger(0))) {
            m_engine->recordObservedAddress(record->nodeId, *observed);
        }
    }
    const auto peer = NodeInfo::fromPublicKey(
        record->publicKey, Endpoint::dialable(*record, connection->remoteAddress()));
    if (!confirmation) {
        connection->send(activationMessage(MessageType::Confirmation, connection));
    }
    activate(session, *peer);
}

void Node::activate(Session &session, const NodeInfo &peer) {
    session.active = true;
    session.peer = peer;
    net::PeerConnection *connection = session.connection;
    qCDebug(lcNode) << nodeId().shortHex() << "activated" << peer.id.shortHex()
                    << peer.endpoint.toString();
    session.lastUsedMs = nowMs();
    session.routedBudget =
        util::TokenBucket(m_config.routedPerSecondPerPeer, m_config.routedBurstPerPeer, nowMs());
    m_engine->handlePeerActivated(peer);
    flushOutbox(peer, connection);
    if (!m_live.contains(peer.id) && peer.endpoint.isValid()) {
        m_liveIds.push_back(peer.id);
    }
    m_live.insert_or_assign(peer.id, connection);
    m_router->peerUp(peer.id);
    Q_EMIT peerActivated(peer.id.toHex());
}

void Node::flushOutbox(const NodeInfo &peer, net::PeerConnection *connection) {
    auto it = m_outbox.find(peer.publicKeyBytes());
    if (it == m_outbox.end()) {
        return;
    }
    const auto queued = std::move(it->second);
    m_outbox.erase(it);
    for (const auto &message : queued) {
        connection->send(message);
    }
}

void Node::send(const NodeInfo &to, overlay::OverlayMessage message) {
    sendEncoded(to, MessageCodec::encode(message));
}

void Node::sendOverlayMessage(const NodeInfo &to, const QCborValue &message) {
    sendEncoded(to, message);
}

void Node::sendEncoded(const NodeInfo &to, const QCborValue &encoded) {
    if (m_stopping || to.id == nodeId()) {
        return;
    }
    const QByteArray key = to.publicKeyBytes();
    if (net::PeerConnection *connection = m_connections->connectionFor(key)) {
        auto it = m_sessions.find(connection);
        if (it != m_sessions.end() && usable(it->second)) {
            it->second.lastUsedMs = nowMs();
            if (!connection->send(encoded)) {
                qCDebug(lcNode) << "send queue of" << to.id.shortHex() << "full; message dropped";
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
    if (!to.endpoint.isValid()) {
        m_outbox.erase(key);
        const auto id = to.id;
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (m_engine) {
                    m_engine->handleUnreachable(id);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    m_connections->connectTo(to.endpoint.address().toString(), to.endpoint.port(), key);
}

net::PeerConnection *Node::liveConnection(const Key160 &peer) const {
    const auto it = m_live.find(peer);
    return it == m_live.end() ? nullptr : it->second;
}

bool Node::usable(const Session &session) {
    return session.active && session.connection && session.connection->isEstablished();
}

void Node::forgetLive(const Key160 &peer, const net::PeerConnection *connection) {
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

void Node::retire(Session &session, const QString &reason) {
    net::PeerConnection *connection = session.connection;
    if (!connection) {
        return;
    }
    if (session.active) {
        forgetLive(session.peer.id, connection);
    }
    m_connections->retire(connection, reason);
}

void Node::onClosed(net::PeerConnection *connection, const QString &reason) {
    m_closedBytesIn += connection->bytesReceived();
    m_closedBytesOut += connection->bytesSent();
    m_closedMessagesIn += connection->messagesReceived();
    m_closedMessagesOut += connection->messagesSent();
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
    if (m_stopping || key.isEmpty()) {
        return;
    }
    // Decided once the connection manager is done: when two nodes dial each other, one
    // connection closes as a duplicate just before the other one is registered.
    // Only a dial that never got through marks the peer unreachable; a connection that was
    // established and then closed (as a duplicate, or by the peer) says nothing about that.
    const bool dialFailed = !connection->wasEstablished();
    QMetaObject::invokeMethod(
        this,
        [this, key, dialFailed] {
            if (m_stopping || !m_engine) {
                return;
            }
            const auto id = NodeInfo::idForPublicKey(key);
            if (m_connections->connectionFor(key)) {
                m_engine->resendPending(id);
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
                m_engine->handleUnreachable(id);
            } else {
                // Closed after it worked: what crossed the goodbye is asked again once.
                m_engine->handleConnectionLost(id);
            }
            if (m_router->isWaitingFor(id)) {
                m_router->connectFailed(id, dialFailed);
            }
        },
        Qt::QueuedConnection);
}

// --- Routing ------------------------------------------------------------------------

void Node::handleRouted(Session &session, const QCborMap &map) {
    auto message = RoutedMessage::fromCbor(map);
    if (!message) {
        reject(session.connection, QStringLiteral("malformed message: %1").arg(message.error()));
        return;
    }
    if (!session.routedBudget.take(nowMs())) {
        // Over its rate: the origin hears Busy; the other peers' messages are unaffected.
        m_router->reject(*message, ErrorCode::Busy,
                         QStringLiteral("%1 is over its message rate at %2")
                             .arg(session.peer.id.toHex(), nodeId().toHex()));
        return;
    }
    m_router->route(std::move(*message), session.peer.id);
}

Node::SendResult Node::sendToPeer(const Key160 &peer, const RoutedMessage &message) {
    net::PeerConnection *connection = liveConnection(peer);
    if (!connection || !connection->isEstablished()) {
        return SendResult::Gone;
    }
    if (!connection->send(message.toCbor())) {
        return connection->isEstablished() ? SendResult::Busy : SendResult::Gone;
    }
    if (auto it = m_sessions.find(connection); it != m_sessions.end()) {
        it->second.lastUsedMs = nowMs();
    }
    return SendResult::Sent;
}

std::vector<Key160> Node::knownContacts(const Key160 &key, int count) const {
    std::vector<Key160> ids;
    if (!m_engine) {
        return ids;
    }
    for (const auto &info : m_engine->table().closest(key, count)) {
        ids.push_back(info.id);
    }
    return ids;
}

void Node::connectTo(const Key160 &peer) {
    const routing::Contact *contact = m_engine ? m_engine->table().find(peer) : nullptr;
    if (m_stopping || !contact || !contact->info.endpoint.isValid()) {
        QMetaObject::invokeMethod(
            this, [this, peer] { m_router->connectFailed(peer); }, Qt::QueuedConnection);
        return;
    }
    const QByteArray key = contact->info.publicKeyBytes();
    if (net::PeerConnection *c = m_connections->connectionFor(key); c && m_live.contains(peer)) {
        QMetaObject::invokeMethod(
            this, [this, peer] { m_router->peerUp(peer); }, Qt::QueuedConnection);
        return;
    }
    // Activation (Node::activate) or the close (Node::onClosed) reports back.
    m_connections->connectTo(contact->info.endpoint.address().toString(),
                             contact->info.endpoint.port(), key);
}

Delivery Node::deliverData(const RoutedMessage &message) {
    if (message.target == nodeId()) {
        if (auto it = m_services.constFind(message.service); it != m_services.constEnd()) {
            return (*it)(message);
        }
        if (message.service == kEchoService) {
            sendReply(message, message.body);
            return Delivery::Accepted;
        }
        if (message.service == kPingService) {
            sendReply(message, QStringLiteral("pong"));
            return Delivery::Accepted;
        }
        return Delivery::NoEndpoint;
    }
    if (m_containers && m_containers->hasContainer(message.target)) {
        return m_containers->deliver(message);
    }
    return Delivery::NoEndpoint;
}

void Node::deliverLocal(const RoutedMessage &message) {
    if (message.kind == RoutedMessage::Kind::Data) {
        const Delivery d = deliverData(message);
        if (d != Delivery::Accepted) {
            const QString text =
                d == Delivery::NoEndpoint
                    ? QStringLiteral("no endpoint %1%2 on node %3")
                          .arg(message.target.toHex(),
                               message.service.isEmpty() ? QString()
                                                         : QStringLiteral("/") + message.service,
                               nodeId().toHex())
                    : QStringLiteral("the endpoint answered %1").arg(int(d));
            m_router->reject(message, errorFor(d), text);
        } else if (message.wantReceipt) {
            routeFromHere(message.makeReceipt(nodeId()));
        }
        return;
    }
    // A receipt, reply or error for a message sent from here.
    const bool awaited = m_awaiting.settle(message.inReplyTo);
    if (message.target != nodeId() && m_containers && m_containers->hasContainer(message.target)) {
        m_containers->deliver(message);
    }
    switch (message.kind) {
    case RoutedMessage::Kind::Receipt:
        if (awaited) {
            Q_EMIT messageDelivered(message.inReplyTo, int(message.body.toInteger(-1)));
        }
        break;
    case RoutedMessage::Kind::Reply:
        if (awaited) {
            Q_EMIT messageDelivered(message.inReplyTo, -1);
        }
        Q_EMIT messageReply(message.inReplyTo, message);
        break;
    case RoutedMessage::Kind::Error:
        Q_EMIT messageError(message.inReplyTo, int(message.errorCode), message.errorText);
        break;
    case RoutedMessage::Kind::Data:
        break;
    }
}

void Node::routeFromHere(RoutedMessage message) {
    if (m_router && !m_stopping) {
        m_router->route(std::move(message), nodeId());
    }
}

bool Node::registerService(const QString &name, ServiceHandler handler) {
    if (name.isEmpty() || name == kEchoService || name == kPingService || !handler ||
        name.toUtf8().size() > RoutedMessage::kMaxServiceBytes || m_services.contains(name)) {
        return false;
    }
    m_services.emplace(name, std::move(handler));
    return true;
}

void Node::unregisterService(const QString &name) {
    m_services.remove(name);
}

QStringList Node::services() const {
    return m_services.keys();
}

void Node::setContainerEndpoint(routing::ContainerEndpoint *endpoint) {
    m_containers = endpoint;
}

QByteArray Node::sendMessage(const Key160 &target, const QString &service, const QCborValue &body,
                             const SendOptions &options) {
    RoutedMessage m;
    m.messageId = RoutedMessage::newMessageId();
    m.origin = nodeId();
    m.source = options.source.value_or(nodeId());
    m.destination = target;
    m.target = target;
    m.service = service;
    m.hopLimit = std::clamp(options.hopLimit, 0, int(RoutedMessage::kMaxHopLimit));
    m.body = body;
    const qint64 timeout = options.timeoutMs < 0 ? m_config.routeTimeoutMs : options.timeoutMs;
    if (timeout > 0) {
        m.wantReceipt = true;
        m_awaiting.expect(m.messageId, nowMs() + timeout);
        armRouteTimer();
    }
    QByteArray id = m.messageId;
    m_outgoing.emplace_back(std::move(m), options.target);
    if (!m_outgoingScheduled) {
        m_outgoingScheduled = true;
        QMetaObject::invokeMethod(this, &Node::flushOutgoing, Qt::QueuedConnection);
    }
    return id;
}

void Node::flushOutgoing() {
    m_outgoingScheduled = false;
    auto batch = std::move(m_outgoing);
    m_outgoing.clear();
    // Plain names, not a structured binding: lambdas below capture the message, which
    // clang before 16 does not allow for bindings.
    for (auto &entry : batch) {
        RoutedMessage &message = entry.first;
        const SendOptions::Target kind = entry.second;
        if (!m_router || m_stopping) {
            Q_EMIT messageError(message.messageId, int(ErrorCode::NoRoute),
                                QStringLiteral("the node is not running"));
            continue;
        }
        const Key160 target = message.target;
        bool resolveFirst = kind == SendOptions::Target::Container;
        if (kind == SendOptions::Target::Auto) {
            if (const auto record = m_providers->cached(target)) {
                message.destination = record->hostId;
                routeFromHere(std::move(message));
                continue;
            }
            // A node we know needs no resolution; any other key may be a container's.
            resolveFirst = target != nodeId() && !m_live.contains(target) &&
                           !m_engine->table().contains(target);
        }
        if (resolveFirst) {
            const bool strict = kind == SendOptions::Target::Container;
            m_providers->resolve(
                target, [this, message = message,
                         strict](std::optional<routing::ProviderRecord> record) mutable {
                    if (record) {
                        message.destination = record->hostId;
                    } else if (strict) {
                        m_awaiting.settle(message.messageId);
                        Q_EMIT messageError(message.messageId, int(ErrorCode::Unresolved),
                                            QStringLiteral("no provider record for %1")
                                                .arg(message.target.toHex()));
                        return;
                    }
                    routeFromHere(std::move(message));
                });
            continue;
        }
        routeFromHere(std::move(message));
    }
}

void Node::sendReply(const RoutedMessage &request, const QCborValue &body,
                     const std::optional<Key160> &from) {
    routeFromHere(request.makeReply(nodeId(), from.value_or(request.target), body));
}

void Node::sendErrorReply(const RoutedMessage &request, ErrorCode code, const QString &text) {
    if (m_router) {
        m_router->reject(request, code, text);
    }
}

void Node::checkRouteTimeouts() {
    for (const QByteArray &id : m_awaiting.expire(nowMs())) {
        Q_EMIT messageError(id, int(ErrorCode::Timeout),
                            QStringLiteral("neither a receipt nor an error came back"));
    }
    armRouteTimer();
}

void Node::armRouteTimer() {
    if (!m_routeTimer || m_stopping) {
        return;
    }
    const std::optional<qint64> next = m_awaiting.nextDeadline();
    if (!next) {
        m_routeTimer->stop();
        return;
    }
    // Answered messages leave the timer set for a deadline that no longer exists; it then
    // fires early, expires nothing and is set again.
    if (m_routeTimer->isActive() && m_routeTimerDeadline <= *next) {
        return;
    }
    m_routeTimerDeadline = *next;
    m_routeTimer->start(std::chrono::milliseconds(std::max<qint64>(0, *next - nowMs())));
}

void Node::connectionPolicyTick() {
    if (!m_engine || m_stopping) {
        return;
    }
    const qint64 now = nowMs();
    // Without a listener nobody can dial us: our k closest neighbours are how we are reached.
    const int neighbours =
        m_config.listen ? m_config.neighbourConnections : m_config.overlay.routing.k;
    m_chosenPeers =
        ConnectionPolicy::chosen(m_engine->table(), neighbours, m_config.connectionsPerBucket, now,
                                 QSet<Key160>(m_liveIds.begin(), m_liveIds.end()));
    for (const NodeInfo &peer : m_chosenPeers) {
        if (!m_live.contains(peer.id) && peer.endpoint.isValid()) {
            m_connections->connectTo(peer.endpoint.address().toString(), peer.endpoint.port(),
                                     peer.publicKeyBytes());
        }
    }
    std::vector<ConnectionPolicy::Connection> open;
    for (const auto &[connection, session] : m_sessions) {
        if (usable(session)) {
            const Key160 &peer = session.peer.id;
            open.push_back({peer, !session.connection->isInbound(), session.lastUsedMs,
                            m_router->isWaitingFor(peer) || m_engine->isAwaitingReplyFrom(peer)});
        }
    }
    for (const Key160 &peer :
         ConnectionPolicy::surplus(std::move(open), m_chosenPeers, m_config.maxConnections, now,
                                   m_config.connectionIdleMs)) {
        net::PeerConnection *c = liveConnection(peer);
        if (auto it = m_sessions.find(c); c && it != m_sessions.end()) {
            qCDebug(lcNode) << nodeId().shortHex() << "closing surplus connection to"
                            << peer.shortHex();
            retire(it->second, QStringLiteral("surplus connection"));
        }
    }
}

// --- Provider records -----------------------------------------------------------------

void Node::publishContainer(const crypto::Ed25519 &containerKey) {
    if (m_providers && !m_stopping) {
        m_providers->publish(containerKey);
    }
}

void Node::withdrawContainer(const Key160 &containerKey) {
    if (m_providers) {
        m_providers->withdraw(containerKey);
    }
}

void Node::resolveContainer(const Key160 &containerKey) {
    if (!m_providers || m_stopping) {
        Q_EMIT containerResolved(containerKey, false, {});
        return;
    }
    m_providers->resolve(containerKey,
                         [this, containerKey](std::optional<routing::ProviderRecord> record) {
                             Q_EMIT containerResolved(containerKey, record.has_value(),
                                                      record ? record->hostId : Key160());
                         });
}

std::optional<routing::ProviderRecord> Node::storedProvider(const Key160 &key) const {
    return m_providers ? m_providers->store().find(key, QDateTime::currentSecsSinceEpoch())
                       : std::nullopt;
}

} // namespace orion::node
